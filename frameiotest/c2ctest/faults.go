package c2ctest

import (
	"net/http"
	"net/http/httptest"
	"path"
	"slices"
	"strconv"
)

type faultKind int

const (
	faultStatus faultKind = iota
	faultDrop
	faultTruncate
	faultMalformed
)

type fault struct {
	kind      faultKind
	remaining int
	status    int
	body      string
	xml       bool
	ops       []string
	pattern   string
}

// FaultOption narrows the requests a fault applies to.
type FaultOption func(*fault)

// ForOperation limits a fault to operation ids of api/c2c.codegen.yaml
// (e.g. "devices_device_asset_create", "health_check").
func ForOperation(ids ...string) FaultOption { return func(f *fault) { f.ops = ids } }

// ForPath limits a fault to paths matching pattern (path.Match syntax).
func ForPath(pattern string) FaultOption { return func(f *fault) { f.pattern = pattern } }

func (s *Server) addFault(f *fault, opts []FaultOption) {
	for _, o := range opts {
		o(f)
	}
	if f.remaining <= 0 {
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.faults = append(s.faults, f)
}

// FailNext answers the next n matching API calls with status and body (raw
// JSON, e.g. SimpleError("slow_down") or DetailedError(409, "Channel
// Paused", ...); empty gives a detailed body named after the status).
func (s *Server) FailNext(n, status int, body string, opts ...FaultOption) {
	if body == "" {
		body = DetailedError(status, http.StatusText(status), "injected fault")
	}
	s.addFault(&fault{kind: faultStatus, remaining: n, status: status, body: body}, opts)
}

// DropNext closes the connection of the next n matching API calls without
// an answer (the client sees a network error).
func (s *Server) DropNext(n int, opts ...FaultOption) {
	s.addFault(&fault{kind: faultDrop, remaining: n}, opts)
}

// TruncateNext makes the next n matching API calls send half a body while
// announcing all of it.
func (s *Server) TruncateNext(n int, opts ...FaultOption) {
	s.addFault(&fault{kind: faultTruncate, remaining: n, status: http.StatusOK}, opts)
}

// MalformNext answers the next n matching API calls with 200 and a body
// that is not JSON.
func (s *Server) MalformNext(n int, opts ...FaultOption) {
	s.addFault(&fault{kind: faultMalformed, remaining: n, status: http.StatusOK}, opts)
}

// FailParts makes the next n chunk PUTs to the object store fail with
// status and an S3 XML error of code (e.g. 503 "SlowDown"); the chunk is
// not stored.
func (s *Server) FailParts(n, status int, code string) {
	s.addFault(&fault{kind: faultStatus, remaining: n, status: status, body: S3Error(code, "injected fault"), xml: true, ops: []string{"object"}}, nil)
}

// SetUnreachable makes every API call, GET /health included, fail with a
// closed connection until it is called with false: Frame.io is down.
func (s *Server) SetUnreachable(down bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.st.unreachable = down
}

// ClearFaults drops every queued fault.
func (s *Server) ClearFaults() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.faults = nil
}

// takeFault consumes the first fault matching r (op "object" for the
// object store).
func (s *Server) takeFault(r *http.Request, op string) *fault {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.st.unreachable && op != "object" {
		return &fault{kind: faultDrop}
	}
	for i, f := range s.faults {
		if (len(f.ops) > 0 && !slices.Contains(f.ops, op)) || (len(f.ops) == 0 && op == "object") {
			continue
		}
		if ok, _ := path.Match(f.pattern, r.URL.Path); f.pattern != "" && !ok {
			continue
		}
		f.remaining--
		if f.remaining == 0 {
			s.faults = slices.Delete(s.faults, i, i+1)
		}
		c := *f
		return &c
	}
	return nil
}

// writeFault writes f's answer; false means the connection must be dropped.
func (s *Server) writeFault(w *httptest.ResponseRecorder, f *fault) bool {
	switch f.kind {
	case faultDrop:
		return false
	case faultTruncate:
		body := `{"_type": "project_device", "id": "` + newID() + `", "name": "truncated"}`
		w.Header().Set("X-Announce-Length", strconv.Itoa(len(body)))
		w.WriteHeader(f.status)
		_, _ = w.Write([]byte(body[:len(body)/2]))
		return true
	case faultMalformed:
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(f.status)
		_, _ = w.Write([]byte(`{"id": "` + newID() + `", "name": `))
		return true
	}
	ctype := "application/json"
	if f.xml {
		ctype = "application/xml"
	}
	w.Header().Set("Content-Type", ctype)
	w.WriteHeader(f.status)
	_, _ = w.Write([]byte(f.body))
	return true
}
