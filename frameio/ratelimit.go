package frameio

import (
	"net/http"
	"strconv"
	"strings"
	"time"
)

// Rate-limit response headers documented by Frame.io.
const (
	headerRateLimitLimit     = "X-Ratelimit-Limit"
	headerRateLimitRemaining = "X-Ratelimit-Remaining"
	headerRateLimitWindow    = "X-Ratelimit-Window"
)

// RateLimit is the rate-limit state Frame.io reports on a response. Limits
// are set per resource path and operation and enforced per user with a leaky
// bucket: capacity refills continuously, one request every Window/Limit.
type RateLimit struct {
	// Limit is the number of requests allowed per Window (x-ratelimit-limit).
	Limit int
	// Remaining is the number of requests left now (x-ratelimit-remaining).
	Remaining int
	// Window is the period the limit applies to (x-ratelimit-window, sent
	// in milliseconds).
	Window time.Duration
}

// RefillInterval is how long the bucket takes to regain room for one
// request: Window/Limit, or Window when Limit is unknown.
func (r RateLimit) RefillInterval() time.Duration {
	if r.Limit > 0 {
		return r.Window / time.Duration(r.Limit)
	}
	return r.Window
}

// ParseRateLimit reads the x-ratelimit-* headers from h. ok is false when
// none of them is present with a valid non-negative integer; missing or
// invalid ones are left zero.
func ParseRateLimit(h http.Header) (rl RateLimit, ok bool) {
	if v, good := headerInt(h, headerRateLimitLimit); good {
		rl.Limit, ok = v, true
	}
	if v, good := headerInt(h, headerRateLimitRemaining); good {
		rl.Remaining, ok = v, true
	}
	if v, good := headerInt(h, headerRateLimitWindow); good {
		rl.Window, ok = time.Duration(v)*time.Millisecond, true
	}
	return rl, ok
}

// RateLimitFromResponse is ParseRateLimit applied to resp's headers; it is
// false for a nil response. Pair it with WithResponseInto.
func RateLimitFromResponse(resp *http.Response) (RateLimit, bool) {
	if resp == nil {
		return RateLimit{}, false
	}
	return ParseRateLimit(resp.Header)
}

func headerInt(h http.Header, key string) (int, bool) {
	s := strings.TrimSpace(h.Get(key))
	if s == "" {
		return 0, false
	}
	v, err := strconv.Atoi(s)
	if err != nil || v < 0 {
		return 0, false
	}
	return v, true
}
