package transfer

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"slices"
	"strings"
	"sync"
	"sync/atomic"

	"golang.org/x/sync/errgroup"

	"github.com/frameio-go/frameio-go/gen"
	"github.com/frameio-go/frameio-go/internal/bodytext"
	"github.com/frameio-go/frameio-go/internal/redact"
)

// part is one presigned URL and the byte range it receives.
type part struct {
	num          int // 1-based
	offset, size int64
	url          string
	secrets      redact.Secrets // of url's query, hidden from errors and logs
}

// planParts splits size bytes exactly as urls say, checking that the sizes
// are valid and add up to size.
func planParts(urls []gen.UploadURL, size int64) ([]part, error) {
	parts := make([]part, 0, len(urls))
	var off int64
	for i, u := range urls {
		switch {
		case u.Size < 0:
			return nil, &PartSizeError{FileSize: size, Parts: len(urls), Detail: fmt.Sprintf("part %d has negative size %d", i+1, u.Size)}
		case u.URL == "":
			return nil, &PartSizeError{FileSize: size, Parts: len(urls), Detail: fmt.Sprintf("part %d has no URL", i+1)}
		}
		parts = append(parts, part{num: i + 1, offset: off, size: int64(u.Size), url: u.URL, secrets: redact.FromURL(u.URL)})
		off += int64(u.Size)
	}
	if off != size {
		return nil, &PartSizeError{FileSize: size, Sum: off, Parts: len(urls)}
	}
	return parts, nil
}

// planContent splits size bytes as file's upload URLs say and keeps the
// parts numbered only (all of them when only is nil).
func planContent(file *gen.FileWithUploadURLs, size int64, only []int) ([]part, error) {
	parts, err := planParts(file.UploadURLs, size)
	if err != nil || only == nil {
		return parts, err
	}
	kept := make([]part, 0, len(only))
	for _, n := range only {
		if n > len(parts) {
			return nil, fmt.Errorf("transfer: WithOnlyParts: part %d does not exist: the upload has %d parts", n, len(parts))
		}
		if !slices.ContainsFunc(kept, func(p part) bool { return p.num == n }) {
			kept = append(kept, parts[n-1])
		}
	}
	return kept, nil
}

// sendParts PUTs the parts of the job's content in parallel, at most
// WithConcurrency at a time (and, in a batch, only while holding one of its
// slots). A part that fails does not stop the others: every failed part is
// reported, as its *PartError, or the errors.Join of them in part order. A
// *SourceError stops every part at once and is returned alone; a cancelled
// ctx yields ctx.Err() (joined with the parts that had failed already).
func (j *uploadJob) sendParts(ctx context.Context, parts []part) error {
	pctx, stop := context.WithCancelCause(ctx)
	defer stop(nil)
	var (
		mu     sync.Mutex
		failed []*PartError
		g      errgroup.Group
	)
	g.SetLimit(j.cfg.concurrency)
	launched := 0
	for _, p := range parts {
		if pctx.Err() != nil {
			break
		}
		launched++
		g.Go(func() error {
			switch err := j.sendPart(pctx, p); e := err.(type) {
			case nil:
			case *PartError:
				mu.Lock()
				failed = append(failed, e)
				mu.Unlock()
			default: // the source failed, or ctx ended: nothing more can succeed
				stop(err)
			}
			return nil
		})
	}
	_ = g.Wait()
	slices.SortFunc(failed, func(a, b *PartError) int { return a.Part - b.Part })
	var errs []error
	cause := context.Cause(pctx)
	switch err := ctx.Err(); {
	case err != nil && (cause != nil || len(failed) > 0 || launched < len(parts)):
		errs = append(errs, err) // cancelled before every part was sent
	case cause != nil:
		return cause // a *SourceError
	}
	for _, pe := range failed {
		errs = append(errs, pe)
	}
	if len(errs) == 1 {
		return errs[0]
	}
	return errors.Join(errs...) // nil when errs is empty
}

// sendPart uploads one part, retrying it from its first byte on retryable
// failures. A *SourceError is never retried.
func (j *uploadJob) sendPart(ctx context.Context, p part) error {
	cfg := j.cfg
	if j.batch != nil {
		if err := j.batch.slots.Acquire(ctx, 1); err != nil {
			return err
		}
		defer j.batch.slots.Release(1)
	}
	hw := &highWater{t: j.progress}
	for attempt := 1; ; attempt++ {
		status, msg, err := j.putPart(ctx, p, hw)
		if err == nil && status >= 200 && status <= 299 {
			return nil
		}
		if se, ok := errors.AsType[*SourceError](err); ok {
			return se
		}
		if ctx.Err() != nil {
			return ctx.Err()
		}
		pe := &PartError{Part: p.num, Offset: p.offset, Size: p.size, Status: status, Attempts: attempt, Message: msg, Err: err}
		if status == http.StatusForbidden {
			pe.Expired = !strings.Contains(msg, "SignatureDoesNotMatch")
			return pe
		}
		if !retryable(ctx, status, err) || attempt > cfg.maxRetries {
			return pe
		}
		d := cfg.retryDelay(attempt - 1)
		cfg.logger.DebugContext(ctx, "transfer: retrying part", "part", p.num, "url", redact.StripQuery(p.url),
			"status", status, "error", err, "attempt", attempt, "wait", d)
		if err := cfg.sleep(ctx, d); err != nil {
			return ctx.Err()
		}
	}
}

// putPart makes one attempt. It returns the status and, for a non-2xx
// answer, an excerpt of the body; err is set when no response arrived.
func (j *uploadJob) putPart(ctx context.Context, p part, hw *highWater) (int, string, error) {
	actx, watch, done := watchStall(ctx, j.cfg.stallTimeout)
	defer done()
	var body io.Reader = http.NoBody
	var failed atomic.Pointer[SourceError] // of every body of this attempt
	newBody := func() *countingReader {
		return &countingReader{r: io.NewSectionReader(j.src.r, p.offset, p.size), hw: hw, src: &j.src, part: p, watch: watch, failed: &failed}
	}
	if p.size > 0 {
		body = newBody()
	}
	req, err := http.NewRequestWithContext(actx, http.MethodPut, p.url, body)
	if err != nil {
		return 0, "", p.secrets.Err(err)
	}
	req.ContentLength = p.size
	if p.size > 0 {
		// net/http sends the part again on a fresh connection, without
		// costing a retry, when a kept-alive one turns out closed before
		// it took a byte; the high-water mark counts re-read bytes once.
		req.GetBody = func() (io.ReadCloser, error) { return io.NopCloser(newBody()), nil }
	}
	req.Header.Set("x-amz-acl", "private")
	req.Header.Set("Content-Type", j.mediaType)
	resp, err := j.cfg.httpClient.Do(req)
	if se := failed.Load(); se != nil {
		if err == nil {
			resp.Body.Close()
		}
		return 0, "", se
	}
	if err != nil {
		return 0, "", p.secrets.Err(stalled(actx, err))
	}
	defer resp.Body.Close()
	if resp.StatusCode >= 200 && resp.StatusCode <= 299 {
		_, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10))
		return resp.StatusCode, "", nil
	}
	b, _ := io.ReadAll(io.LimitReader(resp.Body, 4<<10))
	return resp.StatusCode, bodytext.Excerpt(p.secrets.ScrubCut(b), 300), nil
}
