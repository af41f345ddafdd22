package auth

import (
	"context"
	"net/http"
	"net/url"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const webRedirect = "https://app.example.com/callback"

func newTestWebApp(t *testing.T, e *env, opts ...Option) *WebApp {
	t.Helper()
	w, err := NewWebApp(testClientID, testClientSecret, webRedirect, e.opts(opts...)...)
	require.NoError(t, err)
	return w
}

func TestWebAppAuthCodeURL(t *testing.T) {
	e := newEnv(t)
	w := newTestWebApp(t, e)
	u, err := url.Parse(w.AuthCodeURL("state-123"))
	require.NoError(t, err)
	assert.Equal(t, "/ims/authorize/v2", u.Path)
	assert.Equal(t, url.Values{
		"client_id":     {testClientID},
		"redirect_uri":  {webRedirect},
		"response_type": {"code"},
		"scope":         {"openid email profile offline_access additional_info.roles"},
		"state":         {"state-123"},
	}, u.Query())
	assert.NotContains(t, u.String(), testClientSecret)
}

func TestWebAppExchangeRefreshAndHook(t *testing.T) {
	e := newEnv(t)
	var (
		mu    sync.Mutex
		saved []TokenSet
	)
	w := newTestWebApp(t, e, WithOnTokenRefreshed(func(_ context.Context, ts TokenSet) {
		mu.Lock()
		saved = append(saved, ts)
		mu.Unlock()
	}))
	ctx := context.Background()

	require.NoError(t, w.ExchangeCode(ctx, testCode))
	reqs := e.ims.Requests("/ims/token/v3")
	require.Len(t, reqs, 1)
	assert.True(t, reqs[0].HasBasic, "confidential client uses HTTP Basic")
	assert.Equal(t, testClientID, reqs[0].User)
	assert.Equal(t, testClientSecret, reqs[0].Password)
	assert.Equal(t, url.Values{
		"grant_type":   {"authorization_code"},
		"code":         {testCode},
		"redirect_uri": {webRedirect},
	}, reqs[0].Form, "no secret in the body")

	tok, err := w.TokenContext(ctx)
	require.NoError(t, err)
	assert.Equal(t, accessPrefix+"1", tok.AccessToken)
	assert.Empty(t, tok.RefreshToken, "TokenContext never hands out the refresh token")

	// Near expiry: automatic refresh with the refresh token.
	e.clock.Advance(time.Hour - 30*time.Second)
	tok, err = w.TokenContext(ctx)
	require.NoError(t, err)
	assert.Equal(t, accessPrefix+"2", tok.AccessToken)
	reqs = e.ims.Requests("/ims/token/v3")
	require.Len(t, reqs, 2)
	assert.True(t, reqs[1].HasBasic)
	assert.Equal(t, url.Values{"grant_type": {"refresh_token"}, "refresh_token": {refreshPrefix + "1"}}, reqs[1].Form)

	// Forced refresh even though the token is fresh.
	require.NoError(t, w.Refresh(ctx))
	tok, err = w.TokenContext(ctx)
	require.NoError(t, err)
	assert.Equal(t, accessPrefix+"3", tok.AccessToken)

	mu.Lock()
	defer mu.Unlock()
	require.Len(t, saved, 3, "hook fires after exchange and each refresh")
	assert.Equal(t, accessPrefix+"3", saved[2].AccessToken)
	assert.Equal(t, refreshPrefix+"3", saved[2].RefreshToken)
	assert.Equal(t, e.clock.Now().Add(time.Hour), saved[2].ExpiresAt)
}

func TestWebAppKeepsRefreshTokenWhenNotRotated(t *testing.T) {
	e := newEnv(t)
	w := newTestWebApp(t, e)
	ctx := context.Background()
	require.NoError(t, w.ExchangeCode(ctx, testCode))
	e.ims.tokenHook = func(rw http.ResponseWriter, form url.Values) bool {
		if form.Get("grant_type") != "refresh_token" {
			return false
		}
		rw.Header().Set("Content-Type", "application/json")
		_, _ = rw.Write([]byte(`{"access_token":"ACCESS-TOKEN-norotate","token_type":"bearer","expires_in":3600}`))
		return true
	}
	require.NoError(t, w.Refresh(ctx))
	ts, err := w.Export()
	require.NoError(t, err)
	assert.Equal(t, accessPrefix+"norotate", ts.AccessToken)
	assert.Equal(t, refreshPrefix+"1", ts.RefreshToken)
}

func TestWebAppRevokeRevokesBothTokens(t *testing.T) {
	e := newEnv(t)
	w := newTestWebApp(t, e)
	ctx := context.Background()
	require.NoError(t, w.ExchangeCode(ctx, testCode))

	require.NoError(t, w.Revoke(ctx))
	assert.ElementsMatch(t, []string{accessPrefix + "1", refreshPrefix + "1"}, e.ims.Revoked())
	for _, r := range e.ims.Requests("/ims/revoke") {
		assert.Equal(t, http.MethodPost, r.Method)
		assert.Equal(t, testClientID, r.Form.Get("client_id"))
		assert.Equal(t, testClientSecret, r.Form.Get("client_secret"))
	}

	_, err := w.TokenContext(ctx)
	var notAuth *NotAuthenticatedError
	require.ErrorAs(t, err, &notAuth)
	requireErrNoSecrets(t, err)
}

func TestWebAppRevokeFailureIsReportedButStateCleared(t *testing.T) {
	e := newEnv(t)
	w := newTestWebApp(t, e, WithMaxRetries(0))
	ctx := context.Background()
	require.NoError(t, w.ExchangeCode(ctx, testCode))
	e.ims.revokeStatus = http.StatusBadRequest

	err := w.Revoke(ctx)
	requireErrNoSecrets(t, err)
	var authErr *AuthenticationError
	require.ErrorAs(t, err, &authErr)
	assert.Equal(t, http.StatusBadRequest, authErr.StatusCode)
	assert.Equal(t, "server_error", authErr.Code)

	_, err = w.Export()
	var notAuth *NotAuthenticatedError
	assert.ErrorAs(t, err, &notAuth)
}

func TestWebAppExpiredRefreshToken(t *testing.T) {
	e := newEnv(t)
	w := newTestWebApp(t, e)
	ctx := context.Background()
	require.NoError(t, w.Import(TokenSet{
		AccessToken:  accessPrefix + "old",
		RefreshToken: refreshPrefix + "dead",
		ExpiresAt:    e.clock.Now().Add(-time.Minute),
	}))

	_, err := w.TokenContext(ctx)
	requireErrNoSecrets(t, err)
	var expired *TokenExpiredError
	require.ErrorAs(t, err, &expired)
	assert.Equal(t, "invalid_grant", expired.Code)
	assert.Equal(t, "refresh token expired", expired.Description)
	var any Error
	assert.ErrorAs(t, err, &any)

	// State is cleared: the user must sign in again, no more IMS calls.
	_, err = w.TokenContext(ctx)
	var notAuth *NotAuthenticatedError
	require.ErrorAs(t, err, &notAuth)
	assert.Len(t, e.ims.Requests("/ims/token/v3"), 1)
}

func TestWebAppExchangeRejected(t *testing.T) {
	e := newEnv(t)
	w := newTestWebApp(t, e)
	err := w.ExchangeCode(context.Background(), "AUTH-CODE-bogus")
	requireErrNoSecrets(t, err, "AUTH-CODE-bogus")
	var authErr *AuthenticationError
	require.ErrorAs(t, err, &authErr)
	assert.Equal(t, "authorization_code", authErr.Op)
	assert.Equal(t, "invalid_grant", authErr.Code)

	var cfgErr *ConfigError
	require.ErrorAs(t, w.ExchangeCode(context.Background(), ""), &cfgErr)
	assert.Equal(t, "code", cfgErr.Field)
}

func TestRefreshWithoutTokens(t *testing.T) {
	e := newEnv(t)
	w := newTestWebApp(t, e)
	err := w.Refresh(context.Background())
	var notAuth *NotAuthenticatedError
	require.ErrorAs(t, err, &notAuth)
	assert.Empty(t, e.ims.Requests("/ims/token/v3"))

	// An imported access token without refresh token cannot be renewed.
	require.NoError(t, w.Import(TokenSet{AccessToken: accessPrefix + "x", ExpiresAt: e.clock.Now().Add(30 * time.Second)}))
	_, err = w.TokenContext(context.Background())
	require.ErrorAs(t, err, &notAuth)
}

// ExchangeCallback checks the callback's state itself: a forged or stale
// callback (wrong state, or none), or an IMS error, exchanges nothing.
func TestWebAppExchangeCallbackChecksState(t *testing.T) {
	e := newEnv(t)
	w := newTestWebApp(t, e)
	ctx := context.Background()
	callback := func(q url.Values) *http.Request {
		return httptestRequest(t, webRedirect+"?"+q.Encode())
	}

	var cfgErr *ConfigError
	require.ErrorAs(t, w.ExchangeCallback(ctx, callback(url.Values{"code": {testCode}}), ""), &cfgErr)
	assert.Equal(t, "state", cfgErr.Field)

	for _, q := range []url.Values{
		{"code": {testCode}, "state": {"forged"}},
		{"code": {testCode}},
		{"error": {"access_denied"}, "error_description": {"user said no"}, "state": {"st-1"}},
		{"state": {"st-1"}},
	} {
		err := w.ExchangeCallback(ctx, callback(q), "st-1")
		requireErrNoSecrets(t, err, testCode)
		var cbErr *CallbackError
		require.ErrorAs(t, err, &cbErr, "%v", q)
		assert.Equal(t, q.Get("error"), cbErr.Code)
	}
	assert.Empty(t, e.ims.Requests("/ims/token/v3"), "nothing exchanged")

	require.NoError(t, w.ExchangeCallback(ctx, callback(url.Values{"code": {testCode}, "state": {"st-1"}}), "st-1"))
	reqs := e.ims.Requests("/ims/token/v3")
	require.Len(t, reqs, 1)
	assert.Equal(t, testCode, reqs[0].Form.Get("code"))
	tok, err := w.TokenContext(ctx)
	require.NoError(t, err)
	assert.NotEmpty(t, tok.AccessToken)
}

func httptestRequest(t *testing.T, target string) *http.Request {
	t.Helper()
	r, err := http.NewRequestWithContext(context.Background(), http.MethodGet, target, nil)
	require.NoError(t, err)
	return r
}
