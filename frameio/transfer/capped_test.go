package transfer

import (
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"
	"time"
)

// A capped network for the benchmarks: an object store on loopback whose
// every connection moves at most a rate of bytes per second in each
// direction and answers each request only after a first-byte latency, as
// a real store (S3, CloudFront) caps a single connection well below the
// link.

// pacer spaces the bytes of one direction of a connection at a rate.
type pacer struct {
	mu   sync.Mutex
	next time.Time // when the bytes sent so far have drained
}

// wait blocks until n more bytes fit at rate bytes per second.
func (p *pacer) wait(n int, rate float64) {
	p.mu.Lock()
	now := time.Now()
	if p.next.Before(now.Add(-5 * time.Millisecond)) {
		p.next = now // an idle pipe saves no credit (beyond what a late sleep owes)
	}
	p.next = p.next.Add(time.Duration(float64(n) / rate * float64(time.Second)))
	d := p.next.Sub(now)
	p.mu.Unlock()
	if d > 0 {
		time.Sleep(d)
	}
}

// cappedConn is a connection capped at rate bytes per second each way.
type cappedConn struct {
	net.Conn
	rate   float64
	rd, wr pacer
}

const cappedChunk = 32 << 10

func (c *cappedConn) Read(p []byte) (int, error) {
	n, err := c.Conn.Read(p[:min(len(p), cappedChunk)])
	if n > 0 {
		c.rd.wait(n, c.rate)
	}
	return n, err
}

func (c *cappedConn) Write(p []byte) (int, error) {
	written := 0
	for len(p) > 0 {
		chunk := p[:min(len(p), cappedChunk)]
		c.wr.wait(len(chunk), c.rate)
		n, err := c.Conn.Write(chunk)
		written += n
		if err != nil {
			return written, err
		}
		p = p[n:]
	}
	return written, nil
}

// cappedListener caps every connection it accepts.
type cappedListener struct {
	net.Listener
	rate float64
}

func (l cappedListener) Accept() (net.Conn, error) {
	c, err := l.Listener.Accept()
	if err != nil {
		return nil, err
	}
	return &cappedConn{Conn: c, rate: l.rate}, nil
}

// patternAt is an endless object whose byte at offset i is i mod 251,
// read without holding it in memory.
type patternAt struct{}

var patternBlock = pattern(251 * 4096)

func (patternAt) ReadAt(p []byte, off int64) (int, error) {
	n := 0
	for n < len(p) {
		start := (off + int64(n)) % 251
		n += copy(p[n:], patternBlock[start:])
	}
	return n, nil
}

// newCappedEnv is an env whose object store is capped at rate bytes per
// second per connection and direction, with latency before each answer.
// Part PUTs are counted and discarded; GET /obj serves size bytes of
// patternAt.
func newCappedEnv(tb testing.TB, rate float64, latency time.Duration, size int64) *env {
	tb.Helper()
	e := newEnv(tb)
	e.store.discard = true
	e.store.restart(tb, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		time.Sleep(latency)
		if r.URL.Path == "/obj" {
			http.ServeContent(w, r, "obj", time.Time{}, io.NewSectionReader(patternAt{}, 0, size))
			return
		}
		e.store.serve(w, r)
	}), func(srv *httptest.Server) {
		srv.Listener = cappedListener{Listener: srv.Listener, rate: rate}
	})
	return e
}
