package frameiotest

import (
	"bytes"
	"context"
	"crypto/rand"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/getkin/kin-openapi/routers"

	"github.com/frameio-go/frameio-go/frameiotest/internal/server"
	"github.com/frameio-go/frameio-go/internal/options"
)

// Server is an in-memory Frame.io V4 API on a local httptest listener. It
// is safe for concurrent use.
type Server struct {
	cfg    config
	spec   *spec
	fill   *filler
	hs     *httptest.Server
	api    http.Handler
	secret []byte
	faults faults

	mu         sync.Mutex // guards st, violations and requests
	st         *store
	violations []Violation
	requests   []Request
}

// Request is one request the server received, as recorded by Requests.
type Request struct {
	Method      string
	Path        string
	RawQuery    string
	OperationID string // empty for object-store requests
	Status      int
}

// NewServer starts a Server for the duration of a test: it is closed with
// t.Cleanup, and every spec violation it saw fails the test at cleanup
// unless WithAllowViolations is given.
func NewServer(t testing.TB, opts ...Option) *Server {
	t.Helper()
	s, err := Start(opts...)
	if err != nil {
		t.Fatalf("frameiotest: %v", err)
	}
	t.Cleanup(func() {
		s.Close()
		if s.cfg.allowViolations {
			return
		}
		for _, v := range s.Violations() {
			t.Errorf("frameiotest: spec violation: %s", v)
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
	sp, err := loadSpec()
	if err != nil {
		return nil, err
	}
	s := &Server{cfg: cfg, spec: sp, secret: make([]byte, 32)}
	_, _ = rand.Read(s.secret)
	s.fill = &filler{now: s.now, newID: newID, checks: sp.checks}
	s.api = server.HandlerWithOptions(&handlers{s: s}, server.StdHTTPServerOptions{
		ErrorHandlerFunc: func(w http.ResponseWriter, r *http.Request, err error) {
			s.replyError(w, r, http.StatusBadRequest, "Bad Request", err.Error(), "")
		},
	})
	s.hs = httptest.NewServer(s)
	s.st = newStore()
	s.seedState()
	return s, nil
}

// URL returns the base URL of the server, e.g. http://127.0.0.1:1234.
func (s *Server) URL() string { return s.hs.URL }

// Close shuts the server down and blocks until outstanding requests finish.
func (s *Server) Close() { s.hs.Close() }

// Violations returns every request and response that broke the spec, in
// the order they happened.
func (s *Server) Violations() []Violation {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Violation(nil), s.violations...)
}

// Requests returns every request received so far, in arrival order.
func (s *Server) Requests() []Request {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Request(nil), s.requests...)
}

func (s *Server) now() time.Time { return s.cfg.now() }

func (s *Server) record(r *http.Request, opID string, status int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.requests = append(s.requests, Request{Method: r.Method, Path: r.URL.Path, RawQuery: r.URL.RawQuery, OperationID: opID, Status: status})
}

func (s *Server) addViolation(v Violation) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.violations = append(s.violations, v)
}

// ctxKey keys the routed operation in a request context.
type ctxKey struct{}

// routed is what the router found for an API request.
type routed struct {
	op     *operation
	route  *routers.Route
	params map[string]string
}

func routeOf(r *http.Request) *routed {
	rt, _ := r.Context().Value(ctxKey{}).(*routed)
	return rt
}

// ServeHTTP implements http.Handler: object-store paths go to the fake
// object store, everything else through faults, authentication, request
// validation, the operation handler and response validation. Every
// response has an x-request-id header; API responses also have the
// rate-limit headers.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	// Every response carries a request id, as Frame.io's do; *frameio.Error
	// reports it as RequestID.
	w.Header().Set("X-Request-Id", newID())
	if s.cfg.latency > 0 {
		time.Sleep(s.cfg.latency)
	}
	if strings.HasPrefix(r.URL.Path, objectPrefix) {
		rec := newRecorder()
		s.serveObject(rec, r)
		s.record(r, "", rec.status)
		rec.copyTo(w)
		return
	}
	route, params, err := s.spec.router.FindRoute(r)
	if err != nil {
		s.record(r, "", http.StatusNotFound)
		writeJSON(w, http.StatusNotFound, errorBody("Not Found", "no operation for "+r.Method+" "+r.URL.Path, ""))
		return
	}
	rt := &routed{op: s.spec.ops[route.Operation.OperationID], route: route, params: params}
	r = r.WithContext(context.WithValue(r.Context(), ctxKey{}, rt))

	f := s.faults.take(r, rt.op.ID)
	if f != nil && f.delay > 0 {
		time.Sleep(f.delay)
	}
	if f != nil && (f.kind == faultStatus || f.kind == faultRateLimit) {
		rec := newRecorder()
		s.writeFault(rec, r, f)
		rec.finish(s.fill)
		s.record(r, rt.op.ID, rec.status)
		rec.copyTo(w)
		return
	}

	rec := newRecorder()
	rateLimitHeaders(rec.header)
	s.serveAPI(rec, r, rt) // holds the lock only while it reads or changes the state
	rec.finish(s.fill)
	s.record(r, rt.op.ID, rec.status)
	if f != nil && f.kind == faultTruncate {
		rec.truncateTo(w)
		return
	}
	if f != nil && f.kind == faultMalformed {
		rec.body = *bytes.NewBufferString(`{"data": {"id": "` + newID() + `", "name": `)
		rec.copyTo(w)
		return
	}
	s.validateResponse(r, rt, rec)
	rec.copyTo(w)
}

// serveAPI authenticates and validates r, then runs its operation handler.
func (s *Server) serveAPI(w http.ResponseWriter, r *http.Request, rt *routed) {
	if !s.authorized(r) {
		s.replyError(w, r, http.StatusUnauthorized, "Unauthorized", "Invalid or missing access token. Send it as 'Authorization: Bearer <token>'.", "")
		return
	}
	if err := s.validateRequest(r, rt); err != nil {
		s.addViolation(Violation{Kind: "request", OperationID: rt.op.ID, Method: r.Method, Path: r.URL.RequestURI(), Status: http.StatusBadRequest, Message: err.Error()})
		s.replyError(w, r, http.StatusBadRequest, "Invalid request", err.Error(), pointerOf(err))
		return
	}
	s.api.ServeHTTP(w, r)
}

// rateLimitHeaders gives a response the rate-limit headers every API
// response carries (the published document declares them on each one):
// a generous budget, so the SDK's pacing never waits. RateLimitNext sends
// its own.
func rateLimitHeaders(h http.Header) {
	h.Set("x-ratelimit-limit", "100")
	h.Set("x-ratelimit-remaining", "99")
	h.Set("x-ratelimit-window", "60000")
}

// recorder buffers a response so that it can be validated before sending.
type recorder struct {
	header  http.Header
	status  int
	body    bytes.Buffer
	pending *pendingBody // a reply to complete once the handler returned
}

func newRecorder() *recorder { return &recorder{header: http.Header{}, status: http.StatusOK} }

// Header implements http.ResponseWriter.
func (rec *recorder) Header() http.Header { return rec.header }

// Write implements http.ResponseWriter.
func (rec *recorder) Write(b []byte) (int, error) { return rec.body.Write(b) }

// WriteHeader implements http.ResponseWriter.
func (rec *recorder) WriteHeader(status int) { rec.status = status }

func (rec *recorder) copyTo(w http.ResponseWriter) {
	for k, v := range rec.header {
		w.Header()[k] = v
	}
	if rec.body.Len() > 0 {
		w.Header().Set("Content-Length", strconv.Itoa(rec.body.Len()))
	}
	w.WriteHeader(rec.status)
	_, _ = w.Write(rec.body.Bytes())
}

// truncateTo announces the full length but sends only half of the body, so
// the client sees an unexpected EOF.
func (rec *recorder) truncateTo(w http.ResponseWriter) {
	for k, v := range rec.header {
		w.Header()[k] = v
	}
	full := rec.body.Bytes()
	w.Header().Set("Content-Length", strconv.Itoa(len(full)+1))
	w.WriteHeader(rec.status)
	_, _ = w.Write(full[:len(full)/2])
	if fl, ok := w.(http.Flusher); ok {
		fl.Flush()
	}
}

// newID returns a random RFC 4122 version 4 UUID.
func newID() string {
	var b [16]byte
	_, _ = rand.Read(b[:])
	b[6] = b[6]&0x0f | 0x40
	b[8] = b[8]&0x3f | 0x80
	return fmt.Sprintf("%x-%x-%x-%x-%x", b[0:4], b[4:6], b[6:8], b[8:10], b[10:16])
}
