package auth

import (
	"fmt"
	"strings"
	"time"
)

// Error is implemented by every error type of this package, so callers can
// catch all authentication failures at once:
//
//	var authErr auth.Error
//	if errors.As(err, &authErr) { ... }
type Error interface {
	error
	authError()
}

// ConfigError reports missing or invalid configuration, such as an empty
// client ID, an empty client secret for a confidential client, or a
// non-HTTPS IMS base URL or redirect URI.
type ConfigError struct {
	// Field names the offending setting, e.g. "clientID" or "redirectURI".
	Field string
	// Reason explains what is wrong with it.
	Reason string
}

// Error implements the error interface.
func (e *ConfigError) Error() string {
	return fmt.Sprintf("auth: invalid configuration: %s: %s", e.Field, e.Reason)
}

func (*ConfigError) authError() {}

// AuthenticationError reports that IMS rejected a token request (code
// exchange, client credentials, refresh or revocation), or answered it with
// something that is not a usable token.
type AuthenticationError struct {
	// Op is the rejected operation: "client_credentials",
	// "authorization_code", "refresh_token", "revoke access_token" or
	// "revoke refresh_token".
	Op string
	// StatusCode is the HTTP status returned by IMS, if any.
	StatusCode int
	// Code is the IMS "error" field, e.g. "invalid_client".
	Code string
	// Description is the IMS "error_description" field.
	Description string

	cause error
}

// Error implements the error interface.
func (e *AuthenticationError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "auth: IMS rejected %s request", e.Op)
	if e.StatusCode != 0 {
		fmt.Fprintf(&b, " (HTTP %d)", e.StatusCode)
	}
	if e.Code != "" {
		fmt.Fprintf(&b, ": %s", e.Code)
	}
	if e.Description != "" {
		fmt.Fprintf(&b, ": %s", e.Description)
	}
	return b.String()
}

// Unwrap returns the underlying error, typically an [*oauth2.RetrieveError].
func (e *AuthenticationError) Unwrap() error { return e.cause }

func (*AuthenticationError) authError() {}

// TokenExpiredError reports that IMS refused the refresh token because it
// expired or was revoked. The user must sign in again; local token state has
// been cleared.
type TokenExpiredError struct {
	// Code is the IMS "error" field, e.g. "invalid_grant".
	Code string
	// Description is the IMS "error_description" field.
	Description string

	cause error
}

// Error implements the error interface.
func (e *TokenExpiredError) Error() string {
	s := "auth: refresh token expired or invalid, sign in again"
	if e.Code != "" {
		s += ": " + e.Code
	}
	if e.Description != "" {
		s += ": " + e.Description
	}
	return s
}

// Unwrap returns the underlying error, typically an [*oauth2.RetrieveError].
func (e *TokenExpiredError) Unwrap() error { return e.cause }

func (*TokenExpiredError) authError() {}

// NotAuthenticatedError reports that no usable token is available locally:
// the authorization code was never exchanged, the tokens were revoked, or an
// access token was imported without a refresh token and has expired.
type NotAuthenticatedError struct {
	// Reason explains why no token is available.
	Reason string
}

// Error implements the error interface.
func (e *NotAuthenticatedError) Error() string {
	return "auth: not authenticated: " + e.Reason
}

func (*NotAuthenticatedError) authError() {}

// NetworkError reports that IMS could not be reached, timed out, or kept
// answering with server errors (5xx, 408) after all retries.
type NetworkError struct {
	// Attempts is the number of requests sent.
	Attempts int
	// StatusCode is the last HTTP status received, or 0 when the last
	// attempt failed without a response.
	StatusCode int

	err error
}

// Error implements the error interface.
func (e *NetworkError) Error() string {
	if e.StatusCode != 0 {
		return fmt.Sprintf("auth: IMS unavailable after %d attempt(s): HTTP %d", e.Attempts, e.StatusCode)
	}
	return fmt.Sprintf("auth: IMS request failed after %d attempt(s): %v", e.Attempts, e.err)
}

// Unwrap returns the transport error, if any. errors.Is(err,
// context.DeadlineExceeded) reports a timeout.
func (e *NetworkError) Unwrap() error { return e.err }

func (*NetworkError) authError() {}

// RateLimitError reports that IMS answered 429 Too Many Requests and the
// package did not (or no longer) retry.
type RateLimitError struct {
	// RetryAfter is the wait IMS asked for, or 0 if it did not say.
	RetryAfter time.Duration
	// Attempts is the number of requests sent.
	Attempts int
}

// Error implements the error interface.
func (e *RateLimitError) Error() string {
	if e.RetryAfter > 0 {
		return fmt.Sprintf("auth: rate limited by IMS, retry after %s", e.RetryAfter)
	}
	return "auth: rate limited by IMS"
}

func (*RateLimitError) authError() {}

// CallbackError reports a failed authorization redirect, received by the
// loopback callback server or passed to [WebApp.ExchangeCallback]: IMS
// redirected with an error, the code was missing, or (ExchangeCallback
// only: the loopback server ignores such requests) the state did not match.
type CallbackError struct {
	// Code is the "error" query parameter sent by IMS, if any, e.g.
	// "access_denied".
	Code string
	// Description is the "error_description" query parameter, or a
	// description of the local failure.
	Description string
}

// Error implements the error interface.
func (e *CallbackError) Error() string {
	if e.Code != "" {
		return fmt.Sprintf("auth: authorization failed: %s: %s", e.Code, e.Description)
	}
	return "auth: authorization failed: " + e.Description
}

func (*CallbackError) authError() {}
