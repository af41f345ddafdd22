package transfer

import (
	"context"
	"io"
	"sync"
	"sync/atomic"

	"golang.org/x/sync/errgroup"
)

// copyBufferSize is the buffer each range copies through.
const copyBufferSize = 128 << 10

// parallelAt downloads the object of size total in ranges of rangeSize,
// cfg.concurrency at a time, each written at its offset in dst; the first
// range goes on with first, the probe's answer. dctx is ended by cancel
// with the first failure, which ends the other ranges.
func (g *getter) parallelAt(ctx, dctx context.Context, cancel context.CancelCauseFunc, dst sink, total, rangeSize int64, first *attempt) (int64, int, error) {
	var (
		written atomic.Int64
		resumes atomic.Int64
		eg      errgroup.Group
	)
	eg.SetLimit(g.cfg.concurrency)
	for start := int64(0); start < total && dctx.Err() == nil; start += rangeSize {
		a := first
		first = nil
		eg.Go(func() error {
			n, r, err := g.span(dctx, start, min(start+rangeSize, total), dst.from(start), a)
			written.Add(n)
			resumes.Add(int64(r))
			if err != nil {
				cancel(err)
			}
			return nil
		})
	}
	first.close() // not handed over when the loop stopped at once
	_ = eg.Wait()
	return g.outcome(ctx, dctx, written.Load(), int(resumes.Load()))
}

// outcome returns what a parallel download ends with: the caller's
// context error, else the first range failure (a *DownloadError counting
// every byte written), else success.
func (g *getter) outcome(ctx, dctx context.Context, written int64, resumes int) (int64, int, error) {
	if err := ctx.Err(); err != nil {
		return written, resumes, err
	}
	err := context.Cause(dctx)
	if err == nil {
		return written, resumes, nil
	}
	if de, ok := err.(*DownloadError); ok {
		de.Written, de.Resumes = written, resumes
	}
	return written, resumes, err
}

// piece is one range of an ordered download, held in memory until every
// range before it is written.
type piece struct {
	buf []byte
	err error
}

// bufWriter appends to a buffer that never grows past its capacity.
type bufWriter struct{ buf []byte }

func (b *bufWriter) Write(p []byte) (int, error) {
	if len(p) > cap(b.buf)-len(b.buf) {
		return 0, io.ErrShortBuffer
	}
	b.buf = append(b.buf, p...)
	return len(p), nil
}

// parallelOrdered downloads the object of size total in ranges of
// rangeSize, cfg.concurrency at a time, and writes them to w in order:
// a range is read into one of cfg.concurrency buffers and waits there for
// its turn, and the next range starts only when a buffer is free, so
// memory stays at cfg.concurrency x rangeSize however large the object.
func (g *getter) parallelOrdered(ctx, dctx context.Context, cancel context.CancelCauseFunc, w io.Writer, total, rangeSize int64, first *attempt) (int64, int, error) {
	conc := g.cfg.concurrency
	free := make(chan []byte, conc)
	for range conc {
		free <- nil // allocated on first use
	}
	slots := make([]chan piece, conc) // range i waits in slots[i%conc]
	for i := range slots {
		slots[i] = make(chan piece, 1)
	}
	var (
		resumes atomic.Int64
		wg      sync.WaitGroup
	)
	n := int((total + rangeSize - 1) / rangeSize)
	wg.Go(func() { // starts each range once a buffer is free
		for i := range n {
			var buf []byte
			select {
			case buf = <-free:
			case <-dctx.Done():
				first.close()
				return
			}
			if buf == nil {
				buf = make([]byte, 0, rangeSize)
			}
			a := first
			first = nil
			start := int64(i) * rangeSize
			wg.Go(func() {
				bw := &bufWriter{buf: buf[:0]}
				_, r, err := g.span(dctx, start, min(start+rangeSize, total), bw, a)
				resumes.Add(int64(r))
				if err != nil {
					cancel(err)
				}
				slots[i%conc] <- piece{buf: bw.buf, err: err}
			})
		}
	})
	var written int64
	for i := range n {
		var p piece
		select {
		case p = <-slots[i%conc]:
		case <-dctx.Done():
		}
		if p.err != nil || dctx.Err() != nil {
			break
		}
		m, err := w.Write(p.buf)
		written += int64(m)
		if err != nil {
			cancel(&writeError{err})
			break
		}
		free <- p.buf
	}
	cancel(nil) // stop whatever still runs (a no-op after a failure)
	wg.Wait()
	if written == total {
		return written, int(resumes.Load()), nil
	}
	return g.outcome(ctx, dctx, written, int(resumes.Load()))
}
