package webhook

import (
	"context"
	"encoding/json"
	"log/slog"
	"net/http"
)

// ActionFunc handles one verified custom action request. It returns a
// [Message], a [Form] to ask for more input (its submission arrives as a new
// request with the same [ActionEvent.InteractionID] and the values in
// [ActionEvent.Data]), or nil to answer an empty 200. Returning an error
// answers 500 and makes Frame.io retry; to report a failure to the user,
// return a Message instead. Frame.io expects an answer within 10 seconds.
type ActionFunc func(ctx context.Context, e *ActionEvent) (*Response, error)

// ActionHandler is an [http.Handler] receiving Frame.io custom actions: it
// verifies the request with its [Verifier], decodes the [ActionEvent], calls
// its [ActionFunc] and writes the returned [Response] as JSON.
//
// It answers 401, 400 and 413 like [Handler], and 500 when the function
// fails or returns a response that does not pass [Response.Validate].
type ActionHandler struct {
	verifier *Verifier
	fn       ActionFunc
	cfg      handlerConfig
}

// NewActionHandler returns an ActionHandler that authenticates requests with
// v (configured with the custom action's secret) and answers them with fn.
func NewActionHandler(v *Verifier, fn ActionFunc, opts ...HandlerOption) *ActionHandler {
	if v == nil || fn == nil {
		panic("webhook: NewActionHandler needs a Verifier and an ActionFunc")
	}
	return &ActionHandler{verifier: v, fn: fn, cfg: newHandlerConfig(opts)}
}

// ServeHTTP implements [http.Handler].
func (h *ActionHandler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	e, ts, ok := receive(w, r, h.verifier, &h.cfg, DecodeAction)
	if !ok {
		return
	}
	e.Timestamp = ts
	log := h.cfg.logger.With(slog.String("action_id", e.ActionID), slog.String("interaction_id", e.InteractionID))

	ctx, cancel := h.cfg.context(r)
	defer cancel()
	resp, err := h.fn(ctx, e)
	if err != nil {
		log.ErrorContext(r.Context(), "frameio custom action: handler failed", slog.String("error", err.Error()))
		http.Error(w, http.StatusText(http.StatusInternalServerError), http.StatusInternalServerError)
		return
	}
	if resp == nil {
		log.DebugContext(r.Context(), "frameio custom action: acknowledged without response")
		w.WriteHeader(http.StatusOK)
		return
	}
	out, err := marshalResponse(resp)
	if err != nil {
		log.ErrorContext(r.Context(), "frameio custom action: bad response", slog.String("error", err.Error()))
		http.Error(w, http.StatusText(http.StatusInternalServerError), http.StatusInternalServerError)
		return
	}
	log.DebugContext(r.Context(), "frameio custom action: answered", slog.Bool("form", resp.IsForm()))
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(http.StatusOK)
	_, _ = w.Write(out)
}

func marshalResponse(r *Response) ([]byte, error) {
	if err := r.Validate(); err != nil {
		return nil, err
	}
	return json.Marshal(r)
}
