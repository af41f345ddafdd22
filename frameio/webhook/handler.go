package webhook

import (
	"context"
	"log/slog"
	"net/http"
	"sync"
)

// EventHandlerFunc handles one verified webhook event. ctx is the request's
// context. Return nil to acknowledge the delivery (200); return an error to
// answer 500, which makes Frame.io retry. It must return within a few
// seconds: hand long work to a queue (see the package documentation).
type EventHandlerFunc func(ctx context.Context, e *Event) error

// Handler is an [http.Handler] receiving Frame.io webhooks: it verifies the
// request with its [Verifier], decodes the [Event] and dispatches it by
// [EventType]. Register functions with [Handler.HandleFunc] and
// [Handler.HandleFallback]; registration is safe while serving.
type Handler struct {
	verifier *Verifier
	cfg      handlerConfig

	mu       sync.RWMutex
	handlers map[EventType]EventHandlerFunc
	fallback EventHandlerFunc
}

// NewHandler returns a Handler that authenticates deliveries with v.
func NewHandler(v *Verifier, opts ...HandlerOption) *Handler {
	if v == nil {
		panic("webhook: NewHandler called with nil Verifier")
	}
	return &Handler{
		verifier: v,
		cfg:      newHandlerConfig(opts),
		handlers: make(map[EventType]EventHandlerFunc),
	}
}

// HandleFunc registers fn for events of type t, replacing any previous
// registration. It panics if fn is nil or t is empty.
func (h *Handler) HandleFunc(t EventType, fn EventHandlerFunc) {
	if t == "" || fn == nil {
		panic("webhook: HandleFunc needs an event type and a function")
	}
	h.mu.Lock()
	defer h.mu.Unlock()
	h.handlers[t] = fn
}

// HandleFallback registers fn for events without a registered function,
// including event types unknown to this package. Without a fallback such
// events are acknowledged with 200 and dropped, so that Frame.io does not
// retry deliveries nobody will handle. Passing nil removes the fallback.
func (h *Handler) HandleFallback(fn EventHandlerFunc) {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.fallback = fn
}

func (h *Handler) lookup(t EventType) EventHandlerFunc {
	h.mu.RLock()
	defer h.mu.RUnlock()
	if fn, ok := h.handlers[t]; ok {
		return fn
	}
	return h.fallback
}

// ServeHTTP implements [http.Handler].
func (h *Handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	e, ts, ok := receive(w, r, h.verifier, &h.cfg, DecodeEvent)
	if !ok {
		return
	}
	e.Timestamp = ts
	log := h.cfg.logger.With(slog.String("event", string(e.Type)), slog.String("resource_id", e.Resource.ID))

	fn := h.lookup(e.Type)
	if fn == nil {
		log.DebugContext(r.Context(), "frameio webhook: no handler, event acknowledged and dropped")
		w.WriteHeader(http.StatusOK)
		return
	}
	ctx, cancel := h.cfg.context(r)
	defer cancel()
	if err := fn(ctx, e); err != nil {
		log.ErrorContext(r.Context(), "frameio webhook: handler failed", slog.String("error", err.Error()))
		http.Error(w, http.StatusText(http.StatusInternalServerError), http.StatusInternalServerError)
		return
	}
	log.DebugContext(r.Context(), "frameio webhook: event handled")
	w.WriteHeader(http.StatusOK)
}
