package frameio

import (
	"context"
	"errors"
	"io"
	"log"
	"net/http"
	"net/http/httptest"
	"net/url"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestDoSendsHeadersAndDecodes(t *testing.T) {
	var got *http.Request
	var gotBody string
	env := newTestEnv(t, func(w http.ResponseWriter, r *http.Request) {
		got = r.Clone(context.Background())
		b, _ := io.ReadAll(r.Body)
		gotBody = string(b)
		w.Header().Set("x-ratelimit-limit", "5")
		w.Header().Set("x-ratelimit-remaining", "4")
		w.Header().Set("x-ratelimit-window", "1000")
		_, _ = io.WriteString(w, `{"data":{"id":"f1","name":"clip.mov"}}`)
	}, WithHeader("api-version", "4.0"), WithHeader("X-Client", "client"), WithQuery("include", "a"))

	var out struct {
		Data struct{ ID, Name string }
	}
	var resp *http.Response
	err := env.client.Do(t.Context(), http.MethodPost, "/v4/accounts/a1/files?page_size=5", map[string]any{"data": map[string]string{"name": "clip.mov"}}, &out,
		WithHeader("X-Client", "call"), WithQuery("include", "b"), WithResponseInto(&resp))
	require.NoError(t, err)
	assert.Equal(t, "f1", out.Data.ID)
	assert.Equal(t, "Bearer "+testToken, got.Header.Get("Authorization"))
	assert.Equal(t, "4.0", got.Header.Get("api-version"))
	assert.Equal(t, "call", got.Header.Get("X-Client"))
	assert.Equal(t, "application/json", got.Header.Get("Content-Type"))
	assert.NotContains(t, got.Header, "Accept", "no Accept header unless asked for (attemptHeader)")
	assert.Contains(t, got.Header.Get("User-Agent"), "frameio-go/"+Version)
	assert.Equal(t, "page_size=5&include=b", got.URL.RawQuery)
	assert.JSONEq(t, `{"data":{"name":"clip.mov"}}`, gotBody)

	require.NotNil(t, resp)
	assert.Equal(t, 200, resp.StatusCode)
	b, err := io.ReadAll(resp.Body)
	require.NoError(t, err)
	assert.Contains(t, string(b), "clip.mov")
	assert.Empty(t, resp.Request.Header.Get("Authorization"), "captured request carries no token")
	rl, ok := RateLimitFromResponse(resp)
	require.True(t, ok)
	assert.Equal(t, RateLimit{Limit: 5, Remaining: 4, Window: time.Second}, rl)
}

func TestHeaderDelOnCall(t *testing.T) {
	var got http.Header
	env := newTestEnv(t, func(w http.ResponseWriter, r *http.Request) { got = r.Header.Clone() },
		WithLegacyTokenAuth())
	require.NoError(t, env.client.Do(t.Context(), http.MethodGet, "/v4/me", nil, nil))
	assert.Equal(t, "true", got.Get("x-frameio-legacy-token-auth"))
	require.NoError(t, env.client.Do(t.Context(), http.MethodGet, "/v4/me", nil, nil, WithHeaderDel(LegacyTokenAuthHeader)))
	assert.Empty(t, got.Get("x-frameio-legacy-token-auth"))
}

func TestUserAgentPrefix(t *testing.T) {
	var ua string
	env := newTestEnv(t, func(w http.ResponseWriter, r *http.Request) { ua = r.UserAgent() }, WithUserAgent("my-app/1.2"))
	require.NoError(t, env.client.Do(t.Context(), http.MethodGet, "/v4/me", nil, nil))
	assert.Regexp(t, `^my-app/1\.2 frameio-go/\S+ \(go`, ua)
}

func TestEmptyBodiesLeaveOutUntouched(t *testing.T) {
	for name, h := range map[string]http.HandlerFunc{
		"204":        status(204, ""),
		"empty 200":  status(200, ""),
		"blank 201":  status(201, "  \n"),
		"nil target": status(200, `{"data":1}`),
	} {
		t.Run(name, func(t *testing.T) {
			env := newTestEnv(t, h)
			out := map[string]any{"keep": true}
			target := any(&out)
			if name == "nil target" {
				target = nil
			}
			require.NoError(t, env.client.Do(t.Context(), http.MethodDelete, "/v4/x", nil, target))
			assert.Equal(t, map[string]any{"keep": true}, out)
		})
	}
}

func TestMalformedJSONOnSuccess(t *testing.T) {
	env := newTestEnv(t, status(200, `{"data": [1, 2,`))
	var out struct{ Data []int }
	err := env.client.Do(t.Context(), http.MethodGet, "/v4/x", nil, &out)
	decErr, ok := errors.AsType[*DecodeError](err)
	require.True(t, ok, "got %v", err)
	assert.Equal(t, `{"data": [1, 2,`, string(decErr.Body))
	assert.Equal(t, 200, decErr.StatusCode)
	assert.Contains(t, err.Error(), "malformed JSON")
	assert.NotNil(t, errors.Unwrap(err))
	assert.EqualValues(t, 1, env.hits.Load(), "a decode error is not retried")
}

func TestResponseIntoOnError(t *testing.T) {
	env := newTestEnv(t, status(404, `{"errors":[{"title":"Not found"}]}`))
	var resp *http.Response
	err := env.client.Do(t.Context(), http.MethodGet, "/v4/x", nil, nil, WithResponseInto(&resp))
	assert.True(t, IsNotFound(err))
	require.NotNil(t, resp)
	assert.Equal(t, 404, resp.StatusCode)
}

// blockUntilDone blocks until the request's context ends.
func blockUntilDone(w http.ResponseWriter, r *http.Request) { <-r.Context().Done() }

func TestClientAttemptTimeout(t *testing.T) {
	env := newTestEnv(t, blockUntilDone, WithAttemptTimeout(20*time.Millisecond), WithMaxRetries(0))
	start := time.Now()
	err := env.client.Do(t.Context(), http.MethodGet, "/v4/x", nil, nil)
	require.ErrorIs(t, err, context.DeadlineExceeded)
	assert.Less(t, time.Since(start), 5*time.Second)
	_, ok := errors.AsType[*RequestError](err)
	assert.True(t, ok)
}

func TestPerCallAttemptTimeoutRetried(t *testing.T) {
	env := newTestEnv(t, blockUntilDone) // client default: 60 s
	err := env.client.Do(t.Context(), http.MethodGet, "/v4/x", nil, nil, WithAttemptTimeout(20*time.Millisecond))
	require.ErrorIs(t, err, context.DeadlineExceeded)
	reqErr, ok := errors.AsType[*RequestError](err)
	require.True(t, ok)
	assert.Equal(t, 3, reqErr.Attempts)
	assert.Equal(t, []time.Duration{500 * time.Millisecond, time.Second}, env.sleeps.Waits())
}

func TestTimeoutCoversBodyRead(t *testing.T) {
	env := newTestEnv(t, func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Length", "100")
		w.WriteHeader(200)
		_, _ = w.Write([]byte(`{"data":`))
		w.(http.Flusher).Flush()
		<-r.Context().Done()
	}, WithMaxRetries(0))
	err := env.client.Do(t.Context(), http.MethodGet, "/v4/x", nil, &struct{}{}, WithAttemptTimeout(30*time.Millisecond))
	require.ErrorIs(t, err, context.DeadlineExceeded)
}

func TestNoTimeout(t *testing.T) {
	env := newTestEnv(t, status(200, `{}`), WithTimeout(0), WithAttemptTimeout(0))
	require.NoError(t, env.client.Do(t.Context(), http.MethodGet, "/v4/x", nil, nil))
}

func TestTokenSourceCalledPerAttempt(t *testing.T) {
	ts := &countingTokenSource{}
	env := newTestEnv(t, func(w http.ResponseWriter, r *http.Request) {
		assert.Equal(t, "Bearer "+testToken, r.Header.Get("Authorization"))
		w.WriteHeader(503)
	}, WithTokenSource(ts))
	_ = env.client.Do(t.Context(), http.MethodGet, "/v4/x", nil, nil)
	_ = env.client.Do(t.Context(), http.MethodGet, "/v4/x", nil, nil, WithMaxRetries(0))
	assert.EqualValues(t, 4, ts.calls.Load())
}

func TestTokenSourceErrorSurfaced(t *testing.T) {
	boom := errors.New("ims unavailable")
	ts := &countingTokenSource{err: boom}
	env := newTestEnv(t, status(200, `{}`), WithTokenSource(ts))
	err := env.client.Do(t.Context(), http.MethodGet, "/v4/x", nil, nil)
	require.ErrorIs(t, err, boom)
	assert.EqualValues(t, 0, env.hits.Load())
	assert.EqualValues(t, 1, ts.calls.Load(), "token errors are not retried")
}

func TestTokenSourceEmptyToken(t *testing.T) {
	env := newTestEnv(t, status(200, `{}`), WithTokenSource(&countingTokenSource{empty: true}))
	err := env.client.Do(t.Context(), http.MethodGet, "/v4/x", nil, nil)
	require.ErrorContains(t, err, "empty token")
	assert.EqualValues(t, 0, env.hits.Load())
}

func TestPerCallToken(t *testing.T) {
	var auth string
	env := newTestEnv(t, func(w http.ResponseWriter, r *http.Request) { auth = r.Header.Get("Authorization") })
	require.NoError(t, env.client.Do(t.Context(), http.MethodGet, "/v4/me", nil, nil, WithToken("other")))
	assert.Equal(t, "Bearer other", auth)
}

func TestOpaqueIDsReachServerIntact(t *testing.T) {
	var uris []string
	var mu sync.Mutex
	env := newTestEnv(t, func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		uris = append(uris, r.RequestURI)
		mu.Unlock()
	})
	ids := []string{
		"B0DC108C5CD449CA0A494133@c62f24cc5b5b7e0e0a494004",
		"adobe:0123abcd",
		"6f70f1bd-7e89-4a7e-b4d3-7e576585a181",
	}
	for _, id := range ids {
		require.NoError(t, requireID("user_id", id))
		require.NoError(t, env.client.Do(t.Context(), http.MethodGet, "/v4/accounts/a/users/"+url.PathEscape(id), nil, nil))
	}
	assert.Equal(t, []string{
		"/v4/accounts/a/users/B0DC108C5CD449CA0A494133@c62f24cc5b5b7e0e0a494004",
		"/v4/accounts/a/users/adobe:0123abcd",
		"/v4/accounts/a/users/6f70f1bd-7e89-4a7e-b4d3-7e576585a181",
	}, uris)
}

func TestTLSCertificateErrorNotRetried(t *testing.T) {
	srv := httptest.NewUnstartedServer(status(200, `{}`))
	srv.Config.ErrorLog = log.New(io.Discard, "", 0)
	srv.StartTLS()
	t.Cleanup(srv.Close)
	sleeps := &sleepRecorder{}
	c, err := NewClient(WithBaseURL(srv.URL), WithToken(testToken), WithSleeper(sleeps.Sleep))
	require.NoError(t, err)
	err = c.Do(t.Context(), http.MethodGet, "/v4/me", nil, nil)
	reqErr, ok := errors.AsType[*RequestError](err)
	require.True(t, ok, "got %v", err)
	assert.Equal(t, 1, reqErr.Attempts)
	assert.Empty(t, sleeps.Waits())
}

func TestConcurrentCalls(t *testing.T) {
	env := newTestEnv(t, sequence(status(503, ""), status(200, `{"n":1}`)), WithHeader("X-A", "1"))
	var wg sync.WaitGroup
	for i := range 20 {
		wg.Go(func() {
			var out map[string]int
			_ = env.client.Do(t.Context(), http.MethodGet, "/v4/x", nil, &out, WithHeader("X-I", string(rune('a'+i))), WithQuery("i", "1"))
		})
	}
	wg.Wait()
	assert.GreaterOrEqual(t, env.hits.Load(), int32(20))
}

func TestDoRejectsBadInput(t *testing.T) {
	env := newTestEnv(t, status(200, `{}`))
	err := env.client.Do(t.Context(), http.MethodGet, "v4/me", nil, nil)
	_, ok := errors.AsType[*InvalidParamError](err)
	assert.True(t, ok)
	err = env.client.Do(t.Context(), http.MethodGet, "//evil.example/x", nil, nil)
	assert.Error(t, err)
	err = env.client.Do(t.Context(), http.MethodPost, "/v4/x", make(chan int), nil)
	assert.ErrorContains(t, err, "encoding request body")
	err = env.client.Do(t.Context(), "BAD METHOD", "/v4/x", nil, nil)
	assert.Error(t, err)
	err = env.client.Do(t.Context(), http.MethodGet, "/v4/x", nil, nil, WithBaseURL("https://elsewhere"))
	assert.ErrorContains(t, err, "only be passed to NewClient")
	assert.EqualValues(t, 0, env.hits.Load())
}

func TestRequireID(t *testing.T) {
	err := requireID("file_id", "")
	var ipe *InvalidParamError
	require.ErrorAs(t, err, &ipe)
	assert.Equal(t, "file_id", ipe.Param)
	assert.Contains(t, err.Error(), "file_id")
	assert.NoError(t, requireID("file_id", " "))
}
