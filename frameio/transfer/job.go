package transfer

import (
	"context"
	"errors"
	"fmt"
	"io"

	"golang.org/x/sync/semaphore"

	"github.com/frameio-go/frameio-go/frameio"
	"github.com/frameio-go/frameio-go/gen"
)

// uploadJob is one local upload in flight. It carries the upload's own
// state (its content, the call's resolved config, the batch it belongs to,
// the parts' Content-Type once the file is known, the tracker its bytes
// count toward), so that the steps (create, sendParts, sendPart, putPart)
// are its methods instead of functions passing those values down. Upload,
// UploadFile, UploadVersion and each file of UploadDir run one; UploadContent
// sends one for a file the caller created.
type uploadJob struct {
	u     *Uploader
	cfg   *config
	src   source
	batch *batch // the folder upload the job is one file of; nil for a single upload

	mediaType string   // the parts' Content-Type, set by useFile
	progress  *tracker // counts the bytes sent; nil reports nothing
}

// source is the content of an upload.
type source struct {
	r    io.ReaderAt
	size int64
	name string
}

// batch is what the files of one folder upload share: one progress
// tracker for all their bytes, and the part slots that keep
// WithConcurrency parts in flight across all of them.
type batch struct {
	progress *tracker
	slots    *semaphore.Weighted
}

// newJob returns the job of uploading size bytes of r as name (WithName,
// in cfg, overrides it).
func (u *Uploader) newJob(cfg *config, r io.ReaderAt, size int64, name string) *uploadJob {
	if cfg.name != "" {
		name = cfg.name
	}
	return &uploadJob{u: u, cfg: cfg, src: source{r: r, size: size, name: name}}
}

// run creates the file in the folder folderID, sends the content to its
// upload URLs in parallel and waits as far as WithWaitFor says. A failure
// once the file exists is an *UploadError, returned with the result so far.
func (j *uploadJob) run(ctx context.Context, accountID, folderID string) (_ *UploadResult, err error) {
	if j.src.name == "" {
		return nil, errors.New("transfer: upload: empty file name")
	}
	if j.src.size < 0 {
		return nil, fmt.Errorf("transfer: upload: negative size %d", j.src.size)
	}
	if err := j.cfg.allParts(); err != nil {
		return nil, err
	}
	created, err := j.create(ctx, accountID, folderID)
	if err != nil {
		return nil, err
	}
	res := &UploadResult{File: *created, Size: j.src.size, MediaType: j.mediaType, FileID: created.ID}
	fail := func(err error) (*UploadResult, error) {
		return res, &UploadError{FileID: res.FileID, Name: j.src.name, Err: err}
	}
	if j.batch != nil {
		j.progress = j.batch.progress
	} else {
		j.progress = newTracker(j.src.size, labelled(j.cfg, j.src.name).progressFunc())
		j.progress.start()
		defer func() {
			if err == nil {
				j.progress.finish()
			}
		}()
	}
	parts, err := planContent(created, j.src.size, nil)
	if err != nil {
		return fail(err)
	}
	res.Parts = len(parts)
	if err := j.sendParts(ctx, parts); err != nil {
		return fail(err)
	}
	if res.Status, res.Ready, err = j.u.waitAfter(ctx, j.cfg, accountID, res.FileID); err != nil {
		return fail(err)
	}
	return res, nil
}

// create calls files.create-local-upload (Files.CreateLocalUpload) with
// the name, the size and, with WithMediaType, the media type.
func (j *uploadJob) create(ctx context.Context, accountID, folderID string) (*gen.FileWithUploadURLs, error) {
	data := gen.FileCreateLocalUploadParamsData{Name: j.src.name, FileSize: int(j.src.size)}
	if j.cfg.mediaType != "" {
		data.MediaType = new(j.cfg.mediaType)
	}
	created, err := j.u.client.Files.CreateLocalUpload(ctx, accountID, folderID, data, j.cfg.apiOpts...)
	if err != nil {
		return nil, err
	}
	j.useFile(created)
	return created, nil
}

// useFile sets the parts' Content-Type for the created file (see
// partMediaType).
func (j *uploadJob) useFile(file *gen.FileWithUploadURLs) {
	j.mediaType = partMediaType(frameio.Value(file.MediaType), j.cfg.mediaType, j.src.name)
}
