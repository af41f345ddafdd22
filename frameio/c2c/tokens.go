package c2c

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"sync"
	"time"

	gen "github.com/frameio-go/frameio-go/gen/c2c"
)

// tokenSource keeps the device token fresh. Refresh tokens are single use,
// so at most one refresh runs at a time (sem), and a refreshed pair is
// saved to the TokenStore before any call uses it.
type tokenSource struct {
	c   *Client
	sem chan struct{}

	mu      sync.Mutex
	loaded  bool
	cur     *Token
	unsaved bool // cur is newer than the store: save it before use
}

// Token returns the current token, refreshing it first when it expires
// within the refresh margin. It fails with ErrPairingRequired when the
// device has no usable authorization.
func (c *Client) Token(ctx context.Context) (*Token, error) {
	if _, err := c.auth.access(ctx); err != nil {
		return nil, err
	}
	c.auth.mu.Lock()
	defer c.auth.mu.Unlock()
	t := *c.auth.cur
	return &t, nil
}

// Paired reports whether the device holds a token (it may still need a
// refresh).
func (c *Client) Paired(ctx context.Context) (bool, error) {
	t, err := c.auth.current(ctx)
	return t != nil, err
}

func (ts *tokenSource) current(ctx context.Context) (*Token, error) {
	ts.mu.Lock()
	defer ts.mu.Unlock()
	if !ts.loaded {
		t, err := ts.c.cfg.tokens.LoadToken(ctx)
		if err != nil {
			return nil, fmt.Errorf("c2c: loading token: %w", err)
		}
		ts.cur, ts.loaded = t, true
	}
	return ts.cur, nil
}

func (ts *tokenSource) expiring(t *Token) bool {
	return !t.ExpiresAt.IsZero() && !ts.c.cfg.now().Add(ts.c.cfg.refreshBefore).Before(t.ExpiresAt)
}

// access returns a valid access token.
func (ts *tokenSource) access(ctx context.Context) (string, error) {
	t, err := ts.current(ctx)
	if err != nil {
		return "", err
	}
	if t == nil {
		return "", fmt.Errorf("%w: the device has no token", ErrPairingRequired)
	}
	if ts.expiring(t) {
		if t, err = ts.refresh(ctx, t.AccessToken); err != nil {
			return "", err
		}
	}
	if err := ts.saveIfUnsaved(ctx); err != nil {
		return "", err
	}
	return t.AccessToken, nil
}

func (ts *tokenSource) saveIfUnsaved(ctx context.Context) error {
	ts.mu.Lock()
	defer ts.mu.Unlock()
	if !ts.unsaved {
		return nil
	}
	if err := ts.c.cfg.tokens.SaveToken(ctx, ts.cur); err != nil {
		return fmt.Errorf("%w: %v", ErrTokenNotSaved, err)
	}
	ts.unsaved = false
	return nil
}

// set installs a new token and persists it; when SaveToken fails the token
// is kept in memory and saving is retried before its first use.
func (ts *tokenSource) set(ctx context.Context, t *Token) error {
	ts.mu.Lock()
	ts.cur, ts.loaded, ts.unsaved = t, true, true
	ts.mu.Unlock()
	return ts.saveIfUnsaved(ctx)
}

// forget drops the token locally and in the store.
func (ts *tokenSource) forget(ctx context.Context) error {
	ts.mu.Lock()
	ts.cur, ts.loaded, ts.unsaved = nil, true, false
	ts.mu.Unlock()
	return ts.c.cfg.tokens.DeleteToken(ctx)
}

// refresh exchanges the refresh token for a new pair, unless another
// caller already replaced the token whose access token was failed.
func (ts *tokenSource) refresh(ctx context.Context, failed string) (*Token, error) {
	select {
	case ts.sem <- struct{}{}:
	case <-ctx.Done():
		return nil, ctx.Err()
	}
	defer func() { <-ts.sem }()
	cur, err := ts.current(ctx)
	if err != nil {
		return nil, err
	}
	if cur == nil {
		return nil, fmt.Errorf("%w: the device has no token", ErrPairingRequired)
	}
	if cur.AccessToken != failed && !ts.expiring(cur) {
		return cur, nil
	}
	if cur.RefreshToken == "" {
		_ = ts.forget(ctx)
		return nil, fmt.Errorf("%w: no refresh token (request the offline scope)", ErrPairingRequired)
	}
	ts.c.cfg.logger.DebugContext(ctx, "c2c: refreshing access token")
	tok, err := ts.c.exchange(ctx, url.Values{"grant_type": {string(gen.GrantTypeRefreshToken)}, "refresh_token": {cur.RefreshToken}}, false, cur.RefreshToken)
	if err != nil {
		if errors.Is(err, ErrInvalidRequest) || errors.Is(err, ErrUnauthorized) || errors.Is(err, ErrInvalidGrant) {
			ts.c.cfg.logger.WarnContext(ctx, "c2c: refresh rejected; the device must pair again", "error", err)
			_ = ts.forget(ctx)
			return nil, fmt.Errorf("%w: refresh rejected: %w", ErrPairingRequired, err)
		}
		return nil, err
	}
	return tok, ts.set(ctx, tok)
}

// exchange calls the token endpoint with grant fields plus the client
// credentials and returns the token it issued.
func (c *Client) exchange(ctx context.Context, form url.Values, poll bool, secret string) (*Token, error) {
	creds, err := c.cfg.creds.Credentials(ctx)
	if err != nil {
		return nil, fmt.Errorf("c2c: credentials: %w", err)
	}
	form.Set("client_id", creds.ClientID)
	form.Set("client_secret", creds.ClientSecret)
	var out gen.Token
	err = c.do(ctx, &call{method: http.MethodPost, path: "/v2/auth/token", class: classToken, form: form,
		expect: http.StatusOK, out: &out, poll: poll,
		secrets: func() []string { return []string{creds.ClientSecret, secret} }})
	if err != nil {
		return nil, err
	}
	if out.AccessToken == "" {
		return nil, fmt.Errorf("%w: token response without access_token", ErrMalformedResponse)
	}
	t := &Token{AccessToken: out.AccessToken, ExpiresAt: c.cfg.now().Add(time.Duration(out.ExpiresIn) * time.Second)}
	if out.RefreshToken != nil {
		t.RefreshToken = *out.RefreshToken
	}
	return t, nil
}

// SetToken installs a token obtained elsewhere (e.g. migrated from another
// implementation) and saves it.
func (c *Client) SetToken(ctx context.Context, t Token) error {
	if t.AccessToken == "" {
		return errors.New("c2c: SetToken: empty access token")
	}
	return c.auth.set(ctx, &t)
}

// Revoke ends the device's authorization: the token is forgotten locally
// first (so nothing uses it again even if the server cannot be reached),
// then revoked at Frame.io. The device must pair again afterwards.
func (c *Client) Revoke(ctx context.Context) error {
	cur, err := c.auth.current(ctx)
	if err != nil {
		return err
	}
	if err := c.auth.forget(ctx); err != nil {
		return err
	}
	if cur == nil {
		return nil
	}
	token := cur.RefreshToken
	if token == "" {
		token = cur.AccessToken
	}
	creds, err := c.cfg.creds.Credentials(ctx)
	if err != nil {
		return fmt.Errorf("c2c: credentials: %w", err)
	}
	return c.do(ctx, &call{method: http.MethodPost, path: "/v2/auth/revoke", expect: http.StatusOK,
		form:    url.Values{"client_id": {creds.ClientID}, "client_secret": {creds.ClientSecret}, "token": {token}},
		secrets: func() []string { return []string{creds.ClientSecret, cur.RefreshToken, cur.AccessToken} }})
}
