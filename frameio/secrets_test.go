package frameio

import (
	"errors"
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/frameio-go/frameio-go/internal/testutil"
)

// A server that echoes the bearer token, in an error body or in a
// malformed success body, must not get it printed by any verb.
func TestErrorsNeverPrintTheToken(t *testing.T) {
	echo := func(code int, prefix string) http.HandlerFunc {
		return func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("X-Echo", r.Header.Get("Authorization"))
			w.WriteHeader(code)
			_, _ = w.Write([]byte(prefix + r.Header.Get("Authorization") + `"}]}`))
		}
	}
	cases := map[string]struct {
		h     http.HandlerFunc
		check func(t *testing.T, err error)
	}{
		"error body": {echo(401, `{"errors":[{"detail":"bad token `), func(t *testing.T, err error) {
			e, ok := errors.AsType[*Error](err)
			require.True(t, ok)
			assert.Contains(t, e.Errors[0].Detail, "[REDACTED]")
		}},
		"malformed 2xx body": {echo(200, `{"data": oops `), func(t *testing.T, err error) {
			_, ok := errors.AsType[*DecodeError](err)
			require.True(t, ok)
		}},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			env := newTestEnv(t, tc.h, WithMaxRetries(0))
			var out map[string]any
			err := env.client.Do(t.Context(), http.MethodGet, "/v4/me", nil, &out)
			require.Error(t, err)
			tc.check(t, err)
			printed := testutil.PrintError(err)
			assert.NotContains(t, printed, testToken)
			assert.Contains(t, printed, "[REDACTED]", "the echo is still visible as redacted")
			assert.NotContains(t, string(bodyOf(err)), testToken, "the kept body is scrubbed too")
		})
	}
}

// bodyOf returns the body kept by an *Error or a *DecodeError in err.
func bodyOf(err error) []byte {
	if e, ok := errors.AsType[*Error](err); ok {
		return e.Body
	}
	if e, ok := errors.AsType[*DecodeError](err); ok {
		return e.Body
	}
	return nil
}

// A Client printed by mistake (fmt, slog) does not show its token.
func TestClientNeverPrintsItsToken(t *testing.T) {
	c, err := NewClient(WithToken(testToken))
	require.NoError(t, err)
	assert.NotContains(t, testutil.PrintValue(c), testToken)
}

// Where a body is cut (the 64 KiB limit of an error body, or a 2xx body cut
// off by the network) no piece of an echoed token is kept.
func TestCutBodiesNeverKeepPartOfTheToken(t *testing.T) {
	half := testToken[:len(testToken)/2]
	env := newTestEnv(t, func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusBadRequest)
		_, _ = w.Write([]byte(strings.Repeat("x", maxErrorBody-8) + testToken + strings.Repeat("y", 100)))
	}, WithMaxRetries(0))
	err := env.client.Do(t.Context(), http.MethodGet, "/v4/x", nil, nil)
	e, ok := errors.AsType[*Error](err)
	require.True(t, ok)
	assert.Len(t, e.Body, maxErrorBody)
	assert.NotContains(t, string(e.Body), half)

	env = newTestEnv(t, func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Length", "200")
		w.WriteHeader(http.StatusCreated)
		_, _ = w.Write([]byte(`{"data":{"echo":"` + half))
	}, WithMaxRetries(0))
	err = env.client.Do(t.Context(), http.MethodPost, "/v4/x", map[string]any{}, nil)
	re, ok := errors.AsType[*RequestError](err)
	require.True(t, ok, "%T %v", err, err)
	assert.Equal(t, `{"data":{"echo":"[REDACTED]`, string(re.Body))

	// An error body the network cuts in the middle of the echoed token.
	env = newTestEnv(t, func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Length", "200")
		w.WriteHeader(http.StatusBadRequest)
		_, _ = w.Write([]byte(`{"errors":[{"detail":"` + half))
	}, WithMaxRetries(0))
	err = env.client.Do(t.Context(), http.MethodGet, "/v4/x", nil, nil)
	e, ok = errors.AsType[*Error](err)
	require.True(t, ok, "%T %v", err, err)
	assert.Equal(t, `{"errors":[{"detail":"[REDACTED]`, string(e.Body))
}

// A malformed path given to Do is reported without its query string, which
// may carry a credential.
func TestInvalidPathErrorHidesTheQuery(t *testing.T) {
	env := newTestEnv(t, status(200, `{}`))
	err := env.client.Do(t.Context(), http.MethodGet, "/v4/x\x7f?access_token=tok-QUERY-SECRET-123", nil, nil)
	var pe *InvalidParamError
	require.ErrorAs(t, err, &pe)
	assert.Equal(t, "path", pe.Param)
	assert.Contains(t, err.Error(), "invalid control character")
	assert.NotContains(t, testutil.PrintError(err), "tok-QUERY-SECRET-123")
	assert.Zero(t, env.hits.Load())
}

// WithRedaction hides more values from a call's errors, as the token is
// hidden: a credential sent in the body and echoed back, say.
func TestWithRedactionHidesEchoedValues(t *testing.T) {
	const sent = "sent-SECRET-value-42"
	env := newTestEnv(t, func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		w.WriteHeader(http.StatusUnprocessableEntity)
		_, _ = w.Write([]byte(`{"errors":[{"detail":"bad body ` + strings.ReplaceAll(string(b), `"`, `'`) + `"}]}`))
	}, WithMaxRetries(0), WithRedaction("", sent))
	err := env.client.Do(t.Context(), http.MethodPost, "/v4/x", map[string]string{"url": sent}, nil)
	require.Error(t, err)
	assert.NotContains(t, testutil.PrintError(err), sent)
	assert.NotContains(t, string(bodyOf(err)), sent)
	assert.Contains(t, err.Error(), "[REDACTED]")
}
