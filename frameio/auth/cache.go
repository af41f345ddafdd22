package auth

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"strconv"
	"sync"
	"time"

	"golang.org/x/oauth2"

	"github.com/frameio-go/frameio-go/internal/options"
)

// ContextTokenSource is an [oauth2.TokenSource] that can also be cancelled
// through a context. Every credential type of this package implements it;
// callers that hold a context should prefer TokenContext over Token. The
// token TokenContext returns never carries a refresh token. It is the same
// type as frameio.ContextTokenSource.
type ContextTokenSource = options.ContextTokenSource

// fetchFunc obtains a new token from IMS. cur is a copy of the current
// token state, nil if there is none.
type fetchFunc func(ctx context.Context, cur *oauth2.Token) (*oauth2.Token, error)

// tokenCache holds the current token, runs at most one fetch at a time and
// lets revocation win over fetches in flight.
type tokenCache struct {
	cfg   *config
	fetch fetchFunc

	mu     sync.Mutex
	tok    *oauth2.Token
	gen    uint64 // bumped whenever the state is replaced or cleared
	flight *flight
}

type flight struct {
	done   chan struct{}
	cancel context.CancelFunc
	tok    *oauth2.Token
	err    error
}

func newTokenCache(cfg *config, fetch fetchFunc) *tokenCache {
	return &tokenCache{cfg: cfg, fetch: fetch}
}

// token returns a valid token, starting or joining a fetch when the cached
// one is missing or within the refresh buffer. With force it always fetches
// (or joins a fetch already in flight).
func (c *tokenCache) token(ctx context.Context, force bool) (*oauth2.Token, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	c.mu.Lock()
	if !force && c.validLocked() {
		t := publicToken(c.tok)
		c.mu.Unlock()
		return t, nil
	}
	f := c.flight
	if f == nil {
		f = c.startLocked(ctx)
	}
	c.mu.Unlock()

	select {
	case <-f.done:
		if f.err != nil {
			return nil, f.err
		}
		return publicToken(f.tok), nil
	case <-ctx.Done():
		return nil, fmt.Errorf("auth: waiting for token: %w", ctx.Err())
	}
}

func (c *tokenCache) validLocked() bool {
	if c.tok == nil || c.tok.AccessToken == "" {
		return false
	}
	return c.tok.Expiry.IsZero() || c.cfg.now().Before(c.tok.Expiry.Add(-c.cfg.refreshBuffer))
}

// startLocked launches a fetch detached from the caller's cancellation, so
// that one caller giving up does not fail the others. Revoke cancels it.
func (c *tokenCache) startLocked(ctx context.Context) *flight {
	fctx, cancel := context.WithCancel(context.WithoutCancel(ctx))
	f := &flight{done: make(chan struct{}), cancel: cancel}
	c.flight = f
	var cur *oauth2.Token
	if c.tok != nil {
		cp := *c.tok
		cur = &cp
	}
	go c.run(fctx, f, c.gen, cur)
	return f
}

func (c *tokenCache) run(ctx context.Context, f *flight, gen uint64, cur *oauth2.Token) {
	defer close(f.done)
	defer f.cancel()

	c.cfg.logger.LogAttrs(ctx, slog.LevelDebug, "fetching token")
	tok, err := c.fetch(ctx, cur)

	c.mu.Lock()
	if c.flight == f {
		c.flight = nil
	}
	if c.gen != gen {
		// Revoked, imported or exchanged meanwhile: the result is stale
		// and must not replace the current state.
		if c.validLocked() {
			f.tok = publicToken(c.tok)
		} else {
			f.err = &NotAuthenticatedError{Reason: "tokens were revoked or replaced during refresh"}
		}
		c.mu.Unlock()
		c.cfg.logger.LogAttrs(ctx, slog.LevelDebug, "discarded stale token fetch")
		return
	}
	if err != nil {
		var expired *TokenExpiredError
		if errors.As(err, &expired) {
			c.tok = nil
		}
		f.err = err
		c.mu.Unlock()
		c.cfg.logger.LogAttrs(ctx, slog.LevelWarn, "token fetch failed", slog.String("error", err.Error()))
		return
	}
	c.tok = tok
	f.tok = tok
	set := tokenSetFrom(tok)
	c.mu.Unlock()

	c.cfg.logger.LogAttrs(ctx, slog.LevelDebug, "token refreshed", slog.Time("expires_at", tok.Expiry))
	c.notify(ctx, set)
}

func (c *tokenCache) notify(ctx context.Context, set TokenSet) {
	if c.cfg.onTokenRefreshed != nil {
		c.cfg.onTokenRefreshed(ctx, set)
	}
}

// replace installs new token state (after a code exchange or an import),
// superseding any fetch in flight.
func (c *tokenCache) replace(tok *oauth2.Token) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.gen++
	c.tok = tok
	if c.flight != nil {
		c.flight.cancel()
		c.flight = nil
	}
}

// clear drops all token state and cancels any fetch in flight; a fetch that
// completes anyway is discarded. It returns the state it dropped.
func (c *tokenCache) clear() *oauth2.Token {
	c.mu.Lock()
	defer c.mu.Unlock()
	old := c.tok
	c.gen++
	c.tok = nil
	if c.flight != nil {
		c.flight.cancel()
		c.flight = nil
	}
	return old
}

// export returns the current token state.
func (c *tokenCache) export() (TokenSet, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.tok == nil {
		return TokenSet{}, &NotAuthenticatedError{Reason: "no token to export"}
	}
	return tokenSetFrom(c.tok), nil
}

// importSet validates and installs exported token state.
func (c *tokenCache) importSet(ts TokenSet) error {
	if ts.AccessToken == "" && ts.RefreshToken == "" {
		return &ConfigError{Field: "tokens", Reason: "access_token and refresh_token are both empty"}
	}
	c.replace(ts.oauth2Token())
	return nil
}

// stamp sets the expiry of a freshly fetched token from the injected clock.
// golang.org/x/oauth2 computes Expiry with the real clock; expires_in is the
// authoritative value (clientcredentials only keeps it in the raw extras).
func stamp(tok *oauth2.Token, now time.Time) *oauth2.Token {
	secs := tok.ExpiresIn
	if secs <= 0 {
		switch v := tok.Extra("expires_in").(type) {
		case float64:
			secs = int64(v)
		case string:
			secs, _ = strconv.ParseInt(v, 10, 64)
		}
	}
	if secs > 0 {
		tok.Expiry = now.Add(time.Duration(secs) * time.Second)
		tok.ExpiresIn = secs
	}
	if tok.TokenType == "" {
		tok.TokenType = "Bearer"
	}
	return tok
}

// publicToken returns a copy of t without the refresh token, for callers
// that only need to authorize requests.
func publicToken(t *oauth2.Token) *oauth2.Token {
	return &oauth2.Token{AccessToken: t.AccessToken, TokenType: t.TokenType, Expiry: t.Expiry}
}
