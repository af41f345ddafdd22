package webhook

import (
	"context"
	"log/slog"
	"net/http"
	"time"
)

// HandlerOption configures a [Handler] or an [ActionHandler].
type HandlerOption func(*handlerConfig)

type handlerConfig struct {
	logger  *slog.Logger
	timeout time.Duration
}

// WithTimeout bounds the context passed to event and action functions: it is
// cancelled after d. Frame.io gives up on webhooks after 5 seconds and on
// custom actions after 10, so a timeout a little below that lets a function
// notice it cannot finish (for example, a full queue) and fail cleanly. A
// zero or negative d, the default, means no timeout beyond the request's own.
func WithTimeout(d time.Duration) HandlerOption {
	return func(c *handlerConfig) { c.timeout = d }
}

// context returns the context for a user function, bounded by the timeout.
func (c *handlerConfig) context(r *http.Request) (context.Context, context.CancelFunc) {
	if c.timeout > 0 {
		return context.WithTimeout(r.Context(), c.timeout)
	}
	return r.Context(), func() {}
}

// WithLogger makes a handler log rejected and failed requests to l: rejected
// requests at Warn, handler errors at Error, dispatch details at Debug.
// Handlers are silent by default.
func WithLogger(l *slog.Logger) HandlerOption {
	return func(c *handlerConfig) {
		if l != nil {
			c.logger = l
		}
	}
}

func newHandlerConfig(opts []HandlerOption) handlerConfig {
	c := handlerConfig{logger: slog.New(slog.DiscardHandler)}
	for _, opt := range opts {
		opt(&c)
	}
	return c
}
