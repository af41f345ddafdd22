package auth

import (
	"encoding/json"
	"log/slog"
	"math"
	"time"

	"golang.org/x/oauth2"
)

// TokenSet is the portable token state of a credential, used by Export,
// Import and [WithOnTokenRefreshed]. Its JSON form is
//
//	{"access_token": "...", "refresh_token": "...", "expires_at": 1767225600.5}
//
// with expires_at in Unix seconds, matching the Frame.io Python and
// TypeScript SDKs, so tokens can be shared between them. A zero ExpiresAt
// (JSON 0 or absent) means the expiry is unknown and the access token is
// treated as not expiring.
//
// TokenSet holds secrets: its String, GoString and LogValue methods redact
// them, but its JSON form does not. Store it as a secret.
type TokenSet struct {
	// AccessToken is the bearer token sent to the Frame.io API.
	AccessToken string
	// RefreshToken is the long-lived token used to obtain new access tokens.
	// It is empty for server-to-server credentials.
	RefreshToken string
	// ExpiresAt is when AccessToken expires.
	ExpiresAt time.Time
}

type tokenSetJSON struct {
	AccessToken  string  `json:"access_token"`
	RefreshToken string  `json:"refresh_token,omitempty"`
	ExpiresAt    float64 `json:"expires_at"`
}

// MarshalJSON implements [json.Marshaler].
func (t TokenSet) MarshalJSON() ([]byte, error) {
	var exp float64
	if !t.ExpiresAt.IsZero() {
		exp = float64(t.ExpiresAt.UnixMilli()) / 1000
	}
	return json.Marshal(tokenSetJSON{AccessToken: t.AccessToken, RefreshToken: t.RefreshToken, ExpiresAt: exp})
}

// UnmarshalJSON implements [json.Unmarshaler].
func (t *TokenSet) UnmarshalJSON(b []byte) error {
	var j tokenSetJSON
	if err := json.Unmarshal(b, &j); err != nil {
		return err
	}
	*t = TokenSet{AccessToken: j.AccessToken, RefreshToken: j.RefreshToken}
	if j.ExpiresAt > 0 && !math.IsInf(j.ExpiresAt, 0) {
		t.ExpiresAt = time.UnixMilli(int64(math.Round(j.ExpiresAt * 1000)))
	}
	return nil
}

// String returns a redacted description, so a TokenSet printed by mistake
// does not leak tokens.
func (t TokenSet) String() string {
	return "auth.TokenSet{access_token:" + redacted(t.AccessToken) +
		", refresh_token:" + redacted(t.RefreshToken) +
		", expires_at:" + t.ExpiresAt.UTC().Format(time.RFC3339) + "}"
}

// GoString implements [fmt.GoStringer] with the same redaction as String.
func (t TokenSet) GoString() string { return t.String() }

// LogValue implements [slog.LogValuer] with the tokens redacted.
func (t TokenSet) LogValue() slog.Value {
	return slog.GroupValue(
		slog.String("access_token", redacted(t.AccessToken)),
		slog.String("refresh_token", redacted(t.RefreshToken)),
		slog.Time("expires_at", t.ExpiresAt),
	)
}

func redacted(s string) string {
	if s == "" {
		return "<empty>"
	}
	return "<redacted>"
}

func tokenSetFrom(t *oauth2.Token) TokenSet {
	return TokenSet{AccessToken: t.AccessToken, RefreshToken: t.RefreshToken, ExpiresAt: t.Expiry}
}

func (t TokenSet) oauth2Token() *oauth2.Token {
	return &oauth2.Token{AccessToken: t.AccessToken, RefreshToken: t.RefreshToken, TokenType: "Bearer", Expiry: t.ExpiresAt}
}
