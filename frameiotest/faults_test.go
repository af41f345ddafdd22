package frameiotest_test

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/frameio-go/frameio-go/frameiotest"
	"github.com/frameio-go/frameio-go/gen"
)

func get(t *testing.T, srv *frameiotest.Server, path string) (*http.Response, []byte, error) {
	t.Helper()
	req, err := http.NewRequest(http.MethodGet, srv.URL()+path, nil)
	require.NoError(t, err)
	require.NoError(t, srv.AuthorizeRequest(context.Background(), req))
	resp, err := srv.HTTPClient().Do(req)
	require.NoError(t, err)
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	return resp, b, err
}

func TestFailNext(t *testing.T) {
	srv := frameiotest.NewServer(t)
	srv.FailNext(2, http.StatusServiceUnavailable, frameiotest.ForOperation("users_show"))
	ws := "/v4/accounts/" + srv.Seed().AccountID + "/workspaces"

	resp, _, _ := get(t, srv, ws)
	assert.Equal(t, http.StatusOK, resp.StatusCode, "other operations are not affected")
	for range 2 {
		resp, b, err := get(t, srv, "/v4/me")
		require.NoError(t, err)
		assert.Equal(t, http.StatusServiceUnavailable, resp.StatusCode)
		assert.Contains(t, string(b), `"errors"`)
	}
	resp, _, _ = get(t, srv, "/v4/me")
	assert.Equal(t, http.StatusOK, resp.StatusCode, "the fault is used up")

	srv.FailNext(1, http.StatusInternalServerError, frameiotest.ForPath("/v4/accounts/*/workspaces"))
	resp, _, _ = get(t, srv, "/v4/me")
	assert.Equal(t, http.StatusOK, resp.StatusCode)
	resp, _, _ = get(t, srv, ws)
	assert.Equal(t, http.StatusInternalServerError, resp.StatusCode)

	srv.FailNext(1, http.StatusBadGateway)
	srv.ClearFaults()
	resp, _, _ = get(t, srv, ws)
	assert.Equal(t, http.StatusOK, resp.StatusCode)

	reqs := srv.Requests()
	require.NotEmpty(t, reqs)
	last := reqs[len(reqs)-1]
	assert.Equal(t, "workspaces_index", last.OperationID)
	assert.Equal(t, http.StatusOK, last.Status)
}

func TestRateLimit(t *testing.T) {
	srv := frameiotest.NewServer(t)
	srv.RateLimitNext(1, 1500*time.Millisecond)
	resp, b, err := get(t, srv, "/v4/me")
	require.NoError(t, err)
	assert.Equal(t, http.StatusTooManyRequests, resp.StatusCode)
	assert.Equal(t, "0", resp.Header.Get("x-ratelimit-remaining"))
	assert.Equal(t, "10", resp.Header.Get("x-ratelimit-limit"))
	assert.Equal(t, "1500", resp.Header.Get("x-ratelimit-window"))
	assert.Equal(t, "2", resp.Header.Get("Retry-After"))
	var body struct {
		Errors []struct{ Detail string } `json:"errors"`
	}
	require.NoError(t, json.Unmarshal(b, &body))
	require.Len(t, body.Errors, 1)
	resp, _, _ = get(t, srv, "/v4/me")
	assert.Equal(t, http.StatusOK, resp.StatusCode)
}

func TestLatency(t *testing.T) {
	srv := frameiotest.NewServer(t)
	srv.DelayNext(1, 150*time.Millisecond)
	start := time.Now()
	resp, _, _ := get(t, srv, "/v4/me")
	assert.Equal(t, http.StatusOK, resp.StatusCode)
	assert.GreaterOrEqual(t, time.Since(start), 150*time.Millisecond)

	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	srv.DelayNext(1, 300*time.Millisecond)
	req, _ := http.NewRequestWithContext(ctx, http.MethodGet, srv.URL()+"/v4/me", nil)
	_ = srv.AuthorizeRequest(ctx, req)
	_, err := srv.HTTPClient().Do(req)
	assert.ErrorIs(t, err, context.DeadlineExceeded)

	slow := frameiotest.NewServer(t, frameiotest.WithLatency(50*time.Millisecond))
	start = time.Now()
	resp, _, _ = get(t, slow, "/v4/me")
	assert.Equal(t, http.StatusOK, resp.StatusCode)
	assert.GreaterOrEqual(t, time.Since(start), 50*time.Millisecond)
}

func TestTruncatedAndMalformedBodies(t *testing.T) {
	srv := frameiotest.NewServer(t)
	c := plainClient{t, srv}

	srv.TruncateNext(1, frameiotest.ForOperation("users_show"))
	_, _, err := get(t, srv, "/v4/me")
	assert.ErrorIs(t, err, io.ErrUnexpectedEOF)

	srv.MalformNext(1)
	status, body := c.send(gen.NewUsersShowRequest(srv.URL()))
	_, err = decodeAs[gen.ProfileResponse](body)
	var syn *json.SyntaxError
	if err == nil {
		assert.Fail(t, "malformed JSON decoded", string(body))
	} else {
		assert.Equal(t, http.StatusOK, status)
		assert.ErrorAs(t, err, &syn)
	}
	status, body = c.send(gen.NewUsersShowRequest(srv.URL()))
	_, err = decodeAs[gen.ProfileResponse](body)
	require.NoError(t, err)
	assert.Equal(t, http.StatusOK, status)
	assert.Empty(t, srv.Violations(), "deliberately broken bodies are not violations")
}

func TestUploadFaults(t *testing.T) {
	srv := frameiotest.NewServer(t)
	id, mt, parts := startUpload(t, srv, "a.png", 3)
	hdr := map[string]string{"x-amz-acl": "private", "Content-Type": mt}

	srv.FailUploadParts(2, http.StatusInternalServerError)
	for range 2 {
		code, msg := put(t, srv, parts[0].url, []byte("abc"), hdr)
		assert.Equal(t, http.StatusInternalServerError, code, msg)
		assert.Contains(t, msg, "<Error>")
	}
	assert.Nil(t, srv.FileContent(id), "failed parts are not stored")
	code, _ := put(t, srv, parts[0].url, []byte("abc"), hdr)
	assert.Equal(t, http.StatusOK, code)
	assert.Equal(t, []byte("abc"), srv.FileContent(id))

	id2, mt2, parts2 := startUpload(t, srv, "b.png", 3)
	srv.ExpireUploadURLs()
	code, msg := put(t, srv, parts2[0].url, []byte("abc"), map[string]string{"x-amz-acl": "private", "Content-Type": mt2})
	assert.Equal(t, http.StatusForbidden, code)
	assert.Contains(t, msg, "Request has expired")
	assert.Equal(t, "created", srv.FileStatus(id2))
}

func TestUploadURLExpiresWithTime(t *testing.T) {
	var mu sync.Mutex
	now := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	clock := func() time.Time { mu.Lock(); defer mu.Unlock(); return now }
	srv := frameiotest.NewServer(t, frameiotest.WithUploadURLTTL(time.Minute), frameiotest.WithClock(clock))
	_, mt, parts := startUpload(t, srv, "a.png", 3)
	mu.Lock()
	now = now.Add(2 * time.Minute)
	mu.Unlock()
	code, msg := put(t, srv, parts[0].url, []byte("abc"), map[string]string{"x-amz-acl": "private", "Content-Type": mt})
	assert.Equal(t, http.StatusForbidden, code)
	assert.Contains(t, msg, "Request has expired")
}

func TestConcurrentUse(t *testing.T) {
	srv := frameiotest.NewServer(t)
	acct := "/v4/accounts/" + srv.Seed().AccountID
	srv.FailNext(5, http.StatusServiceUnavailable)
	var wg sync.WaitGroup
	var mu sync.Mutex
	failed := 0
	for range 20 {
		wg.Go(func() {
			resp, _ := do(t, srv, http.MethodPost, acct+"/workspaces", map[string]any{"data": map[string]any{"name": "w"}})
			mu.Lock()
			defer mu.Unlock()
			if resp.StatusCode == http.StatusServiceUnavailable {
				failed++
			}
		})
	}
	wg.Wait()
	assert.Equal(t, 5, failed)
	assert.Equal(t, 1+15, srv.Count("workspace"))
}
