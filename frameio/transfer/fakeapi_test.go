package transfer

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync"
	"testing"
)

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
