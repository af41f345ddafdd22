package auth

import (
	"context"
	"errors"
	"net/http"
	"net/url"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/oauth2"
)

func TestServerToServerRequest(t *testing.T) {
	e := newEnv(t)
	s2s, err := NewServerToServer(testClientID, testClientSecret, e.opts()...)
	require.NoError(t, err)

	tok, err := s2s.TokenContext(context.Background())
	require.NoError(t, err)
	assert.Equal(t, accessPrefix+"1", tok.AccessToken)
	assert.Equal(t, "Bearer", tok.Type())
	assert.Equal(t, e.clock.Now().Add(time.Hour), tok.Expiry)
	assert.Empty(t, tok.RefreshToken)

	reqs := e.ims.Requests("/ims/token/v3")
	require.Len(t, reqs, 1)
	r := reqs[0]
	assert.Equal(t, http.MethodPost, r.Method)
	assert.False(t, r.HasBasic, "s2s sends credentials as form fields")
	assert.Equal(t, url.Values{
		"grant_type":    {"client_credentials"},
		"client_id":     {testClientID},
		"client_secret": {testClientSecret},
		"scope":         {"openid AdobeID frame.s2s.all"},
	}, r.Form)
}

func TestServerToServerCachesAndRefreshesBeforeExpiry(t *testing.T) {
	e := newEnv(t)
	s2s, err := NewServerToServer(testClientID, testClientSecret, e.opts()...)
	require.NoError(t, err)
	ctx := context.Background()

	first, err := s2s.TokenContext(ctx)
	require.NoError(t, err)

	// Still outside the 60 s buffer: cached.
	e.clock.Advance(time.Hour - 61*time.Second)
	again, err := s2s.Token()
	require.NoError(t, err)
	assert.Equal(t, first.AccessToken, again.AccessToken)
	assert.Len(t, e.ims.Requests("/ims/token/v3"), 1)

	// Inside the buffer: proactively refreshed although not yet expired.
	e.clock.Advance(2 * time.Second)
	fresh, err := s2s.TokenContext(ctx)
	require.NoError(t, err)
	assert.Equal(t, accessPrefix+"2", fresh.AccessToken)
	assert.Len(t, e.ims.Requests("/ims/token/v3"), 2)
}

func TestServerToServerCustomRefreshBufferAndScopes(t *testing.T) {
	e := newEnv(t)
	s2s, err := NewServerToServer(testClientID, testClientSecret,
		e.opts(WithRefreshBuffer(10*time.Minute), WithScopes("openid", "custom"))...)
	require.NoError(t, err)
	ctx := context.Background()

	_, err = s2s.TokenContext(ctx)
	require.NoError(t, err)
	e.clock.Advance(50*time.Minute + time.Second)
	tok, err := s2s.TokenContext(ctx)
	require.NoError(t, err)
	assert.Equal(t, accessPrefix+"2", tok.AccessToken)
	assert.Equal(t, "openid custom", e.ims.Requests("/ims/token/v3")[0].Form.Get("scope"))
}

func TestServerToServerAuthenticate(t *testing.T) {
	e := newEnv(t)
	good, err := NewServerToServer(testClientID, testClientSecret, e.opts()...)
	require.NoError(t, err)
	require.NoError(t, good.Authenticate(context.Background()))
	// Authenticate always fetches, even with a valid cached token.
	require.NoError(t, good.Authenticate(context.Background()))
	assert.Len(t, e.ims.Requests("/ims/token/v3"), 2)

	bad, err := NewServerToServer(testClientID, "CLIENT-SECRET-wrong", e.opts()...)
	require.NoError(t, err)
	err = bad.Authenticate(context.Background())
	requireErrNoSecrets(t, err, "CLIENT-SECRET-wrong")
	var authErr *AuthenticationError
	require.ErrorAs(t, err, &authErr)
	assert.Equal(t, "client_credentials", authErr.Op)
	assert.Equal(t, http.StatusUnauthorized, authErr.StatusCode)
	assert.Equal(t, "invalid_client", authErr.Code)
	assert.Equal(t, "invalid client credentials", authErr.Description)
	var retErr *oauth2.RetrieveError
	assert.ErrorAs(t, err, &retErr, "the oauth2 cause stays reachable")
	var any Error
	assert.ErrorAs(t, err, &any)
}

func TestServerToServerRevokeThenMintsAgain(t *testing.T) {
	e := newEnv(t)
	s2s, err := NewServerToServer(testClientID, testClientSecret, e.opts()...)
	require.NoError(t, err)
	ctx := context.Background()
	_, err = s2s.TokenContext(ctx)
	require.NoError(t, err)

	require.NoError(t, s2s.Revoke(ctx))
	reqs := e.ims.Requests("/ims/revoke")
	require.Len(t, reqs, 1)
	assert.Equal(t, url.Values{
		"token":         {accessPrefix + "1"},
		"client_id":     {testClientID},
		"client_secret": {testClientSecret},
	}, reqs[0].Form)
	assert.False(t, reqs[0].HasBasic)

	_, err = s2s.Export()
	var notAuth *NotAuthenticatedError
	require.ErrorAs(t, err, &notAuth)

	// Client credentials can always mint a new token.
	tok, err := s2s.TokenContext(ctx)
	require.NoError(t, err)
	assert.Equal(t, accessPrefix+"2", tok.AccessToken)

	// Revoking with nothing cached is a no-op.
	other, err := NewServerToServer(testClientID, testClientSecret, e.opts()...)
	require.NoError(t, err)
	require.NoError(t, other.Revoke(ctx))
	assert.Len(t, e.ims.Requests("/ims/revoke"), 1)
}

func TestServerToServerImportSkipsRoundTrip(t *testing.T) {
	e := newEnv(t)
	s2s, err := NewServerToServer(testClientID, testClientSecret, e.opts()...)
	require.NoError(t, err)
	require.NoError(t, s2s.Import(TokenSet{AccessToken: accessPrefix + "saved", ExpiresAt: e.clock.Now().Add(time.Hour)}))

	tok, err := s2s.TokenContext(context.Background())
	require.NoError(t, err)
	assert.Equal(t, accessPrefix+"saved", tok.AccessToken)
	assert.Empty(t, e.ims.Requests("/ims/token/v3"))
}

func TestTokenContextCancelled(t *testing.T) {
	e := newEnv(t)
	s2s, err := NewServerToServer(testClientID, testClientSecret, e.opts()...)
	require.NoError(t, err)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err = s2s.TokenContext(ctx)
	assert.True(t, errors.Is(err, context.Canceled))
}
