package auth

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/frameio-go/frameio-go/internal/testutil"
)

// Credentials, authorization requests and the errors of IMS must not print
// the client secret, the PKCE verifier, the code or the tokens, however a
// program prints them.
func TestCredentialsNeverPrintSecrets(t *testing.T) {
	e := newEnv(t)
	s2s := newS2S(t, e)
	web := newTestWebApp(t, e)
	native, err := NewNativeApp(testClientID, "http://127.0.0.1:9/callback", e.opts()...)
	require.NoError(t, err)
	req := native.AuthCodeURL("st")
	require.NotEmpty(t, req.Verifier)
	for _, v := range []any{s2s, *s2s, web, native, req} {
		out := testutil.PrintValue(v)
		assertNoSecrets(t, fmt.Sprintf("%T", v), out, req.Verifier)
		assert.Contains(t, out, testClientID, "%T still says which credential it is", v)
	}
}

// An IMS that echoes what it was sent (the code, the refresh token, the
// client secret) in its error description does not get it printed.
func TestIMSErrorsEchoingSecretsAreScrubbed(t *testing.T) {
	e := newEnv(t)
	e.ims.tokenHook = func(w http.ResponseWriter, form url.Values) bool {
		echo := strings.Join([]string{form.Get("code"), form.Get("refresh_token"), form.Get("client_secret")}, " ")
		writeIMSError(w, http.StatusBadRequest, "invalid_request", "bad request: "+echo)
		return true
	}
	ctx := context.Background()
	web := newTestWebApp(t, e)
	err := web.ExchangeCode(ctx, testCode)
	require.Error(t, err)
	assertNoSecrets(t, "exchange error", testutil.PrintError(err))
	assert.Contains(t, err.Error(), "[REDACTED]")

	require.NoError(t, web.Import(TokenSet{RefreshToken: refreshPrefix + "x"}))
	err = web.Refresh(ctx)
	require.Error(t, err)
	assertNoSecrets(t, "refresh error", testutil.PrintError(err))

	_, err = newS2S(t, e).TokenContext(ctx)
	require.Error(t, err)
	assertNoSecrets(t, "client credentials error", testutil.PrintError(err))
}

// A revocation refused with an error that echoes the token and the client
// secret does not get them printed.
func TestRevokeErrorsEchoingSecretsAreScrubbed(t *testing.T) {
	e := newEnv(t)
	web := newTestWebApp(t, e)
	ctx := context.Background()
	require.NoError(t, web.ExchangeCode(ctx, testCode))
	e.ims.revokeStatus = http.StatusBadRequest
	err := web.Revoke(ctx)
	require.Error(t, err)
	assertNoSecrets(t, "revoke error", testutil.PrintError(err))
	assert.Contains(t, err.Error(), "[REDACTED]")
}
