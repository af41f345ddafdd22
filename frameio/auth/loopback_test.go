package auth

import (
	"context"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func startLoopback(t *testing.T, state string, opts ...LoopbackOption) *LoopbackServer {
	t.Helper()
	srv, err := ListenLoopback(context.Background(), 0, state, opts...)
	require.NoError(t, err)
	t.Cleanup(func() { _ = srv.Close() })
	return srv
}

func hit(t *testing.T, base string, q url.Values) (int, string) {
	t.Helper()
	resp, err := http.Get(base + "?" + q.Encode())
	require.NoError(t, err)
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	require.NoError(t, err)
	return resp.StatusCode, string(body)
}

func TestLoopbackSuccess(t *testing.T) {
	srv := startLoopback(t, "st-1", WithCallbackPath("/cb"))
	assert.Regexp(t, `^http://127\.0\.0\.1:\d+/cb$`, srv.RedirectURI())

	status, body := hit(t, srv.RedirectURI(), url.Values{"code": {testCode}, "state": {"st-1"}})
	assert.Equal(t, http.StatusOK, status)
	assert.Contains(t, body, "You can close this window")

	code, err := srv.Wait(context.Background())
	require.NoError(t, err)
	assert.Equal(t, testCode, code)
	require.NoError(t, srv.Close(), "Close after Wait is safe")
}

func TestLoopbackRejects(t *testing.T) {
	cases := []struct {
		name  string
		query url.Values
		code  string
	}{
		{"ims error", url.Values{"error": {"access_denied"}, "error_description": {"user said no"}, "state": {"st"}}, "access_denied"},
		{"no code", url.Values{"state": {"st"}}, ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			srv := startLoopback(t, "st")
			status, body := hit(t, srv.RedirectURI(), tc.query)
			assert.Equal(t, http.StatusBadRequest, status)
			assert.Contains(t, body, "Sign-in failed")

			code, err := srv.Wait(context.Background())
			assert.Empty(t, code)
			requireErrNoSecrets(t, err)
			var cbErr *CallbackError
			require.ErrorAs(t, err, &cbErr)
			assert.Equal(t, tc.code, cbErr.Code)
		})
	}
}

// Any local process can send requests to the loopback port. Those without
// the sign-in's state (a forged code, a forged ?error=, nothing at all)
// are answered 400 and ignored: only the real redirect ends the wait.
func TestLoopbackIgnoresForgedRedirects(t *testing.T) {
	srv := startLoopback(t, "st-real")
	for _, q := range []url.Values{
		{"code": {"AUTH-CODE-forged"}, "state": {"forged"}},
		{"error": {"access_denied"}, "state": {"forged"}},
		{"error": {"access_denied"}},
		{"code": {"AUTH-CODE-forged"}},
		{},
	} {
		status, body := hit(t, srv.RedirectURI(), q)
		assert.Equal(t, http.StatusBadRequest, status, "%v", q)
		assert.Contains(t, body, "Sign-in failed")
	}
	status, _ := hit(t, srv.RedirectURI(), url.Values{"code": {testCode}, "state": {"st-real"}})
	assert.Equal(t, http.StatusOK, status)
	code, err := srv.Wait(context.Background())
	require.NoError(t, err)
	assert.Equal(t, testCode, code)
}

func TestLoopbackOnlyFirstRedirectCounts(t *testing.T) {
	srv := startLoopback(t, "st")
	status, _ := hit(t, srv.RedirectURI(), url.Values{"code": {testCode}, "state": {"st"}})
	assert.Equal(t, http.StatusOK, status)
	status, _ = hit(t, srv.RedirectURI(), url.Values{"code": {"AUTH-CODE-other"}, "state": {"st"}})
	assert.Equal(t, http.StatusConflict, status)

	resp, err := http.Post(srv.RedirectURI(), "text/plain", nil)
	require.NoError(t, err)
	resp.Body.Close()
	assert.Equal(t, http.StatusMethodNotAllowed, resp.StatusCode)

	code, err := srv.Wait(context.Background())
	require.NoError(t, err)
	assert.Equal(t, testCode, code)
}

func TestLoopbackWaitRespectsContext(t *testing.T) {
	srv := startLoopback(t, "st")
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Millisecond)
	defer cancel()
	_, err := srv.Wait(ctx)
	assert.ErrorIs(t, err, context.DeadlineExceeded)

	// The server is shut down afterwards.
	_, err = http.Get(srv.RedirectURI())
	assert.Error(t, err)
}

func TestLoopbackConfigErrors(t *testing.T) {
	var cfgErr *ConfigError
	_, err := ListenLoopback(context.Background(), 0, "")
	require.ErrorAs(t, err, &cfgErr)
	assert.Equal(t, "state", cfgErr.Field)
	_, err = ListenLoopback(context.Background(), 70000, "st")
	require.ErrorAs(t, err, &cfgErr)
	_, err = ListenLoopback(context.Background(), 0, "st", WithCallbackPath("cb"))
	require.ErrorAs(t, err, &cfgErr)

	busy := startLoopback(t, "st")
	u, err := url.Parse(busy.RedirectURI())
	require.NoError(t, err)
	p, err := strconv.Atoi(u.Port())
	require.NoError(t, err)
	_, err = ListenLoopback(context.Background(), p, "st")
	assert.Error(t, err, "port already in use")
}

// Without a deadline on ctx, Wait still ends: after DefaultCallbackTimeout,
// or WithCallbackTimeout.
func TestLoopbackWaitIsBounded(t *testing.T) {
	assert.Equal(t, 10*time.Minute, DefaultCallbackTimeout)
	srv := startLoopback(t, "st", WithCallbackTimeout(20*time.Millisecond))
	start := time.Now()
	_, err := srv.Wait(context.Background())
	assert.ErrorIs(t, err, context.DeadlineExceeded)
	assert.Contains(t, err.Error(), "20ms")
	assert.Less(t, time.Since(start), 5*time.Second)

	var cfgErr *ConfigError
	_, err = ListenLoopback(context.Background(), 0, "st", WithCallbackTimeout(-time.Second))
	require.ErrorAs(t, err, &cfgErr)
}
