package frameio

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"time"

	"github.com/frameio-go/frameio-go/internal/bodytext"
	"github.com/frameio-go/frameio-go/internal/redact"
)

// maxErrorBody bounds the raw body kept in an *Error.
const maxErrorBody = 64 << 10

// Error is returned when the API answers with a non-2xx status (after any
// retries). Use errors.As to reach it, or the Is* helpers.
type Error struct {
	// StatusCode is the HTTP status code, e.g. 404.
	StatusCode int
	// Method and URL identify the request. URL never holds credentials:
	// user info is removed and sensitive query parameters are redacted.
	Method string
	URL    string
	// Errors holds the parsed "errors" array of the documented error body,
	// {"errors":[{"detail":..., "title":..., "source":{"pointer":...}}]}.
	// It is empty when the body is not in that shape.
	Errors []ErrorDetail
	// Body is the raw response body, truncated to 64 KiB. Should the server
	// echo the request's access token, it is replaced by "[REDACTED]" here
	// and in Header and Errors: an *Error never holds a credential.
	Body []byte
	// Header holds the response headers.
	Header http.Header
	// RequestID is the server's request identifier, when one of the usual
	// headers (x-request-id, x-amzn-requestid, ...) carries it.
	RequestID string
	// RateLimit is the rate-limit state reported by the response, or nil
	// when it carried no x-ratelimit-* headers.
	RateLimit *RateLimit
	// Attempts is the number of attempts made, retries included.
	Attempts int
}

// ErrorDetail is one entry of a Frame.io error body.
type ErrorDetail struct {
	// Title is a short summary, e.g. "Invalid value".
	Title string `json:"title,omitempty"`
	// Detail explains this occurrence, e.g. "Unexpected field: foo".
	Detail string `json:"detail,omitempty"`
	// Source points at the offending part of the request, when known.
	Source *ErrorSource `json:"source,omitempty"`
}

// ErrorSource locates the cause of an error in the request.
type ErrorSource struct {
	// Pointer is a JSON Pointer into the request body, e.g. "/data/foo".
	Pointer string `json:"pointer,omitempty"`
	// Parameter names the offending query parameter, when the API sends one.
	Parameter string `json:"parameter,omitempty"`
}

// Error returns a one-line description: method, URL, status, the error
// details (or a short excerpt of a non-JSON body) and the request id.
func (e *Error) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "frameio: %s %s: %d %s", e.Method, e.URL, e.StatusCode, http.StatusText(e.StatusCode))
	switch {
	case len(e.Errors) > 0:
		b.WriteString(": ")
		for i, d := range e.Errors {
			if i > 0 {
				b.WriteString("; ")
			}
			b.WriteString(d.String())
		}
	case len(strings.TrimSpace(string(e.Body))) > 0:
		b.WriteString(": ")
		b.WriteString(bodytext.Excerpt(e.Body, 200))
	}
	if e.RequestID != "" {
		fmt.Fprintf(&b, " (request id %s)", e.RequestID)
	}
	return b.String()
}

// String formats d as "title: detail (at pointer)".
func (d ErrorDetail) String() string {
	s := d.Title
	if d.Detail != "" {
		if s != "" {
			s += ": "
		}
		s += d.Detail
	}
	if d.Source != nil {
		switch {
		case d.Source.Pointer != "":
			s += " (at " + d.Source.Pointer + ")"
		case d.Source.Parameter != "":
			s += " (parameter " + d.Source.Parameter + ")"
		}
	}
	return s
}

var requestIDHeaders = []string{"X-Request-Id", "X-Frameio-Request-Id", "X-Amzn-Requestid", "X-Amz-Request-Id", "X-Correlation-Id", "Request-Id"}

func requestID(h http.Header) string {
	for _, k := range requestIDHeaders {
		if v := h.Get(k); v != "" {
			return v
		}
	}
	return ""
}

// newAPIError builds the *Error for a non-2xx response whose (possibly
// truncated or unreadable) body is body. The credentials the request sent
// are scrubbed from the body and the headers before anything is parsed, so
// an *Error never holds them, whichever way it is printed.
func newAPIError(method, rawURL string, resp *http.Response, body []byte, attempts int, secrets redact.Secrets) *Error {
	header := scrubHeader(resp.Header, secrets)
	e := &Error{
		StatusCode: resp.StatusCode,
		Method:     method,
		URL:        rawURL,
		Header:     header,
		RequestID:  requestID(header),
		Attempts:   attempts,
	}
	// Before the cut, so that no part of a secret is kept; ScrubCut also
	// hides the start of a secret the body ends with, when the network or
	// the read limit cut it short.
	body = secrets.ScrubCut(body)
	if len(body) > maxErrorBody {
		body = body[:maxErrorBody]
	}
	e.Body = body
	var parsed struct {
		Errors []ErrorDetail `json:"errors"`
	}
	if json.Unmarshal(e.Body, &parsed) == nil {
		e.Errors = parsed.Errors
	}
	if rl, ok := ParseRateLimit(resp.Header); ok {
		e.RateLimit = &rl
	}
	return e
}

// scrubHeader returns h, or a copy of it with the secrets scrubbed from the
// values when any holds one.
func scrubHeader(h http.Header, secrets redact.Secrets) http.Header {
	for _, vs := range h {
		for _, v := range vs {
			if secrets.In(v) {
				return cloneScrubbed(h, secrets)
			}
		}
	}
	return h
}

func cloneScrubbed(h http.Header, secrets redact.Secrets) http.Header {
	out := make(http.Header, len(h))
	for k, vs := range h {
		c := make([]string, len(vs))
		for i, v := range vs {
			c[i] = secrets.Scrub(v)
		}
		out[k] = c
	}
	return out
}

// RequestError is returned when a call ends without a usable HTTP response:
// the transport failed (connection refused or reset, timeout, TLS, a body
// cut short), the context was cancelled, or a wait was cut short. Err is the
// cause; errors.Is(err, context.Canceled) and friends see through it.
//
// When the response's status and headers arrived but its body was cut off,
// StatusCode, Header and Body keep what arrived. A 2xx there means the
// server accepted the request and acted on it (Accepted reports it): for a
// POST or a PATCH, which are not retried then, look the result up (for
// example list the folder for the name just created) rather than sending
// the request again. Idempotent requests are retried like any transport
// error.
type RequestError struct {
	// Method and URL identify the request (URL without credentials).
	Method string
	URL    string
	// Attempts is the number of attempts made, retries included.
	Attempts int
	// Err is the cause.
	Err error
	// Last is the result of the last completed attempt when the call was
	// cancelled while waiting to retry it (e.g. a *Error for a 503); nil
	// otherwise.
	Last error
	// StatusCode is the status of a response whose body was cut off, 0
	// when no response arrived.
	StatusCode int
	// Header holds the headers of that response, nil when none arrived.
	Header http.Header
	// Body is the part of that response's body that arrived, with the
	// request's access token scrubbed should the server echo it.
	Body []byte
}

// Error describes the failure with the attempt count.
func (e *RequestError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "frameio: %s %s: ", e.Method, e.URL)
	if e.StatusCode != 0 {
		fmt.Fprintf(&b, "%d %s response cut off: ", e.StatusCode, http.StatusText(e.StatusCode))
	}
	fmt.Fprintf(&b, "%v (after %d attempt", e.Err, e.Attempts)
	if e.Attempts != 1 {
		b.WriteString("s")
	}
	b.WriteString(")")
	if e.Last != nil {
		b.WriteString("; last attempt: " + e.Last.Error())
	}
	return b.String()
}

// Accepted reports whether the server accepted the request: the attempt
// this error describes (or, for a call cancelled while waiting to retry,
// the last one) got a 2xx status whose body was then cut off. The server
// acted on such a request; do not blindly send it again.
func (e *RequestError) Accepted() bool {
	if e.StatusCode >= 200 && e.StatusCode <= 299 {
		return true
	}
	return Accepted(e.Last)
}

// Unwrap returns the cause and, when set, the last attempt's error.
func (e *RequestError) Unwrap() []error {
	if e.Last != nil {
		return []error{e.Err, e.Last}
	}
	return []error{e.Err}
}

// Accepted reports whether err says the server accepted the request
// although the caller did not get its answer: a *RequestError for a 2xx
// whose body was cut off (see RequestError.Accepted), or a *DecodeError (a
// 2xx whose body is not the expected JSON). For a create, look the new
// resource up instead of creating it again.
func Accepted(err error) bool {
	if e, ok := errors.AsType[*RequestError](err); ok && e.Accepted() {
		return true
	}
	_, ok := errors.AsType[*DecodeError](err)
	return ok
}

// DecodeError is returned when a 2xx response body is not the JSON the call
// expected. The request itself succeeded; Body keeps the raw response.
type DecodeError struct {
	// StatusCode is the (successful) HTTP status.
	StatusCode int
	// Method and URL identify the request (URL without credentials).
	Method string
	URL    string
	// Body is the raw response body, with the request's access token
	// replaced by "[REDACTED]" should the server echo it.
	Body []byte
	// Err is the JSON error.
	Err error
}

// Error says that the response was malformed JSON and why.
func (e *DecodeError) Error() string {
	return fmt.Sprintf("frameio: %s %s: %d response is malformed JSON: %v (body: %s)",
		e.Method, e.URL, e.StatusCode, e.Err, bodytext.Excerpt(e.Body, 120))
}

// Unwrap returns the JSON error.
func (e *DecodeError) Unwrap() error { return e.Err }

// RateLimitError is returned, before anything is sent, when rate-limit
// pacing (WithRateLimitPacing) would have to hold the call longer than it
// may: the last response to the same path emptied its bucket, and the
// bucket needs longer than RetryPolicy.MaxRetryAfter to free a slot, or
// longer than the time left before the context's deadline. Retry after
// Wait, or raise the bounds. IsRateLimited reports it.
type RateLimitError struct {
	// Method and URL identify the request (URL without credentials).
	Method string
	URL    string
	// Wait is how long the path's bucket needs before the next request.
	Wait time.Duration
	// RateLimit is the state reported by the response that emptied it.
	RateLimit RateLimit
	// Reason says which bound the wait exceeds.
	Reason string
	// Err is context.DeadlineExceeded when the deadline is the bound, so
	// that errors.Is sees it; nil otherwise.
	Err error
}

// Error gives the wait and the bound it exceeds.
func (e *RateLimitError) Error() string {
	return fmt.Sprintf("frameio: %s %s: rate limited: the next request to this path is allowed in %s, %s (limit %d per %s)",
		e.Method, e.URL, e.Wait.Round(time.Millisecond), e.Reason, e.RateLimit.Limit, e.RateLimit.Window)
}

// Unwrap returns Err.
func (e *RateLimitError) Unwrap() error { return e.Err }

// InvalidParamError reports a call argument rejected before any request was
// sent, such as an empty required path ID.
type InvalidParamError struct {
	// Param is the parameter's name as in the API reference, e.g. "file_id".
	Param string
	// Reason says what is wrong with it.
	Reason string
}

// Error names the parameter and the problem.
func (e *InvalidParamError) Error() string {
	return "frameio: parameter " + e.Param + " " + e.Reason
}

// StatusCode returns the HTTP status of the *Error in err's chain, or 0.
func StatusCode(err error) int {
	if e, ok := errors.AsType[*Error](err); ok {
		return e.StatusCode
	}
	return 0
}

// IsNotFound reports whether err is a 404 *Error.
func IsNotFound(err error) bool { return StatusCode(err) == http.StatusNotFound }

// IsRateLimited reports whether err is a 429 *Error (still rate limited
// after the retries allowed) or a *RateLimitError (pacing refused to wait).
func IsRateLimited(err error) bool {
	if _, ok := errors.AsType[*RateLimitError](err); ok {
		return true
	}
	return StatusCode(err) == http.StatusTooManyRequests
}

// IsUnauthorized reports whether err is a 401 *Error: token missing, invalid
// or expired.
func IsUnauthorized(err error) bool { return StatusCode(err) == http.StatusUnauthorized }

// IsForbidden reports whether err is a 403 *Error: the token's user lacks
// permission.
func IsForbidden(err error) bool { return StatusCode(err) == http.StatusForbidden }

// IsConflict reports whether err is a 409 *Error.
func IsConflict(err error) bool { return StatusCode(err) == http.StatusConflict }

// IsValidation reports whether err is a 422 *Error: well-formed but invalid
// payload or parameters (see Error.Errors for which).
func IsValidation(err error) bool { return StatusCode(err) == http.StatusUnprocessableEntity }

// IsBadRequest reports whether err is a 400 *Error. Frame.io uses 400 and
// 422 almost interchangeably for invalid requests.
func IsBadRequest(err error) bool { return StatusCode(err) == http.StatusBadRequest }

// IsServerError reports whether err is a 5xx *Error.
func IsServerError(err error) bool { s := StatusCode(err); return s >= 500 && s <= 599 }
