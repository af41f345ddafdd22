package transfer

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"

	"github.com/frameio-go/frameio-go/frameio"
	"github.com/frameio-go/frameio-go/gen"
	"github.com/frameio-go/frameio-go/internal/redact"
)

// Downloader downloads files' media links. Create it with NewDownloader;
// it is safe for concurrent use.
type Downloader struct {
	client *frameio.Client
	cfg    config
}

// NewDownloader returns a Downloader that reads files through client and
// fetches their media links through a separate plain HTTP client (see
// WithHTTPClient), so the bearer token never reaches the storage host.
// opts become the defaults of every call.
func NewDownloader(client *frameio.Client, opts ...Option) (*Downloader, error) {
	if client == nil {
		return nil, errors.New("transfer: NewDownloader: client is nil")
	}
	base := defaultConfig(sharedHTTPClient())
	base.concurrency = DefaultDownloadConcurrency
	cfg, err := base.with(opts)
	if err != nil {
		return nil, err
	}
	return &Downloader{client: client, cfg: cfg}, nil
}

// Link is a resolved media link.
type Link struct {
	// URL is the presigned download URL: whoever holds it can download the
	// file until it expires, so use it promptly and do not log it (Link's
	// String and LogValue leave its query out).
	URL string
	// Size is the expected length: the file size for RenditionOriginal,
	// -1 (unknown) for transcodes.
	Size int64
	// File is the file as read with the link included.
	File gen.FileWithIncludes
}

// String shows the link without the presigned query of URL, so that a Link
// printed by mistake (fmt, log/slog) does not hand out the download.
func (l Link) String() string {
	return fmt.Sprintf("transfer.Link{URL: %q, Size: %d, File: %q}", redact.StripQuery(l.URL), l.Size, l.File.ID)
}

// GoString implements fmt.GoStringer like String.
func (l Link) GoString() string { return l.String() }

// LogValue implements slog.LogValuer without the presigned query.
func (l Link) LogValue() slog.Value {
	return slog.GroupValue(slog.String("url", redact.StripQuery(l.URL)), slog.Int64("size", l.Size), slog.String("file_id", l.File.ID))
}

// DownloadResult describes a completed download.
type DownloadResult struct {
	// Path is the destination path (DownloadFile only).
	Path string
	// Size is the number of bytes written.
	Size int64
	// Resumes is the number of times the transfer (any of its ranges)
	// resumed after a dropped connection.
	Resumes int
	// File is the file as read with the link included.
	File gen.FileWithIncludes
}

// LogValue implements slog.LogValuer with a summary: slog's JSON handler
// would otherwise marshal File, whose media links are presigned.
func (r DownloadResult) LogValue() slog.Value {
	return slog.GroupValue(slog.String("file_id", r.File.ID), slog.String("path", r.Path),
		slog.Int64("size", r.Size), slog.Int("resumes", r.Resumes))
}

// Link reads the file with the rendition's media link included (WithRendition,
// default RenditionOriginal) and returns it. A null link, or a 403 because
// the user may not download the file, is a *LinkUnavailableError.
func (d *Downloader) Link(ctx context.Context, accountID, fileID string, opts ...Option) (*Link, error) {
	cfg, err := d.cfg.with(opts)
	if err != nil {
		return nil, err
	}
	return d.link(ctx, &cfg, accountID, fileID)
}

func (d *Downloader) link(ctx context.Context, cfg *config, accountID, fileID string) (*Link, error) {
	inc, _ := cfg.rendition.include()
	f, err := d.client.Files.Show(ctx, accountID, fileID, &gen.FilesShowParams{Include: &inc}, cfg.apiOpts...)
	if err != nil {
		if frameio.IsForbidden(err) {
			return nil, &LinkUnavailableError{FileID: fileID, Rendition: cfg.rendition, Err: err}
		}
		return nil, err
	}
	u := cfg.rendition.downloadURL(f.MediaLinks)
	if u == "" {
		return nil, &LinkUnavailableError{FileID: fileID, Rendition: cfg.rendition, FileStatus: string(f.Status)}
	}
	l := &Link{URL: u, Size: -1, File: *f}
	if cfg.rendition == RenditionOriginal {
		l.Size = int64(f.FileSize)
	}
	return l, nil
}

// Download writes the file's media link to w, in order. An original of
// more than WithBufferSize (DefaultBufferSize) bytes is fetched in ranges
// of that size, WithConcurrency (DefaultDownloadConcurrency) at a time;
// each range waits in memory for the ranges before it, so the download
// holds at most the concurrency times the buffer size, whatever the file's
// size. A server that ignores Range, or does not say the size, gets one
// stream. A range (or the stream) whose connection drops resumes on its
// own with an HTTP Range request from the byte it reached; the length is
// checked at the end (*SizeMismatchError). Progress options apply. Bytes
// already written to w stay written when it fails: to get all-or-nothing,
// and ranges written straight to their place, use DownloadFile.
func (d *Downloader) Download(ctx context.Context, accountID, fileID string, w io.Writer, opts ...Option) (*DownloadResult, error) {
	cfg, err := d.cfg.with(opts)
	if err != nil {
		return nil, err
	}
	l, err := d.link(ctx, &cfg, accountID, fileID)
	if err != nil {
		return nil, err
	}
	name := cfg.name
	if name == "" {
		name = l.File.Name
	}
	n, resumes, err := fetch(ctx, labelled(&cfg, name), l.URL, l.Size, w)
	res := &DownloadResult{Size: n, Resumes: resumes, File: l.File}
	if err != nil {
		return res, err
	}
	return res, nil
}

// DownloadFile downloads the file's media link to dst, or into the
// directory dst under the file's name when dst is a directory. An original
// of more than WithRangeSize (DefaultRangeSize) bytes is fetched in ranges
// of that size, WithConcurrency (DefaultDownloadConcurrency) at a time,
// each written at its offset (memory does not grow with the range size or
// the file's). It writes a temporary file next to the destination and
// renames it only once the download is complete and its size checked, so
// a failed download leaves nothing at dst. See Download.
func (d *Downloader) DownloadFile(ctx context.Context, accountID, fileID, dst string, opts ...Option) (*DownloadResult, error) {
	cfg, err := d.cfg.with(opts)
	if err != nil {
		return nil, err
	}
	l, err := d.link(ctx, &cfg, accountID, fileID)
	if err != nil {
		return nil, err
	}
	if st, err := os.Stat(dst); err == nil && st.IsDir() {
		name := filepath.Base(filepath.Clean("/" + l.File.Name))
		if name == "/" || name == "." {
			return nil, fmt.Errorf("transfer: file %s has no usable name to save into %s", fileID, dst)
		}
		dst = filepath.Join(dst, name)
	}
	res := &DownloadResult{Path: dst, File: l.File}
	res.Size, res.Resumes, err = writeAtomically(dst, func(f *os.File) (int64, int, error) {
		ff := newFlushingFile(f, flushEvery)
		defer ff.wait()
		return fetchAt(ctx, labelled(&cfg, l.File.Name), l.URL, l.Size, ff)
	})
	if err != nil {
		return res, err
	}
	return res, nil
}

// DownloadURL fetches rawURL (a presigned media link) into w with the same
// ranges, resumes, progress and size check as Download. size is the
// expected length, or -1 to trust the server's (the object is then fetched
// in ranges only if the answer to the first one gives its size).
func (d *Downloader) DownloadURL(ctx context.Context, rawURL string, size int64, w io.Writer, opts ...Option) (int64, error) {
	cfg, err := d.cfg.with(opts)
	if err != nil {
		return 0, err
	}
	n, _, err := fetch(ctx, &cfg, rawURL, size, w)
	return n, err
}

// writeAtomically runs write on a temporary file in dst's directory and
// renames it to dst on success; on failure it removes it.
func writeAtomically(dst string, write func(*os.File) (int64, int, error)) (n int64, resumes int, err error) {
	f, err := os.CreateTemp(filepath.Dir(dst), "."+filepath.Base(dst)+".*.partial")
	if err != nil {
		return 0, 0, err
	}
	tmp := f.Name()
	defer func() {
		if err != nil {
			_ = f.Close()
			_ = os.Remove(tmp)
		}
	}()
	if n, resumes, err = write(f); err != nil {
		return n, resumes, err
	}
	if err = f.Chmod(0o644); err != nil {
		return n, resumes, err
	}
	if err = f.Sync(); err != nil {
		return n, resumes, err
	}
	if err = f.Close(); err != nil {
		return n, resumes, err
	}
	if err = os.Rename(tmp, dst); err != nil {
		return n, resumes, err
	}
	return n, resumes, nil
}
