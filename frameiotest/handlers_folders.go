package frameiotest

import (
	"net/http"
	"strings"

	"github.com/frameio-go/frameio-go/gen"
)

// newFolder stores a folder under parent; the caller holds s.mu.
func (s *Server) newFolder(parent *record, name string) *record {
	id := newID()
	a := s.base(name)
	a["type"] = "folder"
	a["parent_id"] = parent.id
	a["project_id"] = parent.str("project_id")
	a["cover_file_id"] = nil
	a["view_url"] = "https://next.frame.io/project/" + parent.str("project_id") + "/view/" + id
	return s.st.put(kindFolder, id, parent.id, a)
}

// folderOr404 returns the folder id or replies 404; the caller holds s.mu.
func (s *Server) folderOr404(w http.ResponseWriter, r *http.Request, id string) *record {
	rec := s.st.get(id, kindFolder)
	if rec == nil {
		s.notFound(w, r, "Folder", id)
	}
	return rec
}

// FoldersShow shows a folder.
func (h *handlers) FoldersShow(w http.ResponseWriter, r *http.Request, _ gen.FrameOrAdobeID, id gen.FrameOrAdobeID, _ gen.FoldersShowParams) {
	h.s.showKind(w, r, kindFolder, id)
}

// FoldersUpdate renames a folder.
func (h *handlers) FoldersUpdate(w http.ResponseWriter, r *http.Request, _ gen.FrameOrAdobeID, id gen.FrameOrAdobeID) {
	h.s.updateKind(w, r, kindFolder, id, "parent_id", "project_id", "type")
}

// FoldersDelete deletes a folder and its contents.
func (h *handlers) FoldersDelete(w http.ResponseWriter, r *http.Request, _ gen.FrameOrAdobeID, id gen.FrameOrAdobeID) {
	h.s.deleteKind(w, r, kindFolder, id)
}

// FoldersIndex lists the children (folders, files, version stacks) of a folder.
func (h *handlers) FoldersIndex(w http.ResponseWriter, r *http.Request, _ gen.FrameOrAdobeID, id gen.FrameOrAdobeID, _ gen.FoldersIndexParams) {
	h.s.listChildren(w, r, id, kindFolder, kindFile, kindVersionStack)
}

// FoldersList lists the subfolders of a folder.
func (h *handlers) FoldersList(w http.ResponseWriter, r *http.Request, _ gen.FrameOrAdobeID, id gen.FrameOrAdobeID, _ gen.FoldersListParams) {
	h.s.listChildren(w, r, id, kindFolder)
}

// listChildren replies with a page of the children of kinds of folder id.
func (s *Server) listChildren(w http.ResponseWriter, r *http.Request, id string, kinds ...string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.folderOr404(w, r, id) == nil {
		return
	}
	if t := r.URL.Query().Get("type"); t != "" && len(kinds) > 1 {
		kinds = []string{t}
	}
	// A listing counts as a status poll of the files it shows (see
	// WithTranscodeAfterPolls), not of every file of the folder.
	s.replyRecordsThen(w, r, s.st.children(id, kinds...), func(rec *record) {
		if rec.kind == kindFile {
			s.advance(rec, true)
		}
	})
}

// FoldersCreate creates a subfolder.
func (h *handlers) FoldersCreate(w http.ResponseWriter, r *http.Request, _ gen.FrameOrAdobeID, id gen.FrameOrAdobeID) {
	h.s.mu.Lock()
	defer h.s.mu.Unlock()
	parent := h.s.folderOr404(w, r, id)
	if parent == nil {
		return
	}
	h.s.replyData(w, r, h.s.newFolder(parent, str(decodeData(r), "name")).view())
}

// FoldersMove moves a folder under another folder.
func (h *handlers) FoldersMove(w http.ResponseWriter, r *http.Request, _ gen.FrameOrAdobeID, id gen.FrameOrAdobeID) {
	h.s.move(w, r, id, kindFolder)
}

// FoldersCopy copies a folder (and its contents) into another folder, or
// next to itself when no parent_id is given.
func (h *handlers) FoldersCopy(w http.ResponseWriter, r *http.Request, _ gen.FrameOrAdobeID, id gen.FrameOrAdobeID, _ gen.FoldersCopyParams) {
	h.s.copyAsset(w, r, id, kindFolder)
}

// move reparents asset id of kind to data.parent_id.
func (s *Server) move(w http.ResponseWriter, r *http.Request, id, kind string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	rec := s.st.get(id, kind)
	if rec == nil {
		s.notFound(w, r, kind, id)
		return
	}
	pid := str(decodeData(r), "parent_id")
	// The spec: "Destination folder or version stack ID"; only files go
	// into version stacks.
	parentKinds := []string{kindFolder}
	if kind == kindFile {
		parentKinds = append(parentKinds, kindVersionStack)
	}
	parent := s.st.get(pid, parentKinds...)
	if parent == nil {
		s.replyError(w, r, http.StatusUnprocessableEntity, "Invalid parent", "parent_id "+pid+" is not a "+strings.Join(parentKinds, " or "), "/data/parent_id")
		return
	}
	if !s.checkParent(w, r, rec, parent) {
		return
	}
	s.reparent(rec, parent)
	s.replyData(w, r, s.render(r, rec))
}

// reparent moves rec under parent; the caller holds s.mu.
func (s *Server) reparent(rec, parent *record) {
	s.st.setParent(rec, parent.id, false)
	rec.attrs["parent_id"] = parent.id
	rec.attrs["project_id"] = parent.str("project_id")
	rec.attrs["updated_at"] = s.stamp()
}

// copyAsset copies asset id of kind into data.parent_id (default: its parent).
func (s *Server) copyAsset(w http.ResponseWriter, r *http.Request, id, kind string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	rec := s.st.get(id, kind)
	if rec == nil {
		s.notFound(w, r, kind, id)
		return
	}
	parent := s.st.get(rec.parentID)
	if pid := str(decodeData(r), "parent_id"); pid != "" {
		if parent = s.st.get(pid, kindFolder); parent == nil {
			s.replyError(w, r, http.StatusUnprocessableEntity, "Invalid parent", "parent_id "+pid+" is not a folder", "/data/parent_id")
			return
		}
		if !s.checkParent(w, r, rec, parent) {
			return
		}
	}
	s.replyData(w, r, s.render(r, s.clone(rec, parent)))
}

// clone deep-copies rec and its children under parent.
func (s *Server) clone(rec, parent *record) *record {
	a := rec.view()
	a["parent_id"] = parent.id
	a["project_id"] = parent.str("project_id")
	a["created_at"], a["updated_at"] = s.stamp(), s.stamp()
	c := s.st.put(rec.kind, newID(), parent.id, a)
	if rec.file != nil {
		fs := *rec.file
		c.file = &fs
	}
	for _, child := range s.st.children(rec.id, kindFolder, kindFile, kindVersionStack) {
		s.clone(child, c)
	}
	return c
}
