package transfer

import (
	"context"
	"io"
	"net/http"
)

// writeError marks a failure of the destination, which is not retried.
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

// fetch downloads rawURL into w, in order. want is the expected size or
// -1. See download.
func fetch(ctx context.Context, cfg *config, rawURL string, want int64, w io.Writer) (int64, int, error) {
	return download(ctx, cfg, rawURL, want, sink{w: w})
}

// fetchAt downloads rawURL into w at the offsets of the object. want is
// the expected size or -1. See download.
func fetchAt(ctx context.Context, cfg *config, rawURL string, want int64, w io.WriterAt) (int64, int, error) {
	return download(ctx, cfg, rawURL, want, sink{at: w})
}

// sink is the destination of a download: at when it can be written at any
// offset (ranges go straight there), else w, written in order (ranges wait
// for their turn in memory).
type sink struct {
	w  io.Writer
	at io.WriterAt
}

// from returns the writer of the part of the object from offset on, for a
// sink written at offsets.
func (s sink) from(offset int64) io.Writer { return io.NewOffsetWriter(s.at, offset) }

// download fetches rawURL into dst and checks the length at the end
// (*SizeMismatchError). With a known size of more than one range (and a
// concurrency above 1) it first asks for the first range: a 206 that gives
// the object's size starts the other ranges in parallel
// (cfg.concurrency at a time, cfg.rangeSize each for a sink written at
// offsets, cfg.bufferSize each for one written in order); a server that
// ignores Range (200) or gives no size gets one stream. Every range, or the
// one stream, resumes on its own after a dropped connection (see span).
func download(ctx context.Context, cfg *config, rawURL string, want int64, dst sink) (written int64, resumes int, err error) {
	t := newTracker(max(want, 0), cfg.progressFunc())
	if t != nil && want < 0 {
		t = nil // a bar needs a total; progress without one is not reported
	}
	t.start()
	g := newGetter(cfg, rawURL, t)
	rangeSize := cfg.bufferSize
	if dst.at != nil {
		rangeSize = cfg.rangeSize
	}
	if cfg.concurrency < 2 || (want >= 0 && want <= rangeSize) {
		written, resumes, err = g.stream(ctx, dst, nil)
	} else {
		written, resumes, err = g.ranges(ctx, dst, rangeSize, want)
	}
	if err != nil {
		return written, resumes, err
	}
	total := want
	if total < 0 {
		total = g.size()
	}
	if total >= 0 && written != total {
		return written, resumes, &SizeMismatchError{Want: total, Got: written}
	}
	t.finish()
	return written, resumes, nil
}

// stream downloads the object in one stream, starting with first when it
// is an attempt already open at offset 0.
func (g *getter) stream(ctx context.Context, dst sink, first *attempt) (int64, int, error) {
	w := dst.w
	if dst.at != nil {
		w = dst.from(0)
	}
	return g.span(ctx, 0, -1, w, first)
}

// ranges probes the object with a GET of its first range and downloads
// it in ranges when the answer allows, else in one stream.
func (g *getter) ranges(ctx context.Context, dst sink, rangeSize, want int64) (int64, int, error) {
	dctx, cancel := context.WithCancelCause(ctx) // ends every range once one fails
	defer cancel(nil)
	first, err := g.probe(dctx, rangeSize)
	if err != nil {
		return 0, 0, err
	}
	total := g.size()
	switch {
	case first == nil || (first.ranged && total < 0): // 416, or no size: one plain stream
		first.close()
		return g.stream(ctx, dst, nil)
	case !first.ranged: // Range ignored: this answer is the whole object
		return g.stream(dctx, dst, first)
	case want >= 0 && total != want:
		first.close()
		return 0, 0, &SizeMismatchError{Want: want, Got: total}
	case total <= rangeSize: // the first range is the whole object
		return g.stream(dctx, dst, first)
	case dst.at != nil:
		return g.parallelAt(ctx, dctx, cancel, dst, total, rangeSize, first)
	}
	return g.parallelOrdered(ctx, dctx, cancel, dst.w, total, rangeSize, first)
}

// probe GETs bytes [0, rangeSize) with the retries of a span, and returns
// the open attempt, or nil after a 416 (nothing to range over).
func (g *getter) probe(ctx context.Context, rangeSize int64) (*attempt, error) {
	var st retryState
	for {
		a, status, err := g.open(ctx, 0, rangeSize)
		if a != nil || status == http.StatusRequestedRangeNotSatisfiable {
			return a, nil
		}
		if err := g.retry(ctx, &st, status, err, 0, 0); err != nil {
			return nil, err
		}
	}
}

// retryState counts the attempts of one span, which starts at start.
type retryState struct {
	start                       int64
	attempts, failures, resumes int
}

// retry decides after a failed attempt of a span that had got bytes so
// far, n of them in this attempt: it waits and returns nil when the span
// is to go on, else returns the error to report. Attempts that move no
// byte count toward cfg.maxRetries, resumes after progress toward
// cfg.maxResumes.
func (g *getter) retry(ctx context.Context, st *retryState, status int, aerr error, n, got int64) error {
	st.attempts++
	if ctx.Err() != nil {
		return ctx.Err()
	}
	if n > 0 {
		st.failures = 0
	} else {
		st.failures++
	}
	de := &DownloadError{URL: g.safeURL, Status: status, Written: got, Attempts: st.attempts, Resumes: st.resumes, Err: aerr}
	if status == http.StatusForbidden {
		de.Expired = true
		return de
	}
	if !retryable(ctx, status, aerr) || st.failures > g.cfg.maxRetries || (got > 0 && st.resumes >= g.cfg.maxResumes) {
		return de
	}
	d := g.cfg.retryDelay(max(st.failures-1, 0))
	g.cfg.logger.DebugContext(ctx, "transfer: resuming download", "url", g.safeURL, "offset", st.start+got,
		"status", status, "error", aerr, "wait", d)
	if err := g.cfg.sleep(ctx, d); err != nil {
		return ctx.Err()
	}
	if got > 0 {
		st.resumes++
	}
	return nil
}

// span downloads [start, end) of the object into w (end < 0: to its end),
// starting with first when it is an attempt already open at start. After a
// dropped connection or a retryable status it asks for the rest with
// "Range: bytes=<next>-" (skipping what it has if the server ignores the
// range). It returns the bytes written and the resumes made.
func (g *getter) span(ctx context.Context, start, end int64, w io.Writer, first *attempt) (int64, int, error) {
	ew := &errWriter{w: w}
	var dst io.Writer = ew
	if g.t != nil {
		dst = &progressWriter{w: ew, t: g.t}
	}
	buf := g.bufs.Get().(*[copyBufferSize]byte)
	defer g.bufs.Put(buf)
	st := retryState{start: start}
	pos := start
	for {
		a, status, err := first, 0, error(nil)
		first = nil
		if a == nil {
			a, status, err = g.open(ctx, pos, end)
		}
		var n int64
		done := false
		switch {
		case a != nil: // a failure now is the body's: no status, as when no response came
			status = 0
			n, done, err = a.copyTo(g, dst, pos, end, buf[:])
			a.close()
			pos += n
		case status == http.StatusRequestedRangeNotSatisfiable && end < 0 && pos > 0:
			done, err = true, nil // nothing is left past pos: the size check decides
		}
		if err == nil && done {
			return pos - start, st.resumes, nil
		}
		if ctx.Err() != nil {
			return pos - start, st.resumes, ctx.Err()
		}
		if ew.err != nil {
			return pos - start, st.resumes, &writeError{ew.err}
		}
		if err := g.retry(ctx, &st, status, err, n, pos-start); err != nil {
			return pos - start, st.resumes, err
		}
	}
}
