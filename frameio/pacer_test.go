package frameio

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestPacingWaitsForTheBucketAfterAnEmptyingResponse(t *testing.T) {
	remaining := "0"
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("x-ratelimit-limit", "100")
		w.Header().Set("x-ratelimit-remaining", remaining)
		w.Header().Set("x-ratelimit-window", "60000")
		fmt.Fprint(w, `{}`)
	}))
	defer srv.Close()
	var sleeps sleepRecorder
	now := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	c, err := NewClient(WithToken(testToken), WithBaseURL(srv.URL), WithSleeper(sleeps.Sleep), WithClock(func() time.Time { return now }))
	require.NoError(t, err)
	ctx := context.Background()

	require.NoError(t, c.Do(ctx, http.MethodGet, "/v4/a", nil, nil))
	assert.Empty(t, sleeps.Waits(), "the first call never waits")
	require.NoError(t, c.Do(ctx, http.MethodGet, "/v4/b", nil, nil))
	assert.Empty(t, sleeps.Waits(), "another path has its own bucket")
	require.NoError(t, c.Do(ctx, http.MethodGet, "/v4/a", nil, nil))
	assert.Equal(t, []time.Duration{600 * time.Millisecond}, sleeps.Waits(), "window/limit = 60 s / 100")

	require.NoError(t, c.Do(ctx, http.MethodGet, "/v4/a", nil, nil, WithRateLimitPacing(false)))
	assert.Len(t, sleeps.Waits(), 1, "pacing off for this call")

	now = now.Add(time.Second) // the bucket has refilled
	remaining = "5"
	require.NoError(t, c.Do(ctx, http.MethodGet, "/v4/a", nil, nil))
	require.NoError(t, c.Do(ctx, http.MethodGet, "/v4/a", nil, nil))
	assert.Len(t, sleeps.Waits(), 1, "room left: no wait")
}

func TestPacingWaitEndsWithTheContext(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("x-ratelimit-remaining", "0")
		w.Header().Set("x-ratelimit-window", "60000")
		fmt.Fprint(w, `{}`)
	}))
	defer srv.Close()
	c, err := NewClient(WithToken(testToken), WithBaseURL(srv.URL))
	require.NoError(t, err)
	require.NoError(t, c.Do(context.Background(), http.MethodGet, "/v4/a", nil, nil))
	ctx, cancel := context.WithCancel(context.Background())
	time.AfterFunc(20*time.Millisecond, cancel)
	err = c.Do(ctx, http.MethodGet, "/v4/a", nil, nil)
	var re *RequestError
	require.ErrorAs(t, err, &re)
	assert.ErrorIs(t, err, context.Canceled)
}

// After a 2xx that empties a bucket with a long window, the next call to
// the path must not sleep for window/limit (a day here): a wait longer than
// RetryPolicy.MaxRetryAfter, or past the context's deadline, fails at once
// with a *RateLimitError, and nothing is sent.
func TestPacingNeverWaitsPastItsBound(t *testing.T) {
	window := "86400000" // 24 h for one request
	env := newTestEnv(t, func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("x-ratelimit-limit", "1")
		w.Header().Set("x-ratelimit-remaining", "0")
		w.Header().Set("x-ratelimit-window", window)
		fmt.Fprint(w, `{}`)
	})
	require.NoError(t, env.client.Do(t.Context(), http.MethodGet, "/v4/a", nil, nil))

	err := env.client.Do(t.Context(), http.MethodGet, "/v4/a?x=1", nil, nil)
	rl, ok := errors.AsType[*RateLimitError](err)
	require.True(t, ok, "%T %v", err, err)
	assert.Equal(t, 24*time.Hour, rl.Wait.Round(time.Minute))
	assert.Equal(t, RateLimit{Limit: 1, Remaining: 0, Window: 24 * time.Hour}, rl.RateLimit)
	assert.Equal(t, http.MethodGet, rl.Method)
	assert.True(t, IsRateLimited(err))
	assert.NotErrorIs(t, err, context.DeadlineExceeded)
	assert.Contains(t, err.Error(), "MaxRetryAfter")
	assert.Empty(t, env.sleeps.Waits(), "no wait at all")
	assert.EqualValues(t, 1, env.hits.Load(), "nothing sent")

	// Within MaxRetryAfter but past the deadline: fails at once too.
	window = "10000"
	require.NoError(t, env.client.Do(t.Context(), http.MethodGet, "/v4/b", nil, nil))
	ctx, cancel := context.WithTimeout(t.Context(), time.Second)
	defer cancel()
	err = env.client.Do(ctx, http.MethodGet, "/v4/b", nil, nil)
	rl, ok = errors.AsType[*RateLimitError](err)
	require.True(t, ok, "%T %v", err, err)
	assert.Equal(t, 10*time.Second, rl.Wait.Round(time.Second))
	assert.ErrorIs(t, err, context.DeadlineExceeded)
	assert.Contains(t, err.Error(), "deadline")
	assert.Empty(t, env.sleeps.Waits())
	assert.EqualValues(t, 2, env.hits.Load())
}

func TestPacerMemoryIsBounded(t *testing.T) {
	p := newPacer()
	now := time.Now()
	h := http.Header{"X-Ratelimit-Remaining": {"0"}, "X-Ratelimit-Window": {"1000"}, "X-Ratelimit-Limit": {"10"}}
	for i := range maxPacedPaths + 10 {
		p.observe(fmt.Sprintf("/v4/files/%d", i), h, now)
	}
	assert.Len(t, p.notBefore, maxPacedPaths, "full of pending entries: no growth")
	later := now.Add(time.Second)
	p.observe("/v4/new", h, later)
	assert.Len(t, p.notBefore, 1, "expired entries are dropped when full")
	d, rl := p.delay("/v4/new", later)
	assert.Equal(t, 100*time.Millisecond, d)
	assert.Equal(t, RateLimit{Limit: 10, Remaining: 0, Window: time.Second}, rl)
	d, _ = p.delay("/v4/new", later.Add(time.Second))
	assert.Zero(t, d)
	assert.Empty(t, p.notBefore)
}
