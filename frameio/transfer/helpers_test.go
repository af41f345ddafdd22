package transfer

import (
	"bytes"
	"crypto/rand"
	"crypto/sha256"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/frameio-go/frameio-go/frameio"
	"github.com/frameio-go/frameio-go/internal/testutil"
)

const testToken = "tok-SECRET-transfer"

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
			hj, _ := w.(http.Hijacker)
			conn, _, err := hj.Hijack()
			if err == nil {
				_ = conn.Close()
			}
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
		hj, _ := w.(http.Hijacker)
		if conn, _, err := hj.Hijack(); err == nil {
			_ = conn.Close()
		}
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

// fakeAPI is the part of the Frame.io API the helpers call.
type fakeAPI struct {
	t     testing.TB
	srv   *httptest.Server
	store *fakeStore

	mu          sync.Mutex
	partSize    int
	nextID      int
	files       map[string]map[string]any // id -> file JSON
	statusPolls map[string]int
	completeAt  int                         // upload_complete from this poll on
	failUpload  bool                        // upload_failed
	transcodeAt int                         // status transcoded from this show on
	shows       map[string]int              // file -> shows
	folders     map[string][]map[string]any // parent -> child folders
	stacks      map[string]map[string]any
	moves       map[string]string // file -> new parent
	stackFiles  [][]string
	bodies      []map[string]any // local_upload bodies
	sizeHook    func(size int) []int
	noLink      bool
	forbidden   bool
	failFolder  string            // folders.create of this name answers 500... 422
	links       map[string]string // file -> media link, instead of the store's /dl/{file}
}

func newFakeAPI(t testing.TB, store *fakeStore) *fakeAPI {
	a := &fakeAPI{t: t, store: store, partSize: 1000, files: map[string]map[string]any{}, statusPolls: map[string]int{},
		completeAt: 1, transcodeAt: 1, shows: map[string]int{}, folders: map[string][]map[string]any{},
		stacks: map[string]map[string]any{}, moves: map[string]string{}}
	mux := http.NewServeMux()
	mux.HandleFunc("POST /v4/accounts/{a}/folders/{f}/files/local_upload", a.localUpload)
	mux.HandleFunc("POST /v4/accounts/{a}/folders/{f}/files/remote_upload", a.remoteUpload)
	mux.HandleFunc("GET /v4/accounts/{a}/files/{id}/status", a.status)
	mux.HandleFunc("GET /v4/accounts/{a}/files/{id}", a.show)
	mux.HandleFunc("PATCH /v4/accounts/{a}/files/{id}/move", a.move)
	mux.HandleFunc("GET /v4/accounts/{a}/version_stacks/{id}", a.showStack)
	mux.HandleFunc("POST /v4/accounts/{a}/folders/{f}/version_stacks", a.createStack)
	mux.HandleFunc("GET /v4/accounts/{a}/folders/{f}/folders", a.listFolders)
	mux.HandleFunc("POST /v4/accounts/{a}/folders/{f}/folders", a.createFolder)
	a.srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("Authorization") != "Bearer "+testToken {
			writeJSON(w, 401, map[string]any{"errors": []any{map[string]any{"title": "Unauthorized"}}})
			return
		}
		mux.ServeHTTP(w, r)
	}))
	t.Cleanup(a.srv.Close)
	return a
}

func writeJSON(w http.ResponseWriter, code int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(code)
	_ = json.NewEncoder(w).Encode(v)
}

func notFound(w http.ResponseWriter) {
	writeJSON(w, 404, map[string]any{"errors": []any{map[string]any{"title": "Not Found"}}})
}

func (a *fakeAPI) newID(prefix string) string {
	a.nextID++
	return fmt.Sprintf("%s-%d", prefix, a.nextID)
}

func (a *fakeAPI) localUpload(w http.ResponseWriter, r *http.Request) {
	var body struct {
		Data map[string]any `json:"data"`
	}
	if err := json.NewDecoder(r.Body).Decode(&body); err != nil {
		writeJSON(w, 422, nil)
		return
	}
	name, _ := body.Data["name"].(string)
	size := int(body.Data["file_size"].(float64))
	mt, _ := body.Data["media_type"].(string)
	if mt == "" {
		mt = MediaTypeOf(name)
	}
	a.mu.Lock()
	a.bodies = append(a.bodies, body.Data)
	id := a.newID("file")
	var sizes []int
	if a.sizeHook != nil {
		sizes = a.sizeHook(size)
	} else {
		for rest := size; rest > 0; rest -= a.partSize {
			sizes = append(sizes, min(rest, a.partSize))
		}
		if size == 0 {
			sizes = []int{0}
		}
	}
	urls := []any{}
	for i, sz := range sizes {
		urls = append(urls, map[string]any{"size": sz, "url": fmt.Sprintf("%s/up/%s/%d%s", a.store.srv.URL, id, i+1, presignedQuery)})
	}
	file := map[string]any{"id": id, "name": name, "file_size": size, "media_type": mt, "status": "created",
		"type": "file", "parent_id": r.PathValue("f"), "upload_urls": urls}
	a.files[id] = file
	a.mu.Unlock()
	a.store.mu.Lock()
	a.store.mediaType[id] = mt
	a.store.sizes[id] = sizes
	a.store.mu.Unlock()
	writeJSON(w, 201, map[string]any{"data": file})
}

func (a *fakeAPI) remoteUpload(w http.ResponseWriter, r *http.Request) {
	var body struct {
		Data map[string]any `json:"data"`
	}
	_ = json.NewDecoder(r.Body).Decode(&body)
	a.mu.Lock()
	id := a.newID("file")
	file := map[string]any{"id": id, "name": body.Data["name"], "status": "created", "type": "file",
		"file_size": 0, "media_type": "video/mp4", "source": body.Data["source_url"]}
	a.files[id] = file
	a.mu.Unlock()
	writeJSON(w, 201, map[string]any{"data": file, "links": map[string]any{"status": "/v4/accounts/acc/files/" + id + "/status"}})
}

func (a *fakeAPI) status(w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("id")
	a.mu.Lock()
	defer a.mu.Unlock()
	if _, ok := a.files[id]; !ok {
		notFound(w)
		return
	}
	a.statusPolls[id]++
	done := a.statusPolls[id] >= a.completeAt
	writeJSON(w, 200, map[string]any{"data": map[string]any{"id": id, "filetype": "video/mp4",
		"upload_complete": done && !a.failUpload, "upload_failed": a.failUpload, "upload_completed_at": nil, "uploaded_at": nil}})
}

func (a *fakeAPI) show(w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("id")
	a.mu.Lock()
	defer a.mu.Unlock()
	f, ok := a.files[id]
	if !ok {
		notFound(w)
		return
	}
	if strings.Contains(r.URL.Query().Get("include"), "media_links") && a.forbidden {
		writeJSON(w, 403, map[string]any{"errors": []any{map[string]any{"title": "Forbidden"}}})
		return
	}
	a.shows[id]++
	out := map[string]any{}
	for k, v := range f {
		if k != "upload_urls" {
			out[k] = v
		}
	}
	if a.shows[id] >= a.transcodeAt {
		out["status"] = "transcoded"
	} else {
		out["status"] = "uploaded"
	}
	if inc := r.URL.Query().Get("include"); inc == "media_links.original" {
		link := any(a.store.srv.URL + "/dl/" + id + presignedQuery)
		if l, ok := a.links[id]; ok {
			link = l
		}
		if a.noLink {
			link = nil
		}
		out["media_links"] = map[string]any{"original": map[string]any{"download_url": link, "inline_url": nil}}
	}
	writeJSON(w, 200, map[string]any{"data": out})
}

func (a *fakeAPI) move(w http.ResponseWriter, r *http.Request) {
	var body struct {
		Data struct {
			ParentID string `json:"parent_id"`
		} `json:"data"`
	}
	_ = json.NewDecoder(r.Body).Decode(&body)
	a.mu.Lock()
	defer a.mu.Unlock()
	id := r.PathValue("id")
	f, ok := a.files[id]
	if !ok {
		notFound(w)
		return
	}
	a.moves[id] = body.Data.ParentID
	f["parent_id"] = body.Data.ParentID
	writeJSON(w, 200, map[string]any{"data": f})
}

func (a *fakeAPI) showStack(w http.ResponseWriter, r *http.Request) {
	a.mu.Lock()
	defer a.mu.Unlock()
	vs, ok := a.stacks[r.PathValue("id")]
	if !ok {
		notFound(w)
		return
	}
	writeJSON(w, 200, map[string]any{"data": vs})
}

func (a *fakeAPI) createStack(w http.ResponseWriter, r *http.Request) {
	var body struct {
		Data struct {
			FileIDs []string `json:"file_ids"`
		} `json:"data"`
	}
	_ = json.NewDecoder(r.Body).Decode(&body)
	a.mu.Lock()
	defer a.mu.Unlock()
	id := a.newID("stack")
	vs := map[string]any{"id": id, "name": "stack", "type": "version_stack", "parent_id": r.PathValue("f"), "head_version": nil}
	a.stacks[id] = vs
	a.stackFiles = append(a.stackFiles, body.Data.FileIDs)
	writeJSON(w, 201, map[string]any{"data": vs})
}

func (a *fakeAPI) listFolders(w http.ResponseWriter, r *http.Request) {
	a.mu.Lock()
	defer a.mu.Unlock()
	parent := r.PathValue("f")
	all := a.folders[parent]
	// one folder per page, to exercise pagination
	start := 0
	if after := r.URL.Query().Get("after"); after != "" {
		start, _ = strconv.Atoi(after)
	}
	var data []any
	next := any(nil)
	if start < len(all) {
		data = append(data, all[start])
		if start+1 < len(all) {
			next = fmt.Sprintf("/v4/accounts/%s/folders/%s/folders?after=%d", r.PathValue("a"), parent, start+1)
		}
	}
	writeJSON(w, 200, map[string]any{"data": data, "links": map[string]any{"next": next}})
}

func (a *fakeAPI) createFolder(w http.ResponseWriter, r *http.Request) {
	var body struct {
		Data struct {
			Name string `json:"name"`
		} `json:"data"`
	}
	_ = json.NewDecoder(r.Body).Decode(&body)
	a.mu.Lock()
	defer a.mu.Unlock()
	if body.Data.Name == a.failFolder {
		writeJSON(w, 422, map[string]any{"errors": []any{map[string]any{"title": "Invalid name"}}})
		return
	}
	parent := r.PathValue("f")
	f := map[string]any{"id": a.newID("folder"), "name": body.Data.Name, "type": "folder", "parent_id": parent}
	a.folders[parent] = append(a.folders[parent], f)
	writeJSON(w, 201, map[string]any{"data": f})
}

// env bundles a fake API, a fake store, a client and a recording sleeper.
type env struct {
	api    *fakeAPI
	store  *fakeStore
	client *frameio.Client
	sleeps *sleepRecorder
	hc     *http.Client // object store
	apiHC  *http.Client // API
}

// closeIdle closes the keep-alive connections of both clients.
func (e *env) closeIdle() {
	e.hc.CloseIdleConnections()
	e.apiHC.CloseIdleConnections()
}

func newEnv(t testing.TB) *env {
	t.Helper()
	e := &env{store: newFakeStore(t), sleeps: &sleepRecorder{}}
	e.api = newFakeAPI(t, e.store)
	e.apiHC = &http.Client{Transport: http.DefaultTransport.(*http.Transport).Clone()}
	t.Cleanup(e.apiHC.CloseIdleConnections)
	c, err := frameio.NewClient(frameio.WithBaseURL(e.api.srv.URL), frameio.WithToken(testToken),
		frameio.WithSleeper(e.sleeps.Sleep), frameio.WithMaxRetries(0), frameio.WithHTTPClient(e.apiHC))
	require.NoError(t, err)
	e.client = c
	e.hc = &http.Client{Transport: http.DefaultTransport.(*http.Transport).Clone()}
	t.Cleanup(e.hc.CloseIdleConnections)
	return e
}

func (e *env) uploader(t testing.TB, opts ...Option) *Uploader {
	t.Helper()
	u, err := NewUploader(e.client, append([]Option{WithSleeper(e.sleeps.Sleep), WithHTTPClient(e.hc)}, opts...)...)
	require.NoError(t, err)
	return u
}

func (e *env) downloader(t *testing.T, opts ...Option) *Downloader {
	t.Helper()
	d, err := NewDownloader(e.client, append([]Option{WithSleeper(e.sleeps.Sleep), WithHTTPClient(e.hc)}, opts...)...)
	require.NoError(t, err)
	return d
}

// randomFile writes n random bytes to a file in dir and returns its path
// and content.
func randomFile(t *testing.T, dir, name string, n int) (string, []byte) {
	t.Helper()
	b := make([]byte, n)
	_, _ = rand.Read(b)
	p := filepath.Join(dir, name)
	require.NoError(t, os.MkdirAll(filepath.Dir(p), 0o755))
	require.NoError(t, os.WriteFile(p, b, 0o644))
	return p, b
}

func sum(b []byte) [32]byte { return sha256.Sum256(b) }

// progressLog records progress calls.
type progressLog struct {
	mu    sync.Mutex
	calls [][2]int64
}

func (p *progressLog) fn(done, total int64) {
	p.mu.Lock()
	p.calls = append(p.calls, [2]int64{done, total})
	p.mu.Unlock()
}

func (p *progressLog) check(t *testing.T, total int64) {
	t.Helper()
	p.mu.Lock()
	defer p.mu.Unlock()
	require.NotEmpty(t, p.calls)
	prev := int64(-1)
	for _, c := range p.calls {
		require.Greater(t, c[0], prev, "progress went back or repeated: %v", p.calls)
		require.Equal(t, total, c[1])
		prev = c[0]
	}
	require.Equal(t, [2]int64{0, total}, p.calls[0])
	require.Equal(t, total, p.calls[len(p.calls)-1][0])
}

// settleGoroutines waits (really, briefly) until the goroutine count is
// back to at most base.
func settleGoroutines(t *testing.T, base int) {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for runtime.NumGoroutine() > base && time.Now().Before(deadline) {
		time.Sleep(10 * time.Millisecond)
	}
	if n := runtime.NumGoroutine(); n > base {
		buf := make([]byte, 1<<20)
		buf = buf[:runtime.Stack(buf, true)]
		t.Fatalf("%d goroutines still running, want <= %d:\n%s", n, base, buf)
	}
}

func runtimeGoroutines() int { return runtime.NumGoroutine() }

func errNotExist() error { return os.ErrNotExist }
