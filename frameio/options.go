package frameio

import (
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"net/textproto"
	"net/url"
	"strings"
	"time"

	"golang.org/x/net/http/httpguts"
	"golang.org/x/oauth2"

	"github.com/frameio-go/frameio-go/internal/options"
)

// RequestOption configures a request. The same type configures the client:
// options passed to NewClient become the defaults of every call, and options
// passed to a call are applied after them, so they win. A few options only
// make sense for the whole client (WithBaseURL) or for a single call
// (WithResponseInto) and return an error when used at the other level.
// An option given a bad argument (an empty token, a nil client, a negative
// count) returns an error when applied, which NewClient or the call returns.
type RequestOption func(*requestConfig) error

// LegacyTokenAuthHeader is the header WithLegacyTokenAuth sets to "true".
const LegacyTokenAuthHeader = "X-Frameio-Legacy-Token-Auth"

// WithToken authenticates requests with a static access token, sent as
// "Authorization: Bearer <token>". The token is never logged. It is not
// refreshed: for tokens that expire, use WithTokenSource.
func WithToken(token string) RequestOption {
	return func(c *requestConfig) error {
		if token == "" {
			return errors.New("frameio: WithToken: token is empty")
		}
		c.tokenSource = staticToken{&oauth2.Token{AccessToken: token, TokenType: "Bearer"}}
		return nil
	}
}

// WithTokenSource authenticates requests with tokens from ts, asked before
// every attempt (retries included), possibly from many goroutines at once,
// so it must be safe for concurrent use; wrap a source that does network
// work in oauth2.ReuseTokenSource to cache its tokens.
//
// The wait for a token is bounded by the call's context, the call's
// timeout (WithTimeout) and the per-attempt timeout (WithAttemptTimeout). A ContextTokenSource (every credential
// of package auth) is asked with TokenContext and stops waiting itself; a
// plain oauth2.TokenSource is asked on a separate goroutine, which the call
// stops waiting for when the context ends (it finishes in the background).
// A call cancelled while waiting returns a *RequestError; any other error
// from ts fails the call without retrying and is returned wrapped
// (errors.Is / errors.As reach it).
func WithTokenSource(ts oauth2.TokenSource) RequestOption {
	return func(c *requestConfig) error {
		if ts == nil {
			return errors.New("frameio: WithTokenSource: token source is nil")
		}
		c.tokenSource = ts
		return nil
	}
}

// WithBaseURL sets the API server, e.g. a proxy or a test server. It must be
// an absolute http or https URL without query, fragment or credentials; a
// trailing slash is removed. Client only: used on a call it returns an error.
func WithBaseURL(base string) RequestOption {
	return func(c *requestConfig) error {
		if !c.building {
			return errors.New("frameio: WithBaseURL can only be passed to NewClient")
		}
		norm, err := normalizeBaseURL(base)
		if err != nil {
			return err
		}
		c.baseURL = norm
		return nil
	}
}

func normalizeBaseURL(base string) (string, error) {
	u, err := url.Parse(base)
	if err != nil {
		return "", fmt.Errorf("frameio: invalid base URL: %w", err)
	}
	switch {
	case u.Scheme != "http" && u.Scheme != "https":
		return "", fmt.Errorf("frameio: invalid base URL %q: scheme must be http or https", base)
	case u.Host == "":
		return "", fmt.Errorf("frameio: invalid base URL %q: missing host", base)
	case u.User != nil:
		return "", errors.New("frameio: invalid base URL: must not contain credentials")
	case u.RawQuery != "" || u.ForceQuery || u.Fragment != "":
		return "", fmt.Errorf("frameio: invalid base URL %q: must not have a query or fragment", base)
	}
	return strings.TrimRight(u.String(), "/"), nil
}

// WithHTTPClient sets the *http.Client used to send requests: the place for
// proxies, custom transports, mTLS or instrumentation. Its Timeout, if any,
// applies in addition to WithTimeout and WithAttemptTimeout. Default: one
// client shared by every Client of the process, over a copy of
// http.DefaultTransport that keeps 16 idle connections per host (net/http
// keeps 2), so reuse it rather than building your own per Client; pass
// http.DefaultClient to follow later changes to http.DefaultTransport.
func WithHTTPClient(hc *http.Client) RequestOption {
	return func(c *requestConfig) error {
		if hc == nil {
			return errors.New("frameio: WithHTTPClient: client is nil")
		}
		c.httpClient = hc
		return nil
	}
}

// WithLogger sets the logger for debug lines about each attempt (method, URL
// path, status, attempt number, wait before the next one). The client is
// silent by default, and nil makes it silent again. Tokens, the
// Authorization header, query strings and bodies are never logged.
func WithLogger(l *slog.Logger) RequestOption {
	return func(c *requestConfig) error {
		c.logger = options.Logger(l)
		return nil
	}
}

// WithUserAgent puts product (e.g. "my-app/1.2") in front of the SDK's own
// User-Agent, which is kept so that Frame.io can still identify the SDK.
// An empty product leaves the User-Agent as it is.
func WithUserAgent(product string) RequestOption {
	return func(c *requestConfig) error {
		if product != "" {
			c.userAgent = product + " " + defaultUserAgent()
		}
		return nil
	}
}

// WithLegacyTokenAuth sends "x-frameio-legacy-token-auth: true" with every
// request, which the V4 API requires when the token is a legacy developer
// token (from developer.frame.io) rather than an Adobe IMS access token.
//
// It works only for V4-migrated accounts that are not yet administered via
// the Adobe Admin Console. Accounts administered via the Admin Console must
// use Adobe IMS OAuth tokens (server-to-server, web app, SPA or native app
// flows), and this header does not make a legacy token acceptable there.
// Legacy tokens are a transitional mechanism; prefer OAuth for new work.
func WithLegacyTokenAuth() RequestOption {
	return WithHeader(LegacyTokenAuthHeader, "true")
}

// WithSleeper replaces the function used to wait between attempts. Tests use
// it to record waits without waiting. It must return promptly with ctx.Err()
// once ctx is done. The default is Sleep; nil is refused.
func WithSleeper(s Sleeper) RequestOption {
	return func(c *requestConfig) error {
		if s == nil {
			return errors.New("frameio: WithSleeper: sleeper is nil")
		}
		c.sleep = s
		return nil
	}
}

// WithClock replaces time.Now where the client needs the current time
// (interpreting a Retry-After header given as an HTTP date, pacing). The
// default is time.Now; nil is refused.
func WithClock(now Clock) RequestOption {
	return func(c *requestConfig) error {
		if now == nil {
			return errors.New("frameio: WithClock: clock is nil")
		}
		c.now = now
		return nil
	}
}

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
// wait", negative ones and a Jitter outside [0, 1] are refused.
func WithRetryPolicy(p RetryPolicy) RequestOption {
	return func(c *requestConfig) error {
		if p.Jitter < 0 || p.Jitter > 1 {
			return fmt.Errorf("frameio: WithRetryPolicy: Jitter %v is outside [0, 1]", p.Jitter)
		}
		for _, f := range []struct {
			name string
			d    time.Duration
		}{{"BaseDelay", p.BaseDelay}, {"RateLimitDelay", p.RateLimitDelay}, {"ServerErrorDelay", p.ServerErrorDelay},
			{"MaxDelay", p.MaxDelay}, {"MaxRetryAfter", p.MaxRetryAfter}} {
			if f.d < 0 {
				return fmt.Errorf("frameio: WithRetryPolicy: %s %v is negative", f.name, f.d)
			}
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
		if !httpguts.ValidHeaderFieldValue(value) {
			return fmt.Errorf("frameio: WithHeader: the value of %s holds a control character", key)
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
	if !httpguts.ValidHeaderFieldName(key) {
		return fmt.Errorf("frameio: WithHeader: %q is not a valid header name", key)
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
		if dst == nil {
			return errors.New("frameio: WithResponseInto: destination is nil")
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

// WithMiddleware adds middleware around each attempt. Middleware of the
// client comes first, then that of the call, each in the order given; the
// first is the outermost, seeing the request first and the response last.
func WithMiddleware(mw ...Middleware) RequestOption {
	return func(c *requestConfig) error {
		for _, m := range mw {
			if m == nil {
				return errors.New("frameio: WithMiddleware: middleware is nil")
			}
		}
		c.middleware = append(c.middleware, mw...)
		return nil
	}
}
