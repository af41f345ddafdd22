package auth

import (
	"context"
	"net/http"

	"golang.org/x/oauth2"
)

// core holds what every credential type shares: configuration, the token
// cache, the HTTP client with retries and the revoker.
type core struct {
	kind    string // the credential type, for String
	cfg     *config
	baseURL string
	http    *http.Client
	cache   *tokenCache
	revoker *revoker
}

func newCore(kind string, cfg *config, baseURL, clientID, clientSecret string) *core {
	hc := newHTTPClient(cfg)
	return &core{
		kind:    kind,
		cfg:     cfg,
		baseURL: baseURL,
		http:    hc,
		revoker: &revoker{
			endpoint:     baseURL + cfg.revokePath,
			clientID:     clientID,
			clientSecret: clientSecret,
			client:       hc,
			logger:       cfg.logger,
		},
	}
}

// withClient makes golang.org/x/oauth2 use the retrying HTTP client.
func (c *core) withClient(ctx context.Context) context.Context {
	return context.WithValue(ctx, oauth2.HTTPClient, c.http)
}

// Token implements [oauth2.TokenSource]. It returns a valid access token,
// fetching or refreshing it first when it is missing or within the refresh
// buffer of its expiry. It uses [context.Background]; prefer TokenContext.
func (c *core) Token() (*oauth2.Token, error) {
	return c.TokenContext(context.Background())
}

// TokenContext implements [ContextTokenSource]: like Token, but waiting for
// a refresh stops when ctx is done (the refresh itself continues for other
// callers). The returned token never carries the refresh token.
func (c *core) TokenContext(ctx context.Context) (*oauth2.Token, error) {
	return c.cache.token(ctx, false)
}

// Export returns the current token state for persistence. It returns a
// [*NotAuthenticatedError] when there is none. The result holds secrets.
func (c *core) Export() (TokenSet, error) {
	return c.cache.export()
}

// Import installs token state saved by Export, replacing the current state
// and superseding any refresh in flight. An expired or soon-to-expire access
// token is refreshed on the next TokenContext call.
func (c *core) Import(tokens TokenSet) error {
	return c.cache.importSet(tokens)
}

// Revoke signs out: it clears local token state at once, cancels any
// refresh in flight (whose result, if it still arrives, is discarded), then
// asks IMS to revoke the access and refresh tokens in parallel, best effort.
// A non-nil error only reports that IMS revocation failed; the local state
// is cleared regardless. The endpoint is {base}/ims/revoke by default, see
// [WithRevokePath].
func (c *core) Revoke(ctx context.Context) error {
	old := c.cache.clear()
	if old == nil {
		return nil
	}
	c.cfg.logger.DebugContext(ctx, "tokens cleared, revoking at IMS")
	return c.revoker.revokeAll(ctx, old.AccessToken, old.RefreshToken)
}
