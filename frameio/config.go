package frameio

import (
	"context"
	"log/slog"
	"net/http"
	"net/url"
	"slices"
	"time"

	"golang.org/x/oauth2"

	"github.com/frameio-go/frameio-go/internal/options"
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

// Sleeper waits for d or until ctx is done, whichever comes first, and
// returns ctx.Err() in the latter case. All waiting the client does between
// attempts goes through it, so tests can record waits instead of waiting.
type Sleeper = options.Sleeper

// Sleep waits for d or until ctx is done, whichever comes first, and
// returns ctx.Err() in the second case (at once when ctx is already done).
// It is the default Sleeper.
func Sleep(ctx context.Context, d time.Duration) error { return retry.Sleep(ctx, d) }

// Clock returns the current time: time.Now, or a test's fake. It is used
// to interpret Retry-After headers given as an HTTP date and to pace
// calls. It is the SDK's one clock type (transfer.Clock, auth.Clock, ...
// are the same type).
type Clock = options.Clock

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
		logger:         options.Logger(nil),
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

// apply applies opts in order and reports every bad value at once (the
// SDK's one option rule, internal/options).
func (c *requestConfig) apply(opts []RequestOption) error {
	return options.Apply(c, opts)
}

func cloneValues(v url.Values) url.Values {
	out := make(url.Values, len(v))
	for k, vs := range v {
		out[k] = append([]string(nil), vs...)
	}
	return out
}
