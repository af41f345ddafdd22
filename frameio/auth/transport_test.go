package auth

import (
	"context"
	"crypto/tls"
	"net"
	"net/http"
	"net/url"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// failFirst makes the first n token requests answer with status (and
// optional Retry-After).
func failFirst(e *env, n int64, status int, retryAfter string) *atomic.Int64 {
	var calls atomic.Int64
	e.ims.tokenHook = func(w http.ResponseWriter, _ url.Values) bool {
		if calls.Add(1) > n {
			return false
		}
		if retryAfter != "" {
			w.Header().Set("Retry-After", retryAfter)
		}
		writeIMSError(w, status, "temporarily_unavailable", "try later")
		return true
	}
	return &calls
}

func newS2S(t *testing.T, e *env, opts ...Option) *ServerToServer {
	t.Helper()
	s, err := NewServerToServer(testClientID, testClientSecret, e.opts(opts...)...)
	require.NoError(t, err)
	return s
}

func TestRetriesTransientServerErrors(t *testing.T) {
	e := newEnv(t)
	failFirst(e, 2, http.StatusServiceUnavailable, "")
	tok, err := newS2S(t, e).TokenContext(context.Background())
	require.NoError(t, err)
	assert.Equal(t, accessPrefix+"1", tok.AccessToken)
	assert.Equal(t, []time.Duration{500 * time.Millisecond, time.Second}, e.sleeper.Waits())
	reqs := e.ims.Requests("/ims/token/v3")
	require.Len(t, reqs, 3)
	assert.Equal(t, reqs[0].Form, reqs[2].Form, "body replayed on retry")
}

func TestServerErrorsExhaustRetries(t *testing.T) {
	e := newEnv(t)
	failFirst(e, 10, http.StatusBadGateway, "")
	_, err := newS2S(t, e).TokenContext(context.Background())
	requireErrNoSecrets(t, err)
	var netErr *NetworkError
	require.ErrorAs(t, err, &netErr)
	assert.Equal(t, 3, netErr.Attempts, "1 try + default 2 retries")
	assert.Equal(t, http.StatusBadGateway, netErr.StatusCode)
}

func TestConnectionFailure(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	addr := ln.Addr().String()
	require.NoError(t, ln.Close())

	e := newEnv(t)
	s, err := NewServerToServer(testClientID, testClientSecret, e.opts(WithIMSBaseURL("http://"+addr), WithMaxRetries(1))...)
	require.NoError(t, err)
	err = s.Authenticate(context.Background())
	requireErrNoSecrets(t, err)
	var netErr *NetworkError
	require.ErrorAs(t, err, &netErr)
	assert.Equal(t, 2, netErr.Attempts)
	assert.Zero(t, netErr.StatusCode)
	assert.Len(t, e.sleeper.Waits(), 1)
}

func TestPerRequestTimeout(t *testing.T) {
	e := newEnv(t)
	e.ims.tokenHook = func(http.ResponseWriter, url.Values) bool {
		time.Sleep(50 * time.Millisecond)
		return false
	}
	err := newS2S(t, e, WithTimeout(10*time.Millisecond), WithMaxRetries(0)).Authenticate(context.Background())
	var netErr *NetworkError
	require.ErrorAs(t, err, &netErr)
	assert.ErrorIs(t, err, context.DeadlineExceeded)
	assert.Equal(t, 1, netErr.Attempts)
}

func TestRateLimitRetriedWithRetryAfter(t *testing.T) {
	e := newEnv(t)
	failFirst(e, 1, http.StatusTooManyRequests, "2")
	require.NoError(t, newS2S(t, e).Authenticate(context.Background()))
	assert.Equal(t, []time.Duration{2 * time.Second}, e.sleeper.Waits())
}

// TestRateLimitRetryAfterForms: the IMS transport reads Retry-After as the
// API client does (the shared parser): decimal seconds and HTTP dates too.
func TestRateLimitRetryAfterForms(t *testing.T) {
	now := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	for value, want := range map[string]time.Duration{
		"1.5": 1500 * time.Millisecond,
		now.Add(4 * time.Second).Format(http.TimeFormat): 4 * time.Second,
		"soon": 500 * time.Millisecond, // unusable: the transport's own backoff
	} {
		e := newEnv(t)
		failFirst(e, 1, http.StatusTooManyRequests, value)
		require.NoError(t, newS2S(t, e, WithClock(func() time.Time { return now })).Authenticate(context.Background()))
		assert.Equal(t, []time.Duration{want}, e.sleeper.Waits(), "Retry-After: %s", value)
	}
}

func TestRateLimitExhausted(t *testing.T) {
	e := newEnv(t)
	failFirst(e, 10, http.StatusTooManyRequests, "3")
	err := newS2S(t, e, WithMaxRateLimitRetries(1)).Authenticate(context.Background())
	requireErrNoSecrets(t, err)
	var rl *RateLimitError
	require.ErrorAs(t, err, &rl)
	assert.Equal(t, 3*time.Second, rl.RetryAfter)
	assert.Equal(t, 2, rl.Attempts)
	var any Error
	assert.ErrorAs(t, err, &any)
}

func TestRateLimitLongRetryAfterNotWaited(t *testing.T) {
	e := newEnv(t)
	failFirst(e, 10, http.StatusTooManyRequests, "120")
	err := newS2S(t, e).Authenticate(context.Background())
	var rl *RateLimitError
	require.ErrorAs(t, err, &rl)
	assert.Equal(t, 2*time.Minute, rl.RetryAfter)
	assert.Equal(t, 1, rl.Attempts)
	assert.Empty(t, e.sleeper.Waits())
	assert.Contains(t, rl.Error(), "retry after 2m0s")
}

func TestSleeperCancellationStopsRetries(t *testing.T) {
	e := newEnv(t)
	failFirst(e, 10, http.StatusInternalServerError, "")
	ctx, cancel := context.WithCancel(context.Background())
	s := newS2S(t, e, WithSleeper(func(context.Context, time.Duration) error { cancel(); return context.Canceled }))
	_, err := s.TokenContext(ctx)
	assert.ErrorIs(t, err, context.Canceled)
}

// TestBackoff pins the IMS transport's policy: 0.5 s doubling, capped at 5 s.
func TestBackoff(t *testing.T) {
	e := newEnv(t)
	failFirst(e, 5, http.StatusBadGateway, "")
	_, err := newS2S(t, e, WithMaxRetries(5)).TokenContext(context.Background())
	require.NoError(t, err)
	assert.Equal(t, []time.Duration{500 * time.Millisecond, time.Second, 2 * time.Second, 4 * time.Second, 5 * time.Second}, e.sleeper.Waits())
}

func TestUnusableTokenResponse(t *testing.T) {
	e := newEnv(t)
	e.ims.tokenHook = func(w http.ResponseWriter, _ url.Values) bool {
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write([]byte(`{"token_type":"bearer","expires_in":10}`))
		return true
	}
	err := newS2S(t, e).Authenticate(context.Background())
	var authErr *AuthenticationError
	require.ErrorAs(t, err, &authErr)
	assert.Equal(t, "unusable token response from IMS", authErr.Description)
}

func TestCustomHTTPClientTransportIsUsed(t *testing.T) {
	e := newEnv(t)
	var used atomic.Int64
	hc := &http.Client{Transport: roundTripFunc(func(r *http.Request) (*http.Response, error) {
		used.Add(1)
		return http.DefaultTransport.RoundTrip(r)
	})}
	require.NoError(t, newS2S(t, e, WithHTTPClient(hc)).Authenticate(context.Background()))
	assert.Equal(t, int64(1), used.Load())
}

type roundTripFunc func(*http.Request) (*http.Response, error)

func (f roundTripFunc) RoundTrip(r *http.Request) (*http.Response, error) { return f(r) }

// A failure a retry cannot fix (here an https IMS URL served without TLS)
// is reported after one attempt.
func TestPermanentTransportErrorsNotRetried(t *testing.T) {
	e := newEnv(t)
	plainURL, err := url.Parse(e.ims.srv.URL)
	require.NoError(t, err)
	plainURL.Scheme = "https"
	s := newS2S(t, e, WithIMSBaseURL(plainURL.String()))
	_, err = s.TokenContext(context.Background())
	requireErrNoSecrets(t, err)
	var netErr *NetworkError
	require.ErrorAs(t, err, &netErr)
	assert.Equal(t, 1, netErr.Attempts)
	var record tls.RecordHeaderError
	assert.ErrorAs(t, err, &record)
	assert.Empty(t, e.sleeper.Waits())
}
