package auth

import (
	"bytes"
	"context"
	"fmt"
	"log/slog"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// printedError renders err and every error of its chain with %v, %+v and
// %#v, so that a secret kept anywhere in it shows.
func printedError(err error) string {
	var b strings.Builder
	var walk func(error)
	walk = func(e error) {
		if e == nil {
			return
		}
		fmt.Fprintf(&b, "%v\n%+v\n%#v\n", e, e, e)
		switch u := e.(type) {
		case interface{ Unwrap() error }:
			walk(u.Unwrap())
		case interface{ Unwrap() []error }:
			for _, x := range u.Unwrap() {
				walk(x)
			}
		}
	}
	walk(err)
	return b.String()
}

// printedValue renders v with every fmt verb that prints structs and with
// slog's text and JSON handlers.
func printedValue(v any) string {
	var b bytes.Buffer
	fmt.Fprintf(&b, "%v\n%+v\n%#v\n%s\n", v, v, v, v)
	slog.New(slog.NewTextHandler(&b, nil)).Info("value", "v", v)
	slog.New(slog.NewJSONHandler(&b, nil)).Info("value", "v", v)
	return b.String()
}

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
		out := printedValue(v)
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
	assertNoSecrets(t, "exchange error", printedError(err))
	assert.Contains(t, err.Error(), "[REDACTED]")

	require.NoError(t, web.Import(TokenSet{RefreshToken: refreshPrefix + "x"}))
	err = web.Refresh(ctx)
	require.Error(t, err)
	assertNoSecrets(t, "refresh error", printedError(err))

	_, err = newS2S(t, e).TokenContext(ctx)
	require.Error(t, err)
	assertNoSecrets(t, "client credentials error", printedError(err))
}
