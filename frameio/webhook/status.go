package webhook

import (
	"errors"
	"net/http"
)

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
