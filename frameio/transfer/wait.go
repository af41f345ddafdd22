package transfer

import (
	"context"
	"fmt"

	"github.com/frameio-go/frameio-go/gen"
)

// Stage is how far an upload helper waits after sending the content.
type Stage int

// Stages, in order.
const (
	// StageSent returns as soon as every part was accepted by the object
	// store (the default).
	StageSent Stage = iota
	// StageUploaded also waits until Frame.io reports the upload complete
	// (files.show-file-upload-status upload_complete).
	StageUploaded
	// StageTranscoded also waits until the file's status is "transcoded".
	// Files Frame.io cannot transcode may never get there: the wait ends
	// with the context, or after WithWaitTimeout (default 1 h).
	StageTranscoded
)

// WaitUploaded polls files.show-file-upload-status until Frame.io reports
// the upload of fileID complete, and returns that status. A failed upload
// is an *UploadFailedError. Polls start WithPollInterval apart (default
// 1 s, growing by half up to 10 s, never closer than 200 ms: the endpoint
// allows 5 calls per second). The wait ends with ctx, and at the latest
// after WithWaitTimeout (default DefaultWaitTimeout, 1 h) with a
// *WaitTimeoutError. API errors end the wait (the client has already
// retried them).
func (u *Uploader) WaitUploaded(ctx context.Context, accountID, fileID string, opts ...Option) (*gen.FileUploadStatus, error) {
	cfg, err := u.cfg.with(opts)
	if err != nil {
		return nil, err
	}
	return u.waitUploaded(ctx, &cfg, accountID, fileID)
}

// WaitTranscoded polls files.show until the file's status is "transcoded"
// and returns the file. Some files (e.g. archives) are never transcoded:
// the wait ends with ctx or after WithWaitTimeout, as for WaitUploaded.
// Polling is as for WaitUploaded.
func (u *Uploader) WaitTranscoded(ctx context.Context, accountID, fileID string, opts ...Option) (*gen.FileWithIncludes, error) {
	cfg, err := u.cfg.with(opts)
	if err != nil {
		return nil, err
	}
	return u.waitTranscoded(ctx, &cfg, accountID, fileID)
}

func (u *Uploader) waitUploaded(ctx context.Context, cfg *config, accountID, fileID string) (*gen.FileUploadStatus, error) {
	var last *gen.FileUploadStatus
	err := poll(ctx, cfg, fileID, func() (bool, error) {
		st, err := u.client.Files.ShowFileUploadStatus(ctx, accountID, fileID, cfg.apiOpts...)
		if err != nil {
			return false, err
		}
		last = st
		if st.UploadFailed {
			return false, &UploadFailedError{FileID: fileID}
		}
		return st.UploadComplete, nil
	})
	if err != nil {
		return last, fmt.Errorf("transfer: waiting for the upload of file %s: %w", fileID, err)
	}
	return last, nil
}

func (u *Uploader) waitTranscoded(ctx context.Context, cfg *config, accountID, fileID string) (*gen.FileWithIncludes, error) {
	var last *gen.FileWithIncludes
	err := poll(ctx, cfg, fileID, func() (bool, error) {
		f, err := u.client.Files.Show(ctx, accountID, fileID, nil, cfg.apiOpts...)
		if err != nil {
			return false, err
		}
		last = f
		return f.Status == gen.FileWithIncludesStatusTranscoded, nil
	})
	if err != nil {
		return last, fmt.Errorf("transfer: waiting for file %s to be transcoded: %w", fileID, err)
	}
	return last, nil
}

// waitAfter waits as far as cfg.waitFor says and returns what it read last
// (nil for a stage it did not wait for), also on error.
func (u *Uploader) waitAfter(ctx context.Context, cfg *config, accountID, fileID string) (*gen.FileUploadStatus, *gen.FileWithIncludes, error) {
	if cfg.waitFor < StageUploaded {
		return nil, nil, nil
	}
	status, err := u.waitUploaded(ctx, cfg, accountID, fileID)
	if err != nil || cfg.waitFor < StageTranscoded {
		return status, nil, err
	}
	ready, err := u.waitTranscoded(ctx, cfg, accountID, fileID)
	return status, ready, err
}

// poll calls check until it reports done or fails, sleeping between calls
// with a growing interval. It gives up with a *WaitTimeoutError rather
// than wait past cfg.waitTimeout in all (measured with cfg.now).
func poll(ctx context.Context, cfg *config, fileID string, check func() (bool, error)) error {
	delay := max(cfg.pollInitial, MinPollInterval)
	start := cfg.now()
	for n := 1; ; n++ {
		done, err := check()
		if err != nil || done {
			return err
		}
		d := delay
		if cfg.waitTimeout > 0 {
			left := cfg.waitTimeout - cfg.now().Sub(start)
			if left < MinPollInterval {
				return &WaitTimeoutError{FileID: fileID, Timeout: cfg.waitTimeout, Polls: n}
			}
			d = min(d, left)
		}
		cfg.logger.DebugContext(ctx, "transfer: polling", "poll", n, "wait", d)
		if err := cfg.sleep(ctx, d); err != nil {
			return err
		}
		delay = min(delay+delay/2, max(cfg.pollMax, MinPollInterval))
	}
}
