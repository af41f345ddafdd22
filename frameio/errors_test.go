package frameio

import (
	"errors"
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestErrorDecodesDocumentedSchema(t *testing.T) {
	env := newTestEnv(t, func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("X-Request-Id", "req-123")
		w.WriteHeader(422)
		_, _ = w.Write([]byte(`{"errors":[{"detail":"Unexpected field: foo","source":{"pointer":"/data/foo"},"title":"Invalid value"},{"title":"Other"}]}`))
	})
	err := env.client.Do(t.Context(), http.MethodPost, "/v4/accounts/a/files?access_token=leak", map[string]int{"foo": 1}, nil)
	var apiErr *Error
	require.ErrorAs(t, err, &apiErr)
	assert.True(t, IsValidation(err))
	assert.Equal(t, 422, apiErr.StatusCode)
	assert.Equal(t, http.MethodPost, apiErr.Method)
	assert.Equal(t, "req-123", apiErr.RequestID)
	require.Len(t, apiErr.Errors, 2)
	assert.Equal(t, ErrorDetail{Title: "Invalid value", Detail: "Unexpected field: foo", Source: &ErrorSource{Pointer: "/data/foo"}}, apiErr.Errors[0])
	assert.Nil(t, apiErr.RateLimit)
	assert.Equal(t, "req-123", apiErr.Header.Get("X-Request-Id"))
	msg := err.Error()
	assert.Contains(t, msg, "422 Unprocessable Entity")
	assert.Contains(t, msg, "Invalid value: Unexpected field: foo (at /data/foo); Other")
	assert.Contains(t, msg, "(request id req-123)")
	assert.Contains(t, msg, "/v4/accounts/a/files?access_token=REDACTED")
	assert.NotContains(t, msg, "leak")
}

func TestErrorFromUnusualBodies(t *testing.T) {
	cases := map[string]struct {
		body    string
		wantMsg string
	}{
		"empty":      {"", "frameio: GET "},
		"garbage":    {"<html>\n<b>Bad   Gateway</b></html>", "502 Bad Gateway: <html> <b>Bad Gateway</b></html>"},
		"truncated":  {`{"errors":[{"detail":"cut`, `{"errors":[{"detail":"cut`},
		"wrong json": {`{"message":"x"}`, `{"message":"x"}`},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			env := newTestEnv(t, status(502, tc.body), WithMaxRetries(0))
			err := env.client.Do(t.Context(), http.MethodGet, "/v4/x", nil, nil)
			apiErr, ok := errors.AsType[*Error](err)
			require.True(t, ok)
			assert.Equal(t, tc.body, string(apiErr.Body))
			assert.Empty(t, apiErr.Errors)
			assert.Contains(t, err.Error(), tc.wantMsg)
			assert.True(t, IsServerError(err))
		})
	}
}

func TestErrorBodyCutShortByConnection(t *testing.T) {
	env := newTestEnv(t, func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Length", "500")
		w.WriteHeader(404)
		_, _ = w.Write([]byte(`{"errors":[{"title":"Not fo`))
	})
	err := env.client.Do(t.Context(), http.MethodGet, "/v4/x", nil, nil)
	assert.True(t, IsNotFound(err))
	apiErr, _ := errors.AsType[*Error](err)
	assert.Equal(t, `{"errors":[{"title":"Not fo`, string(apiErr.Body))
}

func TestErrorBodyBounded(t *testing.T) {
	big := strings.Repeat("x", maxErrorBody*2)
	env := newTestEnv(t, status(400, big))
	err := env.client.Do(t.Context(), http.MethodGet, "/v4/x", nil, nil)
	apiErr, ok := errors.AsType[*Error](err)
	require.True(t, ok)
	assert.Len(t, apiErr.Body, maxErrorBody)
	assert.Less(t, len(err.Error()), 600)
}

func TestErrorNeverContainsToken(t *testing.T) {
	env := newTestEnv(t, func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(401)
		fmt.Fprintf(w, `{"errors":[{"title":"bad token","detail":"%s"}]}`, r.Header.Get("Authorization"))
	})
	err := env.client.Do(t.Context(), http.MethodGet, "/v4/x", nil, nil)
	require.True(t, IsUnauthorized(err))
	assert.NotContains(t, err.Error(), testToken)
	assert.Contains(t, err.Error(), "[REDACTED]")
}

func TestErrorHelpersOnOtherErrors(t *testing.T) {
	plain := errors.New("x")
	assert.Equal(t, 0, StatusCode(plain))
	assert.Equal(t, 0, StatusCode(nil))
	assert.False(t, IsNotFound(plain))
	wrapped := fmt.Errorf("ctx: %w", &Error{StatusCode: 409})
	assert.True(t, IsConflict(wrapped))
	assert.True(t, IsForbidden(&Error{StatusCode: 403}))
}

func TestErrorDetailString(t *testing.T) {
	assert.Equal(t, "only detail", ErrorDetail{Detail: "only detail"}.String())
	assert.Equal(t, "t (parameter page_size)", ErrorDetail{Title: "t", Source: &ErrorSource{Parameter: "page_size"}}.String())
	assert.Equal(t, "t", ErrorDetail{Title: "t", Source: &ErrorSource{}}.String())
}

func TestRequestErrorFormatting(t *testing.T) {
	e := &RequestError{Method: "GET", URL: "u", Attempts: 1, Err: errors.New("boom")}
	assert.Equal(t, "frameio: GET u: boom (after 1 attempt)", e.Error())
	assert.Len(t, e.Unwrap(), 1)
}
