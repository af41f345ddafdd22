package frameio

import (
	"errors"
	"net/http"
	"strings"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// recorder is a middleware that notes each request it sees, as
// "<name> <attempt header>", and the status of each response.
type recorder struct {
	mu   sync.Mutex
	seen []string
}

func (rec *recorder) middleware(name string) Middleware {
	return func(req *http.Request, next MiddlewareNext) (*http.Response, error) {
		rec.mu.Lock()
		rec.seen = append(rec.seen, name+" > "+req.Header.Get("X-Seen"))
		rec.mu.Unlock()
		req.Header.Set("X-Seen", strings.TrimSpace(req.Header.Get("X-Seen")+" "+name))
		resp, err := next(req)
		if resp != nil {
			rec.mu.Lock()
			rec.seen = append(rec.seen, name+" < "+resp.Status[:3])
			rec.mu.Unlock()
		}
		return resp, err
	}
}

// TestMiddlewareSeesEveryAttempt: a retried call passes through the
// client's and the call's middleware once per attempt, in order, and what a
// middleware sets reaches the server.
func TestMiddlewareSeesEveryAttempt(t *testing.T) {
	var n atomic.Int32
	var got []string
	rec := &recorder{}
	env := newTestEnv(t, func(w http.ResponseWriter, r *http.Request) {
		got = append(got, r.Header.Get("X-Seen"))
		if n.Add(1) < 3 {
			w.WriteHeader(http.StatusServiceUnavailable)
			return
		}
		w.WriteHeader(http.StatusOK)
	}, WithMiddleware(rec.middleware("client")))
	require.NoError(t, env.client.Do(t.Context(), http.MethodGet, "/v4/x", nil, nil, WithMiddleware(rec.middleware("call"))))

	assert.EqualValues(t, 3, n.Load())
	assert.Equal(t, []string{"client call", "client call", "client call"}, got, "a fresh request each attempt")
	assert.Equal(t, []string{
		"client > ", "call > client", "call < 503", "client < 503",
		"client > ", "call > client", "call < 503", "client < 503",
		"client > ", "call > client", "call < 200", "client < 200",
	}, rec.seen)

	// The call's middleware stayed with the call.
	rec.seen = nil
	n.Store(2)
	require.NoError(t, env.client.Do(t.Context(), http.MethodGet, "/v4/x", nil, nil))
	assert.Equal(t, []string{"client > ", "client < 200"}, rec.seen)
}

// TestMiddlewareAnswersAndFails: a middleware may answer without calling
// next, and its error is a transport error of the attempt.
func TestMiddlewareAnswersAndFails(t *testing.T) {
	env := newTestEnv(t, status(http.StatusOK, `{"data":{"id":"real"}}`))
	cached := func(req *http.Request, _ MiddlewareNext) (*http.Response, error) {
		return &http.Response{StatusCode: http.StatusOK, Header: http.Header{"Content-Type": {"application/json"}},
			Body: http.NoBody, Request: req}, nil
	}
	require.NoError(t, env.client.Do(t.Context(), http.MethodGet, "/v4/x", nil, nil, WithMiddleware(cached)))
	assert.Zero(t, env.hits.Load())

	boom := errors.New("policy says no")
	calls := 0
	refuse := func(*http.Request, MiddlewareNext) (*http.Response, error) { calls++; return nil, boom }
	err := env.client.Do(t.Context(), http.MethodGet, "/v4/x", nil, nil, WithMiddleware(refuse))
	require.ErrorIs(t, err, boom)
	_, ok := errors.AsType[*RequestError](err)
	assert.True(t, ok)
	assert.Equal(t, 3, calls, "retried as a transport error of a GET")
	assert.Zero(t, env.hits.Load())

	_, err = NewClient(WithToken("t"), WithMiddleware(nil))
	assert.ErrorContains(t, err, "middleware is nil")
}
