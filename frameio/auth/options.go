package auth

import (
	"context"
	"log/slog"
	"net/http"
	"time"
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
// type unless its documentation says otherwise.
type Option func(*config)

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
	now                 func() time.Time
	sleep               func(context.Context, time.Duration) error
	insecureHTTP        bool
}

func newConfig(defaultScopes []string, opts []Option) *config {
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
		now:                 time.Now,
		sleep:               sleepContext,
	}
	for _, o := range opts {
		if o != nil {
			o(c)
		}
	}
	if c.logger == nil {
		c.logger = slog.New(slog.DiscardHandler)
	}
	return c
}

// WithIMSBaseURL sets the IMS base URL, e.g. a staging instance such as
// "https://ims-na1-stg1.adobelogin.com". It must use HTTPS unless
// [WithInsecureHTTP] is given.
func WithIMSBaseURL(baseURL string) Option {
	return func(c *config) { c.imsBaseURL = baseURL }
}

// WithRevokePath sets the path of the IMS revocation endpoint, relative to
// the IMS base URL. The default is [DefaultRevokePath].
func WithRevokePath(path string) Option {
	return func(c *config) { c.revokePath = path }
}

// WithScopes replaces the default scopes.
func WithScopes(scopes ...string) Option {
	return func(c *config) { c.scopes = append([]string(nil), scopes...) }
}

// WithHTTPClient sets the HTTP client whose Transport is used for IMS
// requests (proxies, mTLS, connection pooling). Its Timeout is ignored; use
// [WithTimeout]. A nil client selects [http.DefaultTransport].
func WithHTTPClient(client *http.Client) Option {
	return func(c *config) { c.httpClient = client }
}

// WithTimeout bounds each individual request to IMS. The default is
// [DefaultTimeout].
func WithTimeout(d time.Duration) Option {
	return func(c *config) { c.timeout = d }
}

// WithMaxRetries sets how many times a request is retried after a network
// failure, a timeout or a 5xx/408 answer. The default is [DefaultMaxRetries].
func WithMaxRetries(n int) Option {
	return func(c *config) { c.maxRetries = n }
}

// WithMaxRateLimitRetries sets how many times a request is retried after a
// 429 answer, counted separately from other retries. A Retry-After longer
// than the request timeout is never waited for. The default is
// [DefaultMaxRateLimitRetries].
func WithMaxRateLimitRetries(n int) Option {
	return func(c *config) { c.maxRateLimitRetries = n }
}

// WithRefreshBuffer sets how long before expiry a cached access token is
// replaced. The default is [DefaultRefreshBuffer].
func WithRefreshBuffer(d time.Duration) Option {
	return func(c *config) { c.refreshBuffer = d }
}

// WithOnTokenRefreshed registers fn to be called after every successful
// token acquisition (code exchange, refresh or client-credentials fetch) with
// the new token state, typically to persist it. fn runs synchronously before
// the waiting callers receive the token, outside any lock, so it may call
// back into the credential, but it should be quick. It is not called by
// Import or Revoke: delete persisted tokens yourself after Revoke.
func WithOnTokenRefreshed(fn func(ctx context.Context, tokens TokenSet)) Option {
	return func(c *config) { c.onTokenRefreshed = fn }
}

// WithLogger sets the structured logger. The default discards everything.
// Tokens, codes and secrets are never logged.
func WithLogger(l *slog.Logger) Option {
	return func(c *config) { c.logger = l }
}

// WithClock sets the function used to read the current time, for
// deterministic tests. The default is [time.Now].
func WithClock(now func() time.Time) Option {
	return func(c *config) { c.now = now }
}

// WithSleeper sets the function used to wait between retries. It must return
// early with ctx.Err() when ctx is done. The default uses a timer.
func WithSleeper(sleep func(ctx context.Context, d time.Duration) error) Option {
	return func(c *config) { c.sleep = sleep }
}

// WithInsecureHTTP allows a plain-HTTP IMS base URL. It exists for tests
// against a local fake IMS (net/http/httptest); never use it in production.
func WithInsecureHTTP() Option {
	return func(c *config) { c.insecureHTTP = true }
}

func sleepContext(ctx context.Context, d time.Duration) error {
	if d <= 0 {
		return ctx.Err()
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
