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
