package auth

import (
	"context"

	"golang.org/x/oauth2"
)

// PKCEApp implements the authorization code flow with PKCE (RFC 7636, S256)
// for public clients that cannot keep a secret: single-page apps
// ([NewSPA]) and desktop, mobile or command-line apps ([NewNativeApp]). No
// client secret is ever sent; the client ID travels as a form field. After
// ExchangeCode, access tokens are refreshed automatically with the refresh
// token. Safe for concurrent use.
type PKCEApp struct {
	*core
	oc oauth2.Config
}

var _ ContextTokenSource = (*PKCEApp)(nil)

// AuthCodeRequest is the start of a PKCE authorization: send the user to
// URL, keep Verifier (secret, per attempt) until the callback, then pass it
// to [PKCEApp.ExchangeCode].
type AuthCodeRequest struct {
	// URL is the IMS authorization URL carrying the S256 code challenge.
	URL string
	// Verifier is the PKCE code verifier. Do not log or share it.
	Verifier string
}

// NewSPA returns a credential for an Adobe "Single Page App" credential.
// redirectURI must use HTTPS (http is accepted only for 127.0.0.1,
// localhost and [::1]). Default scopes are [DefaultUserScopes].
func NewSPA(clientID, redirectURI string, opts ...Option) (*PKCEApp, error) {
	return newPKCEApp(clientID, redirectURI, redirectWeb, opts)
}

// NewNativeApp returns a credential for an Adobe "Native App" credential.
// redirectURI is either the adobe+<id>://callback URI the Developer Console
// assigns to the credential, or a loopback URI such as
// http://127.0.0.1:8080/callback (see [ListenLoopback]). Default scopes are
// [DefaultUserScopes].
func NewNativeApp(clientID, redirectURI string, opts ...Option) (*PKCEApp, error) {
	return newPKCEApp(clientID, redirectURI, redirectNative, opts)
}

func newPKCEApp(clientID, redirectURI string, kind redirectKind, opts []Option) (*PKCEApp, error) {
	cfg, base, err := newConfig(DefaultUserScopes(), clientID, opts)
	if err != nil {
		return nil, err
	}
	if err := validateRedirect(redirectURI, kind); err != nil {
		return nil, err
	}
	p := &PKCEApp{
		core: newCore("PKCEApp", cfg, base, clientID, ""),
		oc:   oauthConfig(cfg, base, clientID, "", redirectURI, oauth2.AuthStyleInParams),
	}
	p.cache = newTokenCache(cfg, p.fetch)
	return p, nil
}

// AuthCodeURL starts an authorization: it generates a fresh PKCE verifier
// and returns the IMS authorization URL (/ims/authorize/v2) carrying its
// S256 challenge. state must be an unguessable value (e.g.
// [crypto/rand.Text]) checked on the callback.
func (p *PKCEApp) AuthCodeURL(state string) AuthCodeRequest {
	verifier := oauth2.GenerateVerifier()
	return AuthCodeRequest{
		URL:      p.oc.AuthCodeURL(state, oauth2.S256ChallengeOption(verifier)),
		Verifier: verifier,
	}
}

// ExchangeCode exchanges the authorization code for tokens, proving
// possession of verifier, and stores them, replacing any previous state.
func (p *PKCEApp) ExchangeCode(ctx context.Context, code, verifier string) error {
	if verifier == "" {
		return &ConfigError{Field: "verifier", Reason: "must not be empty"}
	}
	return exchange(ctx, p.core, &p.oc, code, verifier)
}

// Refresh forces a refresh with the refresh token, even if the access token
// is still valid. It returns a [*NotAuthenticatedError] if there is no
// refresh token and a [*TokenExpiredError] if IMS refuses it.
func (p *PKCEApp) Refresh(ctx context.Context) error {
	_, err := p.cache.token(ctx, true)
	return err
}

func (p *PKCEApp) fetch(ctx context.Context, cur *oauth2.Token) (*oauth2.Token, error) {
	return refresh(ctx, p.core, &p.oc, cur)
}
