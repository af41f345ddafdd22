package frameiotest_test

import (
	"context"
	"errors"
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/frameio-go/frameio-go/frameio"
	"github.com/frameio-go/frameio-go/frameiotest"
)

// TestEveryResponseHasARequestID: successes, validation errors, injected
// faults and unknown paths all carry x-request-id, and the rate-limit
// headers on API answers; the SDK reports the id on its errors.
func TestEveryResponseHasARequestID(t *testing.T) {
	srv := frameiotest.NewServer(t, frameiotest.WithAllowViolations())
	ids := map[string]bool{}
	check := func(resp *http.Response, rateLimited bool) {
		t.Helper()
		id := resp.Header.Get("X-Request-Id")
		assert.NotEmpty(t, id, "%s %s", resp.Request.Method, resp.Request.URL)
		assert.False(t, ids[id], "request ids are unique")
		ids[id] = true
		if rateLimited {
			assert.NotEmpty(t, resp.Header.Get("X-Ratelimit-Remaining"), resp.Request.URL.Path)
		}
	}
	resp, _ := do(t, srv, http.MethodGet, "/v4/me", nil)
	check(resp, true)
	resp, _ = do(t, srv, http.MethodGet, "/v4/accounts?page_size=0", nil)
	check(resp, true)
	resp, _ = do(t, srv, http.MethodGet, "/v4/nowhere", nil)
	check(resp, false)
	srv.FailNext(1, http.StatusInternalServerError)
	resp, _ = do(t, srv, http.MethodGet, "/v4/me", nil)
	check(resp, true)

	srv.FailNext(1, http.StatusNotFound)
	var last *http.Response
	_, err := srv.Client().Users.Show(context.Background(), frameio.WithResponseInto(&last))
	apiErr, ok := errors.AsType[*frameio.Error](err)
	require.True(t, ok, "%v", err)
	assert.Equal(t, last.Header.Get("X-Request-Id"), apiErr.RequestID)
	assert.NotEmpty(t, apiErr.RequestID)
}
