package auth

import (
	"context"
	"net/http"

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
	cfg, base, err := newConfig(DefaultUserScopes(), clientID, opts)
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
		core: newCore("WebApp", cfg, base, clientID, clientSecret),
		oc:   oauthConfig(cfg, base, clientID, clientSecret, redirectURI, oauth2.AuthStyleInHeader),
	}
	w.cache = newTokenCache(cfg, w.fetch)
	return w, nil
}

// AuthCodeURL returns the IMS authorization URL (/ims/authorize/v2) to
// redirect the user to. state must be an unguessable value bound to the
// user's session (e.g. [crypto/rand.Text]); pass it to ExchangeCallback
// when IMS redirects the user back.
func (w *WebApp) AuthCodeURL(state string) string {
	return w.oc.AuthCodeURL(state)
}

// ExchangeCallback completes the sign-in from the request IMS redirected
// the user's browser to: it checks that the request carries state, the
// value bound to this user's session when it was sent to AuthCodeURL
// (compared in constant time), and no IMS error, then exchanges the code
// for tokens and stores them, replacing any previous state. A request with
// another state or none (a forged or stale callback: CSRF), an IMS error
// or no code is a [*CallbackError], and nothing is exchanged; an empty
// state is a [*ConfigError]. Use it rather than ExchangeCode:
//
//	http.HandleFunc("/callback", func(rw http.ResponseWriter, r *http.Request) {
//		if err := app.ExchangeCallback(r.Context(), r, sessionState(r)); err != nil {
//			http.Error(rw, "sign-in failed", http.StatusBadRequest)
//			return
//		}
//		// signed in
//	})
func (w *WebApp) ExchangeCallback(ctx context.Context, r *http.Request, state string) error {
	if state == "" {
		return &ConfigError{Field: "state", Reason: "must not be empty: pass the value given to AuthCodeURL"}
	}
	code, ours, err := readCallback(r.URL.Query(), state)
	switch {
	case !ours:
		return &CallbackError{Description: "state mismatch (possible CSRF), callback rejected"}
	case err != nil:
		return err
	}
	return exchange(ctx, w.core, &w.oc, code, "")
}

// ExchangeCode exchanges an authorization code for tokens and stores them,
// replacing any previous state. It does not check the callback's state:
// the caller must, before calling it. Prefer ExchangeCallback, which does.
func (w *WebApp) ExchangeCode(ctx context.Context, code string) error {
	return exchange(ctx, w.core, &w.oc, code, "")
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
