package webhook

import (
	"errors"
	"log/slog"
	"net/http"
	"time"
)

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
func receive[T any](w http.ResponseWriter, r *http.Request, v *Verifier, cfg *handlerConfig, decode func([]byte) (T, error)) (T, time.Time, bool) {
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

// StatusCode maps an error returned by this package to the HTTP status a
// receiver should answer with: 200 for nil, 413 for [ErrBodyTooLarge], 401
// for a [*VerificationError], 400 for [ErrMalformedPayload] or a body read
// failure, and 500 for anything else. It lets callers that use
// [Verifier.VerifyRequest] directly answer like [Handler] does.
func StatusCode(err error) int {
	var (
		verr *VerificationError
		rerr *readError
	)
	switch {
	case err == nil:
		return http.StatusOK
	case errors.Is(err, ErrBodyTooLarge):
		return http.StatusRequestEntityTooLarge
	case errors.As(err, &verr):
		return http.StatusUnauthorized
	case errors.Is(err, ErrMalformedPayload), errors.As(err, &rerr):
		return http.StatusBadRequest
	default:
		return http.StatusInternalServerError
	}
}
