package c2c

import (
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
)

// ErrorKind names a C2C error as the errors guide's tables do. It is an
// error itself, so errors.Is(err, c2c.ErrChannelPaused) works on any error
// the package returns.
type ErrorKind string

// Error returns the kind's name.
func (k ErrorKind) Error() string { return "c2c: " + string(k) }

// The error kinds of the errors guide, plus the few the SDK adds.
const (
	ErrAccessDenied          ErrorKind = "access denied"           // the user declined the pairing (access_denied)
	ErrAuthorizationPending  ErrorKind = "authorization pending"   // the user has not entered the code yet
	ErrChannelPaused         ErrorKind = "channel paused"          // 409: media created while paused; never retried
	ErrExpiredToken          ErrorKind = "expired token"           // the pairing code expired
	ErrInvalidArgument       ErrorKind = "invalid argument"        // 422 detailed
	ErrInvalidClient         ErrorKind = "invalid client"          // wrong client_id or client_secret
	ErrInvalidClientVersion  ErrorKind = "invalid client version"  // x-client-version duplicated or not semver
	ErrInvalidGrant          ErrorKind = "invalid grant"           // wrong grant_type
	ErrInvalidRequest        ErrorKind = "invalid request"         // 400, or a refresh token already used
	ErrUnauthorized          ErrorKind = "unauthorized"            // 401: token expired, revoked or out of scope
	ErrSlowDown              ErrorKind = "slow down"               // 429 or 400 slow_down: rate limited
	ErrInvalidContentType    ErrorKind = "invalid content type"    // 422 without a known message
	ErrNotFound              ErrorKind = "not found"               // 404
	ErrAlreadyExists         ErrorKind = "already exists"          // 409 on channel connect
	ErrInternalServerError   ErrorKind = "internal server error"   // 5xx
	ErrUnknown               ErrorKind = "unknown error"           // none of the above: retried once
	ErrPairingRequired       ErrorKind = "pairing required"        // no usable token: pair the device again
	ErrDisconnected          ErrorKind = "disconnected"            // Frame.io unreachable for longer than the hold limit
	ErrUnexpectedStatus      ErrorKind = "unexpected status"       // a success status other than the documented one
	ErrMalformedResponse     ErrorKind = "malformed response"      // a success whose body does not decode
	ErrTokenNotSaved         ErrorKind = "token not saved"         // TokenStore.SaveToken failed after a refresh
	ErrUploadTooLarge        ErrorKind = "upload too large"        // over 5 TiB or 10,000 parts
	ErrPairingCodesExhausted ErrorKind = "pairing codes exhausted" // every pairing code expired unused
)

// messageKinds maps the "error" (simple schema) or "message" (detailed
// schema) of an error body to its kind: the guide's first lookup.
var messageKinds = map[string]ErrorKind{
	"access_denied":          ErrAccessDenied,
	"authorization_pending":  ErrAuthorizationPending,
	"Channel Paused":         ErrChannelPaused,
	"expired_token":          ErrExpiredToken,
	"Invalid Argument":       ErrInvalidArgument,
	"invalid_client":         ErrInvalidClient,
	"Invalid client version": ErrInvalidClientVersion,
	"invalid_grant":          ErrInvalidGrant,
	"invalid_request":        ErrInvalidRequest,
	"Not Authorized":         ErrUnauthorized,
	"slow_down":              ErrSlowDown,
	"unauthorized_client":    ErrUnauthorized,
	"Already Exists":         ErrAlreadyExists,
}

// statusKind is the guide's second lookup, by status code.
func statusKind(code int) ErrorKind {
	switch {
	case code == http.StatusBadRequest:
		return ErrInvalidRequest
	case code == http.StatusUnauthorized:
		return ErrUnauthorized
	case code == http.StatusNotFound:
		return ErrNotFound
	case code == http.StatusUnprocessableEntity:
		return ErrInvalidContentType
	case code == http.StatusTooManyRequests:
		return ErrSlowDown
	case code >= 500:
		return ErrInternalServerError
	}
	return ErrUnknown
}

// Schema tells which of the guide's two error body shapes an error had.
type Schema string

// The error body shapes.
const (
	SchemaSimple   Schema = "simple"   // {"error": "invalid_client"}
	SchemaDetailed Schema = "detailed" // {"code": 409, "errors": [...], "message": "Channel Paused"}
	SchemaNone     Schema = "none"     // no JSON error body
)

// ErrorDetail is one entry of a detailed error body's "errors".
type ErrorDetail struct {
	Code   int    `json:"code"`
	Status int    `json:"status"`
	Title  string `json:"title"`
	Detail string `json:"detail"`
}

// APIError is a Frame.io C2C error response. Reach it with errors.As; test
// its kind with errors.Is(err, c2c.ErrChannelPaused) or the Kind field.
type APIError struct {
	// Kind is the guide's error type, found by message first, then status.
	Kind ErrorKind
	// StatusCode is the HTTP status.
	StatusCode int
	// Message is the body's "error" (simple) or "message" (detailed).
	Message string
	// Schema is the shape of the body.
	Schema Schema
	// Details are the detailed body's "errors".
	Details []ErrorDetail
	// Method and Path identify the call (a path, never a query string).
	Method, Path string
	// RequestID is the server's request id header, when present.
	RequestID string
	// Attempts is how many attempts were made, retries included.
	Attempts int
}

// Error describes the failure without any credential.
func (e *APIError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "c2c: %s %s: %d", e.Method, e.Path, e.StatusCode)
	if e.Message != "" {
		b.WriteString(" " + e.Message)
	}
	for _, d := range e.Details {
		if d.Detail != "" && d.Detail != e.Message {
			b.WriteString(": " + d.Detail)
			break
		}
	}
	fmt.Fprintf(&b, " (%s", string(e.Kind))
	if e.Attempts > 1 {
		fmt.Fprintf(&b, ", %d attempts", e.Attempts)
	}
	b.WriteString(")")
	if e.RequestID != "" {
		b.WriteString(" request id " + e.RequestID)
	}
	return b.String()
}

// Is reports whether target is e's kind.
func (e *APIError) Is(target error) bool {
	k, ok := target.(ErrorKind)
	return ok && k == e.Kind
}

// parseAPIError builds the error for a Frame.io response with status >= 400.
// scrub removes credentials the server might echo back.
func parseAPIError(method, path string, resp *http.Response, body []byte, scrub func(string) string) *APIError {
	e := &APIError{StatusCode: resp.StatusCode, Method: method, Path: path, Schema: SchemaNone,
		RequestID: resp.Header.Get("X-Request-Id")}
	var payload struct {
		Error   *string       `json:"error"`
		Message *string       `json:"message"`
		Errors  []ErrorDetail `json:"errors"`
	}
	if json.Unmarshal(body, &payload) == nil {
		switch {
		case payload.Error != nil:
			e.Schema, e.Message = SchemaSimple, *payload.Error
		case payload.Message != nil || payload.Errors != nil:
			e.Schema, e.Details = SchemaDetailed, payload.Errors
			if payload.Message != nil {
				e.Message = *payload.Message
			} else if len(payload.Errors) > 0 {
				e.Message = payload.Errors[0].Title
			}
		}
	}
	e.Message = scrub(e.Message)
	for i := range e.Details {
		e.Details[i].Title, e.Details[i].Detail = scrub(e.Details[i].Title), scrub(e.Details[i].Detail)
	}
	e.Kind = messageKinds[e.Message]
	if e.Kind == "" {
		for _, d := range e.Details {
			if k := messageKinds[d.Title]; k != "" {
				e.Kind = k
				break
			}
		}
	}
	if e.Kind == "" {
		e.Kind = statusKind(e.StatusCode)
	}
	return e
}

// StatusError is a success status other than the documented one, or a
// 1xx/3xx answer: the guide's UnexpectedStatusError.
type StatusError struct {
	Method, Path       string
	Expected, Received int
}

// Error describes the mismatch.
func (e *StatusError) Error() string {
	return fmt.Sprintf("c2c: %s %s: expected status %d, received %d", e.Method, e.Path, e.Expected, e.Received)
}

// Is matches ErrUnexpectedStatus.
func (e *StatusError) Is(target error) bool { return target == ErrUnexpectedStatus }

// NetworkError is a failure to reach the server or to read its answer
// (connection refused or reset, timeouts, bodies cut short). It may mean
// Frame.io is unreachable, so the client checks /health before its next
// call.
type NetworkError struct {
	// Op is "POST /v2/devices/assets" or "PUT s3host/parts/..." (never a query).
	Op  string
	Err error
}

// Error describes the failure.
func (e *NetworkError) Error() string { return "c2c: " + e.Op + ": " + e.Err.Error() }

// Unwrap returns the transport error.
func (e *NetworkError) Unwrap() error { return e.Err }
