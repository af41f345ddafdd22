package transfer

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"strings"

	"github.com/frameio-go/frameio-go/internal/redact"
)

// errWrite marks a failure of the destination writer, which is not retried.
type writeError struct{ err error }

func (e *writeError) Error() string { return "transfer: writing the download: " + e.err.Error() }
func (e *writeError) Unwrap() error { return e.err }

// errWriter remembers the destination's write error.
type errWriter struct {
	w   io.Writer
	err error
}

func (e *errWriter) Write(p []byte) (int, error) {
	n, err := e.w.Write(p)
	if err != nil {
		e.err = err
	}
	return n, err
}

// fetch GETs rawURL into w. After a dropped connection or a retryable
// status it asks for the rest with "Range: bytes=<written>-" (skipping what
// it already has if the server ignores the range). Attempts that move no
// byte count toward cfg.maxRetries, resumes after progress toward
// cfg.maxResumes. want is the expected size or -1.
func fetch(ctx context.Context, cfg *config, rawURL string, want int64, w io.Writer) (written int64, resumes int, err error) {
	total := want
	t := newTracker(max(want, 0), cfg.progressFunc())
	if t != nil && want < 0 {
		t = nil // a bar needs a total; progress without one is not reported
	}
	t.start()
	ew := &errWriter{w: w}
	var dst io.Writer = ew
	if t != nil {
		dst = &progressWriter{w: ew, t: t}
	}
	secrets := redact.FromURL(rawURL)
	failures := 0
	for attempt := 1; ; attempt++ {
		n, status, done, aerr := fetchOnce(ctx, cfg, rawURL, written, &total, dst)
		aerr = secrets.Err(aerr)
		written += n
		if aerr == nil && done {
			break
		}
		if ctx.Err() != nil {
			return written, resumes, ctx.Err()
		}
		if ew.err != nil {
			return written, resumes, &writeError{ew.err}
		}
		if n > 0 {
			failures = 0
		} else {
			failures++
		}
		de := &DownloadError{URL: redact.StripQuery(rawURL), Status: status, Written: written, Attempts: attempt, Resumes: resumes, Err: aerr}
		if status == http.StatusForbidden {
			de.Expired = true
			return written, resumes, de
		}
		retry := (status == 0 && retryableError(ctx, aerr)) || retryableStatus(status)
		if !retry || failures > cfg.maxRetries || (written > 0 && resumes >= cfg.maxResumes) {
			return written, resumes, de
		}
		d := cfg.retryDelay(max(failures-1, 0))
		cfg.logger.DebugContext(ctx, "transfer: resuming download", "url", redact.StripQuery(rawURL), "offset", written,
			"status", status, "error", aerr, "wait", d)
		if err := cfg.sleep(ctx, d); err != nil {
			return written, resumes, ctx.Err()
		}
		if written > 0 {
			resumes++
		}
	}
	if total >= 0 && written != total {
		return written, resumes, &SizeMismatchError{Want: total, Got: written}
	}
	t.finish()
	return written, resumes, nil
}

// fetchOnce makes one GET from offset. It returns the bytes written, the
// status, whether the body was read to its end, and the error of an
// attempt that did not end well (status 0 when no response arrived).
func fetchOnce(ctx context.Context, cfg *config, rawURL string, offset int64, total *int64, w io.Writer) (int64, int, bool, error) {
	actx, watch, done := watchStall(ctx, cfg.stallTimeout)
	defer done()
	req, err := http.NewRequestWithContext(actx, http.MethodGet, rawURL, nil)
	if err != nil {
		return 0, 0, false, err
	}
	if offset > 0 {
		req.Header.Set("Range", fmt.Sprintf("bytes=%d-", offset))
	}
	resp, err := cfg.httpClient.Do(req)
	if err != nil {
		return 0, 0, false, stalled(actx, err)
	}
	defer resp.Body.Close()
	body := io.Reader(watchedReader{r: resp.Body, watch: watch})
	switch {
	case resp.StatusCode == http.StatusOK:
		if resp.ContentLength >= 0 && *total < 0 {
			*total = resp.ContentLength
		}
		if offset > 0 { // the range was ignored: skip what we have
			if _, err := io.CopyN(io.Discard, body, offset); err != nil {
				return 0, resp.StatusCode, false, fmt.Errorf("skipping %d bytes already written: %w", offset, err)
			}
		}
	case resp.StatusCode == http.StatusPartialContent:
		start, size, ok := parseContentRange(resp.Header.Get("Content-Range"))
		if !ok || start != offset {
			return 0, resp.StatusCode, false, fmt.Errorf("unexpected Content-Range %q for offset %d", resp.Header.Get("Content-Range"), offset)
		}
		if size >= 0 && *total < 0 {
			*total = size
		}
	case resp.StatusCode == http.StatusRequestedRangeNotSatisfiable && offset > 0:
		// Nothing is left past offset: done, and the size check decides.
		return 0, resp.StatusCode, true, nil
	default:
		_, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, 4<<10))
		return 0, resp.StatusCode, false, fmt.Errorf("unexpected status %s", resp.Status)
	}
	n, err := io.Copy(w, body)
	if err != nil {
		return n, 0, false, stalled(actx, err)
	}
	if *total >= 0 && offset+n < *total {
		return n, 0, false, io.ErrUnexpectedEOF
	}
	return n, resp.StatusCode, true, nil
}

// parseContentRange parses "bytes start-end/size" (size may be "*", -1).
func parseContentRange(h string) (start, size int64, ok bool) {
	rest, found := strings.CutPrefix(h, "bytes ")
	if !found {
		return 0, 0, false
	}
	rng, sz, found := strings.Cut(rest, "/")
	if !found {
		return 0, 0, false
	}
	first, _, found := strings.Cut(rng, "-")
	if !found {
		return 0, 0, false
	}
	start, err := strconv.ParseInt(first, 10, 64)
	if err != nil {
		return 0, 0, false
	}
	size = -1
	if sz != "*" {
		if size, err = strconv.ParseInt(sz, 10, 64); err != nil {
			return 0, 0, false
		}
	}
	return start, size, true
}
