package frameio

import (
	"io"
	"log/slog"
	"net/http"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/frameio-go/frameio-go/internal/testutil"
)

// syncBuffer is a bytes.Buffer safe for the concurrent writes of slog.
type syncBuffer = testutil.SyncBuffer

func TestLogsNeverContainToken(t *testing.T) {
	buf := &syncBuffer{}
	logger := slog.New(slog.NewTextHandler(buf, &slog.HandlerOptions{Level: slog.LevelDebug}))
	env := newTestEnv(t, sequence(
		status(503, "echo "+testToken),
		status(401, `{"errors":[{"detail":"Bearer `+testToken+`"}]}`),
	), WithLogger(logger), WithHeader("api-version", "4.0"))
	err := env.client.Do(t.Context(), http.MethodGet, "/v4/accounts/a/files?after=cursor", nil, nil)
	require.Error(t, err)
	require.True(t, IsUnauthorized(env.client.Do(t.Context(), http.MethodGet, "/v4/me", nil, nil, WithMaxRetries(0), WithResponseInto(new(*http.Response)))))

	out := buf.String()
	assert.NotContains(t, out, testToken)
	assert.NotContains(t, out, "Bearer")
	assert.NotContains(t, out, "Authorization")
	assert.NotContains(t, out, "cursor", "query strings are not logged")
	assert.Contains(t, out, "path=/v4/accounts/a/files")
	assert.Contains(t, out, "method=GET")
	assert.Contains(t, out, "attempt=1")
	assert.Contains(t, out, "status=503")
	assert.Contains(t, out, "wait=30s")
	assert.Contains(t, out, "attempt=2")
	assert.Contains(t, out, "status=401")
	assert.Contains(t, out, `msg="frameio: giving up"`)
	assert.Contains(t, out, `reason="not retryable"`)
}

func TestLogsTransportErrors(t *testing.T) {
	buf := &syncBuffer{}
	logger := slog.New(slog.NewTextHandler(buf, &slog.HandlerOptions{Level: slog.LevelDebug}))
	env := newTestEnv(t, resetHandler, WithLogger(logger))
	require.Error(t, env.client.Do(t.Context(), http.MethodGet, "/v4/x", nil, nil))
	out := buf.String()
	assert.Contains(t, out, "error=")
	assert.Contains(t, out, "wait=500ms")
	assert.NotContains(t, out, testToken)
}

func TestSilentByDefault(t *testing.T) {
	c, err := NewClient(WithToken(testToken))
	require.NoError(t, err)
	assert.False(t, c.cfg.logger.Enabled(t.Context(), slog.LevelError))
	require.NoError(t, WithLogger(nil)(&c.cfg))
	assert.False(t, c.cfg.logger.Enabled(t.Context(), slog.LevelError))
}

func TestLogsNonRewindableAndExhausted(t *testing.T) {
	buf := &syncBuffer{}
	logger := slog.New(slog.NewTextHandler(buf, &slog.HandlerOptions{Level: slog.LevelDebug}))
	env := newTestEnv(t, status(500, ""), WithLogger(logger), WithMaxRetries(1))
	_ = env.client.Do(t.Context(), http.MethodGet, "/v4/x", nil, nil)
	assert.Contains(t, buf.String(), "retries exhausted")

	req, err := http.NewRequestWithContext(t.Context(), http.MethodPut, env.client.serverURL()+"/v4/x", io.NopCloser(strings.NewReader("{}")))
	require.NoError(t, err)
	_ = env.client.do(t.Context(), req, nil, nil)
	assert.Contains(t, buf.String(), "body cannot be rewound")

	env2 := newTestEnv(t, func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Retry-After", "86400")
		w.WriteHeader(503)
	}, WithLogger(logger))
	_ = env2.client.Do(t.Context(), http.MethodGet, "/v4/x", nil, nil)
	assert.Contains(t, buf.String(), "longer than MaxRetryAfter")
}
