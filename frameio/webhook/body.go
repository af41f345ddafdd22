package webhook

import (
	"errors"
	"fmt"
	"io"
	"math"
	"net/http"
)

// readBody reads the request body once, failing with ErrBodyTooLarge beyond
// the verifier's limit.
func (v *Verifier) readBody(r *http.Request) ([]byte, error) {
	if r.Body == nil || r.Body == http.NoBody {
		return []byte{}, nil
	}
	if r.ContentLength > v.maxBodySize {
		return nil, tooLarge(v.maxBodySize)
	}
	limit := v.maxBodySize
	if limit < math.MaxInt64 {
		limit++ // read one byte more than allowed to detect oversized bodies
	}
	body, err := io.ReadAll(io.LimitReader(r.Body, limit))
	if err != nil {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) { // an outer http.MaxBytesReader with a lower limit
			return nil, fmt.Errorf("%w: %w", ErrBodyTooLarge, err)
		}
		return nil, &readError{err: err}
	}
	if int64(len(body)) > v.maxBodySize {
		return nil, tooLarge(v.maxBodySize)
	}
	return body, nil
}

func tooLarge(limit int64) error {
	return fmt.Errorf("%w (limit %d bytes)", ErrBodyTooLarge, limit)
}

// readError reports a failure to read the request body (for example a client
// that disconnected); handlers answer it with 400.
type readError struct{ err error }

// Error implements error.
func (e *readError) Error() string { return "webhook: reading request body: " + e.err.Error() }

// Unwrap returns the underlying read error.
func (e *readError) Unwrap() error { return e.err }
