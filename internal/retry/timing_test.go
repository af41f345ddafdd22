package retry

import (
	"context"
	"math"
	"net/http"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestBackoff(t *testing.T) {
	const base, maxDelay = 500 * time.Millisecond, 5 * time.Second
	for n, want := range []time.Duration{500 * time.Millisecond, time.Second, 2 * time.Second, 4 * time.Second, 5 * time.Second, 5 * time.Second} {
		assert.Equal(t, want, Backoff(base, n, maxDelay), "retry %d", n)
	}
	assert.Equal(t, maxDelay, Backoff(base, math.MaxInt32, maxDelay), "no overflow")
	assert.Equal(t, time.Duration(math.MaxInt64), Backoff(time.Second, 200, math.MaxInt64), "no overflow near the type's limit")
	assert.Zero(t, Backoff(0, 3, maxDelay))
	assert.Zero(t, Backoff(-time.Second, 3, maxDelay))
	assert.Equal(t, 2*time.Second, Backoff(3*time.Second, 0, 2*time.Second), "a base above the cap is capped")
	assert.Equal(t, 40*time.Second, Backoff(40*time.Second, 0, time.Minute), "the first retry waits the base")
	assert.Equal(t, time.Minute, Backoff(40*time.Second, 1, time.Minute))
}

func TestJitter(t *testing.T) {
	fixed := func(v float64) func() float64 { return func() float64 { return v } }
	assert.Equal(t, time.Second, Jitter(time.Second, 0.25, fixed(0)))
	assert.Equal(t, 1250*time.Millisecond, Jitter(time.Second, 0.25, fixed(1)))
	assert.Equal(t, 500*time.Millisecond, Jitter(time.Second, -0.5, fixed(1)), "a negative fraction spreads below d")
	assert.Equal(t, time.Second, Jitter(time.Second, 0, nil), "no jitter")
	assert.Zero(t, Jitter(0, 0.25, fixed(1)))
	for range 100 {
		d := Jitter(time.Second, 0.25, nil)
		assert.True(t, d >= time.Second && d < 1250*time.Millisecond, "%v out of range", d)
	}
}

func TestParseRetryAfter(t *testing.T) {
	now := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)
	cases := map[string]struct {
		v  string
		d  time.Duration
		ok bool
	}{
		"absent":   {"", 0, false},
		"blank":    {"  ", 0, false},
		"seconds":  {"2", 2 * time.Second, true},
		"spaces":   {" 7 ", 7 * time.Second, true},
		"fraction": {"0.5", 500 * time.Millisecond, true},
		"zero":     {"0", 0, true},
		"negative": {"-1", 0, false},
		"nan":      {"NaN", 0, false},
		"inf":      {"+Inf", 0, false},
		"huge":     {"1e9", 0, false},
		"garbage":  {"soon", 0, false},
		"date":     {now.Add(time.Minute).Format(http.TimeFormat), time.Minute, true},
		"past":     {now.Add(-time.Minute).Format(http.TimeFormat), 0, true},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			d, ok := ParseRetryAfter(tc.v, now)
			assert.Equal(t, tc.ok, ok)
			assert.Equal(t, tc.d, d)
		})
	}
}

func TestSleep(t *testing.T) {
	require.NoError(t, Sleep(t.Context(), 0))
	require.NoError(t, Sleep(t.Context(), -time.Second))
	require.NoError(t, Sleep(t.Context(), time.Millisecond))
	ctx, cancel := context.WithCancel(t.Context())
	cancel()
	assert.ErrorIs(t, Sleep(ctx, time.Hour), context.Canceled, "a done context wins over a long wait")
	assert.ErrorIs(t, Sleep(ctx, 0), context.Canceled, "and over no wait")

	ctx, cancel = context.WithCancel(t.Context())
	done := make(chan error, 1)
	go func() { done <- Sleep(ctx, time.Hour) }()
	cancel()
	select {
	case err := <-done:
		assert.ErrorIs(t, err, context.Canceled)
	case <-time.After(10 * time.Second):
		t.Fatal("Sleep did not return when its context was cancelled")
	}
}
