package auth

import (
	"context"

	"golang.org/x/oauth2"
)

// WebApp implements the authorization code flow for confidential
// server-side applications (Adobe "OAuth Web App" credentials). The client
// secret is sent to the token endpoint with HTTP Basic authentication, as
// the IMS documentation shows for confidential clients. After ExchangeCode,
// access tokens are refreshed automatically with the refresh token. Safe for
// concurrent use.
type WebApp struct {
	*core
	oc oauth2.Config
}

var _ ContextTokenSource = (*WebApp)(nil)

// NewWebApp returns a web-app credential. redirectURI must be registered on
// the credential and use HTTPS (http is accepted only for 127.0.0.1,
// localhost and [::1]). Default scopes are [DefaultUserScopes].
func NewWebApp(clientID, clientSecret, redirectURI string, opts ...Option) (*WebApp, error) {
	cfg := newConfig(DefaultUserScopes(), opts)
	base, err := cfg.validate(clientID)
	if err != nil {
		return nil, err
	}
	if err := validateSecret(clientSecret); err != nil {
		return nil, err
	}
	if err := validateRedirect(redirectURI, redirectWeb); err != nil {
		return nil, err
	}
	w := &WebApp{
		core: newCore(cfg, base, clientID, clientSecret),
		oc:   oauthConfig(cfg, base, clientID, clientSecret, redirectURI, oauth2.AuthStyleInHeader),
	}
	w.cache = newTokenCache(cfg, w.fetch)
	return w, nil
}

// AuthCodeURL returns the IMS authorization URL (/ims/authorize/v2) to
// redirect the user to. state must be an unguessable value bound to the
// user's session (e.g. [crypto/rand.Text]); check it on the callback before
// calling ExchangeCode.
func (w *WebApp) AuthCodeURL(state string) string {
	return w.oc.AuthCodeURL(state)
}

// ExchangeCode exchanges the authorization code from the callback for
// tokens and stores them, replacing any previous state.
func (w *WebApp) ExchangeCode(ctx context.Context, code string) error {
	return exchange(ctx, w.core, &w.oc, code)
}

// Refresh forces a refresh with the refresh token, even if the access token
// is still valid. It returns a [*NotAuthenticatedError] if there is no
// refresh token and a [*TokenExpiredError] if IMS refuses it.
func (w *WebApp) Refresh(ctx context.Context) error {
	_, err := w.cache.token(ctx, true)
	return err
}

func (w *WebApp) fetch(ctx context.Context, cur *oauth2.Token) (*oauth2.Token, error) {
	return refresh(ctx, w.core, &w.oc, cur)
}
