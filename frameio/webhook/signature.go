package webhook

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"net/http"
	"strconv"
	"strings"
	"time"
)

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
