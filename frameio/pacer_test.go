package frameio

import (
	"context"
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
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Millisecond)
	defer cancel()
	err = c.Do(ctx, http.MethodGet, "/v4/a", nil, nil)
	var re *RequestError
	require.ErrorAs(t, err, &re)
	assert.ErrorIs(t, err, context.DeadlineExceeded)
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
	assert.Equal(t, 100*time.Millisecond, p.delay("/v4/new", later))
	assert.Zero(t, p.delay("/v4/new", later.Add(time.Second)))
	assert.Empty(t, p.notBefore)
}
