package frameiotest

import (
	"net/http"
	"strconv"

	"github.com/frameio-go/frameio-go/gen"
)

// FilesBulkCopy copies data.file_ids into the folder data.parent_id.
func (h *handlers) FilesBulkCopy(w http.ResponseWriter, r *http.Request, _ gen.FrameOrAdobeID, _ gen.FilesBulkCopyParams) {
	h.s.bulk(w, r, kindFile, "file_ids", func(rec, parent *record) any {
		return map[string]any{"source_file_id": rec.id, "file": h.s.clone(rec, parent).view()}
	})
}

// FilesBulkMove moves data.file_ids into the folder data.parent_id.
func (h *handlers) FilesBulkMove(w http.ResponseWriter, r *http.Request, _ gen.FrameOrAdobeID) {
	h.s.bulk(w, r, kindFile, "file_ids", func(rec, parent *record) any {
		h.s.reparent(rec, parent)
		return rec.view()
	})
}

// FoldersBulkCopy copies data.folder_ids (with their contents) into the
// folder data.parent_id.
func (h *handlers) FoldersBulkCopy(w http.ResponseWriter, r *http.Request, _ gen.FrameOrAdobeID, _ gen.FoldersBulkCopyParams) {
	h.s.bulk(w, r, kindFolder, "folder_ids", func(rec, parent *record) any {
		return map[string]any{"source_folder_id": rec.id, "folder": h.s.clone(rec, parent).view()}
	})
}

// FoldersBulkMove moves data.folder_ids into the folder data.parent_id.
func (h *handlers) FoldersBulkMove(w http.ResponseWriter, r *http.Request, _ gen.FrameOrAdobeID) {
	h.s.bulk(w, r, kindFolder, "folder_ids", func(rec, parent *record) any {
		h.s.reparent(rec, parent)
		return rec.view()
	})
}

// bulk applies fn to every asset of kind listed in data.<idsKey> with the
// destination folder data.parent_id, after checking all of them (the
// operation changes nothing when one is missing), and replies with the
// results in request order.
func (s *Server) bulk(w http.ResponseWriter, r *http.Request, kind, idsKey string, fn func(rec, parent *record) any) {
	d := decodeData(r)
	s.mu.Lock()
	defer s.mu.Unlock()
	pid := str(d, "parent_id")
	parent := s.st.get(pid, kindFolder)
	if parent == nil {
		s.replyError(w, r, http.StatusUnprocessableEntity, "Invalid parent", "parent_id "+pid+" is not a folder", "/data/parent_id")
		return
	}
	ids, _ := d[idsKey].([]any)
	recs := make([]*record, 0, len(ids))
	for i, v := range ids {
		id, _ := v.(string)
		rec := s.st.get(id, kind)
		if rec == nil {
			s.replyError(w, r, http.StatusUnprocessableEntity, "Invalid "+idsKey, "no "+kind+" "+id, "/data/"+idsKey+"/"+strconv.Itoa(i))
			return
		}
		if !s.checkParent(w, r, rec, parent) {
			return
		}
		recs = append(recs, rec)
	}
	out := make([]any, len(recs))
	for i, rec := range recs {
		out[i] = fn(rec, parent)
	}
	s.replyData(w, r, out)
}

// checkParent refuses, replying 422, parent as the destination of a move
// or copy of rec when parent is rec or inside it: moving would make rec
// its own ancestor, and copying would copy the copy into itself, without
// end. It reports whether parent is allowed; the caller holds s.mu.
func (s *Server) checkParent(w http.ResponseWriter, r *http.Request, rec, parent *record) bool {
	if rec.kind != kindFolder || !s.isWithin(parent, rec) {
		return true
	}
	s.replyError(w, r, http.StatusUnprocessableEntity, "Invalid parent", "parent_id "+parent.id+" is inside folder "+rec.id, "/data/parent_id")
	return false
}

// isWithin reports whether rec is within ancestor (or ancestor itself).
func (s *Server) isWithin(rec, ancestor *record) bool {
	for x := rec; x != nil; x = s.st.get(x.parentID, kindFolder) {
		if x.id == ancestor.id {
			return true
		}
	}
	return false
}
