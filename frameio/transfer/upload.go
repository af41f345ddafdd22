package transfer

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"mime"
	"os"
	"path/filepath"

	"github.com/frameio-go/frameio-go/frameio"
	"github.com/frameio-go/frameio-go/gen"
)

// Uploader uploads content to Frame.io. Create it with NewUploader; it is
// safe for concurrent use.
type Uploader struct {
	client *frameio.Client
	cfg    config
}

// NewUploader returns an Uploader that calls the API through client and
// sends content to the presigned URLs through a separate plain HTTP client
// (see WithHTTPClient). opts become the defaults of every call.
//
// Create one Uploader and reuse it: it is safe for concurrent use, and its
// connections to the object store stay open from one upload to the next.
// (Uploaders and Downloaders created without WithHTTPClient share the
// package's one default transport, so a fresh one per upload opens no new
// connections either.)
func NewUploader(client *frameio.Client, opts ...Option) (*Uploader, error) {
	if client == nil {
		return nil, errors.New("transfer: NewUploader: client is nil")
	}
	cfg, err := defaultConfig(sharedHTTPClient()).with(opts)
	if err != nil {
		return nil, err
	}
	return &Uploader{client: client, cfg: cfg}, nil
}

// UploadResult describes a completed local upload.
type UploadResult struct {
	// File is the file as created by files.create-local-upload.
	File gen.FileWithUploadURLs
	// FileID is the ID of the created file.
	FileID string
	// MediaType is the Content-Type the parts were sent with.
	MediaType string
	// Size is the number of bytes sent, Parts the number of parts.
	Size  int64
	Parts int
	// Status is the last upload status read by the wait helper, when
	// WithWaitFor asked for StageUploaded or later.
	Status *gen.FileUploadStatus
	// Ready is the file as last read by the wait helper, when WithWaitFor
	// asked for StageTranscoded.
	Ready *gen.FileWithIncludes
}

// LogValue implements slog.LogValuer with a summary: slog's JSON handler
// would otherwise marshal File, whose upload URLs are presigned.
func (r UploadResult) LogValue() slog.Value {
	return slog.GroupValue(slog.String("file_id", r.FileID), slog.String("media_type", r.MediaType),
		slog.Int64("size", r.Size), slog.Int("parts", r.Parts))
}

// UploadFile uploads the file at path into the folder folderID. The name
// defaults to the file's base name (WithName). See Upload.
func (u *Uploader) UploadFile(ctx context.Context, accountID, folderID, path string, opts ...Option) (*UploadResult, error) {
	f, size, err := openRegular(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return u.Upload(ctx, accountID, folderID, f, size, filepath.Base(path), opts...)
}

// openRegular opens path for reading and returns its size; anything but a
// regular file (a directory, a device, a pipe) is an error.
func openRegular(path string) (*os.File, int64, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, 0, err
	}
	st, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, 0, err
	}
	if !st.Mode().IsRegular() {
		f.Close()
		return nil, 0, fmt.Errorf("transfer: %s is not a regular file", path)
	}
	return f, st.Size(), nil
}

// Upload uploads size bytes of r as a new file called name (WithName
// overrides it) in the folder folderID: it calls files.create-local-upload,
// checks that the returned upload_urls sizes add up to size, and PUTs the
// parts in parallel with per-part retries. r is read with ReadAt from
// several goroutines at once, each part streamed, never buffered whole.
//
// A failure after the file was created is an *UploadError carrying the
// file ID, wrapping a *PartError, a *PartSizeError or the context's error.
func (u *Uploader) Upload(ctx context.Context, accountID, folderID string, r io.ReaderAt, size int64, name string, opts ...Option) (*UploadResult, error) {
	cfg, err := u.cfg.with(opts)
	if err != nil {
		return nil, err
	}
	return u.newJob(&cfg, r, size, name).run(ctx, accountID, folderID)
}

// UploadContent sends r to the upload URLs of a file created by the caller
// with files.create-local-upload (or files.create): the low-level half of
// Upload, for callers that create the file themselves, or that send again
// the parts an upload failed on (WithOnlyParts with the numbers of
// UploadError.PartErrors; the URLs must not have expired).
func (u *Uploader) UploadContent(ctx context.Context, file *gen.FileWithUploadURLs, r io.ReaderAt, size int64, opts ...Option) error {
	cfg, err := u.cfg.with(opts)
	if err != nil {
		return err
	}
	j := u.newJob(&cfg, r, size, file.Name)
	parts, err := planContent(file, size, cfg.onlyParts)
	if err != nil {
		return err
	}
	var total int64
	for _, p := range parts {
		total += p.size
	}
	j.progress = newTracker(total, labelled(&cfg, j.src.name).progressFunc())
	j.progress.start()
	j.useFile(file)
	if err := j.sendParts(ctx, parts); err != nil {
		return err
	}
	j.progress.finish()
	return nil
}

// partMediaType picks the parts' Content-Type: the media type the API
// returned (it must match), else the caller's, else the one of the name's
// extension, else DefaultMediaType.
func partMediaType(returned, explicit, name string) string {
	switch {
	case returned != "":
		return returned
	case explicit != "":
		return explicit
	}
	if t := mime.TypeByExtension(filepath.Ext(name)); t != "" {
		return t
	}
	return DefaultMediaType
}

// MediaTypeOf returns the media type for a file name from its extension
// (mime.TypeByExtension), or DefaultMediaType.
func MediaTypeOf(name string) string { return partMediaType("", "", name) }

// labelled returns cfg with the bar labelled name.
func labelled(cfg *config, name string) *config {
	if cfg.barWriter == nil || name == "" {
		return cfg
	}
	c := *cfg
	c.barOpts = append([]ProgressBarOption{BarLabel(name)}, cfg.barOpts...)
	return &c
}
