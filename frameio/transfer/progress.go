package transfer

import (
	"io"
	"sync"
	"sync/atomic"
)

// ProgressFunc receives the cumulative number of bytes moved and the total.
type ProgressFunc func(done, total int64)

// tracker serialises progress reports of one operation and keeps them
// monotonic. A nil *tracker ignores every call.
type tracker struct {
	mu       sync.Mutex
	done     int64
	total    int64
	reported int64 // last done passed to fn; -1 before the first report
	fn       ProgressFunc
}

func newTracker(total int64, fn ProgressFunc) *tracker {
	if fn == nil {
		return nil
	}
	return &tracker{total: total, fn: fn, reported: -1}
}

// start reports (0, total).
func (t *tracker) start() {
	if t == nil {
		return
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	t.report()
}

// add counts n more bytes.
func (t *tracker) add(n int64) {
	if t == nil || n <= 0 {
		return
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	t.done = min(t.done+n, t.total)
	t.report()
}

// finish reports (total, total) unless it was reported already.
func (t *tracker) finish() {
	if t == nil {
		return
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	t.done = t.total
	t.report()
}

func (t *tracker) report() {
	if t.done == t.reported {
		return
	}
	t.reported = t.done
	t.fn(t.done, t.total)
}

// highWater counts the bytes of one part toward a tracker once, however
// many attempts read them: only reads past the furthest point any attempt
// reached are counted.
type highWater struct {
	mu  sync.Mutex
	max int64
	t   *tracker
}

func (h *highWater) reached(pos int64) {
	if h == nil || h.t == nil {
		return
	}
	h.mu.Lock()
	delta := pos - h.max
	if delta > 0 {
		h.max = pos
	}
	h.mu.Unlock()
	h.t.add(delta)
}

// countingReader reports the position of one body of an attempt as it is
// read, and turns a source that ends early or fails into a *SourceError
// (kept in failed, shared by the bodies of the attempt, since the HTTP
// transport may report it in its own words; it is atomic because the
// transport reads the body on its own goroutine).
type countingReader struct {
	r      io.Reader
	pos    int64
	hw     *highWater
	src    *source
	part   part
	watch  *stallWatch // told about every byte read
	failed *atomic.Pointer[SourceError]
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	if n > 0 {
		c.pos += int64(n)
		c.hw.reached(c.pos)
		c.watch.progress()
	}
	switch {
	case err == io.EOF && c.pos < c.part.size:
		err = io.ErrUnexpectedEOF
	case err == io.EOF || err == nil:
		return n, err
	}
	se := &SourceError{Name: c.src.name, Size: c.src.size, Part: c.part.num, Offset: c.part.offset + c.pos, Err: err}
	c.failed.Store(se)
	return n, se
}

// watchedReader tells a stall watch about every byte read through it.
type watchedReader struct {
	r     io.Reader
	watch *stallWatch
}

func (w watchedReader) Read(p []byte) (int, error) {
	n, err := w.r.Read(p)
	if n > 0 {
		w.watch.progress()
	}
	return n, err
}

// progressWriter counts bytes written through it toward a tracker.
type progressWriter struct {
	w io.Writer
	t *tracker
}

func (p *progressWriter) Write(b []byte) (int, error) {
	n, err := p.w.Write(b)
	p.t.add(int64(n))
	return n, err
}

// progressFunc returns the callback of one operation: the WithProgress
// callback and, with WithProgressBar, a fresh bar. It is nil when neither
// was given.
func (c config) progressFunc() ProgressFunc {
	var fns []ProgressFunc
	if c.progress != nil {
		fns = append(fns, c.progress)
	}
	if c.barWriter != nil {
		bopts := append([]ProgressBarOption{BarClock(c.now)}, c.barOpts...)
		fns = append(fns, NewProgressBar(c.barWriter, bopts...).Update)
	}
	switch len(fns) {
	case 0:
		return nil
	case 1:
		return fns[0]
	}
	return func(done, total int64) {
		for _, f := range fns {
			f(done, total)
		}
	}
}
