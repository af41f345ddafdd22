package leaktest

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/frameio-go/frameio-go/frameio"
	"github.com/frameio-go/frameio-go/frameio/auth"
	"github.com/frameio-go/frameio-go/frameio/transfer"
	"github.com/frameio-go/frameio-go/frameio/webhook"
	"github.com/frameio-go/frameio-go/frameiotest"
	"github.com/frameio-go/frameio-go/gen"
	"github.com/frameio-go/frameio-go/internal/testutil"
)

// The secrets of the run. Each is distinctive, so that finding it in the
// output is never a coincidence.
const (
	clientID     = "leak-client-id"
	clientSecret = "CLIENT-SECRET-LEAK-7c6b5a49"
	wrongSecret  = "WRONG-SECRET-LEAK-1f2e3d4c"
	apiToken     = "ACCESS-TOKEN-LEAK-a1b2c3d4e5f6"
	authCode     = "AUTH-CODE-LEAK-0f1e2d3c"
	staleRefresh = "REFRESH-TOKEN-STALE-9a8b7c6d"
)

// output collects everything the run prints: log lines of every package
// (text and JSON handlers) and every error and value printed.
type output struct{ testutil.SyncBuffer }

// logger returns a debug logger writing each record with both the text and
// the JSON handler.
func (o *output) logger() *slog.Logger { return testutil.DebugLogger(o) }

// printErr prints err, and every error of its chain, with %v, %+v and %#v.
func (o *output) printErr(err error) { _, _ = o.Write([]byte(testutil.PrintError(err))) }

// printValue prints v with fmt's struct verbs and through slog.
func (o *output) printValue(v any) { _, _ = o.Write([]byte(testutil.PrintValue(v))) }

// flaky is a real network that refuses one connection in every: each
// every-th request is sent to a closed port, so the caller sees Go's own
// dial error wrapped in a *url.Error that prints the whole URL. It records
// every URL it was given.
type flaky struct {
	base   http.RoundTripper
	closed string
	every  int64
	n      atomic.Int64
	mu     sync.Mutex
	urls   []string
}

func newFlaky(t *testing.T, every int64) *flaky {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	closed := ln.Addr().String()
	require.NoError(t, ln.Close())
	base := http.DefaultTransport.(*http.Transport).Clone()
	t.Cleanup(base.CloseIdleConnections)
	return &flaky{base: base, closed: closed, every: every}
}

func (f *flaky) RoundTrip(r *http.Request) (*http.Response, error) {
	f.mu.Lock()
	f.urls = append(f.urls, r.URL.String())
	f.mu.Unlock()
	if f.n.Add(1)%f.every == 0 {
		c := r.Clone(r.Context())
		c.URL.Host, c.Host = f.closed, ""
		return f.base.RoundTrip(c)
	}
	return f.base.RoundTrip(r)
}

// presignedSecrets returns the signature, the credential and its key id
// of every presigned URL f carried, as written and decoded.
func (f *flaky) presignedSecrets() []string {
	f.mu.Lock()
	defer f.mu.Unlock()
	var out []string
	for _, raw := range f.urls {
		u, err := url.Parse(raw)
		if err != nil {
			continue
		}
		q := u.Query()
		if sig := q.Get("X-Amz-Signature"); sig != "" {
			cred := q.Get("X-Amz-Credential")
			keyID, _, _ := strings.Cut(cred, "/")
			out = append(out, sig, cred, url.QueryEscape(cred), keyID)
		}
	}
	return out
}

// fakeIMS issues apiToken for client_credentials, authorization_code and
// refresh_token grants to clientSecret, rotating refresh tokens. It serves
// faults first (503, 429) and echoes what it was sent in its errors, as a
// careless identity server might.
type fakeIMS struct {
	srv *httptest.Server

	mu      sync.Mutex
	faults  []int
	live    map[string]bool
	issued  []string
	revoked int
}

func newFakeIMS(t *testing.T) *fakeIMS {
	f := &fakeIMS{live: map[string]bool{}, faults: []int{503, 429, 503}}
	mux := http.NewServeMux()
	mux.HandleFunc("POST /ims/token/v3", f.token)
	mux.HandleFunc("POST /ims/revoke", func(w http.ResponseWriter, r *http.Request) {
		f.mu.Lock()
		f.revoked++
		f.mu.Unlock()
	})
	f.srv = httptest.NewServer(mux)
	t.Cleanup(f.srv.Close)
	return f
}

func (f *fakeIMS) token(w http.ResponseWriter, r *http.Request) {
	_ = r.ParseForm()
	secret := r.PostForm.Get("client_secret")
	if _, p, ok := r.BasicAuth(); ok {
		secret = p
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	w.Header().Set("Content-Type", "application/json")
	reject := func(status int, code, desc string) {
		w.WriteHeader(status)
		_ = json.NewEncoder(w).Encode(map[string]string{"error": code, "error_description": desc})
	}
	if len(f.faults) > 0 {
		status := f.faults[0]
		f.faults = f.faults[1:]
		if status == http.StatusTooManyRequests {
			w.Header().Set("Retry-After", "1")
		}
		reject(status, "temporarily_unavailable", "try again")
		return
	}
	if secret != clientSecret {
		reject(http.StatusUnauthorized, "invalid_client", "unknown client secret "+secret)
		return
	}
	refresh := ""
	switch r.PostForm.Get("grant_type") {
	case "client_credentials":
	case "authorization_code":
		if code := r.PostForm.Get("code"); code != authCode {
			reject(http.StatusBadRequest, "invalid_grant", "code "+code+" is not valid")
			return
		}
		refresh = f.newRefresh()
	case "refresh_token":
		rt := r.PostForm.Get("refresh_token")
		if !f.live[rt] {
			reject(http.StatusBadRequest, "invalid_grant", "refresh token "+rt+" was revoked")
			return
		}
		delete(f.live, rt)
		refresh = f.newRefresh()
	}
	out := map[string]any{"access_token": apiToken, "token_type": "bearer", "expires_in": 3600}
	if refresh != "" {
		out["refresh_token"] = refresh
	}
	_ = json.NewEncoder(w).Encode(out)
}

func (f *fakeIMS) newRefresh() string {
	rt := fmt.Sprintf("REFRESH-TOKEN-LEAK-%04d-5e4d3c2b", len(f.issued)+1)
	f.live[rt] = true
	f.issued = append(f.issued, rt)
	return rt
}

func (f *fakeIMS) refreshTokens() []string {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]string(nil), f.issued...)
}

// TestFaultInjectedRunLeaksNoSecret runs the SDK end to end against
// frameiotest, a fake IMS and a webhook receiver, with faults everywhere:
// refused connections on every network (API, object store, IMS), 5xx,
// 429, cut-off and malformed API answers, failing and expired upload parts,
// rejected credentials, codes and refresh tokens, forged and stale webhook
// deliveries. Debug logging is on in every package (text and JSON), and
// every error is printed with %v, %+v and %#v down its chain, as are the
// credentials, the verifier, the client and a download link. The output
// must contain none of the secrets used: client secrets, the access token,
// every refresh token, the authorization code, the webhook secret, and the
// signature, credential and key id of every presigned URL.
func TestFaultInjectedRunLeaksNoSecret(t *testing.T) {
	out := &output{}
	log := out.logger()
	var sleeps testutil.SleepRecorder
	ctx := context.Background()
	record := func(err error) { out.printErr(err) }

	api := frameiotest.NewServer(t, frameiotest.WithToken(apiToken), frameiotest.WithPartSize(40<<10),
		frameiotest.WithTranscodeAfterPolls(0), frameiotest.WithAllowViolations())
	seed := api.Seed()
	ims := newFakeIMS(t)
	imsNet, apiNet, storeNet, dlNet := newFlaky(t, 4), newFlaky(t, 6), newFlaky(t, 5), newFlaky(t, 3)
	authOpts := []auth.Option{auth.WithIMSBaseURL(ims.srv.URL), auth.WithInsecureHTTP(), auth.WithLogger(log),
		auth.WithSleeper(sleeps.Sleep), auth.WithHTTPClient(&http.Client{Transport: imsNet}),
		auth.WithRefreshBuffer(2 * time.Hour)} // every token request refreshes

	// Server-to-server: a wrong secret first, then the right one.
	bad, err := auth.NewServerToServer(clientID, wrongSecret, authOpts...)
	require.NoError(t, err)
	record(bad.Authenticate(ctx))
	record(bad.Authenticate(ctx))
	out.printValue(bad)
	s2s, err := auth.NewServerToServer(clientID, clientSecret, authOpts...)
	require.NoError(t, err)
	out.printValue(s2s)

	client, err := frameio.NewClient(frameio.WithBaseURL(api.URL()), frameio.WithTokenSource(s2s),
		frameio.WithHTTPClient(&http.Client{Transport: apiNet}), frameio.WithLogger(log), frameio.WithSleeper(sleeps.Sleep))
	require.NoError(t, err)
	out.printValue(client)

	// API calls meeting 5xx, 429, cut-off and malformed answers.
	api.FailNext(2, http.StatusServiceUnavailable)
	api.RateLimitNext(1, time.Second)
	api.TruncateNext(1, frameiotest.ForMethod(http.MethodGet))
	api.MalformNext(1, frameiotest.ForOperation("folders_show"))
	for i := range 12 {
		name := fmt.Sprintf("leak-%d", i)
		if i%3 == 0 {
			api.TruncateNext(1, frameiotest.ForMethod(http.MethodPost))
		}
		_, err := client.Folders.Create(ctx, seed.AccountID, seed.RootFolderID, gen.FolderCreateParamsData{Name: &name})
		record(err)
		_, err = client.Folders.Show(ctx, seed.AccountID, seed.RootFolderID, nil)
		record(err)
	}
	api.FailNext(1, http.StatusUnauthorized)
	_, err = client.Users.Show(ctx)
	record(err)

	// Uploads: parts fail, connections are refused, URLs expire.
	up, err := transfer.NewUploader(client, transfer.WithHTTPClient(&http.Client{Transport: storeNet}),
		transfer.WithLogger(log), transfer.WithSleeper(sleeps.Sleep), transfer.WithMaxRetries(2))
	require.NoError(t, err)
	dir := t.TempDir()
	for i, size := range []int{0, 1000, 150 << 10, 300 << 10} {
		require.NoError(t, os.WriteFile(filepath.Join(dir, fmt.Sprintf("f%d.bin", i)), bytes.Repeat([]byte{byte(i)}, size), 0o644))
	}
	require.NoError(t, os.MkdirAll(filepath.Join(dir, "sub"), 0o755))
	require.NoError(t, os.WriteFile(filepath.Join(dir, "sub", "g.bin"), bytes.Repeat([]byte("g"), 90<<10), 0o644))
	api.FailUploadParts(3, http.StatusInternalServerError)
	var uploaded []*transfer.UploadResult
	for _, name := range []string{"f2.bin", "f3.bin"} {
		res, err := up.UploadFile(ctx, seed.AccountID, seed.RootFolderID, filepath.Join(dir, name))
		record(err)
		if err == nil {
			uploaded = append(uploaded, res)
		}
	}
	api.FailUploadParts(1, http.StatusBadGateway)
	_, err = up.UploadDir(ctx, seed.AccountID, seed.RootFolderID, dir, transfer.WithMaxRetries(0))
	record(err)
	require.NotEmpty(t, uploaded)
	api.ExpireUploadURLs()
	f3, err := os.Open(filepath.Join(dir, "f3.bin"))
	require.NoError(t, err)
	defer f3.Close()
	err = up.UploadContent(ctx, &uploaded[len(uploaded)-1].File, f3, 300<<10)
	require.Error(t, err, "expired URLs are refused")
	record(err)

	// Downloads: refused connections make them resume.
	down, err := transfer.NewDownloader(client, transfer.WithHTTPClient(&http.Client{Transport: dlNet}),
		transfer.WithLogger(log), transfer.WithSleeper(sleeps.Sleep))
	require.NoError(t, err)
	for _, res := range uploaded {
		for range 3 { // every third request of dlNet is refused: a resume at least
			_, err := down.DownloadFile(ctx, seed.AccountID, res.FileID, t.TempDir())
			record(err)
		}
		link, err := down.Link(ctx, seed.AccountID, res.FileID)
		record(err)
		if link != nil {
			out.printValue(link)
			out.printValue(*link)
		}
	}

	// A web app signs a user in (a forged callback first), refreshes on
	// every call, signs out, then meets a stale refresh token.
	web, err := auth.NewWebApp(clientID, clientSecret, "https://app.example/callback", authOpts...)
	require.NoError(t, err)
	out.printValue(web)
	callback := func(q string) *http.Request {
		r, err := http.NewRequestWithContext(ctx, http.MethodGet, "https://app.example/callback?"+q, nil)
		require.NoError(t, err)
		return r
	}
	record(web.ExchangeCallback(ctx, callback("code="+authCode+"&state=forged"), "st-leak"))
	require.NoError(t, web.ExchangeCallback(ctx, callback("code="+authCode+"&state=st-leak"), "st-leak"))
	userClient, err := frameio.NewClient(frameio.WithBaseURL(api.URL()), frameio.WithTokenSource(web),
		frameio.WithHTTPClient(&http.Client{Transport: apiNet}), frameio.WithLogger(log), frameio.WithSleeper(sleeps.Sleep))
	require.NoError(t, err)
	for range 4 {
		_, err := userClient.Users.Show(ctx)
		record(err)
	}
	set, err := web.Export()
	require.NoError(t, err)
	out.printValue(set)
	record(web.Revoke(ctx))
	record(web.Refresh(ctx))
	require.NoError(t, web.Import(auth.TokenSet{RefreshToken: staleRefresh}))
	record(web.Refresh(ctx))
	record(web.ExchangeCode(ctx, "AUTH-CODE-LEAK-wrong-5d6e7f"))

	// Webhooks: the secret from the API, a handler that logs, and
	// deliveries good, forged, stale and failing.
	wh, err := client.Webhooks.Create(ctx, seed.AccountID, seed.WorkspaceID, gen.WebhookCreateParamsData{Name: "leak", URL: "https://hooks.example/in", Events: []string{"file.ready"}})
	require.NoError(t, err)
	whSecret := wh.Secret
	require.NotEmpty(t, whSecret)
	verifier, err := webhook.NewVerifier([]string{whSecret})
	require.NoError(t, err)
	out.printValue(verifier)
	h := webhook.NewHandler(verifier, webhook.WithLogger(log))
	var handled atomic.Int32
	h.HandleFunc(webhook.FileReady, func(context.Context, *webhook.Event) error {
		if handled.Add(1) == 2 {
			return errors.New("queue full")
		}
		return nil
	})
	receiver := httptest.NewServer(h)
	t.Cleanup(receiver.Close)
	payload := []byte(`{"account":{"id":"` + seed.AccountID + `"},"resource":{"id":"` + wh.ID + `","type":"file"},"type":"file.ready",` +
		`"user":{"id":"u"},"workspace":{"id":"` + seed.WorkspaceID + `"},"project":{"id":"p"}}`)
	for _, d := range []struct {
		secret string
		at     time.Time
	}{{whSecret, time.Now()}, {whSecret, time.Now()}, {"forged-" + whSecret[:4], time.Now()}, {whSecret, time.Now().Add(-time.Hour)}} {
		req, err := http.NewRequestWithContext(ctx, http.MethodPost, receiver.URL, bytes.NewReader(payload))
		require.NoError(t, err)
		webhook.SignHeader(req.Header, d.secret, d.at, payload)
		resp, err := receiver.Client().Do(req)
		require.NoError(t, err)
		_ = resp.Body.Close()
	}
	_, err = verifier.VerifyRequest(httptest.NewRequest(http.MethodPost, "/", bytes.NewReader(payload)))
	record(err)

	// The run did meet its faults.
	all := out.String()
	for _, line := range []string{"retrying ims request", "frameio: retrying", "transfer: retrying part",
		"transfer: resuming download", "frameio webhook: request rejected", "frameio webhook: handler failed"} {
		if !strings.Contains(all, line) {
			t.Errorf("the run never logged %q", line)
		}
	}
	require.GreaterOrEqual(t, len(ims.refreshTokens()), 4, "the web app refreshed")

	secrets := append([]string{clientSecret, wrongSecret, apiToken, authCode, staleRefresh, whSecret}, ims.refreshTokens()...)
	for _, n := range []*flaky{storeNet, dlNet} {
		secrets = append(secrets, n.presignedSecrets()...)
	}
	require.Greater(t, len(secrets), 20)
	for _, s := range secrets {
		if s != "" && strings.Contains(all, s) {
			i := strings.Index(all, s)
			t.Errorf("secret %q found in the output: …%s…", s, all[max(0, i-200):min(len(all), i+len(s)+50)])
		}
	}
	t.Logf("%d bytes of output searched for %d secrets", len(all), len(secrets))
}
