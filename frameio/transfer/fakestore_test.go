package transfer

import (
	"bytes"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/frameio-go/frameio-go/internal/testutil"
)

// The query of the fake presigned URLs: a signature and a credential shaped
// like S3's, which must never reach an error string or a log line.
const (
	testSignature  = "5ec12e7a9f0c4b8d8e6f1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b1c2d"
	testAccessKey  = "AKIAFAKESECRET0KEYID"
	testCredential = testAccessKey + "%2F20260101%2Fus-east-1%2Fs3%2Faws4_request"
	presignedQuery = "?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=" + testCredential + "&X-Amz-Signature=" + testSignature
)

// presignedSecrets are the values of presignedQuery that are secret, in
// every form they could be printed in.
var presignedSecrets = []string{testSignature, testAccessKey, testCredential}

// sleepRecorder records waits instead of waiting.
type sleepRecorder = testutil.SleepRecorder

// partFault decides how the store answers attempt n (1-based) of a part:
// 0 means accept, a status answers with it, -1 drops the connection.
type partFault func(part, attempt int) int

// fakeStore is an object store behind presigned URLs: PUT /up/{file}/{part}
// stores a part, GET /dl/{file} serves the assembled object with Range.
type fakeStore struct {
	t   testing.TB
	srv *httptest.Server

	mu         sync.Mutex
	parts      map[string]map[int][]byte // file -> part -> bytes
	attempts   map[string]int            // file/part -> attempts
	violations []string
	mediaType  map[string]string // file -> expected Content-Type
	sizes      map[string][]int  // file -> expected part sizes
	fault      partFault
	objects    map[string][]byte // downloadable objects
	dropAfter  map[string]int64  // object -> cut the first response after n bytes
	ignoreRng  bool
	gets       []string // Range headers of GETs
	discard    bool     // count bytes only
	received   int64
}

func newFakeStore(t testing.TB) *fakeStore {
	s := &fakeStore{t: t, parts: map[string]map[int][]byte{}, attempts: map[string]int{},
		mediaType: map[string]string{}, sizes: map[string][]int{}, objects: map[string][]byte{}, dropAfter: map[string]int64{}}
	s.srv = httptest.NewServer(http.HandlerFunc(s.serve))
	t.Cleanup(s.srv.Close)
	return s
}

func (s *fakeStore) violate(format string, args ...any) {
	s.mu.Lock()
	s.violations = append(s.violations, fmt.Sprintf(format, args...))
	s.mu.Unlock()
}

func (s *fakeStore) serve(w http.ResponseWriter, r *http.Request) {
	if r.Header.Get("Authorization") != "" {
		s.violate("%s %s carries Authorization", r.Method, r.URL.Path)
	}
	segs := strings.Split(strings.Trim(r.URL.Path, "/"), "/")
	switch {
	case r.Method == http.MethodPut && len(segs) == 3 && segs[0] == "up":
		s.put(w, r, segs[1], segs[2])
	case r.Method == http.MethodGet && len(segs) == 2 && segs[0] == "dl":
		s.get(w, r, segs[1])
	default:
		http.NotFound(w, r)
	}
}

func (s *fakeStore) put(w http.ResponseWriter, r *http.Request, file, partStr string) {
	n, _ := strconv.Atoi(partStr)
	s.mu.Lock()
	key := file + "/" + partStr
	s.attempts[key]++
	attempt := s.attempts[key]
	fault, want, sizes, discard := s.fault, s.mediaType[file], s.sizes[file], s.discard
	s.mu.Unlock()
	if got := r.Header.Get("X-Amz-Acl"); got != "private" {
		s.violate("part %s: x-amz-acl %q", key, got)
	}
	if got := r.Header.Get("Content-Type"); got != want {
		s.violate("part %s: Content-Type %q, want %q", key, got, want)
	}
	if n >= 1 && n <= len(sizes) && r.ContentLength != int64(sizes[n-1]) {
		s.violate("part %s: Content-Length %d, want %d", key, r.ContentLength, sizes[n-1])
	}
	if fault != nil {
		switch code := fault(n, attempt); {
		case code == -1:
			_, _ = io.CopyN(io.Discard, r.Body, r.ContentLength/2)
			dropConn(w)
			return
		case code != 0:
			_, _ = io.Copy(io.Discard, r.Body)
			w.WriteHeader(code)
			if code == http.StatusForbidden {
				_, _ = io.WriteString(w, "<Error><Code>AccessDenied</Code><Message>Request has expired</Message></Error>")
			}
			return
		}
	}
	if discard {
		c, _ := io.Copy(io.Discard, r.Body)
		s.mu.Lock()
		s.received += c
		s.mu.Unlock()
		return
	}
	b, err := io.ReadAll(r.Body)
	if err != nil {
		return
	}
	s.mu.Lock()
	if s.parts[file] == nil {
		s.parts[file] = map[int][]byte{}
	}
	s.parts[file][n] = b
	s.mu.Unlock()
}

func (s *fakeStore) get(w http.ResponseWriter, r *http.Request, name string) {
	s.mu.Lock()
	obj, ok := s.objects[name]
	drop, cut := s.dropAfter[name]
	delete(s.dropAfter, name)
	s.gets = append(s.gets, r.Header.Get("Range"))
	ignore := s.ignoreRng
	s.mu.Unlock()
	if !ok {
		http.NotFound(w, r)
		return
	}
	if cut {
		w.Header().Set("Content-Length", strconv.Itoa(len(obj)))
		w.WriteHeader(http.StatusOK)
		_, _ = w.Write(obj[:drop])
		w.(http.Flusher).Flush()
		dropConn(w)
		return
	}
	if ignore {
		r.Header.Del("Range")
	}
	http.ServeContent(w, r, name, time.Time{}, bytes.NewReader(obj))
}

// assembled returns the parts of file joined in order.
func (s *fakeStore) assembled(file string) []byte {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []byte
	for i := 1; i <= len(s.parts[file]); i++ {
		out = append(out, s.parts[file][i]...)
	}
	return out
}

func (s *fakeStore) noViolations(t testing.TB) {
	t.Helper()
	s.mu.Lock()
	defer s.mu.Unlock()
	require.Empty(t, s.violations)
}

// dropConn closes the connection under w, whatever was written so far:
// the client sees the body cut off (or no response at all).
func dropConn(w http.ResponseWriter) {
	if conn, _, err := w.(http.Hijacker).Hijack(); err == nil {
		_ = conn.Close()
	}
}

// restart moves the store behind a new server answering with h, which
// setup prepares before it starts: upload URLs and links made from then
// on point at it.
func (s *fakeStore) restart(tb testing.TB, h http.Handler, setup func(*httptest.Server)) {
	tb.Helper()
	srv := httptest.NewUnstartedServer(h)
	setup(srv)
	srv.Start()
	tb.Cleanup(srv.Close)
	s.srv = srv
}
