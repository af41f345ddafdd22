package frameio

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"time"

	"golang.org/x/oauth2"

	"github.com/frameio-go/frameio-go/internal/retry"
)

// DefaultBaseURL is the Frame.io API server used when WithBaseURL is not given.
const DefaultBaseURL = "https://api.frame.io"

// Defaults applied by NewClient. Every one can be overridden on the client
// and again on each call.
const (
	// DefaultAttemptTimeout bounds each attempt of a request (see
	// WithAttemptTimeout). The whole call has no bound of its own unless
	// WithTimeout gives one (or the context has a deadline).
	DefaultAttemptTimeout = 60 * time.Second
	// DefaultMaxRetries is the number of retries after the first attempt.
	DefaultMaxRetries = 2
)

// LegacyTokenAuthHeader is the header WithLegacyTokenAuth sets to "true".
const LegacyTokenAuthHeader = "X-Frameio-Legacy-Token-Auth"

// RequestOption configures a request. The same type configures the client:
// options passed to NewClient become the defaults of every call, and options
// passed to a call are applied after them, so they win. A few options only
// make sense for the whole client (WithBaseURL) and return an error when
// used on a call.
type RequestOption func(*requestConfig) error

// Option is another name for RequestOption, used where the option configures
// a Client in NewClient. Any RequestOption is an Option and vice versa.
type Option = RequestOption

// Sleeper waits for d or until ctx is done, whichever comes first, and
// returns ctx.Err() in the latter case. All waiting the client does between
// attempts goes through it, so tests can record waits instead of waiting.
type Sleeper func(ctx context.Context, d time.Duration) error

// Clock returns the current time. It is used to interpret Retry-After
// headers given as an HTTP date.
type Clock func() time.Time

// requestConfig is the layered configuration: the client holds one built
// from NewClient's options, and each call clones it and applies its own.
type requestConfig struct {
	building bool // true while NewClient applies its options

	baseURL        string // no trailing slash
	httpClient     *http.Client
	tokenSource    oauth2.TokenSource
	userAgent      string
	header         http.Header
	query          url.Values
	callTimeout    time.Duration // the whole call; 0 means none (WithTimeout)
	attemptTimeout time.Duration // each attempt; 0 means none (WithAttemptTimeout)
	maxRetries     int
	retry          RetryPolicy
	logger         *slog.Logger
	sleep          Sleeper
	now            Clock
	pacing         bool         // wait before a call whose bucket the last response emptied
	redact         []string     // more secrets to hide from errors, like the token
	middleware     []Middleware // around each attempt, outermost first (WithMiddleware)

	responseInto **http.Response
}

func defaultConfig() requestConfig {
	return requestConfig{
		baseURL:        DefaultBaseURL,
		httpClient:     sharedHTTPClient(),
		pacing:         true,
		userAgent:      defaultUserAgent(),
		header:         http.Header{},
		query:          url.Values{},
		attemptTimeout: DefaultAttemptTimeout,
		maxRetries:     DefaultMaxRetries,
		retry:          DefaultRetryPolicy(),
		logger:         slog.New(slog.DiscardHandler),
		sleep:          Sleep,
		now:            time.Now,
	}
}

// clone returns a copy whose maps can be changed without touching c.
func (c requestConfig) clone() requestConfig {
	c.header = c.header.Clone()
	c.query = cloneValues(c.query)
	c.redact = slices.Clone(c.redact)
	c.middleware = slices.Clip(c.middleware) // a call's appends must not write into the client's array
	c.responseInto = nil
	return c
}

func (c *requestConfig) apply(opts []RequestOption) error {
	for _, o := range opts {
		if o == nil {
			continue
		}
		if err := o(c); err != nil {
			return err
		}
	}
	return nil
}

func cloneValues(v url.Values) url.Values {
	out := make(url.Values, len(v))
	for k, vs := range v {
		out[k] = append([]string(nil), vs...)
	}
	return out
}

// Sleep waits for d or until ctx is done, whichever comes first, and
// returns ctx.Err() in the second case. It is the default Sleeper.
func Sleep(ctx context.Context, d time.Duration) error { return retry.Sleep(ctx, d) }

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
// silent by default. Tokens, the Authorization header, query strings and
// bodies are never logged.
func WithLogger(l *slog.Logger) RequestOption {
	return func(c *requestConfig) error {
		if l == nil {
			l = slog.New(slog.DiscardHandler)
		}
		c.logger = l
		return nil
	}
}

// WithUserAgent puts product (e.g. "my-app/1.2") in front of the SDK's own
// User-Agent, which is kept so that Frame.io can still identify the SDK.
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
// once ctx is done.
func WithSleeper(s Sleeper) RequestOption {
	return func(c *requestConfig) error {
		if s == nil {
			s = Sleep
		}
		c.sleep = s
		return nil
	}
}

// WithClock replaces time.Now where the client needs the current time
// (interpreting a Retry-After header given as an HTTP date).
func WithClock(now Clock) RequestOption {
	return func(c *requestConfig) error {
		if now == nil {
			now = time.Now
		}
		c.now = now
		return nil
	}
}
