package frameio

import (
	"context"
	"errors"
	"net/http"
	"strconv"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestRetryStatusesBackoff(t *testing.T) {
	cases := []struct {
		status int
		waits  []time.Duration
	}{
		{408, []time.Duration{500 * time.Millisecond, time.Second}},
		{429, []time.Duration{time.Second, 2 * time.Second}},
		{500, []time.Duration{30 * time.Second, 60 * time.Second}},
		{502, []time.Duration{30 * time.Second, 60 * time.Second}},
		{503, []time.Duration{30 * time.Second, 60 * time.Second}},
		{504, []time.Duration{30 * time.Second, 60 * time.Second}},
	}
	for _, tc := range cases {
		t.Run(strconv.Itoa(tc.status), func(t *testing.T) {
			env := newTestEnv(t, status(tc.status, `{"errors":[{"title":"nope"}]}`))
			err := env.client.Do(t.Context(), http.MethodGet, "/v4/me", nil, nil)
			apiErr, ok := errors.AsType[*Error](err)
			require.True(t, ok, "got %v", err)
			assert.Equal(t, tc.status, apiErr.StatusCode)
			assert.Equal(t, 3, apiErr.Attempts)
			assert.EqualValues(t, 3, env.hits.Load())
			assert.Equal(t, tc.waits, env.sleeps.Waits())
		})
	}
}

func TestRetryThenSuccess(t *testing.T) {
	env := newTestEnv(t, sequence(status(502, ""), status(200, `{"data":{"id":"x"}}`)))
	var out struct{ Data struct{ ID string } }
	require.NoError(t, env.client.Do(t.Context(), http.MethodGet, "/v4/me", nil, &out))
	assert.Equal(t, "x", out.Data.ID)
	assert.EqualValues(t, 2, env.hits.Load())
}

func TestNoRetryOnClientErrors(t *testing.T) {
	checks := map[int]func(error) bool{
		400: IsBadRequest, 401: IsUnauthorized, 403: IsForbidden,
		404: IsNotFound, 409: IsConflict, 422: IsValidation,
	}
	for code, is := range checks {
		t.Run(strconv.Itoa(code), func(t *testing.T) {
			env := newTestEnv(t, status(code, `{"errors":[{"detail":"d","title":"t"}]}`))
			err := env.client.Do(t.Context(), http.MethodGet, "/v4/me", nil, nil)
			require.Error(t, err)
			assert.True(t, is(err))
			assert.False(t, IsRateLimited(err))
			assert.EqualValues(t, 1, env.hits.Load())
			assert.Empty(t, env.sleeps.Waits())
		})
	}
}

func TestRetryAfterSeconds(t *testing.T) {
	env := newTestEnv(t, sequence(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Retry-After", "3")
		w.WriteHeader(429)
	}, status(200, `{}`)))
	require.NoError(t, env.client.Do(t.Context(), http.MethodGet, "/v4/me", nil, nil))
	assert.Equal(t, []time.Duration{3 * time.Second}, env.sleeps.Waits())
}

func TestRetryAfterHTTPDate(t *testing.T) {
	now := time.Date(2025, 1, 2, 3, 4, 5, 0, time.UTC)
	env := newTestEnv(t, sequence(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Retry-After", now.Add(10*time.Second).Format(http.TimeFormat))
		w.WriteHeader(503)
	}, status(204, "")), WithClock(func() time.Time { return now }))
	require.NoError(t, env.client.Do(t.Context(), http.MethodPost, "/v4/x", map[string]int{"a": 1}, nil))
	assert.Equal(t, []time.Duration{10 * time.Second}, env.sleeps.Waits())
}

func TestRetryAfterTooLongIsNotWaited(t *testing.T) {
	env := newTestEnv(t, func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Retry-After", "3600")
		w.WriteHeader(429)
	})
	err := env.client.Do(t.Context(), http.MethodGet, "/v4/me", nil, nil)
	assert.True(t, IsRateLimited(err))
	assert.EqualValues(t, 1, env.hits.Load())
	assert.Empty(t, env.sleeps.Waits())
}

func TestRateLimitHeadersBackoff(t *testing.T) {
	env := newTestEnv(t, func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("x-ratelimit-limit", "10")
		w.Header().Set("x-ratelimit-remaining", "0")
		w.Header().Set("x-ratelimit-window", "60000")
		w.WriteHeader(429)
	})
	err := env.client.Do(t.Context(), http.MethodGet, "/v4/me", nil, nil)
	apiErr, ok := errors.AsType[*Error](err)
	require.True(t, ok)
	require.NotNil(t, apiErr.RateLimit)
	assert.Equal(t, RateLimit{Limit: 10, Remaining: 0, Window: time.Minute}, *apiErr.RateLimit)
	// One slot of a 10-per-minute leaky bucket frees every 6 s, more than
	// the 1 s and 2 s exponential floors.
	assert.Equal(t, []time.Duration{6 * time.Second, 6 * time.Second}, env.sleeps.Waits())
}

func TestRateLimitHintTooLong(t *testing.T) {
	env := newTestEnv(t, func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("x-ratelimit-limit", "1")
		w.Header().Set("x-ratelimit-remaining", "0")
		w.Header().Set("x-ratelimit-window", "3600000")
		w.WriteHeader(429)
	})
	err := env.client.Do(t.Context(), http.MethodGet, "/v4/me", nil, nil)
	assert.True(t, IsRateLimited(err))
	assert.EqualValues(t, 1, env.hits.Load())
}

func TestRateLimitStorm(t *testing.T) {
	env := newTestEnv(t, status(429, ""), WithMaxRetries(6))
	err := env.client.Do(t.Context(), http.MethodGet, "/v4/me", nil, nil)
	assert.True(t, IsRateLimited(err))
	assert.EqualValues(t, 7, env.hits.Load())
	assert.Equal(t, []time.Duration{1 * time.Second, 2 * time.Second, 4 * time.Second,
		8 * time.Second, 16 * time.Second, 32 * time.Second}, env.sleeps.Waits())
}

func TestNonIdempotentPolicy(t *testing.T) {
	cases := []struct {
		method   string
		status   int
		optIn    bool
		attempts int32
	}{
		{http.MethodPost, 500, false, 1},
		{http.MethodPost, 502, false, 1},
		{http.MethodPatch, 504, false, 1},
		{http.MethodPost, 503, false, 3},
		{http.MethodPost, 429, false, 3},
		{http.MethodPost, 408, false, 3},
		{http.MethodPost, 500, true, 3},
		{http.MethodPatch, 500, true, 3},
		{http.MethodPut, 500, false, 3},
		{http.MethodDelete, 500, false, 3},
	}
	for _, tc := range cases {
		t.Run(tc.method+strconv.Itoa(tc.status)+strconv.FormatBool(tc.optIn), func(t *testing.T) {
			env := newTestEnv(t, status(tc.status, ""))
			err := env.client.Do(t.Context(), tc.method, "/v4/x", map[string]string{"a": "b"}, nil,
				WithRetryNonIdempotent(tc.optIn))
			require.Error(t, err)
			assert.Equal(t, tc.attempts, env.hits.Load())
		})
	}
}

func TestMaxRetriesPerCallOverridesClient(t *testing.T) {
	env := newTestEnv(t, status(500, ""), WithMaxRetries(5))
	_ = env.client.Do(t.Context(), http.MethodGet, "/v4/me", nil, nil, WithMaxRetries(0))
	assert.EqualValues(t, 1, env.hits.Load())
	_ = env.client.Do(t.Context(), http.MethodGet, "/v4/me", nil, nil)
	assert.EqualValues(t, 7, env.hits.Load())
}

func TestCancelDuringBackoffReturnsPromptly(t *testing.T) {
	ctx, cancel := context.WithCancel(t.Context())
	defer cancel()
	served := make(chan struct{}, 1)
	env := newTestEnv(t, func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Retry-After", "100")
		w.WriteHeader(503)
		served <- struct{}{}
	}, WithSleeper(Sleep)) // the real sleeper: must stop at once on cancel
	go func() {
		<-served
		time.Sleep(20 * time.Millisecond)
		cancel()
	}()
	start := time.Now()
	err := env.client.Do(ctx, http.MethodGet, "/v4/me", nil, nil)
	assert.Less(t, time.Since(start), 5*time.Second)
	require.ErrorIs(t, err, context.Canceled)
	assert.True(t, IsServerError(err), "the last 503 stays reachable")
	reqErr, ok := errors.AsType[*RequestError](err)
	require.True(t, ok)
	assert.Equal(t, 1, reqErr.Attempts)
	assert.Contains(t, err.Error(), "last attempt")
}

// A retry whose wait would end after the context's deadline is not waited
// for: the call gives up at once, as it would at the deadline.
func TestRetryWaitPastDeadlineGivesUpAtOnce(t *testing.T) {
	env := newTestEnv(t, func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Retry-After", "30")
		w.WriteHeader(503)
	})
	ctx, cancel := context.WithTimeout(t.Context(), 5*time.Second)
	defer cancel()
	err := env.client.Do(ctx, http.MethodGet, "/v4/me", nil, nil)
	require.ErrorIs(t, err, context.DeadlineExceeded)
	assert.True(t, IsServerError(err), "the last 503 stays reachable")
	assert.Empty(t, env.sleeps.Waits(), "no wait that cannot end in time")
	assert.EqualValues(t, 1, env.hits.Load())
	assert.NoError(t, ctx.Err(), "returned before the deadline")
}

func TestAlreadyCancelledContext(t *testing.T) {
	env := newTestEnv(t, status(200, `{}`))
	ctx, cancel := context.WithCancel(t.Context())
	cancel()
	err := env.client.Do(ctx, http.MethodGet, "/v4/me", nil, nil)
	require.ErrorIs(t, err, context.Canceled)
	assert.EqualValues(t, 0, env.hits.Load())
}
