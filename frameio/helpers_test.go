package frameio

import (
	"context"
	"net/http"
	"net/http/httptest"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
	"golang.org/x/oauth2"
)

const testToken = "tok-SECRET-0123456789"

// sleepRecorder is a Sleeper that records waits instead of waiting.
type sleepRecorder struct {
	mu    sync.Mutex
	waits []time.Duration
}

func (s *sleepRecorder) sleep(ctx context.Context, d time.Duration) error {
	s.mu.Lock()
	s.waits = append(s.waits, d)
	s.mu.Unlock()
	return ctx.Err()
}

func (s *sleepRecorder) recorded() []time.Duration {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]time.Duration(nil), s.waits...)
}

// noJitter is the default policy with deterministic waits.
func noJitter() RetryPolicy {
	p := DefaultRetryPolicy()
	p.Jitter = 0
	return p
}

type testEnv struct {
	srv    *httptest.Server
	client *Client
	sleeps *sleepRecorder
	hits   *atomic.Int32
}

// newTestEnv starts h behind an httptest server and a client pointed at it
// with a static token, a recording sleeper and jitter-free retries.
func newTestEnv(t *testing.T, h http.HandlerFunc, opts ...Option) *testEnv {
	t.Helper()
	env := &testEnv{sleeps: &sleepRecorder{}, hits: &atomic.Int32{}}
	env.srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		env.hits.Add(1)
		h(w, r)
	}))
	t.Cleanup(env.srv.Close)
	base := []Option{
		WithBaseURL(env.srv.URL),
		WithToken(testToken),
		WithSleeper(env.sleeps.sleep),
		WithRetryPolicy(noJitter()),
	}
	c, err := NewClient(append(base, opts...)...)
	require.NoError(t, err)
	env.client = c
	return env
}

// status answers every request with code and body.
func status(code int, body string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(code)
		_, _ = w.Write([]byte(body))
	}
}

// sequence answers the n-th request with handlers[n], repeating the last.
func sequence(handlers ...http.HandlerFunc) http.HandlerFunc {
	var n atomic.Int32
	return func(w http.ResponseWriter, r *http.Request) {
		i := int(n.Add(1)) - 1
		handlers[min(i, len(handlers)-1)](w, r)
	}
}

// countingTokenSource counts Token calls.
type countingTokenSource struct {
	calls atomic.Int32
	err   error
	empty bool
}

func (s *countingTokenSource) Token() (*oauth2.Token, error) {
	s.calls.Add(1)
	if s.err != nil {
		return nil, s.err
	}
	if s.empty {
		return &oauth2.Token{}, nil
	}
	return &oauth2.Token{AccessToken: testToken}, nil
}

// countingTransport counts round trips.
type countingTransport struct {
	n  atomic.Int32
	rt http.RoundTripper
}

func (c *countingTransport) RoundTrip(r *http.Request) (*http.Response, error) {
	c.n.Add(1)
	return c.rt.RoundTrip(r)
}
