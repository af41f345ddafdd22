package transfer

import (
	"context"
	"net"
	"net/http"
	"sync/atomic"
	"syscall"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// staleConn is a kept-alive connection the server has closed: once it has
// carried a response, its next write fails before any byte leaves (as
// when the server's FIN arrived while the connection sat idle).
type staleConn struct {
	net.Conn
	used  atomic.Bool
	armed *atomic.Bool // one stale connection per test
}

func (c *staleConn) Read(p []byte) (int, error) {
	n, err := c.Conn.Read(p)
	if n > 0 {
		c.used.Store(true)
	}
	return n, err
}

func (c *staleConn) Write(p []byte) (int, error) {
	if c.used.Load() && c.armed.CompareAndSwap(true, false) {
		_ = c.Conn.Close()
		return 0, syscall.EPIPE
	}
	return c.Conn.Write(p)
}

// A part PUT that meets a stale kept-alive connection is sent again by
// net/http on a new connection (the request carries GetBody), without
// costing one of the SDK's retries and its backoff.
func TestPartPutRedialsStaleConnection(t *testing.T) {
	e := newEnv(t)
	var armed atomic.Bool
	armed.Store(true)
	var dials atomic.Int32
	tr := http.DefaultTransport.(*http.Transport).Clone()
	tr.DialContext = func(ctx context.Context, network, addr string) (net.Conn, error) {
		c, err := (&net.Dialer{}).DialContext(ctx, network, addr)
		if err != nil {
			return nil, err
		}
		dials.Add(1)
		return &staleConn{Conn: c, armed: &armed}, nil
	}
	hc := &http.Client{Transport: tr}
	t.Cleanup(hc.CloseIdleConnections)
	path, content := randomFile(t, t.TempDir(), "a.bin", 2500)
	var prog progressLog
	res, err := e.uploader(t, WithHTTPClient(hc), WithConcurrency(1)).UploadFile(t.Context(), "acc", "folder", path, WithProgress(prog.fn))
	require.NoError(t, err)
	assert.False(t, armed.Load(), "the stale connection was met")
	assert.Equal(t, sum(content), sum(e.store.assembled(res.FileID)))
	assert.Empty(t, e.sleeps.Waits(), "no SDK retry")
	assert.EqualValues(t, 2, dials.Load(), "one redial")
	e.store.mu.Lock()
	assert.Equal(t, 1, e.store.attempts[res.FileID+"/2"], "the failed write never reached the store")
	e.store.mu.Unlock()
	prog.check(t, int64(len(content)))
}
