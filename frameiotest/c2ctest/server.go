package c2ctest

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/getkin/kin-openapi/openapi3filter"
	"github.com/getkin/kin-openapi/routers"
	"github.com/getkin/kin-openapi/routers/legacy"

	"github.com/frameio-go/frameio-go/api"

	"github.com/frameio-go/frameio-go/internal/options"
)

// Server is an in-memory C2C API on a local httptest listener, with the
// object store and the status socket on the same listener. It is safe for
// concurrent use.
type Server struct {
	cfg    config
	hs     *httptest.Server
	router routers.Router
	ops    map[string]handler // by operation id, built once by Start

	mu         sync.Mutex
	st         *state
	faults     []*fault
	violations []string
	requests   []Request
	sockets    map[*socket]bool
	codeReady  chan struct{} // closed and replaced on every new pairing code
}

// Request is one request the server received.
type Request struct {
	Method, Path string
	// OperationID is empty for object-store and socket requests.
	OperationID string
	Status      int
	// ClientVersion is the x-client-version header.
	ClientVersion string
	// Authorized tells whether an Authorization header was sent.
	Authorized bool
}

// NewServer starts a Server for the duration of a test; every request or
// response that broke api/c2c.codegen.yaml fails the test at cleanup
// unless WithAllowViolations is given.
func NewServer(t testing.TB, opts ...Option) *Server {
	t.Helper()
	s, err := Start(opts...)
	if err != nil {
		t.Fatalf("c2ctest: %v", err)
	}
	t.Cleanup(func() {
		s.Close()
		if !s.cfg.allowViolations {
			for _, v := range s.Violations() {
				t.Errorf("c2ctest: spec violation: %s", v)
			}
		}
	})
	return s
}

// Start starts a Server; the caller must Close it.
func Start(opts ...Option) (*Server, error) {
	cfg := defaultConfig()
	if err := options.Apply(&cfg, opts); err != nil {
		return nil, err
	}
	doc, err := openapi3.NewLoader().LoadFromData(api.C2CCodegen())
	if err != nil {
		return nil, fmt.Errorf("load api/c2c.codegen.yaml: %w", err)
	}
	doc.Servers = openapi3.Servers{{URL: "/"}}
	router, err := legacy.NewRouter(doc)
	if err != nil {
		return nil, fmt.Errorf("router: %w", err)
	}
	s := &Server{cfg: cfg, router: router, st: newState(cfg), sockets: map[*socket]bool{}, codeReady: make(chan struct{})}
	s.ops = s.handlers()
	s.hs = httptest.NewServer(s)
	return s, nil
}

// URL is the base URL, e.g. http://127.0.0.1:4321 (pass it to
// c2c.WithBaseURL).
func (s *Server) URL() string { return s.hs.URL }

// HTTPClient returns an HTTP client for the server (pass it to
// c2c.WithHTTPClient). It is named as frameiotest.Server.HTTPClient is.
func (s *Server) HTTPClient() *http.Client { return s.hs.Client() }

// Close closes the sockets and shuts the server down.
func (s *Server) Close() {
	s.DropSockets()
	s.hs.Close()
}

// Violations lists the spec violations seen so far.
func (s *Server) Violations() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]string(nil), s.violations...)
}

// Requests lists the requests received so far, in order.
func (s *Server) Requests() []Request {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Request(nil), s.requests...)
}

func (s *Server) violation(format string, args ...any) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.violations = append(s.violations, fmt.Sprintf(format, args...))
}

func (s *Server) now() time.Time { return s.cfg.now() }

// ServeHTTP routes object-store PUTs, the status socket and API calls.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	rec := Request{Method: r.Method, Path: r.URL.Path, ClientVersion: r.Header.Get("x-client-version"), Authorized: r.Header.Get("Authorization") != ""}
	switch {
	case strings.HasPrefix(r.URL.Path, objectPrefix):
		rw := httptest.NewRecorder()
		if f := s.takeFault(r, "object"); f != nil {
			s.writeFault(rw, f)
		} else {
			s.serveObject(rw, r)
		}
		rec.Status = rw.Code
		s.log(rec)
		copyResponse(w, rw)
		return
	case r.URL.Path == socketPath:
		rec.Status = http.StatusSwitchingProtocols
		s.log(rec)
		s.serveSocket(w, r)
		return
	}
	route, params, err := s.router.FindRoute(r)
	if err != nil {
		rec.Status = http.StatusNotFound
		s.log(rec)
		s.violation("%s %s: no such operation", r.Method, r.URL.Path)
		writeJSON(w, http.StatusNotFound, detailed(http.StatusNotFound, "Not Found", "no operation for "+r.Method+" "+r.URL.Path))
		return
	}
	op := route.Operation.OperationID
	rec.OperationID = op
	if f := s.takeFault(r, op); f != nil {
		rw := httptest.NewRecorder()
		if s.writeFault(rw, f) {
			rec.Status = rw.Code
			s.log(rec)
			copyResponse(w, rw)
			return
		}
		rec.Status = 0
		s.log(rec)
		drop(w)
		return
	}
	body, _ := io.ReadAll(r.Body)
	r.Body = io.NopCloser(strings.NewReader(string(body)))
	rw := httptest.NewRecorder()
	s.serveAPI(rw, r, route, params, body)
	rec.Status = rw.Code
	s.log(rec)
	s.validateResponse(r, route, params, body, rw)
	copyResponse(w, rw)
}

func (s *Server) log(r Request) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.requests = append(s.requests, r)
}

// serveAPI checks the client version, validates the request and runs the
// operation.
func (s *Server) serveAPI(w http.ResponseWriter, r *http.Request, route *routers.Route, params map[string]string, body []byte) {
	op := route.Operation.OperationID
	if v := r.Header.Values("x-client-version"); len(v) != 1 || !semver(v[0]) {
		s.violation("%s %s: x-client-version %q", r.Method, r.URL.Path, v)
		writeJSON(w, http.StatusBadRequest, simple("Invalid client version"))
		return
	}
	in := &openapi3filter.RequestValidationInput{Request: r, PathParams: params, Route: route,
		Options: &openapi3filter.Options{AuthenticationFunc: openapi3filter.NoopAuthenticationFunc}}
	if err := openapi3filter.ValidateRequest(context.Background(), in); err != nil {
		s.violation("request %s %s (%s): %v", r.Method, r.URL.Path, op, err)
		writeJSON(w, http.StatusUnprocessableEntity, detailed(http.StatusUnprocessableEntity, "Invalid Argument", err.Error()))
		return
	}
	r.Body = io.NopCloser(strings.NewReader(string(body)))
	h := s.ops[op]
	if h == nil {
		writeJSON(w, http.StatusInternalServerError, detailed(500, "Something went wrong", "no handler for "+op))
		return
	}
	h(w, r, params)
}

func (s *Server) validateResponse(r *http.Request, route *routers.Route, params map[string]string, body []byte, rw *httptest.ResponseRecorder) {
	if rw.Code >= 400 {
		return // error bodies follow the guides' two shapes; most are not in the fragments
	}
	r.Body = io.NopCloser(strings.NewReader(string(body)))
	opts := &openapi3filter.Options{IncludeResponseStatus: true, AuthenticationFunc: openapi3filter.NoopAuthenticationFunc}
	if rw.Code == http.StatusNoContent {
		opts.ExcludeResponseBody = true
	}
	in := &openapi3filter.ResponseValidationInput{
		RequestValidationInput: &openapi3filter.RequestValidationInput{Request: r, PathParams: params, Route: route},
		Status:                 rw.Code, Header: rw.Header(), Options: opts}
	in.SetBodyBytes(rw.Body.Bytes())
	if err := openapi3filter.ValidateResponse(context.Background(), in); err != nil {
		s.violation("response %s %s -> %d: %v", r.Method, r.URL.Path, rw.Code, err)
	}
}

func copyResponse(w http.ResponseWriter, rw *httptest.ResponseRecorder) {
	for k, v := range rw.Header() {
		w.Header()[k] = v
	}
	n := strconv.Itoa(rw.Body.Len())
	if a := w.Header().Get("X-Announce-Length"); a != "" {
		n = a // a truncation fault: announce the whole body, send half
		w.Header().Del("X-Announce-Length")
	}
	w.Header().Set("Content-Length", n)
	w.WriteHeader(rw.Code)
	_, _ = w.Write(rw.Body.Bytes())
}

// drop closes the connection without an answer: a network error.
func drop(w http.ResponseWriter) {
	if hj, ok := w.(http.Hijacker); ok {
		if conn, _, err := hj.Hijack(); err == nil {
			_ = conn.Close()
			return
		}
	}
	panic(http.ErrAbortHandler)
}

func randomHex(n int) string {
	b := make([]byte, n)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}

func newID() string {
	h := randomHex(16)
	return h[0:8] + "-" + h[8:12] + "-4" + h[13:16] + "-a" + h[17:20] + "-" + h[20:32]
}
