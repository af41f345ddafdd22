package frameio

import (
	"context"
	"errors"
	"net"
	"net/http"
	"time"

	"github.com/frameio-go/frameio-go/internal/retry"
)

// RetryPolicy decides how long to wait before a retry and which methods may
// be retried. How many retries happen is set by WithMaxRetries.
//
// Retryable conditions are 408, 429 and 5xx responses and transport errors
// (connection refused or reset, per-attempt timeouts, bodies cut short).
// Never retried, because another try cannot succeed: other 4xx responses,
// 501 and 505, TLS certificate errors, an https URL served without TLS, a
// host name that does not exist, token source errors and a cancelled
// context.
//
// GET, HEAD, OPTIONS, PUT and DELETE are idempotent and retried on every
// retryable condition. POST and PATCH (and any other method) may have been
// acted on before an error, so by default they are retried only when the
// server certainly did not act on them: 408, 429 and 503 responses and
// connection failures while dialling, before anything was sent. Set
// RetryNonIdempotent (or WithRetryNonIdempotent) to retry them always.
//
// The wait before retry n (n = 0 for the first retry) is:
//
//   - the Retry-After header, when the response has one (seconds or HTTP
//     date): the server's own instruction wins over the floors below;
//   - otherwise floor<<n capped at MaxDelay, plus a random extra of up to
//     Jitter of it, where floor is RateLimitDelay for 429, ServerErrorDelay
//     for 5xx and BaseDelay for 408 and transport errors;
//   - for a 429 whose x-ratelimit-remaining is 0, at least the time the
//     leaky bucket needs to free one slot (x-ratelimit-window divided by
//     x-ratelimit-limit).
//
// When a server-provided wait exceeds MaxRetryAfter the call is not retried:
// the error is returned at once, so the caller can decide. A wait that
// would end after the context's deadline is not started either: the call
// returns at once a *RequestError wrapping context.DeadlineExceeded, with
// the last attempt's error in Last.
type RetryPolicy struct {
	// BaseDelay is the first wait after a 408 or a transport error.
	BaseDelay time.Duration
	// RateLimitDelay is the first wait after a 429.
	RateLimitDelay time.Duration
	// ServerErrorDelay is the first wait after a 5xx.
	ServerErrorDelay time.Duration
	// MaxDelay caps the exponential part of a wait (before jitter).
	MaxDelay time.Duration
	// Jitter, in [0, 1], is the largest random extra added to a computed
	// wait, as a fraction of it. Zero makes waits deterministic.
	Jitter float64
	// MaxRetryAfter is the longest server-provided wait (Retry-After or
	// rate-limit headers) the client accepts, before a retry or when
	// pacing (WithRateLimitPacing); longer ones end the call.
	MaxRetryAfter time.Duration
	// RetryNonIdempotent makes POST and PATCH retryable like GET.
	RetryNonIdempotent bool
}

// DefaultRetryPolicy returns the policy used unless WithRetryPolicy is given.
// It follows Frame.io's guides: after a 429 wait at least one second and at
// least double the wait on each further 429; after a 5xx wait at least 30
// seconds, backing off exponentially with a random component.
//
//	BaseDelay:        500 ms
//	RateLimitDelay:   1 s    (1 s, 2 s, 4 s, ...)
//	ServerErrorDelay: 30 s   (30 s, 60 s, ...)
//	MaxDelay:         2 min
//	Jitter:           0.25   (up to +25 %)
//	MaxRetryAfter:    2 min
//	RetryNonIdempotent: false
func DefaultRetryPolicy() RetryPolicy {
	return RetryPolicy{
		BaseDelay:        500 * time.Millisecond,
		RateLimitDelay:   time.Second,
		ServerErrorDelay: 30 * time.Second,
		MaxDelay:         2 * time.Minute,
		Jitter:           0.25,
		MaxRetryAfter:    2 * time.Minute,
	}
}

// idempotent reports whether method can be repeated without extra effect.
func idempotent(method string) bool {
	switch method {
	case http.MethodGet, http.MethodHead, http.MethodOptions, http.MethodPut,
		http.MethodDelete, http.MethodTrace:
		return true
	}
	return false
}

// retryableStatus reports whether a response status may be retried for a
// request whose method is (or is treated as) idempotent, and whether it is
// safe for any method because the server did not act on the request.
func retryableStatus(code int) (ok, notProcessed bool) {
	switch {
	case code == http.StatusRequestTimeout, code == http.StatusTooManyRequests,
		code == http.StatusServiceUnavailable:
		return true, true
	case retry.PermanentStatus(code):
		return false, false
	case code >= 500 && code <= 599:
		return true, false
	}
	return false, false
}

// retryableTransportError reports whether a transport error may be retried,
// and whether it happened before the request was sent (while dialling).
func retryableTransportError(err error) (ok, notSent bool) {
	if retry.Permanent(err) {
		return false, false
	}
	var opErr *net.OpError
	if errors.As(err, &opErr) && opErr.Op == "dial" {
		return true, true
	}
	var dnsErr *net.DNSError
	if errors.As(err, &dnsErr) {
		return true, true
	}
	return true, false
}

// shouldRetry applies the method policy to one failed attempt.
func (p RetryPolicy) shouldRetry(method string, status int, transportErr error) bool {
	var ok, safe bool
	if transportErr != nil {
		ok, safe = retryableTransportError(transportErr)
	} else {
		ok, safe = retryableStatus(status)
	}
	if !ok {
		return false
	}
	return safe || p.RetryNonIdempotent || idempotent(method)
}

// delay computes the wait before retry n after an attempt that got status
// (0 for a transport error) and header (nil for a transport error). ok is
// false when the server asks for a longer wait than MaxRetryAfter.
func (p RetryPolicy) delay(n, status int, header http.Header, now time.Time) (d time.Duration, ok bool) {
	if header != nil {
		if ra, has := retry.ParseRetryAfter(header.Get("Retry-After"), now); has {
			return ra, ra <= p.MaxRetryAfter
		}
	}
	floor := p.BaseDelay
	switch {
	case status == http.StatusTooManyRequests:
		floor = p.RateLimitDelay
	case status >= 500:
		floor = p.ServerErrorDelay
	}
	d = retry.Jitter(retry.Backoff(floor, n, p.MaxDelay), p.Jitter, nil)
	if status == http.StatusTooManyRequests && header != nil {
		if rl, has := ParseRateLimit(header); has && rl.Remaining == 0 && rl.Window > 0 {
			hint := rl.RefillInterval()
			if hint > p.MaxRetryAfter {
				return hint, false
			}
			d = max(d, hint)
		}
	}
	return d, true
}

// canRewind reports whether req's body can be sent again.
func canRewind(req *http.Request) bool {
	return req.Body == nil || req.Body == http.NoBody || req.GetBody != nil
}

// wait sleeps through s, but returns at once when ctx is already done.
func wait(ctx context.Context, s Sleeper, d time.Duration) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	return s(ctx, d)
}
