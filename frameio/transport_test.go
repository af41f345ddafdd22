package frameio

import (
	"net"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Clients created without WithHTTPClient share one client, over a copy of
// http.DefaultTransport keeping more idle connections per host.
func TestDefaultHTTPClientIsShared(t *testing.T) {
	c1, err := NewClient(WithToken(testToken))
	require.NoError(t, err)
	c2, err := NewClient(WithToken(testToken))
	require.NoError(t, err)
	assert.Same(t, c1.cfg.httpClient, c2.cfg.httpClient)
	tr, ok := c1.cfg.httpClient.Transport.(*http.Transport)
	require.True(t, ok)
	assert.NotSame(t, http.DefaultTransport, tr)
	assert.Equal(t, apiIdleConnsPerHost, tr.MaxIdleConnsPerHost)
	assert.Zero(t, c1.cfg.httpClient.Timeout, "the timeouts are the Client's")
	assert.NotNil(t, tr.Proxy, "the environment's proxy is used")
}

// Bursts of concurrent calls over HTTP/1.1 from fresh Clients reuse the
// connections of the first burst (net/http's default transport keeps two
// per host: 8 + 2 x 6 connections for these bursts).
func TestDefaultHTTPClientKeepsConnections(t *testing.T) {
	const burst = 8
	var mu sync.Mutex
	conns := 0
	srv := httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write([]byte(`{"data":{}}`))
	}))
	srv.Config.ConnState = func(_ net.Conn, s http.ConnState) {
		if s == http.StateNew {
			mu.Lock()
			conns++
			mu.Unlock()
		}
	}
	srv.Start()
	t.Cleanup(srv.Close)
	for range 3 {
		c, err := NewClient(WithToken(testToken), WithBaseURL(srv.URL))
		require.NoError(t, err)
		start := make(chan struct{})
		var wg sync.WaitGroup
		for range burst {
			wg.Go(func() {
				<-start
				assert.NoError(t, c.Do(t.Context(), http.MethodGet, "/v4/me", nil, nil))
			})
		}
		close(start)
		wg.Wait()
	}
	mu.Lock()
	defer mu.Unlock()
	assert.LessOrEqual(t, conns, burst, "connections opened for 3 bursts of %d calls", burst)
}
