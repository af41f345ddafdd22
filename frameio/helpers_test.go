package frameio

import (
	"net/http"
	"net/http/httptest"
	"sync/atomic"
	"testing"

	"github.com/stretchr/testify/require"
	"golang.org/x/oauth2"

	"github.com/frameio-go/frameio-go/internal/testutil"
)

const testToken = "tok-SECRET-0123456789"

// sleepRecorder records waits instead of waiting.
type sleepRecorder = testutil.SleepRecorder

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
func newTestEnv(t *testing.T, h http.HandlerFunc, opts ...RequestOption) *testEnv {
	t.Helper()
	env := &testEnv{sleeps: &sleepRecorder{}, hits: &atomic.Int32{}}
	env.srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		env.hits.Add(1)
		h(w, r)
	}))
	t.Cleanup(env.srv.Close)
	base := []RequestOption{
		WithBaseURL(env.srv.URL),
		WithToken(testToken),
		WithSleeper(env.sleeps.Sleep),
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
