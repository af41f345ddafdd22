package auth

import (
	"context"
	"errors"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestErrorMessagesAndInterface(t *testing.T) {
	cause := errors.New("dial tcp: connection refused")
	cases := []struct {
		err  Error
		want string
	}{
		{&ConfigError{Field: "clientID", Reason: "must not be empty"}, "auth: invalid configuration: clientID: must not be empty"},
		{&AuthenticationError{Op: "refresh_token", StatusCode: 401, Code: "invalid_client", Description: "bad"}, "auth: IMS rejected refresh_token request (HTTP 401): invalid_client: bad"},
		{&AuthenticationError{Op: "revoke access_token"}, "auth: IMS rejected revoke access_token request"},
		{&TokenExpiredError{Code: "invalid_grant", Description: "expired"}, "auth: refresh token expired or invalid, sign in again: invalid_grant: expired"},
		{&NotAuthenticatedError{Reason: "no refresh token"}, "auth: not authenticated: no refresh token"},
		{&NetworkError{Attempts: 3, StatusCode: 503}, "auth: IMS unavailable after 3 attempt(s): HTTP 503"},
		{&NetworkError{Attempts: 1, err: cause}, "auth: IMS request failed after 1 attempt(s): dial tcp: connection refused"},
		{&RateLimitError{}, "auth: rate limited by IMS"},
		{&CallbackError{Code: "access_denied", Description: "no"}, "auth: authorization failed: access_denied: no"},
		{&CallbackError{Description: "state mismatch"}, "auth: authorization failed: state mismatch"},
	}
	for _, tc := range cases {
		assert.Equal(t, tc.want, tc.err.Error())
		tc.err.authError() // marker method
		var target Error
		assert.True(t, errors.As(tc.err, &target))
	}
	assert.ErrorIs(t, &NetworkError{err: cause}, cause)
	assert.Nil(t, (&TokenExpiredError{}).Unwrap())
}

func TestClassifyContextErrors(t *testing.T) {
	var netErr *NetworkError
	require.ErrorAs(t, classify(opRefreshToken, context.DeadlineExceeded), &netErr)
	assert.ErrorIs(t, netErr, context.DeadlineExceeded)
	assert.Nil(t, classify(opRefreshToken, nil))
	assert.True(t, isDeadRefreshToken("invalid_token"))
	assert.False(t, isDeadRefreshToken("invalid_client"))
}
