package webhook

import (
	"errors"
	"fmt"
	"time"
)

// Sentinel errors returned (wrapped) by verification and decoding. Test for
// them with [errors.Is].
var (
	// ErrMissingTimestamp reports that the X-Frameio-Request-Timestamp header is absent or empty.
	ErrMissingTimestamp = errors.New("webhook: missing " + HeaderTimestamp + " header")
	// ErrMissingSignature reports that the X-Frameio-Signature header is absent or empty.
	ErrMissingSignature = errors.New("webhook: missing " + HeaderSignature + " header")
	// ErrMalformedTimestamp reports a timestamp header that is not a Unix time in decimal seconds.
	ErrMalformedTimestamp = errors.New("webhook: malformed " + HeaderTimestamp + " header")
	// ErrMalformedSignature reports a signature header that is not "<version>=<hex HMAC-SHA256>".
	ErrMalformedSignature = errors.New("webhook: malformed " + HeaderSignature + " header")
	// ErrUnsupportedVersion reports a well-formed signature whose version is not "v0".
	ErrUnsupportedVersion = errors.New("webhook: unsupported signature version")
	// ErrTimestampExpired reports a timestamp older than the allowed tolerance.
	ErrTimestampExpired = errors.New("webhook: request timestamp too old")
	// ErrTimestampInFuture reports a timestamp further in the future than the allowed tolerance.
	ErrTimestampInFuture = errors.New("webhook: request timestamp too far in the future")
	// ErrSignatureMismatch reports a signature that matches none of the configured secrets.
	ErrSignatureMismatch = errors.New("webhook: signature mismatch")
	// ErrBodyTooLarge reports a request body larger than the configured limit.
	ErrBodyTooLarge = errors.New("webhook: request body too large")
	// ErrMalformedPayload reports a body that is not a valid webhook or custom action payload.
	ErrMalformedPayload = errors.New("webhook: malformed payload")
	// ErrNoSecret reports a [Verifier] configured without any usable secret.
	ErrNoSecret = errors.New("webhook: no signing secret configured")
)

// VerificationError is returned when a request fails authentication: a
// missing, malformed or unsupported header, a timestamp outside the tolerance
// or a signature mismatch. Reason is one of the sentinel errors above, so
// both errors.As(err, new(*VerificationError)) ("is this a 401?") and
// errors.Is(err, ErrTimestampExpired) ("why?") work.
type VerificationError struct {
	// Reason is the sentinel error describing the failure.
	Reason error
	// Timestamp is the parsed request timestamp, zero if it could not be parsed.
	Timestamp time.Time
	// Now is the verifier's clock reading, set for timestamp failures.
	Now time.Time
}

// Error implements error.
func (e *VerificationError) Error() string {
	if !e.Now.IsZero() && !e.Timestamp.IsZero() {
		return fmt.Sprintf("%v (timestamp %d, now %d)", e.Reason, e.Timestamp.Unix(), e.Now.Unix())
	}
	return e.Reason.Error()
}

// Unwrap returns the sentinel reason.
func (e *VerificationError) Unwrap() error { return e.Reason }

func verificationError(reason error) error { return &VerificationError{Reason: reason} }
