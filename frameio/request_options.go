package frameio

import (
	"errors"
	"fmt"
	"net/http"
	"net/textproto"
	"time"
)

// WithTimeout bounds the whole call: every attempt, the waits before
// retries, rate-limit pacing and the wait for a token. When d is over the
// call ends with a *RequestError wrapping context.DeadlineExceeded; a wait
// that would end after it is not started at all, and the call returns the
// last attempt's error at once (a *RequestError wrapping
// context.DeadlineExceeded whose Last is, say, the *Error of a 500: both
// errors.Is and errors.As reach them). Zero or a negative value means no
// bound beyond the context's. Default: none. For an iterator (<Op>All,
// <Op>Pages) it bounds each page's call.
func WithTimeout(d time.Duration) RequestOption {
	return func(c *requestConfig) error {
		c.callTimeout = max(d, 0)
		return nil
	}
}

// WithAttemptTimeout bounds each attempt of a call, from the wait for a
// token (see WithTokenSource) and sending the request to reading the whole
// response body. An attempt that times out is retried like a transport
// error. Zero or a negative value means no per-attempt bound. Default:
// DefaultAttemptTimeout (60 s). An attempt whose context (the caller's, or
// WithTimeout's) ends before the attempt timeout would is bounded by it
// alone, without a timer of its own.
func WithAttemptTimeout(d time.Duration) RequestOption {
	return func(c *requestConfig) error {
		c.attemptTimeout = max(d, 0)
		return nil
	}
}

// WithMaxRetries sets how many times a failed attempt may be retried, so a
// call makes at most n+1 attempts. Zero disables retries. Default:
// DefaultMaxRetries (2).
func WithMaxRetries(n int) RequestOption {
	return func(c *requestConfig) error {
		if n < 0 {
			return fmt.Errorf("frameio: WithMaxRetries: %d is negative", n)
		}
		c.maxRetries = n
		return nil
	}
}

// WithRetryPolicy replaces the retry timing and method policy. Start from
// DefaultRetryPolicy and change what you need; zero durations mean "do not
// wait".
func WithRetryPolicy(p RetryPolicy) RequestOption {
	return func(c *requestConfig) error {
		if p.Jitter < 0 || p.Jitter > 1 {
			return fmt.Errorf("frameio: WithRetryPolicy: Jitter %v is outside [0, 1]", p.Jitter)
		}
		c.retry = p
		return nil
	}
}

// WithRetryNonIdempotent(true) makes POST and PATCH requests retryable on
// every retryable condition, like GET. By default they are retried only when
// the server certainly did not act on them (see RetryPolicy). Enable it for
// calls you know are safe to repeat.
func WithRetryNonIdempotent(enable bool) RequestOption {
	return func(c *requestConfig) error {
		c.retry.RetryNonIdempotent = enable
		return nil
	}
}

// WithHeader sets header key to value on the request, replacing any value the
// client or the request builder set (e.g. "api-version"). Authorization
// cannot be set this way: use WithToken or WithTokenSource.
func WithHeader(key, value string) RequestOption {
	return func(c *requestConfig) error {
		if err := checkHeaderKey(key); err != nil {
			return err
		}
		c.header.Set(key, value)
		return nil
	}
}

// WithHeaderDel removes header key from the extra headers set by earlier
// options, e.g. a client-wide WithHeader on a single call.
func WithHeaderDel(key string) RequestOption {
	return func(c *requestConfig) error {
		c.header.Del(key)
		return nil
	}
}

func checkHeaderKey(key string) error {
	if key == "" {
		return errors.New("frameio: WithHeader: empty header name")
	}
	if textproto.CanonicalMIMEHeaderKey(key) == "Authorization" {
		return errors.New("frameio: WithHeader: Authorization is set from WithToken or WithTokenSource")
	}
	return nil
}

// WithQuery sets query parameter key to value, replacing any value of key
// already in the request URL. The rest of the query string is sent exactly
// as built (pagination cursors are never re-encoded).
func WithQuery(key, value string) RequestOption {
	return func(c *requestConfig) error {
		if key == "" {
			return errors.New("frameio: WithQuery: empty parameter name")
		}
		c.query.Set(key, value)
		return nil
	}
}

// WithResponseInto stores the last *http.Response the call received into
// *dst, for success and error alike (it stays nil when no response arrived).
// Its Body has already been read and is replaced by an in-memory copy that
// can be read again. Use RateLimitFromResponse to read its rate-limit headers.
// Meant for single calls; on a client it returns an error.
func WithResponseInto(dst **http.Response) RequestOption {
	return func(c *requestConfig) error {
		if c.building {
			return errors.New("frameio: WithResponseInto can only be passed to a call")
		}
		c.responseInto = dst
		return nil
	}
}

// WithRateLimitPacing turns pacing on or off (it is on by default). With
// pacing, when a successful response reports x-ratelimit-remaining: 0, the
// client's next call to the same resource path first waits until Frame.io's
// leaky bucket has room again (x-ratelimit-window / x-ratelimit-limit),
// rather than drawing a 429. The wait uses the client's Sleeper and ends
// early with the context. It is bounded: a wait longer than the retry
// policy's MaxRetryAfter (default 2 min), or one that would end after the
// context's deadline, is not made; the call fails at once with a
// *RateLimitError, and nothing is sent.
func WithRateLimitPacing(enabled bool) RequestOption {
	return func(c *requestConfig) error {
		c.pacing = enabled
		return nil
	}
}

// WithRedaction hides each of secrets from the errors of the call, as the
// access token is hidden: should the server echo one (in an error body,
// its headers or details, or a malformed success body), it is replaced by
// "[REDACTED]". Use it for credentials sent in a request body, such as a
// presigned source URL (package transfer does for remote uploads). Empty
// strings are ignored.
func WithRedaction(secrets ...string) RequestOption {
	return func(c *requestConfig) error {
		for _, s := range secrets {
			if s != "" {
				c.redact = append(c.redact, s)
			}
		}
		return nil
	}
}
