package webhook

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"math"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/frameio-go/frameio-go/internal/options"
)

const (
	// DefaultTolerance is the default maximum distance between the request
	// timestamp and the verifier's clock, in either direction. Frame.io
	// recommends "verifying this time is within 5 minutes of local time".
	DefaultTolerance = 5 * time.Minute
	// DefaultMaxBodySize is the default limit on the request body size (1 MiB).
	DefaultMaxBodySize int64 = 1 << 20
)

// Verifier authenticates Frame.io webhook and custom action requests. It is
// safe for concurrent use. Create one with [NewVerifier].
type Verifier struct {
	verifierConfig
	secrets [][]byte
}

// NewVerifier returns a Verifier accepting requests signed with any of
// secrets. Pass more than one secret while rotating: the new one and the one
// being retired. Empty secrets are rejected, as is a list without secrets;
// both errors wrap [ErrNoSecret]. Every problem, with the secrets or the
// options, is reported at once.
func NewVerifier(secrets []string, opts ...Option) (*Verifier, error) {
	v := &Verifier{verifierConfig: verifierConfig{tolerance: DefaultTolerance, maxBodySize: DefaultMaxBodySize, now: time.Now}}
	var errs []error
	for i, s := range secrets {
		if s == "" {
			errs = append(errs, fmt.Errorf("%w: secret %d is empty", ErrNoSecret, i))
			continue
		}
		v.secrets = append(v.secrets, []byte(s))
	}
	if len(secrets) == 0 {
		errs = append(errs, ErrNoSecret)
	}
	errs = append(errs, options.Apply(&v.verifierConfig, opts))
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	return v, nil
}

// MaxBodySize returns the largest body, in bytes, the verifier accepts.
func (v *Verifier) MaxBodySize() int64 { return v.maxBodySize }

// Verify authenticates a request given its headers and raw body. It returns
// nil when the timestamp is within tolerance and the signature matches one of
// the secrets. Otherwise the error wraps one of the sentinel errors:
// [ErrBodyTooLarge], or, inside a [*VerificationError],
// [ErrMissingTimestamp], [ErrMissingSignature], [ErrMalformedTimestamp],
// [ErrMalformedSignature], [ErrUnsupportedVersion], [ErrTimestampExpired],
// [ErrTimestampInFuture] or [ErrSignatureMismatch].
func (v *Verifier) Verify(header http.Header, body []byte) error {
	if int64(len(body)) > v.maxBodySize {
		return tooLarge(v.maxBodySize)
	}
	ts, mac, err := v.checkHeader(header)
	if err != nil {
		return err
	}
	return v.checkMAC(ts, mac, body)
}

// VerifyRequest authenticates r and returns its body, read once and at most
// [Verifier.MaxBodySize] bytes long. Headers and timestamp are checked before
// the body is read, so unsigned or stale requests are rejected without
// reading it. The body is returned only when verification succeeds; errors
// are those of [Verifier.Verify], or a read error.
func (v *Verifier) VerifyRequest(r *http.Request) ([]byte, error) {
	body, _, err := v.verifyRequest(r)
	return body, err
}

// verifyRequest is VerifyRequest that also returns the verified timestamp.
func (v *Verifier) verifyRequest(r *http.Request) ([]byte, time.Time, error) {
	ts, mac, err := v.checkHeader(r.Header)
	if err != nil {
		return nil, time.Time{}, err
	}
	body, err := v.readBody(r)
	if err != nil {
		return nil, time.Time{}, err
	}
	if err := v.checkMAC(ts, mac, body); err != nil {
		return nil, time.Time{}, err
	}
	t, _ := parseTimestamp(ts) // cannot fail: checkHeader parsed it
	return body, t, nil
}

// checkHeader parses both headers and enforces the timestamp tolerance. It
// returns the timestamp exactly as received, since that is what was signed.
func (v *Verifier) checkHeader(h http.Header) (string, []byte, error) {
	rawTS := h.Get(HeaderTimestamp)
	ts, err := parseTimestamp(rawTS)
	if err != nil {
		return "", nil, err
	}
	mac, err := parseSignature(h.Get(HeaderSignature))
	if err != nil {
		return "", nil, err
	}
	now := v.now()
	switch skew := now.Sub(ts); {
	case skew > v.tolerance:
		return "", nil, &VerificationError{Reason: ErrTimestampExpired, Timestamp: ts, Now: now}
	case skew < -v.tolerance:
		return "", nil, &VerificationError{Reason: ErrTimestampInFuture, Timestamp: ts, Now: now}
	}
	return rawTS, mac, nil
}

// checkMAC compares mac with the expected MAC for every secret, in constant
// time per secret, and does not stop at the first match so the timing does
// not reveal which secret matched.
func (v *Verifier) checkMAC(ts string, mac, body []byte) error {
	match := false
	for _, secret := range v.secrets {
		if hmac.Equal(mac, computeMAC(secret, ts, body)) {
			match = true
		}
	}
	if !match {
		return verificationError(ErrSignatureMismatch)
	}
	return nil
}

// String describes the verifier without its secrets, so that one printed by
// mistake (fmt's %v, %+v, %s) does not leak them.
func (v Verifier) String() string {
	return fmt.Sprintf("webhook.Verifier{%d secrets, tolerance %s, max body %d bytes}", len(v.secrets), v.tolerance, v.maxBodySize)
}

// GoString implements fmt.GoStringer like String.
func (v Verifier) GoString() string { return v.String() }

// LogValue implements slog.LogValuer without the secrets.
func (v Verifier) LogValue() slog.Value {
	return slog.GroupValue(
		slog.Int("secrets", len(v.secrets)),
		slog.Duration("tolerance", v.tolerance),
		slog.Int64("max_body_size", v.maxBodySize),
	)
}

const (
	// HeaderTimestamp is the header carrying the Unix time (in seconds) at
	// which Frame.io sent the request.
	HeaderTimestamp = "X-Frameio-Request-Timestamp"
	// HeaderSignature is the header carrying the request signature,
	// "v0=" followed by a hex-encoded HMAC-SHA256.
	HeaderSignature = "X-Frameio-Signature"
	// SignatureVersion is the only signature scheme Frame.io uses.
	SignatureVersion = "v0"
)

// maxTimestampDigits bounds the timestamp header so that parsing cannot
// overflow an int64 (whose maximum has 19 digits).
const maxTimestampDigits = 18

// Sign returns the X-Frameio-Signature value for body sent at timestamp and
// signed with secret: "v0=" + hex(HMAC-SHA256(secret, "v0:" + unix seconds + ":" + body)).
func Sign(secret string, timestamp time.Time, body []byte) string {
	return SignatureVersion + "=" + hex.EncodeToString(computeMAC([]byte(secret), formatTimestamp(timestamp), body))
}

// SignHeader sets the X-Frameio-Request-Timestamp and X-Frameio-Signature
// headers on h as Frame.io would for body sent at timestamp. It is meant for
// tests of receivers.
func SignHeader(h http.Header, secret string, timestamp time.Time, body []byte) {
	h.Set(HeaderTimestamp, formatTimestamp(timestamp))
	h.Set(HeaderSignature, Sign(secret, timestamp, body))
}

func formatTimestamp(t time.Time) string { return strconv.FormatInt(t.Unix(), 10) }

// computeMAC returns HMAC-SHA256(secret, "v0:" + timestamp + ":" + body),
// where timestamp is the header value exactly as received.
func computeMAC(secret []byte, timestamp string, body []byte) []byte {
	m := hmac.New(sha256.New, secret)
	m.Write([]byte(SignatureVersion + ":" + timestamp + ":"))
	m.Write(body)
	return m.Sum(nil)
}

// parseTimestamp parses a header made only of ASCII digits.
func parseTimestamp(v string) (time.Time, error) {
	if v == "" {
		return time.Time{}, verificationError(ErrMissingTimestamp)
	}
	if len(v) > maxTimestampDigits || strings.TrimLeft(v, "0123456789") != "" {
		return time.Time{}, verificationError(ErrMalformedTimestamp)
	}
	sec, err := strconv.ParseInt(v, 10, 64)
	if err != nil {
		return time.Time{}, verificationError(ErrMalformedTimestamp)
	}
	return time.Unix(sec, 0), nil
}

// parseSignature splits "v0=<hex>" and decodes the MAC. A header whose
// version is another well-formed version token ("v" followed by digits, such
// as "v1") yields ErrUnsupportedVersion whatever follows, since a future
// scheme may encode its digest differently; anything else that is not
// "v0=" + 64 hex digits yields ErrMalformedSignature.
func parseSignature(v string) ([]byte, error) {
	if v == "" {
		return nil, verificationError(ErrMissingSignature)
	}
	version, digest, ok := strings.Cut(v, "=")
	if !ok || !isVersionToken(version) {
		return nil, verificationError(ErrMalformedSignature)
	}
	if version != SignatureVersion {
		return nil, verificationError(ErrUnsupportedVersion)
	}
	mac, err := hex.DecodeString(digest)
	if err != nil || len(mac) != sha256.Size {
		return nil, verificationError(ErrMalformedSignature)
	}
	return mac, nil
}

// isVersionToken reports whether s is "v" followed by 1 to 3 ASCII digits.
func isVersionToken(s string) bool {
	digits, ok := strings.CutPrefix(s, "v")
	return ok && digits != "" && len(digits) <= 3 && strings.TrimLeft(digits, "0123456789") == ""
}

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
