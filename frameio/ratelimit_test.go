package frameio

import (
	"net/http"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
)

func TestParseRateLimit(t *testing.T) {
	h := http.Header{}
	_, ok := ParseRateLimit(h)
	assert.False(t, ok)
	h.Set("x-ratelimit-limit", "abc")
	h.Set("x-ratelimit-remaining", "-1")
	_, ok = ParseRateLimit(h)
	assert.False(t, ok, "invalid values are ignored")
	h.Set("x-ratelimit-window", " 1500 ")
	rl, ok := ParseRateLimit(h)
	assert.True(t, ok)
	assert.Equal(t, RateLimit{Window: 1500 * time.Millisecond}, rl)
	assert.Equal(t, 1500*time.Millisecond, rl.RefillInterval())
	assert.Equal(t, 100*time.Millisecond, RateLimit{Limit: 10, Window: time.Second}.RefillInterval())
	_, ok = RateLimitFromResponse(nil)
	assert.False(t, ok)
}

func TestParseRetryAfter(t *testing.T) {
	now := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)
	cases := map[string]struct {
		v  string
		d  time.Duration
		ok bool
	}{
		"absent":   {"", 0, false},
		"seconds":  {"2", 2 * time.Second, true},
		"fraction": {"0.5", 500 * time.Millisecond, true},
		"negative": {"-1", 0, false},
		"nan":      {"NaN", 0, false},
		"huge":     {"1e9", 0, false},
		"garbage":  {"soon", 0, false},
		"date":     {now.Add(time.Minute).Format(http.TimeFormat), time.Minute, true},
		"past":     {now.Add(-time.Minute).Format(http.TimeFormat), 0, true},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			h := http.Header{}
			if tc.v != "" {
				h.Set("Retry-After", tc.v)
			}
			d, ok := parseRetryAfter(h, now)
			assert.Equal(t, tc.ok, ok)
			assert.Equal(t, tc.d, d)
		})
	}
}
