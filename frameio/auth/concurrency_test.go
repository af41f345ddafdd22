package auth

import (
	"context"
	"errors"
	"net/http"
	"net/url"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/oauth2"
)

// blockRefresh makes the fake IMS hold refresh requests until release is
// closed, signalling entered for each one.
func blockRefresh(e *env) (entered chan struct{}, release chan struct{}, count *atomic.Int64) {
	entered = make(chan struct{}, 100)
	release = make(chan struct{})
	count = &atomic.Int64{}
	e.ims.tokenHook = func(_ http.ResponseWriter, form url.Values) bool {
		if form.Get("grant_type") == "refresh_token" {
			count.Add(1)
			entered <- struct{}{}
			<-release
		}
		return false
	}
	return entered, release, count
}

func importExpired(t *testing.T, e *env, w *WebApp) {
	t.Helper()
	// A live refresh token at the fake IMS, with an expired access token.
	require.NoError(t, w.ExchangeCode(context.Background(), testCode))
	ts, err := w.Export()
	require.NoError(t, err)
	ts.ExpiresAt = e.clock.Now().Add(-time.Second)
	require.NoError(t, w.Import(ts))
}

func TestConcurrentCallersShareOneRefresh(t *testing.T) {
	e := newEnv(t)
	var hooks atomic.Int64
	w := newTestWebApp(t, e, WithOnTokenRefreshed(func(context.Context, TokenSet) { hooks.Add(1) }))
	importExpired(t, e, w)
	hooks.Store(0)
	entered, release, count := blockRefresh(e)

	const callers = 100
	var (
		wg      sync.WaitGroup
		started atomic.Int64
		tokens  = make([]string, callers)
		errs    = make([]error, callers)
	)
	for i := range callers {
		wg.Go(func() {
			started.Add(1)
			tok, err := w.TokenContext(context.Background())
			errs[i] = err
			if tok != nil {
				tokens[i] = tok.AccessToken
			}
		})
	}
	<-entered
	require.Eventually(t, func() bool { return started.Load() == callers }, time.Second, time.Millisecond)
	time.Sleep(5 * time.Millisecond) // let the callers reach the wait
	close(release)
	wg.Wait()

	assert.Equal(t, int64(1), count.Load(), "exactly one refresh request")
	assert.Equal(t, int64(1), hooks.Load())
	for i := range callers {
		require.NoError(t, errs[i])
		assert.Equal(t, accessPrefix+"2", tokens[i])
	}
}

func TestCallerCancellationDoesNotAbortSharedRefresh(t *testing.T) {
	e := newEnv(t)
	w := newTestWebApp(t, e)
	importExpired(t, e, w)
	entered, release, count := blockRefresh(e)

	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() {
		_, err := w.TokenContext(ctx)
		done <- err
	}()
	<-entered
	cancel()
	assert.ErrorIs(t, <-done, context.Canceled)

	second := make(chan *oauth2.Token, 1)
	go func() {
		tok, _ := w.TokenContext(context.Background())
		second <- tok
	}()
	time.Sleep(2 * time.Millisecond)
	close(release)
	tok := <-second
	require.NotNil(t, tok)
	assert.Equal(t, accessPrefix+"2", tok.AccessToken)
	assert.Equal(t, int64(1), count.Load())
}

func TestRevokeWinsOverInFlightRefresh(t *testing.T) {
	e := newEnv(t)
	var hooks atomic.Int64
	w := newTestWebApp(t, e, WithOnTokenRefreshed(func(context.Context, TokenSet) { hooks.Add(1) }))
	importExpired(t, e, w)
	hooks.Store(0)
	entered, release, _ := blockRefresh(e)
	defer close(release)

	done := make(chan error, 1)
	go func() {
		_, err := w.TokenContext(context.Background())
		done <- err
	}()
	<-entered

	require.NoError(t, w.Revoke(context.Background()))
	err := <-done
	var notAuth *NotAuthenticatedError
	require.ErrorAs(t, err, &notAuth)
	requireErrNoSecrets(t, err)
	assert.ElementsMatch(t, []string{accessPrefix + "1", refreshPrefix + "1"}, e.ims.Revoked())

	_, err = w.Export()
	require.ErrorAs(t, err, &notAuth, "no token resurrected")
	assert.Zero(t, hooks.Load(), "revoked refresh never reaches the hook")
}

// The refresh completes after Revoke (it ignores cancellation): its result
// must be discarded.
func TestRevokeDiscardsRefreshThatCompletesLater(t *testing.T) {
	cfg, _, err := newConfig(nil, "id", []Option{WithClock(newFakeClock().Now)})
	require.NoError(t, err)
	started := make(chan struct{})
	release := make(chan struct{})
	var hooks atomic.Int64
	cfg.onTokenRefreshed = func(context.Context, TokenSet) { hooks.Add(1) }
	cache := newTokenCache(cfg, func(context.Context, *oauth2.Token) (*oauth2.Token, error) {
		close(started)
		<-release
		return &oauth2.Token{AccessToken: accessPrefix + "late", RefreshToken: refreshPrefix + "late"}, nil
	})

	done := make(chan error, 1)
	go func() {
		_, err := cache.token(context.Background(), false)
		done <- err
	}()
	<-started
	cache.clear()
	close(release)

	var notAuth *NotAuthenticatedError
	require.ErrorAs(t, <-done, &notAuth)
	_, err = cache.export()
	require.ErrorAs(t, err, &notAuth)
	assert.Zero(t, hooks.Load())
}

// Import during a refresh supersedes it; waiters get the imported token.
func TestImportSupersedesInFlightRefresh(t *testing.T) {
	clock := newFakeClock()
	cfg, _, err := newConfig(nil, "id", []Option{WithClock(clock.Now)})
	require.NoError(t, err)
	started := make(chan struct{})
	release := make(chan struct{})
	cache := newTokenCache(cfg, func(context.Context, *oauth2.Token) (*oauth2.Token, error) {
		close(started)
		<-release
		return nil, errors.New("too late")
	})
	done := make(chan *oauth2.Token, 1)
	go func() {
		tok, _ := cache.token(context.Background(), false)
		done <- tok
	}()
	<-started
	require.NoError(t, cache.importSet(TokenSet{AccessToken: accessPrefix + "imported", ExpiresAt: clock.Now().Add(time.Hour)}))
	close(release)
	tok := <-done
	require.NotNil(t, tok)
	assert.Equal(t, accessPrefix+"imported", tok.AccessToken)
}
