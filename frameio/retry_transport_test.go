package frameio

import (
	"bytes"
	"errors"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// resetHandler closes the connection without answering.
func resetHandler(w http.ResponseWriter, r *http.Request) {
	conn, _, err := http.NewResponseController(w).Hijack()
	if err == nil {
		_ = conn.Close()
	}
}

func TestTransportErrorRetriedForGET(t *testing.T) {
	env := newTestEnv(t, resetHandler)
	err := env.client.Do(t.Context(), http.MethodGet, "/v4/me", nil, nil)
	reqErr, ok := errors.AsType[*RequestError](err)
	require.True(t, ok, "got %v", err)
	assert.Equal(t, 3, reqErr.Attempts)
	assert.Contains(t, err.Error(), "after 3 attempts")
	assert.EqualValues(t, 3, env.hits.Load())
	assert.Equal(t, []time.Duration{500 * time.Millisecond, time.Second}, env.sleeps.Waits())
}

func TestTransportErrorNotRetriedForPOST(t *testing.T) {
	env := newTestEnv(t, resetHandler)
	err := env.client.Do(t.Context(), http.MethodPost, "/v4/x", map[string]int{}, nil)
	reqErr, ok := errors.AsType[*RequestError](err)
	require.True(t, ok, "got %v", err)
	assert.Equal(t, 1, reqErr.Attempts)
	assert.Contains(t, err.Error(), "after 1 attempt)")
	assert.EqualValues(t, 1, env.hits.Load())
}

func TestConnectionRefusedRetriedEvenForPOST(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	addr := ln.Addr().String()
	require.NoError(t, ln.Close()) // nothing listens there any more

	rt := &countingTransport{rt: http.DefaultTransport}
	sleeps := &sleepRecorder{}
	c, err := NewClient(WithBaseURL("http://"+addr), WithToken(testToken),
		WithHTTPClient(&http.Client{Transport: rt}), WithSleeper(sleeps.Sleep), WithRetryPolicy(noJitter()))
	require.NoError(t, err)
	err = c.Do(t.Context(), http.MethodPost, "/v4/x", map[string]int{}, nil)
	var opErr *net.OpError
	require.ErrorAs(t, err, &opErr)
	assert.EqualValues(t, 3, rt.n.Load())
	assert.Len(t, sleeps.Waits(), 2)
}

func TestBodyRewoundOnEveryAttempt(t *testing.T) {
	var mu sync.Mutex
	var bodies []string
	env := newTestEnv(t, func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		mu.Lock()
		bodies = append(bodies, string(b))
		mu.Unlock()
		w.WriteHeader(503)
	})
	payload := map[string]any{"data": map[string]string{"name": "clip.mov"}}
	err := env.client.Do(t.Context(), http.MethodPost, "/v4/x", payload, nil)
	require.Error(t, err)
	want := `{"data":{"name":"clip.mov"}}`
	assert.Equal(t, []string{want, want, want}, bodies)
}

func TestNonRewindableBodyNotRetried(t *testing.T) {
	env := newTestEnv(t, status(503, ""))
	req, err := http.NewRequestWithContext(t.Context(), http.MethodPut, env.client.serverURL()+"/v4/x",
		io.NopCloser(bytes.NewReader([]byte(`{}`))))
	require.NoError(t, err)
	require.Nil(t, req.GetBody)
	err = env.client.do(t.Context(), req, nil, nil)
	assert.True(t, IsServerError(err))
	assert.EqualValues(t, 1, env.hits.Load())
}

func TestTruncatedSuccessBodyRetried(t *testing.T) {
	env := newTestEnv(t, func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Length", "100")
		w.WriteHeader(200)
		_, _ = w.Write([]byte(`{"data":`))
	})
	err := env.client.Do(t.Context(), http.MethodGet, "/v4/me", nil, &struct{}{})
	require.ErrorIs(t, err, io.ErrUnexpectedEOF)
	reqErr, ok := errors.AsType[*RequestError](err)
	require.True(t, ok)
	assert.Equal(t, 3, reqErr.Attempts)
}

// A 2xx whose body is cut off means the server acted: the error keeps the
// status and headers, Accepted says so, and a POST is not repeated (a
// caller reconciles instead of creating twice).
func TestCutOffSuccessBodyKeepsStatus(t *testing.T) {
	env := newTestEnv(t, func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("X-Request-Id", "req-cut")
		w.Header().Set("Content-Length", "100")
		w.WriteHeader(http.StatusCreated)
		_, _ = w.Write([]byte(`{"data":{"id":"new-folder-id"`))
	})
	var out map[string]any
	err := env.client.Do(t.Context(), http.MethodPost, "/v4/accounts/a/folders/f/folders", map[string]any{"data": map[string]any{"name": "x"}}, &out)
	require.ErrorIs(t, err, io.ErrUnexpectedEOF)
	reqErr, ok := errors.AsType[*RequestError](err)
	require.True(t, ok, "%T %v", err, err)
	assert.Equal(t, http.StatusCreated, reqErr.StatusCode)
	assert.Equal(t, "req-cut", reqErr.Header.Get("X-Request-Id"))
	assert.Equal(t, `{"data":{"id":"new-folder-id"`, string(reqErr.Body), "what arrived is kept")
	assert.True(t, reqErr.Accepted())
	assert.True(t, Accepted(err))
	assert.Contains(t, err.Error(), "201")
	assert.EqualValues(t, 1, env.hits.Load(), "a POST the server acted on is not repeated")

	// An idempotent call is retried like a transport error.
	env.hits.Store(0)
	err = env.client.Do(t.Context(), http.MethodGet, "/v4/me", nil, &out)
	require.Error(t, err)
	assert.EqualValues(t, 3, env.hits.Load())
	assert.True(t, Accepted(err))

	// A 2xx with a malformed body: accepted too.
	malformed := newTestEnv(t, status(http.StatusCreated, `{"data": {"id": `))
	err = malformed.client.Do(t.Context(), http.MethodPost, "/v4/x", map[string]any{}, &out)
	_, ok = errors.AsType[*DecodeError](err)
	require.True(t, ok)
	assert.True(t, Accepted(err))

	// No response at all: nothing was accepted.
	refused := newTestEnv(t, resetHandler, WithMaxRetries(0))
	err = refused.client.Do(t.Context(), http.MethodPost, "/v4/x", map[string]any{}, nil)
	require.Error(t, err)
	assert.False(t, Accepted(err))
	reqErr, ok = errors.AsType[*RequestError](err)
	require.True(t, ok)
	assert.Zero(t, reqErr.StatusCode)
	assert.Nil(t, reqErr.Header)
	assert.False(t, Accepted(errors.New("other")))
}

// Failures a retry cannot fix are returned after one attempt: an https
// URL served by a plain HTTP server, an untrusted certificate, a 501.
func TestPermanentFailuresNotRetried(t *testing.T) {
	var conns atomic.Int32
	plain := httptest.NewUnstartedServer(http.HandlerFunc(func(http.ResponseWriter, *http.Request) {}))
	plain.Config.ConnState = func(_ net.Conn, s http.ConnState) {
		if s == http.StateNew {
			conns.Add(1)
		}
	}
	plain.Start()
	t.Cleanup(plain.Close)
	var sleeps sleepRecorder
	c, err := NewClient(WithToken(testToken), WithBaseURL("https://"+plain.Listener.Addr().String()), WithSleeper(sleeps.Sleep))
	require.NoError(t, err)
	err = c.Do(t.Context(), http.MethodGet, "/v4/me", nil, nil)
	require.ErrorIs(t, err, http.ErrSchemeMismatch)
	assert.EqualValues(t, 1, conns.Load())
	assert.Empty(t, sleeps.Waits())

	tlsSrv := httptest.NewTLSServer(http.HandlerFunc(func(http.ResponseWriter, *http.Request) {}))
	t.Cleanup(tlsSrv.Close)
	c, err = NewClient(WithToken(testToken), WithBaseURL(tlsSrv.URL), WithSleeper(sleeps.Sleep))
	require.NoError(t, err)
	require.Error(t, c.Do(t.Context(), http.MethodGet, "/v4/me", nil, nil))
	assert.Empty(t, sleeps.Waits())

	env := newTestEnv(t, status(http.StatusNotImplemented, `{"errors":[{"title":"Not Implemented"}]}`))
	err = env.client.Do(t.Context(), http.MethodGet, "/v4/me", nil, nil)
	assert.Equal(t, http.StatusNotImplemented, StatusCode(err))
	assert.EqualValues(t, 1, env.hits.Load())
}
