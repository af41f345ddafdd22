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

// reject answers a request that failed verification or decoding, with the
// status given by StatusCode and no detail in the body.
func (c *handlerConfig) reject(w http.ResponseWriter, r *http.Request, err error) {
	status := StatusCode(err)
	c.logger.LogAttrs(r.Context(), slog.LevelWarn, "frameio webhook: request rejected",
		slog.Int("status", status), slog.String("error", err.Error()))
	http.Error(w, http.StatusText(status), status)
}

// requirePOST answers 405 to anything but POST and reports whether r is a POST.
func requirePOST(w http.ResponseWriter, r *http.Request) bool {
	if r.Method == http.MethodPost {
		return true
	}
	w.Header().Set("Allow", http.MethodPost)
	http.Error(w, http.StatusText(http.StatusMethodNotAllowed), http.StatusMethodNotAllowed)
	return false
}

// receive answers anything but a POST, verifies the signature, reads the
// body once and decodes it. When it returns false it has already answered
// (405, 401, 413 or 400); otherwise it returns the payload and the
// delivery's signed timestamp.
func receive[T any](w http.ResponseWriter, r *http.Request, v *Verifier, cfg handlerConfig, decode func([]byte) (T, error)) (T, time.Time, bool) {
	var zero T
	if !requirePOST(w, r) {
		return zero, time.Time{}, false
	}
	body, ts, err := v.verifyRequest(r)
	if err != nil {
		cfg.reject(w, r, err)
		return zero, time.Time{}, false
	}
	payload, err := decode(body)
	if err != nil {
		cfg.reject(w, r, err)
		return zero, time.Time{}, false
	}
	return payload, ts, true
}
