package auth

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestTokenSetJSON(t *testing.T) {
	ts := TokenSet{AccessToken: "a", RefreshToken: "r", ExpiresAt: time.UnixMilli(1767225600500)}
	b, err := json.Marshal(ts)
	require.NoError(t, err)
	assert.JSONEq(t, `{"access_token":"a","refresh_token":"r","expires_at":1767225600.5}`, string(b))

	var back TokenSet
	require.NoError(t, json.Unmarshal(b, &back))
	assert.True(t, ts.ExpiresAt.Equal(back.ExpiresAt))
	assert.Equal(t, ts.AccessToken, back.AccessToken)
	assert.Equal(t, ts.RefreshToken, back.RefreshToken)

	// Python/TypeScript shape without refresh token or expiry.
	require.NoError(t, json.Unmarshal([]byte(`{"access_token":"a","expires_at":0}`), &back))
	assert.True(t, back.ExpiresAt.IsZero())
	b, err = json.Marshal(TokenSet{AccessToken: "a"})
	require.NoError(t, err)
	assert.JSONEq(t, `{"access_token":"a","expires_at":0}`, string(b))
	assert.Error(t, json.Unmarshal([]byte(`[]`), &back))
}

func TestTokenSetRedaction(t *testing.T) {
	ts := TokenSet{AccessToken: accessPrefix + "x", RefreshToken: refreshPrefix + "x", ExpiresAt: time.Unix(0, 0)}
	var logs bytes.Buffer
	slog.New(slog.NewTextHandler(&logs, nil)).Info("tokens", "set", ts)
	for _, s := range []string{ts.String(), fmt.Sprintf("%v %+v %#v %s", ts, ts, ts, ts), logs.String()} {
		assertNoSecrets(t, "formatted TokenSet", s)
		assert.Contains(t, s, "redacted")
	}
	assert.Contains(t, TokenSet{}.String(), "<empty>")
}

func TestExportImportRoundTrip(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	first := newTestWebApp(t, e)
	require.NoError(t, first.ExchangeCode(ctx, testCode))
	exported, err := first.Export()
	require.NoError(t, err)
	blob, err := json.Marshal(exported)
	require.NoError(t, err)

	// "Restart": a new credential restores the state and uses it without
	// any IMS round trip.
	second := newTestWebApp(t, e)
	var restored TokenSet
	require.NoError(t, json.Unmarshal(blob, &restored))
	require.NoError(t, second.Import(restored))
	tok, err := second.TokenContext(ctx)
	require.NoError(t, err)
	assert.Equal(t, accessPrefix+"1", tok.AccessToken)
	assert.Len(t, e.ims.Requests("/ims/token/v3"), 1)

	// Later the restored refresh token renews the access token.
	e.clock.Advance(2 * time.Hour)
	tok, err = second.TokenContext(ctx)
	require.NoError(t, err)
	assert.Equal(t, accessPrefix+"2", tok.AccessToken)
	reqs := e.ims.Requests("/ims/token/v3")
	assert.Equal(t, refreshPrefix+"1", reqs[len(reqs)-1].Form.Get("refresh_token"))

	var cfgErr *ConfigError
	require.ErrorAs(t, second.Import(TokenSet{}), &cfgErr)
}
