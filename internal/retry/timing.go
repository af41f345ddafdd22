package retry

import (
	"context"
	"math/rand/v2"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// maxRetryAfterSeconds bounds a Retry-After given in seconds (about 11.6
// days): anything larger is treated as unparsable rather than overflowing.
const maxRetryAfterSeconds = 1e6

// Backoff returns base * 2^n capped at maxDelay, for retry n (n = 0 for the
// first retry), without overflowing for any n. A base of zero or less
// gives zero.
func Backoff(base time.Duration, n int, maxDelay time.Duration) time.Duration {
	if base <= 0 {
		return 0
	}
	d := base
	for range n {
		if d >= maxDelay/2 {
			return maxDelay
		}
		d *= 2
	}
	return min(d, maxDelay)
}

// Jitter returns d plus a random extra of up to frac of it: d + r*frac*d,
// where r in [0, 1) comes from rnd (math/rand/v2's Float64 when rnd is
// nil). frac scales the extra, so the result lies in [d, d+frac*d); a
// negative frac makes it lie in (d+frac*d, d], below d, never both ways.
// A spread both ways around a wait w is Jitter(w/2, 2, rnd), in
// [w/2, 3w/2) (c2c's Backoff). A frac of zero, or a d of zero or less,
// returns d unchanged.
func Jitter(d time.Duration, frac float64, rnd func() float64) time.Duration {
	if frac == 0 || d <= 0 {
		return d
	}
	if rnd == nil {
		rnd = rand.Float64
	}
	return d + time.Duration(rnd()*frac*float64(d))
}

// ParseRetryAfter interprets a Retry-After header value, as delay-seconds
// (an integer or a decimal, as some servers send) or as an HTTP date
// relative to now; a date in the past yields 0. ok is false when v is
// empty, negative, absurdly large or neither form.
func ParseRetryAfter(v string, now time.Time) (d time.Duration, ok bool) {
	s := strings.TrimSpace(v)
	if s == "" {
		return 0, false
	}
	if secs, err := strconv.ParseFloat(s, 64); err == nil {
		if !(secs >= 0 && secs <= maxRetryAfterSeconds) { // also rejects NaN
			return 0, false
		}
		return time.Duration(secs * float64(time.Second)), true
	}
	t, err := http.ParseTime(s)
	if err != nil {
		return 0, false
	}
	return max(t.Sub(now), 0), true
}

// Sleep waits for d or until ctx is done, whichever comes first, and then
// returns ctx.Err() in the second case. A context already done returns its
// error at once, even for d <= 0; otherwise d <= 0 returns nil at once.
func Sleep(ctx context.Context, d time.Duration) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	if d <= 0 {
		return nil
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}
