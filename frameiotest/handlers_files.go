package frameiotest

import (
	"encoding/json"
	"fmt"
	"net/http"

	"github.com/frameio-go/frameio-go/frameio"
	"github.com/frameio-go/frameio-go/gen"
)

// newFile stores a file in status "created" under parent (a folder or
// version stack); the caller holds s.mu. An empty mediaType is guessed
// from the name.
func (s *Server) newFile(parent *record, name string, size int64, mediaType string) *record {
	if mediaType == "" {
		mediaType = guessMediaType(name)
	}
	id := newID()
	a := s.base(name)
	a["type"] = "file"
	a["parent_id"] = parent.id
	a["project_id"] = parent.str("project_id")
	a["file_size"] = size
	a["media_type"] = mediaType
	a["status"] = "created"
	a["view_url"] = "https://next.frame.io/project/" + parent.str("project_id") + "/view/" + id
	rec := s.st.put(kindFile, id, parent.id, a)
	rec.file = &fileState{partSizes: partSizes(size, s.cfg.partSize), parts: map[int][]byte{}, urlExpiry: s.now().Add(s.cfg.uploadURLTTL)}
	return rec
}

// uploadURLs returns the presigned part URLs of a new file.
func (s *Server) uploadURLs(rec *record) []any {
	urls := make([]any, len(rec.file.partSizes))
	for i, size := range rec.file.partSizes {
		p := fmt.Sprintf("%suploads/%s/part_%d", objectPrefix, rec.id, i+1)
		urls[i] = map[string]any{"size": size, "url": s.presign(http.MethodPut, p, s.cfg.uploadURLTTL)}
	}
	return urls
}

// FilesCreateLocalUpload creates a file from the body's name, file_size
// and optional media_type (the spec's FileCreateLocalUploadParamsData; the
// media type is guessed from the name without one) and returns its upload
// URLs.
func (h *handlers) FilesCreateLocalUpload(w http.ResponseWriter, r *http.Request, _ gen.FrameOrAdobeID, folderID gen.FrameOrAdobeID) {
	var body gen.FileCreateLocalUploadParams
	_ = json.NewDecoder(r.Body).Decode(&body) // validated already
	d := body.Data
	h.s.createUpload(w, r, folderID, d.Name, int64(d.FileSize), frameio.Value(d.MediaType))
}

// FilesCreate creates a file (with upload URLs) from name, size and media
// type (the spec's FileCreateParamsData).
func (h *handlers) FilesCreate(w http.ResponseWriter, r *http.Request, _ gen.FrameOrAdobeID, folderID gen.FrameOrAdobeID) {
	var body gen.FileCreateParams
	_ = json.NewDecoder(r.Body).Decode(&body) // validated already
	d := body.Data
	h.s.createUpload(w, r, folderID, d.Name, int64(d.FileSize), d.MediaType)
}

// createUpload creates a file of size bytes called name in the folder
// folderID and replies with its upload URLs.
func (s *Server) createUpload(w http.ResponseWriter, r *http.Request, folderID, name string, size int64, mediaType string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	parent := s.folderOr404(w, r, folderID)
	if parent == nil {
		return
	}
	if size < 0 {
		s.replyError(w, r, http.StatusUnprocessableEntity, "Invalid file_size", "file_size must not be negative", "/data/file_size")
		return
	}
	rec := s.newFile(parent, name, size, mediaType)
	v := rec.view()
	v["upload_urls"] = s.uploadURLs(rec)
	s.replyData(w, r, v)
}

// FilesCreateRemoteUpload creates a file whose bytes come from source_url
// (see WithRemoteFetch); it turns "uploaded" on its first status poll.
func (h *handlers) FilesCreateRemoteUpload(w http.ResponseWriter, r *http.Request, _ gen.FrameOrAdobeID, folderID gen.FrameOrAdobeID) {
	d := decodeData(r)
	src := str(d, "source_url")
	content := []byte(src)
	if h.s.cfg.remoteFetch != nil {
		b, err := h.s.cfg.remoteFetch(src)
		if err != nil {
			h.s.replyError(w, r, http.StatusUnprocessableEntity, "Invalid source_url", err.Error(), "/data/source_url")
			return
		}
		content = b
	}
	h.s.mu.Lock()
	defer h.s.mu.Unlock()
	parent := h.s.folderOr404(w, r, folderID)
	if parent == nil {
		return
	}
	rec := h.s.newFile(parent, str(d, "name"), int64(len(content)), "")
	rec.file.remote = src
	rec.file.pending = content
	h.s.replyData(w, r, rec.view())
}

// FilesImportFile imports a file; the fake creates an uploaded file.
func (h *handlers) FilesImportFile(w http.ResponseWriter, r *http.Request, _ gen.FrameOrAdobeID, folderID gen.FrameOrAdobeID) {
	d := decodeData(r)
	h.s.mu.Lock()
	defer h.s.mu.Unlock()
	parent := h.s.folderOr404(w, r, folderID)
	if parent == nil {
		return
	}
	name := str(d, "name")
	if name == "" {
		name = "imported"
	}
	rec := h.s.newFile(parent, name, 0, "")
	rec.file.pending = []byte{}
	h.s.replyData(w, r, rec.view())
}

// FilesShow shows a file (counts as a status poll), with media links as
// asked by include.
func (h *handlers) FilesShow(w http.ResponseWriter, r *http.Request, _ gen.FrameOrAdobeID, id gen.FrameOrAdobeID, _ gen.FilesShowParams) {
	h.s.showKind(w, r, kindFile, id)
}

// FilesUpdate renames a file.
func (h *handlers) FilesUpdate(w http.ResponseWriter, r *http.Request, _ gen.FrameOrAdobeID, id gen.FrameOrAdobeID) {
	h.s.updateKind(w, r, kindFile, id, "parent_id", "project_id", "type", "status", "file_size", "media_type")
}

// FilesDelete deletes a file.
func (h *handlers) FilesDelete(w http.ResponseWriter, r *http.Request, _ gen.FrameOrAdobeID, id gen.FrameOrAdobeID) {
	h.s.deleteKind(w, r, kindFile, id)
}

// FilesList lists the files of a folder.
func (h *handlers) FilesList(w http.ResponseWriter, r *http.Request, _ gen.FrameOrAdobeID, id gen.FrameOrAdobeID, _ gen.FilesListParams) {
	h.s.listChildren(w, r, id, kindFile)
}

// FilesMove moves a file to another folder.
func (h *handlers) FilesMove(w http.ResponseWriter, r *http.Request, _ gen.FrameOrAdobeID, id gen.FrameOrAdobeID) {
	h.s.move(w, r, id, kindFile)
}

// FilesCopy copies a file.
func (h *handlers) FilesCopy(w http.ResponseWriter, r *http.Request, _ gen.FrameOrAdobeID, id gen.FrameOrAdobeID, _ gen.FilesCopyParams) {
	h.s.copyAsset(w, r, id, kindFile)
}

// FilesShowFileUploadStatus reports upload progress (counts as a poll).
func (h *handlers) FilesShowFileUploadStatus(w http.ResponseWriter, r *http.Request, _ gen.FrameOrAdobeID, id gen.FrameOrAdobeID) {
	h.s.mu.Lock()
	defer h.s.mu.Unlock()
	rec := h.s.st.get(id, kindFile)
	if rec == nil {
		h.s.notFound(w, r, "File", id)
		return
	}
	h.s.advance(rec, true)
	fs := rec.file
	data := map[string]any{
		"id": rec.id, "filetype": rec.str("media_type"),
		"upload_complete": fs.content != nil, "upload_failed": false,
		"uploaded_at": nil, "upload_completed_at": nil,
	}
	if fs.content != nil {
		at := fs.uploadedAt.UTC().Format("2006-01-02T15:04:05.999999Z07:00")
		data["uploaded_at"], data["upload_completed_at"] = at, at
	}
	h.s.replyData(w, r, data)
}
