package frameio

import (
	"context"
	"errors"
	"net/http"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestNewClientRequiresToken(t *testing.T) {
	_, err := NewClient()
	require.ErrorIs(t, err, ErrNoToken)
	_, err = NewClient(WithBaseURL("https://example.com"))
	require.ErrorIs(t, err, ErrNoToken)
}

func TestNewClientDefaults(t *testing.T) {
	c, err := NewClient(WithToken(testToken), nil)
	require.NoError(t, err)
	assert.Equal(t, "https://api.frame.io", c.serverURL())
	assert.Equal(t, DefaultAttemptTimeout, c.cfg.attemptTimeout)
	assert.Equal(t, 60*time.Second, c.cfg.attemptTimeout)
	assert.Zero(t, c.cfg.callTimeout, "no bound on the whole call by default")
	assert.Equal(t, 2, c.cfg.maxRetries)
	assert.Equal(t, DefaultRetryPolicy(), c.cfg.retry)
	assert.Same(t, sharedHTTPClient(), c.cfg.httpClient)
}

func TestNewClientBaseURL(t *testing.T) {
	for in, want := range map[string]string{
		"https://api.frame.io/":        "https://api.frame.io",
		"http://127.0.0.1:8080/proxy/": "http://127.0.0.1:8080/proxy",
	} {
		c, err := NewClient(WithToken(testToken), WithBaseURL(in))
		require.NoError(t, err)
		assert.Equal(t, want, c.serverURL())
	}
	for _, bad := range []string{"", "://bad", "api.frame.io", "ftp://api.frame.io", "https://", "https://u:p@api.frame.io", "https://api.frame.io?x=1", "https://api.frame.io#f", "http://[::1"} {
		_, err := NewClient(WithToken(testToken), WithBaseURL(bad))
		assert.ErrorContains(t, err, "base URL", bad)
	}
}

// TestNewClientReportsEveryBadOption: the SDK's one option rule
// (internal/options): every bad value is named at once.
func TestNewClientReportsEveryBadOption(t *testing.T) {
	_, err := NewClient(WithToken(testToken), WithMaxRetries(-1), WithClock(nil), WithHeader("", "x"))
	require.Error(t, err)
	for _, want := range []string{"WithMaxRetries", "WithClock", "header"} {
		assert.ErrorContains(t, err, want)
	}
}

func TestOptionArgumentErrors(t *testing.T) {
	bad := map[string]RequestOption{
		"empty token":        WithToken(""),
		"nil source":         WithTokenSource(nil),
		"nil http client":    WithHTTPClient(nil),
		"negative retries":   WithMaxRetries(-1),
		"jitter":             WithRetryPolicy(RetryPolicy{Jitter: 2}),
		"authorization":      WithHeader("authorization", "Bearer x"),
		"empty header":       WithHeader("", "x"),
		"empty query":        WithQuery("", "x"),
		"response on client": WithResponseInto(new(*http.Response)),
		"bad base URL":       WithBaseURL("ftp://api.frame.io"),
		"nil middleware":     WithMiddleware(nil),
		"nil clock":          WithClock(nil),
		"header name":        WithHeader("x bad", "v"),
		"header value":       WithHeader("x-ok", "a\r\nInjected: 1"),
		"negative delay":     WithRetryPolicy(RetryPolicy{BaseDelay: -time.Second}),
		"nil sleeper":        WithSleeper(nil),
	}
	for name, opt := range bad {
		_, err := NewClient(WithToken(testToken), opt)
		assert.Error(t, err, name)
	}
	callBad := map[string]RequestOption{
		"base URL on call": WithBaseURL("https://elsewhere"),
		"negative retries": WithMaxRetries(-1),
		"jitter":           WithRetryPolicy(RetryPolicy{Jitter: -0.5}),
		"authorization":    WithHeader("Authorization", "Bearer x"),
		"empty query":      WithQuery("", "x"),
		"nil response dst": WithResponseInto(nil),
		"nil middleware":   WithMiddleware(func(r *http.Request, next MiddlewareNext) (*http.Response, error) { return next(r) }, nil),
	}
	callEnv := newTestEnv(t, status(200, `{}`))
	for name, opt := range callBad {
		assert.Error(t, callEnv.client.Do(t.Context(), http.MethodGet, "/v4/x", nil, nil, opt), name)
	}
	assert.Zero(t, callEnv.hits.Load(), "a call with a bad option sends nothing")
	errOpt := RequestOption(func(*requestConfig) error { return errors.New("custom") })
	env := newTestEnv(t, status(200, `{}`))
	assert.ErrorContains(t, env.client.Do(t.Context(), http.MethodGet, "/v4/x", nil, nil, errOpt), "custom")
}

func TestCallOptionsDoNotLeakIntoClient(t *testing.T) {
	env := newTestEnv(t, status(200, `{}`), WithHeader("A", "1"))
	require.NoError(t, env.client.Do(t.Context(), http.MethodGet, "/v4/x", nil, nil,
		WithHeader("B", "2"), WithQuery("q", "1"), WithTimeout(time.Second), WithAttemptTimeout(time.Second), WithMaxRetries(0)))
	assert.Equal(t, "1", env.client.cfg.header.Get("A"))
	assert.Empty(t, env.client.cfg.header.Get("B"))
	assert.Empty(t, env.client.cfg.query)
	assert.Equal(t, DefaultAttemptTimeout, env.client.cfg.attemptTimeout)
	assert.Zero(t, env.client.cfg.callTimeout)
	assert.Equal(t, 2, env.client.cfg.maxRetries)
}

func TestSleepContext(t *testing.T) {
	require.NoError(t, Sleep(t.Context(), 0))
	require.NoError(t, Sleep(t.Context(), time.Millisecond))
	ctx, cancel := context.WithCancel(t.Context())
	cancel()
	require.ErrorIs(t, Sleep(ctx, time.Hour), context.Canceled)
	require.ErrorIs(t, Sleep(ctx, 0), context.Canceled)
}
