package auth

import (
	"context"
	"net/url"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestSPAFlow(t *testing.T) {
	e := newEnv(t)
	spa, err := NewSPA(testClientID, webRedirect, e.opts()...)
	require.NoError(t, err)
	ctx := context.Background()

	req := spa.AuthCodeURL("st")
	require.NotEmpty(t, req.Verifier)
	u, err := url.Parse(req.URL)
	require.NoError(t, err)
	q := u.Query()
	assert.Equal(t, "/ims/authorize/v2", u.Path)
	assert.Equal(t, "S256", q.Get("code_challenge_method"))
	assert.Equal(t, s256(req.Verifier), q.Get("code_challenge"), "challenge is S256 of the verifier")
	assert.Equal(t, "st", q.Get("state"))
	assert.Equal(t, "code", q.Get("response_type"))
	assert.NotEqual(t, req.Verifier, spa.AuthCodeURL("st").Verifier, "fresh verifier per attempt")

	// The fake IMS records the challenge on /authorize, as a browser would hit it.
	_, err = noRedirectClient().Get(req.URL)
	require.NoError(t, err)

	require.NoError(t, spa.ExchangeCode(ctx, testCode, req.Verifier))
	reqs := e.ims.Requests("/ims/token/v3")
	require.Len(t, reqs, 1)
	assert.False(t, reqs[0].HasBasic, "public client: no Basic auth")
	assert.Equal(t, url.Values{
		"grant_type":    {"authorization_code"},
		"code":          {testCode},
		"redirect_uri":  {webRedirect},
		"client_id":     {testClientID},
		"code_verifier": {req.Verifier},
	}, reqs[0].Form)

	require.NoError(t, spa.Refresh(ctx))
	reqs = e.ims.Requests("/ims/token/v3")
	require.Len(t, reqs, 2)
	assert.False(t, reqs[1].HasBasic)
	assert.Equal(t, url.Values{
		"grant_type":    {"refresh_token"},
		"refresh_token": {refreshPrefix + "1"},
		"client_id":     {testClientID},
	}, reqs[1].Form, "refresh without a secret")

	require.NoError(t, spa.Revoke(ctx))
	for _, r := range e.ims.Requests("/ims/revoke") {
		assert.Equal(t, testClientID, r.Form.Get("client_id"))
		assert.NotContains(t, r.Form, "client_secret")
	}
	assertNoSecrets(t, "logs", e.logs.String(), req.Verifier)
}

func TestPKCEWrongVerifierRejected(t *testing.T) {
	e := newEnv(t)
	app, err := NewNativeApp(testClientID, "adobe+abc123://callback", e.opts()...)
	require.NoError(t, err)
	req := app.AuthCodeURL("st")
	_, err = noRedirectClient().Get(req.URL)
	require.NoError(t, err)

	other := app.AuthCodeURL("st").Verifier
	err = app.ExchangeCode(context.Background(), testCode, other)
	requireErrNoSecrets(t, err, other, req.Verifier)
	var authErr *AuthenticationError
	require.ErrorAs(t, err, &authErr)
	assert.Equal(t, "invalid_grant", authErr.Code)

	var cfgErr *ConfigError
	require.ErrorAs(t, app.ExchangeCode(context.Background(), testCode, ""), &cfgErr)
	assert.Equal(t, "verifier", cfgErr.Field)
}
