package webhook

import (
	"context"
	"fmt"
	"log/slog"
	"net/http"
	"time"

	"github.com/frameio-go/frameio-go/internal/options"
)

// verifierConfig is a [Verifier]'s settings, set by the Options of
// [NewVerifier].
type verifierConfig struct {
	tolerance   time.Duration
	maxBodySize int64
	now         Clock
}

// handlerConfig is a [Handler]'s or an [ActionHandler]'s settings, set by
// the HandlerOptions of [NewHandler] and [NewActionHandler].
type handlerConfig struct {
	logger  *slog.Logger
	timeout time.Duration
}

// Clock returns the current time ([time.Now] unless [WithClock] replaces
// it). It is the one clock type of the SDK's packages: transfer.Clock,
// auth.Clock, c2c.Clock and frameiotest.Clock are the same type.
type Clock = options.Clock

// Option configures a [Verifier]. An option reports a bad value when it is
// applied; [NewVerifier] returns every such error at once.
type Option func(*verifierConfig) error

// WithTolerance sets the maximum allowed distance between the request
// timestamp and the current time, in either direction. It must be positive;
// the default is [DefaultTolerance].
func WithTolerance(d time.Duration) Option {
	return func(c *verifierConfig) error {
		if d <= 0 {
			return fmt.Errorf("webhook: WithTolerance: the tolerance must be positive, got %v", d)
		}
		c.tolerance = d
		return nil
	}
}

// WithMaxBodySize sets the largest accepted request body, in bytes. It must be
// positive; the default is [DefaultMaxBodySize].
func WithMaxBodySize(n int64) Option {
	return func(c *verifierConfig) error {
		if n <= 0 {
			return fmt.Errorf("webhook: WithMaxBodySize: the max body size must be positive, got %d", n)
		}
		c.maxBodySize = n
		return nil
	}
}

// WithClock sets the clock used to read the current time; the default is
// [time.Now]. Tests use it to make timestamp checks deterministic.
func WithClock(now Clock) Option {
	return func(c *verifierConfig) error {
		if now == nil {
			return fmt.Errorf("webhook: WithClock: the clock must not be nil")
		}
		c.now = now
		return nil
	}
}

// HandlerOption configures a [Handler] or an [ActionHandler]. Every value
// of a handler option is valid, so NewHandler and NewActionHandler have
// nothing to report.
type HandlerOption func(*handlerConfig)

// WithTimeout bounds the context passed to event and action functions: it is
// cancelled after d. Frame.io gives up on webhooks after 5 seconds and on
// custom actions after 10, so a timeout a little below that lets a function
// notice it cannot finish (for example, a full queue) and fail cleanly. A
// zero or negative d, the default, means no timeout beyond the request's own.
func WithTimeout(d time.Duration) HandlerOption {
	return func(c *handlerConfig) { c.timeout = d }
}

// WithLogger makes a handler log rejected and failed requests to l: rejected
// requests at Warn, handler errors at Error, dispatch details at Debug.
// Handlers are silent by default, and with a nil l.
func WithLogger(l *slog.Logger) HandlerOption {
	return func(c *handlerConfig) { c.logger = options.Logger(l) }
}

func newHandlerConfig(opts []HandlerOption) handlerConfig {
	c := handlerConfig{logger: options.Logger(nil)}
	for _, opt := range opts {
		if opt != nil {
			opt(&c)
		}
	}
	return c
}

// context returns the context for a user function, bounded by the timeout.
func (c *handlerConfig) context(r *http.Request) (context.Context, context.CancelFunc) {
	if c.timeout > 0 {
		return context.WithTimeout(r.Context(), c.timeout)
	}
	return r.Context(), func() {}
}
