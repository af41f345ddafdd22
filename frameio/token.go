package frameio

import (
	"context"

	"golang.org/x/oauth2"

	"github.com/frameio-go/frameio-go/internal/options"
)

// ContextTokenSource is an oauth2.TokenSource whose wait for a token can be
// cut short by a context. Every credential of package
// github.com/frameio-go/frameio-go/frameio/auth implements it. The client
// calls TokenContext with the call's context, bounded by the call's and the
// attempt's timeouts (WithTimeout, WithAttemptTimeout), so a slow identity
// server cannot hold a call past its deadline. It is the same type as
// auth.ContextTokenSource.
type ContextTokenSource = options.ContextTokenSource

// fetchToken asks ts for a token and waits at most until ctx is done. A
// source without TokenContext is called on its own goroutine; when ctx ends
// first, fetchToken returns ctx.Err() at once and that goroutine finishes
// in the background when Token returns (its result is dropped).
func fetchToken(ctx context.Context, ts oauth2.TokenSource) (*oauth2.Token, error) {
	if cts, ok := ts.(ContextTokenSource); ok {
		return cts.TokenContext(ctx)
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	type result struct {
		tok *oauth2.Token
		err error
	}
	ch := make(chan result, 1) // buffered: the goroutine never blocks
	go func() {
		tok, err := ts.Token()
		ch <- result{tok, err}
	}()
	select {
	case r := <-ch:
		return r.tok, r.err
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}

// staticToken is the source behind WithToken: a fixed token, no waiting.
type staticToken struct{ tok *oauth2.Token }

// Token returns the token.
func (s staticToken) Token() (*oauth2.Token, error) { return s.tok, nil }

// TokenContext returns the token.
func (s staticToken) TokenContext(context.Context) (*oauth2.Token, error) { return s.tok, nil }
