package c2c

import (
	"context"
	"encoding/xml"
	"errors"
	"fmt"
	"net/http"

	"github.com/frameio-go/frameio-go/internal/retry"
)

// S3Error is an error answer of the object store to a chunk PUT, in AWS's
// XML format (<Error><Code>SlowDown</Code>...). The presigned URL is never
// part of it: Host and Path only.
type S3Error struct {
	StatusCode int
	// Code is the XML Code element ("RequestTimeout"), empty when the body
	// was not S3 XML.
	Code      string
	Message   string
	RequestID string
	Host      string
	Path      string
	Attempts  int
}

// Error describes the failure.
func (e *S3Error) Error() string {
	code := e.Code
	if code == "" {
		code = http.StatusText(e.StatusCode)
	}
	s := fmt.Sprintf("c2c: PUT %s%s: %d %s", e.Host, e.Path, e.StatusCode, code)
	if e.Message != "" {
		s += ": " + e.Message
	}
	if e.Attempts > 1 {
		s += fmt.Sprintf(" (%d attempts)", e.Attempts)
	}
	return s
}

func parseS3Error(resp *http.Response, body []byte, scrub func(string) string) *S3Error {
	e := &S3Error{StatusCode: resp.StatusCode, Host: resp.Request.URL.Host, Path: resp.Request.URL.Path}
	var x struct {
		Code      string `xml:"Code"`
		Message   string `xml:"Message"`
		RequestID string `xml:"RequestId"`
	}
	if xml.Unmarshal(body, &x) == nil {
		e.Code, e.Message, e.RequestID = x.Code, scrub(x.Message), x.RequestID
	}
	return e
}

// Retry is how often an error may be retried: the "retry" column of the
// guide's tables.
type Retry int

// The retry decisions.
const (
	// RetryNo: fatal, never retried (409 Channel Paused, invalid_client, ...).
	RetryNo Retry = iota
	// RetryOnce: retried a single time ("when in doubt, retry once").
	RetryOnce
	// RetryYes: retried up to the attempt limit with exponential backoff.
	RetryYes
	// RetryRefresh: a 401 on an authorized call: refresh the access token,
	// then retry once; a second 401 is fatal.
	RetryRefresh
)

// String names the decision as the guide's tables do.
func (r Retry) String() string {
	return [...]string{"no", "once", "yes", "refresh"}[r]
}

// kindRetry is the retry column of the guide's message and status tables.
// Where they disagree the decision is noted:
//   - 500 is "yes" in the status table and "retry once" in its description;
//     the table wins (AWS InternalError, which the guide equates with it, is
//     "yes" too), and every 5xx is treated alike.
//   - 404 is absent from the status table; the example retry handler
//     retries NotFoundError many times (a 404 may come from an
//     intermediary), so it is "yes".
//   - unauthorized_client is "yes*" and Not Authorized / 401 "no": both mean
//     refresh first, so a 401 gets one refresh and one retry.
//   - the example handler retries UnknownAPIError many times, but the guide's
//     rule "when in doubt, retry once" decides: unknown errors get one retry.
var kindRetry = map[ErrorKind]Retry{
	ErrAccessDenied:         RetryOnce,
	ErrAuthorizationPending: RetryYes,
	ErrChannelPaused:        RetryNo,
	ErrExpiredToken:         RetryNo,
	ErrInvalidArgument:      RetryNo,
	ErrInvalidClient:        RetryNo,
	ErrInvalidClientVersion: RetryNo,
	ErrInvalidGrant:         RetryNo,
	ErrInvalidRequest:       RetryOnce,
	ErrUnauthorized:         RetryRefresh,
	ErrSlowDown:             RetryYes,
	ErrInvalidContentType:   RetryNo,
	ErrNotFound:             RetryYes,
	ErrAlreadyExists:        RetryNo,
	ErrInternalServerError:  RetryYes,
	ErrUnknown:              RetryOnce,
}

// s3Retry is the guide's AWS table; every other code is retried once.
var s3Retry = map[string]Retry{
	"InternalError":      RetryYes,
	"OperationAborted":   RetryYes,
	"RequestTimeout":     RetryYes,
	"ServiceUnavailable": RetryYes,
	"SlowDown":           RetryYes,
}

// RetryOf returns the retry decision for an error returned by one attempt.
// Context errors and network errors that a new attempt cannot fix
// (retry.Permanent: an untrusted or mismatched certificate, a server that
// does not speak TLS on an https URL, a host that does not exist) are
// never retried; other network errors are retried (and make the client
// check /health first).
func RetryOf(err error) Retry {
	var api *APIError
	var s3 *S3Error
	var net *NetworkError
	switch {
	case err == nil:
		return RetryNo
	case errors.Is(err, ErrPairingRequired), errors.Is(err, ErrTokenNotSaved), errors.Is(err, ErrDisconnected):
		return RetryNo // these may wrap the API error that caused them
	case errors.Is(err, context.Canceled), errors.Is(err, context.DeadlineExceeded) && !errors.As(err, &net):
		return RetryNo
	case errors.As(err, &api):
		if r, ok := kindRetry[api.Kind]; ok {
			return r
		}
		return RetryOnce
	case errors.As(err, &s3):
		if r, ok := s3Retry[s3.Code]; ok {
			return r
		}
		if s3.Code == "" && s3.StatusCode >= 500 {
			return RetryYes
		}
		return RetryOnce
	case errors.As(err, &net):
		if retry.Permanent(err) {
			return RetryNo
		}
		return RetryYes
	}
	var k ErrorKind
	if errors.As(err, &k) {
		if r, ok := kindRetry[k]; ok {
			return r
		}
		// ErrPairingRequired, ErrDisconnected and ErrTokenNotSaved never
		// get here: the errors.Is case above has returned RetryNo.
		if k == ErrUploadTooLarge || k == ErrPairingCodesExhausted {
			return RetryNo
		}
	}
	return RetryOnce
}
