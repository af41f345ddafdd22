package transfer

import (
	"bytes"
	"net/http"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/frameio-go/frameio-go/frameio"
)

// Uploaders and Downloaders created without WithHTTPClient share one
// client, HTTP/1.1 only, keeping more idle connections per host than any
// default concurrency.
func TestDefaultTransportIsShared(t *testing.T) {
	c, err := frameio.NewClient(frameio.WithToken("t"))
	require.NoError(t, err)
	u1, err := NewUploader(c)
	require.NoError(t, err)
	u2, err := NewUploader(c)
	require.NoError(t, err)
	d, err := NewDownloader(c)
	require.NoError(t, err)
	assert.Same(t, u1.cfg.httpClient, u2.cfg.httpClient)
	assert.Same(t, u1.cfg.httpClient, d.cfg.httpClient)
	tr := u1.cfg.httpClient.Transport.(*http.Transport)
	assert.GreaterOrEqual(t, tr.MaxIdleConnsPerHost, max(DefaultConcurrency, DefaultDownloadConcurrency))
	require.NotNil(t, tr.Protocols)
	assert.True(t, tr.Protocols.HTTP1())
	assert.False(t, tr.Protocols.HTTP2(), "each range gets its own connection")
	assert.Equal(t, DefaultDownloadConcurrency, d.cfg.concurrency)
	assert.Equal(t, DefaultConcurrency, u1.cfg.concurrency)
}

// Ten uploads, each with a fresh Uploader on the default transport, reuse
// the connections of the first (each Uploader used to build its own
// transport: 50 connections for these uploads).
func TestFreshUploadersReuseConnections(t *testing.T) {
	e := newEnv(t)
	var mu sync.Mutex
	conns := map[string]bool{} // client addresses: one per connection
	store := e.store.srv.Config.Handler
	e.store.srv.Config.Handler = http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		conns[r.RemoteAddr] = true
		mu.Unlock()
		store.ServeHTTP(w, r)
	})
	content := bytes.Repeat([]byte("x"), 5000) // five parts
	for range 10 {
		up, err := NewUploader(e.client, WithSleeper(e.sleeps.Sleep))
		require.NoError(t, err)
		_, err = up.Upload(t.Context(), "acc", "folder", bytes.NewReader(content), int64(len(content)), "a.bin")
		require.NoError(t, err)
	}
	mu.Lock()
	defer mu.Unlock()
	assert.LessOrEqual(t, len(conns), 2*DefaultConcurrency, "connections opened for 10 uploads of 5 parts")
	t.Logf("%d connections for 10 uploads of 5 parts", len(conns))
}
