package frameiotest

import (
	"net/http"

	"github.com/frameio-go/frameio-go/gen"
)

// newProject stores a project and its root folder; the caller holds s.mu.
func (s *Server) newProject(workspaceID, name string) (project, root *record) {
	id := newID()
	a := s.base(name)
	a["workspace_id"] = workspaceID
	a["status"] = "active"
	a["storage"] = 0
	a["restricted"] = false
	a["view_url"] = "https://next.frame.io/project/" + id
	project = s.st.put(kindProject, id, workspaceID, a)
	rootID := newID()
	ra := s.base("root")
	ra["type"] = "folder"
	ra["parent_id"] = nil
	ra["project_id"] = id
	ra["cover_file_id"] = nil
	ra["view_url"] = "https://next.frame.io/project/" + id + "/view/" + rootID
	root = s.st.put(kindFolder, rootID, id, ra)
	a["root_folder_id"] = rootID
	return project, root
}

// ProjectsIndex lists the projects of a workspace.
func (h *handlers) ProjectsIndex(w http.ResponseWriter, r *http.Request, _ gen.FrameOrAdobeID, workspaceID gen.UUID, _ gen.ProjectsIndexParams) {
	h.s.listChildrenOf(w, r, workspaceID, kindWorkspace, "Workspace", kindProject)
}

// ProjectsCreate creates a project with its root folder.
func (h *handlers) ProjectsCreate(w http.ResponseWriter, r *http.Request, _ gen.FrameOrAdobeID, workspaceID gen.UUID) {
	h.s.mu.Lock()
	defer h.s.mu.Unlock()
	if h.s.st.get(workspaceID, kindWorkspace) == nil {
		h.s.notFound(w, r, "Workspace", workspaceID)
		return
	}
	d := decodeData(r)
	p, _ := h.s.newProject(workspaceID, str(d, "name"))
	if v, ok := d["restricted"].(bool); ok {
		p.attrs["restricted"] = v
	}
	h.s.replyData(w, r, p.view())
}

// ProjectsShow shows a project.
func (h *handlers) ProjectsShow(w http.ResponseWriter, r *http.Request, _ gen.FrameOrAdobeID, id gen.FrameOrAdobeID, _ gen.ProjectsShowParams) {
	h.s.showKind(w, r, kindProject, id)
}

// ProjectsUpdate updates a project.
func (h *handlers) ProjectsUpdate(w http.ResponseWriter, r *http.Request, _ gen.FrameOrAdobeID, id gen.FrameOrAdobeID) {
	h.s.updateKind(w, r, kindProject, id, "root_folder_id", "workspace_id")
}

// ProjectsDelete deletes a project and everything in it.
func (h *handlers) ProjectsDelete(w http.ResponseWriter, r *http.Request, _ gen.FrameOrAdobeID, id gen.FrameOrAdobeID) {
	h.s.deleteKind(w, r, kindProject, id)
}

// ProjectsAccountProjectsIndex lists the projects of every workspace of
// the account.
func (h *handlers) ProjectsAccountProjectsIndex(w http.ResponseWriter, r *http.Request, accountID gen.FrameOrAdobeID, _ gen.ProjectsAccountProjectsIndexParams) {
	h.s.accountProjects(w, r, accountID, func(*record) bool { return true })
}

// ProjectsInvitedProjectsIndex lists the projects the current user holds a
// role in without holding one in the project's workspace: the projects
// they were invited to.
func (h *handlers) ProjectsInvitedProjectsIndex(w http.ResponseWriter, r *http.Request, accountID gen.FrameOrAdobeID, _ gen.ProjectsInvitedProjectsIndexParams) {
	me := h.s.st.seed.UserID
	h.s.accountProjects(w, r, accountID, func(p *record) bool {
		_, inProject := h.s.st.roles[p.id][me]
		_, inWorkspace := h.s.st.roles[p.parentID][me]
		return inProject && !inWorkspace
	})
}

// accountProjects replies with the account's projects that keep returns true for.
func (s *Server) accountProjects(w http.ResponseWriter, r *http.Request, accountID string, keep func(*record) bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.st.get(accountID, kindAccount) == nil {
		s.notFound(w, r, "Account", accountID)
		return
	}
	var recs []*record
	for _, ws := range s.st.children(accountID, kindWorkspace) {
		for _, p := range s.st.children(ws.id, kindProject) {
			if keep(p) {
				recs = append(recs, p)
			}
		}
	}
	s.replyRecords(w, r, recs)
}
