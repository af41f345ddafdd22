package frameio

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/oauth2"

	"github.com/frameio-go/frameio-go/internal/testutil"
)

// An attempt gets a context of its own only when it needs one: with a
// deadline before the attempt timeout's, or no attempt timeout, the
// request carries the caller's context itself; otherwise its deadline is
// the attempt timeout's.
func TestAttemptContextOnlyWhenNeeded(t *testing.T) {
	var seen atomic.Pointer[http.Request]
	record := func(r *http.Request, next MiddlewareNext) (*http.Response, error) {
		seen.Store(r)
		return next(r)
	}
	env := newTestEnv(t, status(200, `{}`), WithMiddleware(record))
	call := func(ctx context.Context, opts ...RequestOption) context.Context {
		require.NoError(t, env.client.Do(ctx, http.MethodGet, "/v4/x", nil, nil, opts...))
		return seen.Load().Context()
	}

	soon, cancel := context.WithTimeout(t.Context(), 10*time.Second)
	defer cancel()
	assert.Equal(t, soon, call(soon), "the deadline comes before the attempt timeout's")
	assert.Equal(t, soon, call(soon, WithTimeout(time.Minute)), "and before the call timeout's")
	assert.Equal(t, t.Context(), call(t.Context(), WithAttemptTimeout(0)), "no attempt timeout")

	start := time.Now()
	dl, ok := call(t.Context()).Deadline()
	require.True(t, ok)
	assert.WithinRange(t, dl, start.Add(DefaultAttemptTimeout), time.Now().Add(DefaultAttemptTimeout))
	dl, ok = call(soon, WithAttemptTimeout(time.Second)).Deadline()
	require.True(t, ok)
	assert.True(t, dl.Before(time.Now().Add(time.Second)), "the attempt's own deadline")
}

// A call's options are applied once for a whole iteration, not once per
// page; every page still gets its own attempt timeout and response.
func TestPaginationAppliesOptionsOnce(t *testing.T) {
	pages := 0
	env := newTestEnv(t, func(w http.ResponseWriter, r *http.Request) {
		pages++
		next := "null"
		if pages < 3 {
			next = fmt.Sprintf(`"/v4/accounts?after=%d"`, pages)
		}
		status(200, `{"data":[{"id":"a"}],"links":{"next":`+next+`}}`)(w, r)
	})
	var applied atomic.Int32
	count := func(*requestConfig) error { applied.Add(1); return nil }
	n := 0
	for p, err := range env.client.Accounts.IndexPages(t.Context(), nil, count, WithHeader("X-Page", "all")) {
		require.NoError(t, err)
		n++
		require.NotNil(t, p.Response)
		assert.Empty(t, p.Response.Request.Header.Get("Authorization"), "a page's response carries no token")
		assert.Equal(t, "all", p.Response.Request.Header.Get("X-Page"))
		b, err := io.ReadAll(p.Response.Body)
		require.NoError(t, err)
		assert.Contains(t, string(b), `"id":"a"`, "the body can be read again")
	}
	assert.Equal(t, 3, n)
	assert.EqualValues(t, 1, applied.Load())
}

// rotatingTokens hands out a new token on every call.
type rotatingTokens struct{ n atomic.Int32 }

func (s *rotatingTokens) Token() (*oauth2.Token, error) {
	return &oauth2.Token{AccessToken: fmt.Sprintf("%s-%d", testToken, s.n.Add(1))}, nil
}

// Every attempt sends the token its source just gave, and a Client that
// sent tokens does not print them.
func TestEveryAttemptSendsItsToken(t *testing.T) {
	var got []string
	env := newTestEnv(t, func(w http.ResponseWriter, r *http.Request) {
		got = append(got, r.Header.Get("Authorization"))
		w.WriteHeader(http.StatusServiceUnavailable)
	}, WithTokenSource(&rotatingTokens{}))
	_ = env.client.Do(t.Context(), http.MethodGet, "/v4/x", nil, nil)
	_ = env.client.Do(t.Context(), http.MethodGet, "/v4/x", nil, nil, WithMaxRetries(0), WithToken(testToken))
	assert.Equal(t, []string{
		"Bearer " + testToken + "-1", "Bearer " + testToken + "-2", "Bearer " + testToken + "-3", "Bearer " + testToken,
	}, got)
	assert.NotContains(t, testutil.PrintValue(env.client), testToken)
}
