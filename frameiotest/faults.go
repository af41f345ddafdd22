package frameiotest

import (
	"net/http"
	"path"
	"slices"
	"strconv"
	"sync"
	"time"
)

// faultKind is what an injected fault does.
type faultKind int

const (
	faultStatus    faultKind = iota // reply with an error status
	faultRateLimit                  // reply 429 with rate-limit headers
	faultDelay                      // only add latency
	faultTruncate                   // send half of a valid body
	faultMalformed                  // send invalid JSON with status 200
)

// fault is one queued fault, consumed by matching requests.
type fault struct {
	kind       faultKind
	remaining  int
	status     int
	delay      time.Duration
	retryAfter time.Duration
	ops        []string
	pattern    string
	method     string
}

// FaultOption narrows which requests a fault applies to.
type FaultOption func(*fault)

// ForOperation limits a fault to the given operation ids (e.g. "files_show").
func ForOperation(ids ...string) FaultOption { return func(f *fault) { f.ops = ids } }

// ForPath limits a fault to request paths matching pattern, in path.Match
// syntax (e.g. "/v4/accounts/*/files/*").
func ForPath(pattern string) FaultOption { return func(f *fault) { f.pattern = pattern } }

// ForMethod limits a fault to one HTTP method.
func ForMethod(method string) FaultOption { return func(f *fault) { f.method = method } }

// faults is the queue of injected faults.
type faults struct {
	mu          sync.Mutex
	queue       []*fault
	uploadFails []*fault
}

func (fs *faults) add(f *fault, opts []FaultOption) {
	for _, o := range opts {
		o(f)
	}
	if f.remaining <= 0 {
		return
	}
	fs.mu.Lock()
	defer fs.mu.Unlock()
	fs.queue = append(fs.queue, f)
}

func (f *fault) matches(r *http.Request, opID string) bool {
	if len(f.ops) > 0 && !slices.Contains(f.ops, opID) {
		return false
	}
	if f.method != "" && f.method != r.Method {
		return false
	}
	if f.pattern != "" {
		if ok, _ := path.Match(f.pattern, r.URL.Path); !ok {
			return false
		}
	}
	return true
}

// take consumes the first fault matching r, returning a copy of it.
func (fs *faults) take(r *http.Request, opID string) *fault {
	fs.mu.Lock()
	defer fs.mu.Unlock()
	for i, f := range fs.queue {
		if !f.matches(r, opID) {
			continue
		}
		f.remaining--
		if f.remaining == 0 {
			fs.queue = slices.Delete(fs.queue, i, i+1)
		}
		c := *f
		return &c
	}
	return nil
}

func (fs *faults) takeUpload() *fault {
	fs.mu.Lock()
	defer fs.mu.Unlock()
	if len(fs.uploadFails) == 0 {
		return nil
	}
	f := fs.uploadFails[0]
	f.remaining--
	if f.remaining == 0 {
		fs.uploadFails = fs.uploadFails[1:]
	}
	c := *f
	return &c
}

// FailNext makes the next n matching API requests fail with status and the
// documented error body. Without options every operation matches.
func (s *Server) FailNext(n, status int, opts ...FaultOption) {
	s.faults.add(&fault{kind: faultStatus, remaining: n, status: status}, opts)
}

// RateLimitNext makes the next n matching API requests answer 429 Too Many
// Requests with x-ratelimit-limit, x-ratelimit-remaining: 0,
// x-ratelimit-window (ms) and Retry-After (seconds, rounded up).
func (s *Server) RateLimitNext(n int, retryAfter time.Duration, opts ...FaultOption) {
	s.faults.add(&fault{kind: faultRateLimit, remaining: n, status: http.StatusTooManyRequests, retryAfter: retryAfter}, opts)
}

// DelayNext adds latency d to the next n matching API requests, which
// otherwise succeed.
func (s *Server) DelayNext(n int, d time.Duration, opts ...FaultOption) {
	s.faults.add(&fault{kind: faultDelay, remaining: n, delay: d}, opts)
}

// TruncateNext makes the next n matching API requests send only half of
// their (otherwise valid) body while announcing its full length.
func (s *Server) TruncateNext(n int, opts ...FaultOption) {
	s.faults.add(&fault{kind: faultTruncate, remaining: n}, opts)
}

// MalformNext makes the next n matching API requests answer with their
// normal status but a body that is not valid JSON.
func (s *Server) MalformNext(n int, opts ...FaultOption) {
	s.faults.add(&fault{kind: faultMalformed, remaining: n}, opts)
}

// FailUploadParts makes the next n upload-part PUTs to the object store
// fail with status (and an S3-style XML error); the part is not stored.
func (s *Server) FailUploadParts(n, status int) {
	if n <= 0 {
		return
	}
	s.faults.mu.Lock()
	defer s.faults.mu.Unlock()
	s.faults.uploadFails = append(s.faults.uploadFails, &fault{kind: faultStatus, remaining: n, status: status})
}

// ClearFaults drops every queued fault.
func (s *Server) ClearFaults() {
	s.faults.mu.Lock()
	defer s.faults.mu.Unlock()
	s.faults.queue = nil
	s.faults.uploadFails = nil
}

// writeFault writes the error response of a status or rate-limit fault.
func (s *Server) writeFault(w http.ResponseWriter, r *http.Request, f *fault) {
	if f.kind == faultRateLimit {
		secs := int((f.retryAfter + time.Second - 1) / time.Second)
		w.Header().Set("x-ratelimit-limit", "10")
		w.Header().Set("x-ratelimit-remaining", "0")
		w.Header().Set("x-ratelimit-window", strconv.FormatInt(max(f.retryAfter.Milliseconds(), 1000), 10))
		w.Header().Set("Retry-After", strconv.Itoa(secs))
		s.replyError(w, r, http.StatusTooManyRequests, "Too Many Requests", "Rate limit exceeded, retry later", "")
		return
	}
	rateLimitHeaders(w.Header())
	s.replyError(w, r, f.status, http.StatusText(f.status), "injected fault", "")
}
