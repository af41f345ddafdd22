package auth

import (
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/frameio-go/frameio-go/internal/testutil"
)

// Secrets used by the fake IMS. They are distinctive so leak checks can
// search for them in logs and error strings.
const (
	testClientID     = "test-client-id"
	testClientSecret = "CLIENT-SECRET-9f8e7d"
	testCode         = "AUTH-CODE-1a2b3c"
	accessPrefix     = "ACCESS-TOKEN-"
	refreshPrefix    = "REFRESH-TOKEN-"
)

// secretMarkers returns substrings that must never appear in logs or errors.
func secretMarkers() []string {
	return []string{testClientSecret, testCode, accessPrefix, refreshPrefix}
}

// imsRequest is one request received by the fake IMS.
type imsRequest struct {
	Method   string
	Path     string
	Form     url.Values
	User     string
	Password string
	HasBasic bool
}

// fakeIMS is an in-process Adobe IMS: authorize, token and revoke endpoints.
type fakeIMS struct {
	t   *testing.T
	srv *httptest.Server

	mu         sync.Mutex
	requests   []imsRequest
	challenges map[string]string // code -> S256 challenge from /authorize
	refresh    map[string]bool   // live refresh tokens
	revoked    []string

	issued    atomic.Int64
	expiresIn int

	// tokenHook, when set, may answer a token request itself (returning
	// true) before the default behaviour.
	tokenHook func(w http.ResponseWriter, form url.Values) bool
	// revokeStatus, when non-zero, is the status the revoke endpoint returns.
	revokeStatus int
}

func newFakeIMS(t *testing.T) *fakeIMS {
	t.Helper()
	f := &fakeIMS{t: t, challenges: map[string]string{}, refresh: map[string]bool{}, expiresIn: 3600}
	mux := http.NewServeMux()
	mux.HandleFunc("GET /ims/authorize/v2", f.authorize)
	mux.HandleFunc("POST /ims/token/v3", f.token)
	mux.HandleFunc("POST /ims/revoke", f.revoke)
	f.srv = httptest.NewServer(mux)
	t.Cleanup(f.srv.Close)
	return f
}

func (f *fakeIMS) record(r *http.Request) imsRequest {
	_ = r.ParseForm()
	user, pass, ok := r.BasicAuth()
	req := imsRequest{Method: r.Method, Path: r.URL.Path, Form: r.PostForm, User: user, Password: pass, HasBasic: ok}
	if r.Method == http.MethodGet {
		req.Form = r.URL.Query()
	}
	f.mu.Lock()
	f.requests = append(f.requests, req)
	f.mu.Unlock()
	return req
}

func (f *fakeIMS) Requests(path string) []imsRequest {
	f.mu.Lock()
	defer f.mu.Unlock()
	var out []imsRequest
	for _, r := range f.requests {
		if r.Path == path {
			out = append(out, r)
		}
	}
	return out
}

func (f *fakeIMS) Revoked() []string {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]string(nil), f.revoked...)
}

// authorize simulates the user signing in: it redirects to redirect_uri
// with a code, remembering the PKCE challenge.
func (f *fakeIMS) authorize(w http.ResponseWriter, r *http.Request) {
	req := f.record(r)
	f.mu.Lock()
	f.challenges[testCode] = req.Form.Get("code_challenge")
	f.mu.Unlock()
	target, err := url.Parse(req.Form.Get("redirect_uri"))
	if err != nil {
		http.Error(w, "bad redirect_uri", http.StatusBadRequest)
		return
	}
	q := target.Query()
	q.Set("code", testCode)
	q.Set("state", req.Form.Get("state"))
	target.RawQuery = q.Encode()
	http.Redirect(w, r, target.String(), http.StatusFound)
}

func (f *fakeIMS) token(w http.ResponseWriter, r *http.Request) {
	req := f.record(r)
	form := req.Form
	if f.tokenHook != nil && f.tokenHook(w, form) {
		return
	}
	switch form.Get("grant_type") {
	case "client_credentials":
		if form.Get("client_id") != testClientID || form.Get("client_secret") != testClientSecret {
			writeIMSError(w, http.StatusUnauthorized, "invalid_client", "invalid client credentials")
			return
		}
		f.issue(w, false)
	case "authorization_code":
		if !f.clientOK(req) {
			writeIMSError(w, http.StatusUnauthorized, "invalid_client", "invalid client credentials")
			return
		}
		if form.Get("code") != testCode {
			writeIMSError(w, http.StatusBadRequest, "invalid_grant", "authorization code is invalid")
			return
		}
		f.mu.Lock()
		challenge, pkce := f.challenges[testCode]
		f.mu.Unlock()
		if pkce && challenge != "" && s256(form.Get("code_verifier")) != challenge {
			writeIMSError(w, http.StatusBadRequest, "invalid_grant", "PKCE verification failed")
			return
		}
		f.issue(w, true)
	case "refresh_token":
		if !f.clientOK(req) {
			writeIMSError(w, http.StatusUnauthorized, "invalid_client", "invalid client credentials")
			return
		}
		f.mu.Lock()
		live := f.refresh[form.Get("refresh_token")]
		f.mu.Unlock()
		if !live {
			writeIMSError(w, http.StatusBadRequest, "invalid_grant", "refresh token expired")
			return
		}
		f.issue(w, true)
	default:
		writeIMSError(w, http.StatusBadRequest, "unsupported_grant_type", "unsupported grant type")
	}
}

// clientOK accepts a confidential client (Basic auth with the secret) or a
// public client (client_id form field, no secret anywhere).
func (f *fakeIMS) clientOK(req imsRequest) bool {
	if req.HasBasic {
		return req.User == testClientID && req.Password == testClientSecret
	}
	return req.Form.Get("client_id") == testClientID && req.Form.Get("client_secret") == ""
}

func (f *fakeIMS) issue(w http.ResponseWriter, withRefresh bool) {
	n := f.issued.Add(1)
	body := map[string]any{
		"access_token": fmt.Sprintf("%s%d", accessPrefix, n),
		"token_type":   "bearer",
		"expires_in":   f.expiresIn,
	}
	if withRefresh {
		rt := fmt.Sprintf("%s%d", refreshPrefix, n)
		f.mu.Lock()
		f.refresh[rt] = true
		f.mu.Unlock()
		body["refresh_token"] = rt
	}
	w.Header().Set("Content-Type", "application/json")
	_ = json.NewEncoder(w).Encode(body)
}

func (f *fakeIMS) revoke(w http.ResponseWriter, r *http.Request) {
	req := f.record(r)
	f.mu.Lock()
	status := f.revokeStatus
	if status == 0 {
		f.revoked = append(f.revoked, req.Form.Get("token"))
		delete(f.refresh, req.Form.Get("token"))
	}
	f.mu.Unlock()
	if status != 0 {
		// Echo what was sent, as a careless server might.
		writeIMSError(w, status, "server_error", "cannot revoke "+req.Form.Get("token")+" for "+req.Form.Get("client_secret"))
		return
	}
	w.WriteHeader(http.StatusOK)
}

func writeIMSError(w http.ResponseWriter, status int, code, desc string) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(map[string]string{"error": code, "error_description": desc})
}

func s256(verifier string) string {
	sum := sha256.Sum256([]byte(verifier))
	return base64.RawURLEncoding.EncodeToString(sum[:])
}

// fakeClock is a manually advanced clock.
type fakeClock struct {
	mu  sync.Mutex
	now time.Time
}

func newFakeClock() *fakeClock {
	return &fakeClock{now: time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)}
}

func (c *fakeClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

func (c *fakeClock) Advance(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.now = c.now.Add(d)
}

// fakeSleeper records requested waits and returns at once.
type fakeSleeper = testutil.SleepRecorder

// syncBuffer is a bytes.Buffer safe for concurrent writes.
type syncBuffer = testutil.SyncBuffer

// env bundles the fake IMS with an injected clock, sleeper and a debug
// logger whose output is checked for leaked secrets when the test ends.
type env struct {
	ims     *fakeIMS
	clock   *fakeClock
	sleeper *fakeSleeper
	logs    *syncBuffer
}

func newEnv(t *testing.T) *env {
	t.Helper()
	e := &env{ims: newFakeIMS(t), clock: newFakeClock(), sleeper: &fakeSleeper{}, logs: &syncBuffer{}}
	t.Cleanup(func() { assertNoSecrets(t, "logs", e.logs.String()) })
	return e
}

func (e *env) opts(extra ...Option) []Option {
	logger := slog.New(slog.NewJSONHandler(e.logs, &slog.HandlerOptions{Level: slog.LevelDebug}))
	return append([]Option{
		WithIMSBaseURL(e.ims.srv.URL),
		WithInsecureHTTP(),
		WithClock(e.clock.Now),
		WithSleeper(e.sleeper.Sleep),
		WithLogger(logger),
	}, extra...)
}

// assertNoSecrets fails if s contains any secret marker.
func assertNoSecrets(t *testing.T, what, s string, extra ...string) {
	t.Helper()
	for _, m := range append(secretMarkers(), extra...) {
		if m != "" && strings.Contains(s, m) {
			t.Errorf("%s leak a secret (%q): %s", what, m, s)
		}
	}
}

// requireErrNoSecrets checks err is non-nil and its message leaks nothing.
func requireErrNoSecrets(t *testing.T, err error, extra ...string) {
	t.Helper()
	require.Error(t, err)
	assertNoSecrets(t, "error", err.Error(), extra...)
}

// noRedirectClient performs a single request without following redirects,
// like a browser whose redirect target is not reachable.
func noRedirectClient() *http.Client {
	return &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
}
