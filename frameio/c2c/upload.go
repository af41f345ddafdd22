package c2c

import (
	"context"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"net/url"
	"os"
	"path/filepath"

	"golang.org/x/sync/errgroup"

	"github.com/frameio-go/frameio-go/internal/redact"
)

// UploadOption configures one upload.
type UploadOption func(*uploadConfig)

type uploadConfig struct {
	progress func(Progress)
	dataRate int64
}

// Progress reports an upload chunk by chunk.
type Progress struct {
	// Done is the number of bytes uploaded so far.
	Done int64
	// Total is the asset size, or -1 while a real-time source still grows.
	Total int64
	// Parts is the number of chunks uploaded so far.
	Parts int
}

// OnProgress calls f after every uploaded chunk (from one goroutine at a
// time).
func OnProgress(f func(Progress)) UploadOption { return func(u *uploadConfig) { u.progress = f } }

// WithDataRate sets the expected average growth of a real-time source in
// bytes per second, which sizes its parts (see PartSizer). The default is
// MinPartSize per second.
func WithDataRate(bytesPerSecond int64) UploadOption {
	return func(u *uploadConfig) { u.dataRate = bytesPerSecond }
}

func uploadOptions(opts []UploadOption) uploadConfig {
	u := uploadConfig{dataRate: MinPartSize}
	for _, o := range opts {
		o(&u)
	}
	return u
}

// ChunkSize is the basic upload guide's chunk size: ceil(size / urls). The
// last chunk is what remains.
func ChunkSize(size int64, urls int) int64 {
	if urls <= 0 {
		return 0
	}
	return (size + int64(urls) - 1) / int64(urls)
}

// UploadFile creates a regular asset for the file at path and uploads it.
// p.Name defaults to the file name, p.Filetype to the type of its
// extension, p.Filesize to its size and p.CreatedAt to its modification
// time.
func (c *Client) UploadFile(ctx context.Context, path string, p AssetParams, opts ...UploadOption) (*Asset, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("c2c: UploadFile: %w", err)
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, fmt.Errorf("c2c: UploadFile: %w", err)
	}
	if !st.Mode().IsRegular() {
		return nil, fmt.Errorf("c2c: UploadFile: %s is not a regular file", path)
	}
	if p.Name == "" {
		p.Name = filepath.Base(path)
	}
	if p.Filetype == "" {
		p.Filetype = mime.TypeByExtension(filepath.Ext(path))
	}
	if p.Filetype == "" {
		p.Filetype = "application/octet-stream"
	}
	if p.CreatedAt.IsZero() {
		p.CreatedAt = st.ModTime()
	}
	p.Filesize = st.Size()
	asset, err := c.CreateAsset(ctx, p)
	if err != nil {
		return nil, err
	}
	return asset, c.UploadParts(ctx, asset, f, p.Filesize, p.Filetype, opts...)
}

// UploadParts uploads size bytes of r to a regular asset's UploadUrls,
// ChunkSize(size, len(urls)) bytes per URL, several at once (see
// WithConcurrency). Chunks are independent: a failed one is retried on its
// own per the AWS table of the errors guide.
func (c *Client) UploadParts(ctx context.Context, asset *Asset, r io.ReaderAt, size int64, filetype string, opts ...UploadOption) error {
	u := uploadOptions(opts)
	if asset == nil || (len(asset.UploadUrls) == 0 && size > 0) {
		return errors.New("c2c: UploadParts: the asset has no upload URLs")
	}
	chunk := ChunkSize(size, len(asset.UploadUrls))
	prog := newProgressTracker(u.progress, size)
	g, gctx := errgroup.WithContext(ctx)
	g.SetLimit(c.cfg.concurrency)
	for i, target := range asset.UploadUrls {
		off := int64(i) * chunk
		n := min(chunk, size-off)
		if n <= 0 {
			break
		}
		g.Go(func() error {
			if err := c.putPart(gctx, target, filetype, io.NewSectionReader(r, off, n)); err != nil {
				return fmt.Errorf("c2c: asset %s chunk %d of %d: %w", asset.ID, i+1, len(asset.UploadUrls), err)
			}
			prog.add(n)
			return nil
		})
	}
	return g.Wait()
}

// putPart PUTs one chunk to a presigned URL: no Frame.io token, the
// asset's content type and x-amz-acl: private, 5 minute timeout per
// attempt, retried per the AWS table.
func (c *Client) putPart(ctx context.Context, target, filetype string, body *io.SectionReader) error {
	u, err := url.Parse(target)
	if err != nil {
		return errors.New("c2c: upload URL does not parse")
	}
	op := "PUT " + u.Host + u.Path
	// An S3 error message may echo the presigned query: its signature and
	// credential (as written, decoded, and the key id on its own) and the
	// query as a whole are hidden.
	secrets := redact.FromURL(target).Add(u.RawQuery)
	return c.retry(ctx, op, c.cfg.maxAttempts, false, func(ctx context.Context, n int) (string, error) {
		actx, cancel := context.WithTimeout(ctx, c.timeout(classUpload))
		defer cancel()
		req, err := http.NewRequestWithContext(actx, http.MethodPut, target, io.NewSectionReader(body, 0, body.Size()))
		if err != nil {
			return "", err
		}
		req.ContentLength = body.Size()
		req.Header.Set("Content-Type", filetype)
		req.Header.Set("x-amz-acl", "private")
		resp, err := c.cfg.hc.Do(req)
		if err != nil {
			return "", c.networkError(ctx, actx, op, err)
		}
		defer resp.Body.Close()
		b, rerr := io.ReadAll(io.LimitReader(resp.Body, 64<<10))
		if resp.StatusCode >= 300 {
			e := parseS3Error(resp, b, secrets.Scrub)
			e.Attempts = n
			return "", e
		}
		if rerr != nil {
			return "", c.networkError(ctx, actx, op, rerr)
		}
		return "", nil
	})
}
