package auth

import (
	"context"
	"errors"

	"golang.org/x/oauth2"

	"github.com/frameio-go/frameio-go/internal/redact"
)

// Operations, as reported by [AuthenticationError.Op].
const (
	opClientCredentials = "client_credentials"
	opAuthorizationCode = "authorization_code"
	opRefreshToken      = "refresh_token"
	opRevoke            = "revoke"
)

// classify turns an error from golang.org/x/oauth2 or the retry transport
// into one of the package's typed errors. It never copies response bodies
// into the error string, and scrubs secrets (what the request sent: code,
// refresh token, client secret, verifier) from the IMS error fields and
// from the message of the error it keeps as the cause, should IMS echo
// them.
func classify(op string, err error, secrets ...string) error {
	if err == nil {
		return nil
	}
	s := redact.Secrets{}.Add(secrets...)
	err = s.Err(err)
	var (
		netErr  *NetworkError
		rateErr *RateLimitError
		retErr  *oauth2.RetrieveError
	)
	switch {
	case errors.As(err, &netErr):
		return netErr
	case errors.As(err, &rateErr):
		return rateErr
	case errors.As(err, &retErr):
		status := 0
		if retErr.Response != nil {
			status = retErr.Response.StatusCode
		}
		if op == opRefreshToken && isDeadRefreshToken(retErr.ErrorCode) {
			return &TokenExpiredError{Code: s.Scrub(retErr.ErrorCode), Description: s.Scrub(retErr.ErrorDescription), cause: err}
		}
		return &AuthenticationError{Op: op, StatusCode: status, Code: s.Scrub(retErr.ErrorCode), Description: s.Scrub(retErr.ErrorDescription), cause: err}
	case errors.Is(err, context.Canceled), errors.Is(err, context.DeadlineExceeded):
		return &NetworkError{Attempts: 1, err: err}
	default:
		// Malformed success answers, e.g. "server response missing access_token".
		return &AuthenticationError{Op: op, Description: "unusable token response from IMS", cause: err}
	}
}

// isDeadRefreshToken reports whether an IMS error code on a refresh_token
// grant means the refresh token itself can no longer be used.
func isDeadRefreshToken(code string) bool {
	switch code {
	case "invalid_grant", "invalid_token", "expired_token":
		return true
	}
	return false
}
