package auth

import (
	"context"
	"errors"
	"log/slog"
	"net/http"
	"strings"
	"time"

	"github.com/frameio-go/frameio-go/internal/options"
	"github.com/frameio-go/frameio-go/internal/retry"
)

// Defaults used when no option overrides them.
const (
	// DefaultIMSBaseURL is the production Adobe IMS base URL.
	DefaultIMSBaseURL = "https://ims-na1.adobelogin.com"
	// DefaultTokenPath is the IMS token endpoint path.
	DefaultTokenPath = "/ims/token/v3"
	// DefaultAuthorizePath is the IMS authorization endpoint path.
	DefaultAuthorizePath = "/ims/authorize/v2"
	// DefaultRevokePath is the IMS revocation endpoint path. It is not part
	// of the Frame.io documentation; it follows Adobe IMS conventions and can
	// be changed with [WithRevokePath].
	DefaultRevokePath = "/ims/revoke"
	// DefaultTimeout bounds each request to IMS.
	DefaultTimeout = 30 * time.Second
	// DefaultMaxRetries is the number of retries for transient failures.
	DefaultMaxRetries = 2
	// DefaultMaxRateLimitRetries is the number of retries after 429 answers.
	DefaultMaxRateLimitRetries = 2
	// DefaultRefreshBuffer is how long before expiry a token is refreshed.
	DefaultRefreshBuffer = 60 * time.Second
)

// DefaultServerToServerScopes returns the default scopes of [ServerToServer].
func DefaultServerToServerScopes() []string {
	return []string{"openid", "AdobeID", "frame.s2s.all"}
}

// DefaultUserScopes returns the default scopes of [WebApp] and [PKCEApp].
func DefaultUserScopes() []string {
	return []string{"openid", "email", "profile", "offline_access", "additional_info.roles"}
}

// Option configures a credential. Every option applies to every credential
// type unless its documentation says otherwise. An option reports a bad
// value as a [*ConfigError] naming the setting; the constructor returns
// every such error at once (joined), with those of its own arguments. nil
// is a bad value for a dependency (the HTTP client, the clock, the
// sleeper); a nil logger or callback means none.
type Option func(*config) error

// Clock returns the current time ([time.Now] unless [WithClock] replaces
// it). It is the one clock type of the SDK's packages: transfer.Clock,
// webhook.Clock, c2c.Clock and frameiotest.Clock are the same type.
type Clock = options.Clock

// Sleeper waits for d or until ctx is done, whichever comes first, and
// returns ctx.Err() in the second case. It is the same type as
// frameio.Sleeper.
type Sleeper = options.Sleeper

type config struct {
	imsBaseURL          string
	tokenPath           string
	authorizePath       string
	revokePath          string
	scopes              []string
	httpClient          *http.Client
	timeout             time.Duration
	maxRetries          int
	maxRateLimitRetries int
	refreshBuffer       time.Duration
	onTokenRefreshed    func(context.Context, TokenSet)
	logger              *slog.Logger
	now                 Clock
	sleep               Sleeper
	insecureHTTP        bool
}

// newConfig applies opts over the defaults (defaultScopes for the scopes)
// and checks what depends on more than one option or on the constructor's
// arguments (clientID, the IMS base URL with WithInsecureHTTP). It returns
// the config, the normalized IMS base URL and every error found.
func newConfig(defaultScopes []string, clientID string, opts []Option) (*config, string, error) {
	c := &config{
		imsBaseURL:          DefaultIMSBaseURL,
		tokenPath:           DefaultTokenPath,
		authorizePath:       DefaultAuthorizePath,
		revokePath:          DefaultRevokePath,
		scopes:              defaultScopes,
		timeout:             DefaultTimeout,
		maxRetries:          DefaultMaxRetries,
		maxRateLimitRetries: DefaultMaxRateLimitRetries,
		refreshBuffer:       DefaultRefreshBuffer,
		logger:              options.Logger(nil),
		now:                 time.Now,
		sleep:               retry.Sleep,
	}
	optErr := options.Apply(c, opts)
	base, err := c.validate(clientID)
	if err := errors.Join(optErr, err); err != nil {
		return nil, "", err
	}
	return c, base, nil
}

// WithIMSBaseURL sets the IMS base URL, e.g. a staging instance such as
// "https://ims-na1-stg1.adobelogin.com". It must be an absolute URL without
// query, fragment or user info, and use HTTPS unless [WithInsecureHTTP] is
// given (the constructor checks it, as it depends on both options).
func WithIMSBaseURL(baseURL string) Option {
	return func(c *config) error { c.imsBaseURL = baseURL; return nil }
}

// WithRevokePath sets the path of the IMS revocation endpoint, relative to
// the IMS base URL; it must start with "/". The default is
// [DefaultRevokePath].
func WithRevokePath(path string) Option {
	return func(c *config) error {
		if !strings.HasPrefix(path, "/") {
			return &ConfigError{Field: "revokePath", Reason: "must start with /"}
		}
		c.revokePath = path
		return nil
	}
}

// WithScopes replaces the default scopes.
func WithScopes(scopes ...string) Option {
	return func(c *config) error { c.scopes = append([]string(nil), scopes...); return nil }
}

// WithHTTPClient sets the HTTP client whose Transport is used for IMS
// requests (proxies, mTLS, connection pooling); a client without a
// Transport uses [http.DefaultTransport], as does a credential without
// this option. Its Timeout is ignored; use [WithTimeout].
func WithHTTPClient(client *http.Client) Option {
	return func(c *config) error {
		if client == nil {
			return &ConfigError{Field: "httpClient", Reason: "must not be nil"}
		}
		c.httpClient = client
		return nil
	}
}

// WithTimeout bounds each individual request to IMS; it must be positive.
// The default is [DefaultTimeout].
func WithTimeout(d time.Duration) Option {
	return func(c *config) error {
		if d <= 0 {
			return &ConfigError{Field: "timeout", Reason: "must be positive"}
		}
		c.timeout = d
		return nil
	}
}

// WithMaxRetries sets how many times a request is retried after a network
// failure, a timeout or a 5xx/408 answer; it must not be negative. The
// default is [DefaultMaxRetries].
func WithMaxRetries(n int) Option {
	return func(c *config) error {
		if n < 0 {
			return &ConfigError{Field: "maxRetries", Reason: "must not be negative"}
		}
		c.maxRetries = n
		return nil
	}
}

// WithMaxRateLimitRetries sets how many times a request is retried after a
// 429 answer, counted separately from other retries; it must not be
// negative. A Retry-After longer than the request timeout is never waited
// for. The default is [DefaultMaxRateLimitRetries].
func WithMaxRateLimitRetries(n int) Option {
	return func(c *config) error {
		if n < 0 {
			return &ConfigError{Field: "maxRateLimitRetries", Reason: "must not be negative"}
		}
		c.maxRateLimitRetries = n
		return nil
	}
}

// WithRefreshBuffer sets how long before expiry a cached access token is
// replaced; it must not be negative. The default is [DefaultRefreshBuffer].
func WithRefreshBuffer(d time.Duration) Option {
	return func(c *config) error {
		if d < 0 {
			return &ConfigError{Field: "refreshBuffer", Reason: "must not be negative"}
		}
		c.refreshBuffer = d
		return nil
	}
}

// WithOnTokenRefreshed registers fn to be called after every successful
// token acquisition (code exchange, refresh or client-credentials fetch) with
// the new token state, typically to persist it. fn runs synchronously before
// the waiting callers receive the token, outside any lock, so it may call
// back into the credential, but it should be quick. It is not called by
// Import or Revoke: delete persisted tokens yourself after Revoke.
func WithOnTokenRefreshed(fn func(ctx context.Context, tokens TokenSet)) Option {
	return func(c *config) error { c.onTokenRefreshed = fn; return nil }
}

// WithLogger sets the structured logger. The default (and nil) discards
// everything. Tokens, codes and secrets are never logged.
func WithLogger(l *slog.Logger) Option {
	return func(c *config) error {
		c.logger = options.Logger(l)
		return nil
	}
}

// WithClock sets the clock used to read the current time, for
// deterministic tests. The default is [time.Now].
func WithClock(now Clock) Option {
	return func(c *config) error {
		if now == nil {
			return &ConfigError{Field: "clock", Reason: "must not be nil"}
		}
		c.now = now
		return nil
	}
}

// WithSleeper sets the function used to wait between retries. It must return
// early with ctx.Err() when ctx is done. The default uses a timer.
func WithSleeper(sleep Sleeper) Option {
	return func(c *config) error {
		if sleep == nil {
			return &ConfigError{Field: "sleeper", Reason: "must not be nil"}
		}
		c.sleep = sleep
		return nil
	}
}

// WithInsecureHTTP allows a plain-HTTP IMS base URL. It exists for tests
// against a local fake IMS (net/http/httptest); never use it in production.
func WithInsecureHTTP() Option {
	return func(c *config) error { c.insecureHTTP = true; return nil }
}
