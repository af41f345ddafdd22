package frameiotest

import (
	"net/http"

	"github.com/frameio-go/frameio-go/gen"
)

// The operations below hold no state: each answers with its documented
// success status and a minimal body valid for its schema (an empty page
// for list operations).

// CustomActionsActionsDelete answers with a minimal valid body.
func (h *handlers) CustomActionsActionsDelete(w http.ResponseWriter, r *http.Request, _ gen.FrameOrAdobeID, _ gen.UUID) {
	h.s.replyEmpty(w, r)
}

// CustomActionsActionsShow answers with a minimal valid body.
func (h *handlers) CustomActionsActionsShow(w http.ResponseWriter, r *http.Request, _ gen.FrameOrAdobeID, _ gen.UUID, _ gen.CustomActionsActionsShowParams) {
	h.s.replyEmpty(w, r)
}

// CustomActionsActionsUpdate answers with a minimal valid body.
func (h *handlers) CustomActionsActionsUpdate(w http.ResponseWriter, r *http.Request, _ gen.FrameOrAdobeID, _ gen.UUID) {
	h.s.replyEmpty(w, r)
}

// AccountsAuditlogIndex answers with a minimal valid body.
func (h *handlers) AccountsAuditlogIndex(w http.ResponseWriter, r *http.Request, _ gen.FrameOrAdobeID, _ gen.AccountsAuditlogIndexParams) {
	h.s.replyList(w, r, nil)
}

// CollectionsShow answers with a minimal valid body.
func (h *handlers) CollectionsShow(w http.ResponseWriter, r *http.Request, _ gen.UUID, _ gen.UUID, _ gen.CollectionsShowParams) {
	h.s.replyEmpty(w, r)
}

// CommentsCreateAttachment answers with a minimal valid body.
func (h *handlers) CommentsCreateAttachment(w http.ResponseWriter, r *http.Request, _ gen.FrameOrAdobeID, _ gen.UUID) {
	h.s.replyEmpty(w, r)
}

// CommentsDeleteAttachment answers with a minimal valid body.
func (h *handlers) CommentsDeleteAttachment(w http.ResponseWriter, r *http.Request, _ gen.FrameOrAdobeID, _ gen.UUID, _ gen.UUID) {
	h.s.replyEmpty(w, r)
}

// MetadataShow answers with a minimal valid body.
func (h *handlers) MetadataShow(w http.ResponseWriter, r *http.Request, _ gen.FrameOrAdobeID, _ gen.FrameOrAdobeID, _ gen.MetadataShowParams) {
	h.s.replyEmpty(w, r)
}

// GroupsIndex answers with a minimal valid body.
func (h *handlers) GroupsIndex(w http.ResponseWriter, r *http.Request, _ gen.FrameOrAdobeID, _ gen.GroupsIndexParams) {
	h.s.replyList(w, r, nil)
}

// GroupsCreate answers with a minimal valid body.
func (h *handlers) GroupsCreate(w http.ResponseWriter, r *http.Request, _ gen.FrameOrAdobeID) {
	h.s.replyEmpty(w, r)
}

// GroupsShow answers with a minimal valid body.
func (h *handlers) GroupsShow(w http.ResponseWriter, r *http.Request, _ gen.FrameOrAdobeID, _ gen.UUID, _ gen.GroupsShowParams) {
	h.s.replyEmpty(w, r)
}

// GroupsUpdate answers with a minimal valid body.
func (h *handlers) GroupsUpdate(w http.ResponseWriter, r *http.Request, _ gen.FrameOrAdobeID, _ gen.UUID) {
	h.s.replyEmpty(w, r)
}

// CollectionsIndex answers with a minimal valid body.
func (h *handlers) CollectionsIndex(w http.ResponseWriter, r *http.Request, _ gen.UUID, _ gen.UUID, _ gen.CollectionsIndexParams) {
	h.s.replyList(w, r, nil)
}

// MetadataBulkUpdate answers with a minimal valid body.
func (h *handlers) MetadataBulkUpdate(w http.ResponseWriter, r *http.Request, _ gen.FrameOrAdobeID, _ gen.FrameOrAdobeID) {
	h.s.replyEmpty(w, r)
}

// SearchSearch answers with a minimal valid body.
func (h *handlers) SearchSearch(w http.ResponseWriter, r *http.Request, _ gen.UUID, _ gen.SearchSearchParams) {
	h.s.replyList(w, r, nil)
}

// CustomActionsActionsIndex answers with a minimal valid body.
func (h *handlers) CustomActionsActionsIndex(w http.ResponseWriter, r *http.Request, _ gen.FrameOrAdobeID, _ gen.UUID, _ gen.CustomActionsActionsIndexParams) {
	h.s.replyList(w, r, nil)
}

// CustomActionsActionsCreate answers with a minimal valid body.
func (h *handlers) CustomActionsActionsCreate(w http.ResponseWriter, r *http.Request, _ gen.FrameOrAdobeID, _ gen.UUID) {
	h.s.replyEmpty(w, r)
}
