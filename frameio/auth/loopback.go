package auth

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"strconv"
	"sync"
	"time"
)

// DefaultCallbackPath is the path served by [ListenLoopback].
const DefaultCallbackPath = "/callback"

// DefaultCallbackTimeout bounds [LoopbackServer.Wait] when its context has
// no earlier deadline: a user who closed the browser does not leave the
// program waiting forever.
const DefaultCallbackTimeout = 10 * time.Minute

const (
	pageSuccess = `<!doctype html><html><head><meta charset="utf-8"><title>Frame.io sign-in</title></head>` +
		`<body><h1>Signed in</h1><p>You can close this window and return to the application.</p></body></html>`
	pageFailure = `<!doctype html><html><head><meta charset="utf-8"><title>Frame.io sign-in</title></head>` +
		`<body><h1>Sign-in failed</h1><p>You can close this window and try again from the application.</p></body></html>`
)

// LoopbackServer receives the authorization redirect of a native app on
// http://127.0.0.1:<port><path> (RFC 8252 section 7.3), for command-line and
// desktop tools. It waits for the one redirect that carries the sign-in's
// state and shows the user a page saying the window can be closed. Any
// local process can reach a loopback port, so requests without that state
// (a forged code, a forged ?error=) are answered 400 and ignored: they
// cannot end or fail the wait.
type LoopbackServer struct {
	state   string
	path    string
	timeout time.Duration
	ln      net.Listener
	srv     *http.Server
	result  chan callbackResult
	once    sync.Once
	closed  sync.Once
}

type callbackResult struct {
	code string
	err  error
}

// LoopbackOption configures [ListenLoopback].
type LoopbackOption func(*LoopbackServer)

// WithCallbackTimeout sets how long Wait waits for the redirect at most;
// zero leaves only its context to end the wait. The default is
// [DefaultCallbackTimeout].
func WithCallbackTimeout(d time.Duration) LoopbackOption {
	return func(s *LoopbackServer) { s.timeout = d }
}

// WithCallbackPath sets the path of the redirect URI. The default is
// [DefaultCallbackPath].
func WithCallbackPath(path string) LoopbackOption {
	return func(s *LoopbackServer) { s.path = path }
}

// ListenLoopback starts a callback server on 127.0.0.1:port (port 0 picks a
// free port; Adobe requires the redirect URI to match a registered pattern,
// so real apps usually use a fixed port). state is the value passed to
// AuthCodeURL; requests carrying another state are rejected and ignored. Use
// RedirectURI for [NewNativeApp], then Wait for the code. Close releases
// the port if Wait is never called.
func ListenLoopback(ctx context.Context, port int, state string, opts ...LoopbackOption) (*LoopbackServer, error) {
	if state == "" {
		return nil, &ConfigError{Field: "state", Reason: "must not be empty"}
	}
	if port < 0 || port > 65535 {
		return nil, &ConfigError{Field: "port", Reason: "must be between 0 and 65535"}
	}
	s := &LoopbackServer{state: state, path: DefaultCallbackPath, timeout: DefaultCallbackTimeout, result: make(chan callbackResult, 1)}
	for _, o := range opts {
		if o != nil {
			o(s)
		}
	}
	if len(s.path) == 0 || s.path[0] != '/' {
		return nil, &ConfigError{Field: "callbackPath", Reason: "must start with /"}
	}
	if s.timeout < 0 {
		return nil, &ConfigError{Field: "callbackTimeout", Reason: "must not be negative"}
	}
	var lc net.ListenConfig
	ln, err := lc.Listen(ctx, "tcp", net.JoinHostPort("127.0.0.1", strconv.Itoa(port)))
	if err != nil {
		return nil, fmt.Errorf("auth: loopback listen: %w", err)
	}
	s.ln = ln
	mux := http.NewServeMux()
	mux.HandleFunc(s.path, s.handle)
	s.srv = &http.Server{Handler: mux, ReadHeaderTimeout: 10 * time.Second}
	go func() { _ = s.srv.Serve(ln) }()
	return s, nil
}

// RedirectURI returns the redirect URI to register and to pass to
// [NewNativeApp], e.g. "http://127.0.0.1:8080/callback".
func (s *LoopbackServer) RedirectURI() string {
	return "http://" + s.ln.Addr().String() + s.path
}

// Wait blocks until the browser is redirected to the server with the
// sign-in's state, ctx is done, or the callback timeout passes
// ([DefaultCallbackTimeout], see [WithCallbackTimeout]), then shuts the
// server down. It returns the authorization code, or a [*CallbackError] if
// IMS reported an error or the code was missing; when the timeout passes,
// an error wrapping [context.DeadlineExceeded].
func (s *LoopbackServer) Wait(ctx context.Context) (string, error) {
	defer s.Close()
	var expired <-chan time.Time
	if s.timeout > 0 {
		t := time.NewTimer(s.timeout)
		defer t.Stop()
		expired = t.C
	}
	select {
	case r := <-s.result:
		return r.code, r.err
	case <-ctx.Done():
		return "", fmt.Errorf("auth: waiting for authorization redirect: %w", ctx.Err())
	case <-expired:
		return "", fmt.Errorf("auth: no authorization redirect within %s: %w", s.timeout, context.DeadlineExceeded)
	}
}

// Close stops the server. It is safe to call more than once.
func (s *LoopbackServer) Close() error {
	var err error
	s.closed.Do(func() {
		ctx, cancel := context.WithTimeout(context.Background(), time.Second)
		defer cancel()
		if err = s.srv.Shutdown(ctx); errors.Is(err, context.DeadlineExceeded) {
			err = s.srv.Close()
		}
	})
	return err
}

func (s *LoopbackServer) handle(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet {
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.Header().Set("Referrer-Policy", "no-referrer")
	code, ours, err := readCallback(r.URL.Query(), s.state)
	if !ours {
		// Not this sign-in's redirect (any local process can reach the
		// port): answer it and keep waiting for the real one.
		w.WriteHeader(http.StatusBadRequest)
		_, _ = w.Write([]byte(pageFailure))
		return
	}
	delivered := false
	s.once.Do(func() { delivered = true })
	switch {
	case !delivered:
		w.WriteHeader(http.StatusConflict)
		_, _ = w.Write([]byte(pageFailure))
		return
	case err != nil:
		w.WriteHeader(http.StatusBadRequest)
		_, _ = w.Write([]byte(pageFailure))
	default:
		_, _ = w.Write([]byte(pageSuccess))
	}
	s.result <- callbackResult{code: code, err: err}
}
