package transfer

import (
	"crypto/rand"
	"crypto/sha256"
	"net/http"
	"os"
	"path/filepath"
	"runtime"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/frameio-go/frameio-go/frameio"
)

const testToken = "tok-SECRET-transfer"

// env bundles a fake API, a fake store, a client and a recording sleeper.
type env struct {
	api    *fakeAPI
	store  *fakeStore
	client *frameio.Client
	sleeps *sleepRecorder
	hc     *http.Client // object store
	apiHC  *http.Client // API
}

// closeIdle closes the keep-alive connections of both clients.
func (e *env) closeIdle() {
	e.hc.CloseIdleConnections()
	e.apiHC.CloseIdleConnections()
}

func newEnv(t testing.TB) *env {
	t.Helper()
	e := &env{store: newFakeStore(t), sleeps: &sleepRecorder{}}
	e.api = newFakeAPI(t, e.store)
	e.apiHC = &http.Client{Transport: http.DefaultTransport.(*http.Transport).Clone()}
	t.Cleanup(e.apiHC.CloseIdleConnections)
	c, err := frameio.NewClient(frameio.WithBaseURL(e.api.srv.URL), frameio.WithToken(testToken),
		frameio.WithSleeper(e.sleeps.Sleep), frameio.WithMaxRetries(0), frameio.WithHTTPClient(e.apiHC))
	require.NoError(t, err)
	e.client = c
	e.hc = &http.Client{Transport: http.DefaultTransport.(*http.Transport).Clone()}
	t.Cleanup(e.hc.CloseIdleConnections)
	return e
}

func (e *env) uploader(t testing.TB, opts ...Option) *Uploader {
	t.Helper()
	u, err := NewUploader(e.client, append([]Option{WithSleeper(e.sleeps.Sleep), WithHTTPClient(e.hc)}, opts...)...)
	require.NoError(t, err)
	return u
}

func (e *env) downloader(t *testing.T, opts ...Option) *Downloader {
	t.Helper()
	d, err := NewDownloader(e.client, append([]Option{WithSleeper(e.sleeps.Sleep), WithHTTPClient(e.hc)}, opts...)...)
	require.NoError(t, err)
	return d
}

// randomFile writes n random bytes to a file in dir and returns its path
// and content.
func randomFile(t *testing.T, dir, name string, n int) (string, []byte) {
	t.Helper()
	b := make([]byte, n)
	_, _ = rand.Read(b)
	p := filepath.Join(dir, name)
	require.NoError(t, os.MkdirAll(filepath.Dir(p), 0o755))
	require.NoError(t, os.WriteFile(p, b, 0o644))
	return p, b
}

func sum(b []byte) [32]byte { return sha256.Sum256(b) }

// progressLog records progress calls.
type progressLog struct {
	mu    sync.Mutex
	calls [][2]int64
}

func (p *progressLog) fn(done, total int64) {
	p.mu.Lock()
	p.calls = append(p.calls, [2]int64{done, total})
	p.mu.Unlock()
}

func (p *progressLog) check(t *testing.T, total int64) {
	t.Helper()
	p.mu.Lock()
	defer p.mu.Unlock()
	require.NotEmpty(t, p.calls)
	prev := int64(-1)
	for _, c := range p.calls {
		require.Greater(t, c[0], prev, "progress went back or repeated: %v", p.calls)
		require.Equal(t, total, c[1])
		prev = c[0]
	}
	require.Equal(t, [2]int64{0, total}, p.calls[0])
	require.Equal(t, total, p.calls[len(p.calls)-1][0])
}

// settleGoroutines waits (really, briefly) until the goroutine count is
// back to at most base.
func settleGoroutines(t *testing.T, base int) {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for runtime.NumGoroutine() > base && time.Now().Before(deadline) {
		time.Sleep(10 * time.Millisecond)
	}
	if n := runtime.NumGoroutine(); n > base {
		buf := make([]byte, 1<<20)
		buf = buf[:runtime.Stack(buf, true)]
		t.Fatalf("%d goroutines still running, want <= %d:\n%s", n, base, buf)
	}
}

func runtimeGoroutines() int { return runtime.NumGoroutine() }

func errNotExist() error { return os.ErrNotExist }
