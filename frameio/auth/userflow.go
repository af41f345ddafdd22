package auth

import (
	"context"
	"log/slog"

	"golang.org/x/oauth2"
)

// Helpers shared by the user-facing flows (WebApp and PKCEApp).

func oauthConfig(cfg *config, base, clientID, clientSecret, redirectURI string, style oauth2.AuthStyle) oauth2.Config {
	return oauth2.Config{
		ClientID:     clientID,
		ClientSecret: clientSecret,
		RedirectURL:  redirectURI,
		Scopes:       cfg.scopes,
		Endpoint: oauth2.Endpoint{
			AuthURL:   base + cfg.authorizePath,
			TokenURL:  base + cfg.tokenPath,
			AuthStyle: style,
		},
	}
}

// exchange trades an authorization code for tokens and installs them;
// verifier is the PKCE code verifier, "" for confidential clients.
func exchange(ctx context.Context, c *core, oc *oauth2.Config, code, verifier string) error {
	if code == "" {
		return &ConfigError{Field: "code", Reason: "must not be empty"}
	}
	var opts []oauth2.AuthCodeOption
	if verifier != "" {
		opts = append(opts, oauth2.VerifierOption(verifier))
	}
	c.cfg.logger.LogAttrs(ctx, slog.LevelDebug, "exchanging authorization code", slog.String("grant_type", opAuthorizationCode))
	tok, err := oc.Exchange(c.withClient(ctx), code, opts...)
	if err != nil {
		return classify(opAuthorizationCode, err, code, oc.ClientSecret, verifier)
	}
	tok = stamp(tok, c.cfg.now())
	c.cache.replace(tok)
	c.cfg.logger.LogAttrs(ctx, slog.LevelDebug, "authorization code exchanged",
		slog.Time("expires_at", tok.Expiry), slog.Bool("has_refresh_token", tok.RefreshToken != ""))
	c.cache.notify(ctx, tokenSetFrom(tok))
	return nil
}

// refresh uses the refresh token of cur to obtain a new access token.
func refresh(ctx context.Context, c *core, oc *oauth2.Config, cur *oauth2.Token) (*oauth2.Token, error) {
	if cur == nil || cur.RefreshToken == "" {
		return nil, &NotAuthenticatedError{Reason: "no refresh token; complete the authorization code flow or Import tokens"}
	}
	c.cfg.logger.LogAttrs(ctx, slog.LevelDebug, "requesting token", slog.String("grant_type", opRefreshToken))
	// An empty access token makes the oauth2 token source refresh at once.
	tok, err := oc.TokenSource(c.withClient(ctx), &oauth2.Token{RefreshToken: cur.RefreshToken}).Token()
	if err != nil {
		return nil, classify(opRefreshToken, err, cur.RefreshToken, oc.ClientSecret)
	}
	return stamp(tok, c.cfg.now()), nil
}
