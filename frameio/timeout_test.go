package frameio

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestTimeoutBoundsTheWholeCall is the case: WithTimeout(2s) and a
// 500. The documented first wait after a 5xx is 30 s, which would end after
// the call's deadline, so it is not started: the call returns the 500 at
// once, typed, with the attempts made. It runs on the real clock and the
// real sleeper, since real time is the point.
func TestTimeoutBoundsTheWholeCall(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(http.StatusInternalServerError)
		_, _ = w.Write([]byte(`{"errors":[{"title":"Internal Server Error"}]}`))
	}))
	t.Cleanup(srv.Close)
	c, err := NewClient(WithBaseURL(srv.URL), WithToken(testToken), WithTimeout(2*time.Second))
	require.NoError(t, err)

	start := time.Now()
	err = c.Do(t.Context(), http.MethodGet, "/v4/me", nil, nil)
	elapsed := time.Since(start)
	t.Logf("WithTimeout(2s) and one 500: returned after %s: %v", elapsed.Round(time.Millisecond), err)

	assert.Less(t, elapsed, 2500*time.Millisecond, "never sleeps past the call's timeout")
	apiErr, ok := errors.AsType[*Error](err)
	require.True(t, ok, "the 500 is reachable with errors.As: %v", err)
	assert.Equal(t, http.StatusInternalServerError, apiErr.StatusCode)
	assert.Equal(t, 1, apiErr.Attempts)
	reqErr, ok := errors.AsType[*RequestError](err)
	require.True(t, ok)
	assert.Equal(t, 1, reqErr.Attempts)
	assert.ErrorIs(t, err, context.DeadlineExceeded)
}

// TestTimeoutCoversRetryWaits: retries happen while they fit in the call's
// timeout; the wait that would not fit is not started.
func TestTimeoutCoversRetryWaits(t *testing.T) {
	p := noJitter()
	p.RateLimitDelay = 40 * time.Millisecond // 40 ms, 80 ms, 160 ms, ...
	env := newTestEnv(t, status(http.StatusTooManyRequests, `{}`),
		WithRetryPolicy(p), WithMaxRetries(10), WithSleeper(Sleep), WithTimeout(250*time.Millisecond))
	start := time.Now()
	err := env.client.Do(t.Context(), http.MethodGet, "/v4/x", nil, nil)
	assert.Less(t, time.Since(start), 250*time.Millisecond)
	assert.True(t, IsRateLimited(err), "%v", err)
	reqErr, ok := errors.AsType[*RequestError](err)
	require.True(t, ok, "%v", err)
	// 40 + 80 ms fit; 160 ms more would pass 250 ms.
	assert.Equal(t, 3, reqErr.Attempts)
	assert.EqualValues(t, 3, env.hits.Load())
}

// TestTimeoutCutsAnAttempt: the call's timeout ends an attempt in flight,
// even with a longer per-attempt timeout, and nothing is retried after it.
func TestTimeoutCutsAnAttempt(t *testing.T) {
	env := newTestEnv(t, blockUntilDone, WithTimeout(50*time.Millisecond), WithAttemptTimeout(time.Minute))
	start := time.Now()
	err := env.client.Do(t.Context(), http.MethodGet, "/v4/x", nil, nil)
	assert.Less(t, time.Since(start), 5*time.Second)
	require.ErrorIs(t, err, context.DeadlineExceeded)
	reqErr, ok := errors.AsType[*RequestError](err)
	require.True(t, ok)
	assert.Equal(t, 1, reqErr.Attempts)
	assert.Empty(t, env.sleeps.Waits())
}

// TestTimeoutPerCallOverridesClient: a call's WithTimeout replaces the
// client's, and WithTimeout(0) lifts it.
func TestTimeoutPerCallOverridesClient(t *testing.T) {
	env := newTestEnv(t, blockUntilDone, WithTimeout(20*time.Millisecond), WithMaxRetries(0))
	err := env.client.Do(t.Context(), http.MethodGet, "/v4/x", nil, nil)
	require.ErrorIs(t, err, context.DeadlineExceeded)

	ctx, cancel := context.WithTimeout(t.Context(), 100*time.Millisecond)
	defer cancel()
	start := time.Now()
	err = env.client.Do(ctx, http.MethodGet, "/v4/x", nil, nil, WithTimeout(0))
	require.ErrorIs(t, err, context.DeadlineExceeded)
	assert.GreaterOrEqual(t, time.Since(start), 90*time.Millisecond, "only the context bounded it")
}
