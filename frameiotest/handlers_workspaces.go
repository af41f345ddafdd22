package frameiotest

import (
	"net/http"

	"github.com/frameio-go/frameio-go/gen"
)

// newWorkspace stores a workspace; the caller holds s.mu.
func (s *Server) newWorkspace(accountID, name string) *record {
	a := s.base(name)
	a["account_id"] = accountID
	return s.st.put(kindWorkspace, newID(), accountID, a)
}

// WorkspacesIndex lists the workspaces of an account.
func (h *handlers) WorkspacesIndex(w http.ResponseWriter, r *http.Request, accountID gen.FrameOrAdobeID, _ gen.WorkspacesIndexParams) {
	h.s.listChildrenOf(w, r, accountID, kindAccount, "Account", kindWorkspace)
}

// WorkspacesCreate creates a workspace.
func (h *handlers) WorkspacesCreate(w http.ResponseWriter, r *http.Request, accountID gen.FrameOrAdobeID) {
	h.s.mu.Lock()
	defer h.s.mu.Unlock()
	if h.s.st.get(accountID, kindAccount) == nil {
		h.s.notFound(w, r, "Account", accountID)
		return
	}
	d := decodeData(r)
	h.s.replyData(w, r, h.s.newWorkspace(accountID, str(d, "name")).view())
}

// WorkspacesShow shows a workspace.
func (h *handlers) WorkspacesShow(w http.ResponseWriter, r *http.Request, _ gen.FrameOrAdobeID, id gen.UUID, _ gen.WorkspacesShowParams) {
	h.s.showKind(w, r, kindWorkspace, id)
}

// WorkspacesUpdate updates a workspace.
func (h *handlers) WorkspacesUpdate(w http.ResponseWriter, r *http.Request, _ gen.FrameOrAdobeID, id gen.UUID) {
	h.s.updateKind(w, r, kindWorkspace, id)
}

// WorkspacesDelete deletes a workspace and everything in it.
func (h *handlers) WorkspacesDelete(w http.ResponseWriter, r *http.Request, _ gen.FrameOrAdobeID, id gen.UUID) {
	h.s.deleteKind(w, r, kindWorkspace, id)
}

// showKind replies with the resource id of kind.
func (s *Server) showKind(w http.ResponseWriter, r *http.Request, kind, id string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	rec := s.st.get(id, kind)
	if rec == nil {
		s.notFound(w, r, kind, id)
		return
	}
	if kind == kindFile {
		s.advance(rec, true)
	}
	s.replyData(w, r, s.render(r, rec))
}

// updateKind applies the request's data to the resource id of kind.
func (s *Server) updateKind(w http.ResponseWriter, r *http.Request, kind, id string, ignore ...string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	rec := s.st.get(id, kind)
	if rec == nil {
		s.notFound(w, r, kind, id)
		return
	}
	s.update(rec, decodeData(r), ignore...)
	s.replyData(w, r, s.render(r, rec))
}

// deleteKind removes the resource id of kind and everything below it.
func (s *Server) deleteKind(w http.ResponseWriter, r *http.Request, kind, id string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.st.get(id, kind) == nil {
		s.notFound(w, r, kind, id)
		return
	}
	s.st.remove(id)
	s.reply(w, r, s.success(r), map[string]any{})
}
