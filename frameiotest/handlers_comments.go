package frameiotest

import (
	"net/http"

	"github.com/frameio-go/frameio-go/gen"
)

// CommentsCreate adds a comment to a file.
func (h *handlers) CommentsCreate(w http.ResponseWriter, r *http.Request, _ gen.FrameOrAdobeID, fileID gen.FrameOrAdobeID, _ gen.CommentsCreateParams) {
	d := decodeData(r)
	h.s.mu.Lock()
	defer h.s.mu.Unlock()
	if h.s.st.get(fileID, kindFile) == nil {
		h.s.notFound(w, r, "File", fileID)
		return
	}
	now := h.s.stamp()
	a := map[string]any{
		"file_id": fileID, "created_at": now, "updated_at": now, "owner_id": h.s.st.seed.UserID,
		"annotation": nil, "completed_at": nil, "completer_id": nil, "duration": nil, "page": nil,
		"text_edited_at": nil, "attachments": []any{}, "links": []any{}, "mentions": []any{},
	}
	h.s.setComment(a, d)
	h.s.replyData(w, r, h.s.st.put(kindComment, newID(), fileID, a).view())
}

// setComment copies comment attributes from request data d into a.
func (s *Server) setComment(a, d map[string]any) {
	for _, k := range [...]string{"text", "annotation", "duration", "page", "timestamp", "anchor"} {
		if v, ok := d[k]; ok {
			a[k] = v
		}
	}
	if done, ok := d["completed"].(bool); ok {
		a["completed_at"], a["completer_id"] = nil, nil
		if done {
			a["completed_at"], a["completer_id"] = s.stamp(), s.st.seed.UserID
		}
	}
}

// CommentsIndex lists the comments of a file.
func (h *handlers) CommentsIndex(w http.ResponseWriter, r *http.Request, _ gen.FrameOrAdobeID, fileID gen.FrameOrAdobeID, _ gen.CommentsIndexParams) {
	h.s.listChildrenOf(w, r, fileID, kindFile, "File", kindComment)
}

// CommentsShow shows a comment.
func (h *handlers) CommentsShow(w http.ResponseWriter, r *http.Request, _ gen.FrameOrAdobeID, id gen.UUID, _ gen.CommentsShowParams) {
	h.s.showKind(w, r, kindComment, id)
}

// CommentsUpdate edits a comment.
func (h *handlers) CommentsUpdate(w http.ResponseWriter, r *http.Request, _ gen.FrameOrAdobeID, id gen.UUID, _ gen.CommentsUpdateParams) {
	d := decodeData(r)
	h.s.mu.Lock()
	defer h.s.mu.Unlock()
	rec := h.s.st.get(id, kindComment)
	if rec == nil {
		h.s.notFound(w, r, "Comment", id)
		return
	}
	if _, ok := d["text"]; ok {
		rec.attrs["text_edited_at"] = h.s.stamp()
	}
	h.s.setComment(rec.attrs, d)
	rec.attrs["updated_at"] = h.s.stamp()
	h.s.replyData(w, r, rec.view())
}

// CommentsDelete deletes a comment.
func (h *handlers) CommentsDelete(w http.ResponseWriter, r *http.Request, _ gen.FrameOrAdobeID, id gen.UUID) {
	h.s.deleteKind(w, r, kindComment, id)
}
