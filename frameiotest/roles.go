package frameiotest

import (
	"cmp"
	"net/http"
	"slices"
	"strings"

	"github.com/frameio-go/frameio-go/gen"
)

// setRole gives userID role in scope (an account, workspace, project or
// folder id).
func (st *store) setRole(scope, userID, role string) {
	if st.roles[scope] == nil {
		st.roles[scope] = map[string]string{}
	}
	st.roles[scope][userID] = role
}

// AddUser adds a user to the seed account as a "member" and returns its id.
func (s *Server) AddUser(name, email string) string {
	s.mu.Lock()
	defer s.mu.Unlock()
	u := s.st.put(kindUser, newID(), "", map[string]any{
		"name": name, "email": email, "active": true, "avatar_url": nil, "adobe_user_id": nil,
	})
	s.st.setRole(s.st.seed.AccountID, u.id, "member")
	return u.id
}

// Role returns the role userID holds in scope (an account, workspace,
// project or folder id), "" when none.
func (s *Server) Role(scope, userID string) string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.st.roles[scope][userID]
}

// listRoles replies with the users holding a role in scope, by name.
func (s *Server) listRoles(w http.ResponseWriter, r *http.Request, scope, kind string) {
	s.mu.Lock()
	if s.st.get(scope, kind) == nil {
		s.mu.Unlock()
		s.notFound(w, r, kind, scope)
		return
	}
	type entry struct {
		name string
		item map[string]any
	}
	var entries []entry
	for userID, role := range s.st.roles[scope] {
		if u := s.st.get(userID, kindUser); u != nil {
			entries = append(entries, entry{u.str("name") + "\x00" + u.id, map[string]any{"role": role, "user": u.view()}})
		}
	}
	s.mu.Unlock()
	slices.SortFunc(entries, func(a, b entry) int { return cmp.Compare(a.name, b.name) })
	items := make([]any, len(entries))
	for i, e := range entries {
		items[i] = e.item
	}
	s.replyList(w, r, items)
}

// updateRole sets the role of an existing user in scope from data.role.
func (s *Server) updateRole(w http.ResponseWriter, r *http.Request, scope, kind, userID string) {
	role := str(decodeData(r), "role")
	s.mu.Lock()
	defer s.mu.Unlock()
	switch {
	case s.st.get(scope, kind) == nil:
		s.notFound(w, r, kind, scope)
	case s.st.get(userID, kindUser) == nil:
		s.notFound(w, r, "User", userID)
	default:
		s.st.setRole(scope, userID, role)
		s.replyData(w, r, map[string]any{"role": role})
	}
}

// removeRole takes userID's role in scope away.
func (s *Server) removeRole(w http.ResponseWriter, r *http.Request, scope, kind, userID string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, ok := s.st.roles[scope][userID]; !ok || s.st.get(scope, kind) == nil {
		s.notFound(w, r, "Role of user "+userID+" in "+strings.ReplaceAll(kind, "_", " "), scope)
		return
	}
	delete(s.st.roles[scope], userID)
	s.replyEmpty(w, r)
}

// AccountPermissionsIndex lists the account's users and their roles.
func (h *handlers) AccountPermissionsIndex(w http.ResponseWriter, r *http.Request, accountID gen.FrameOrAdobeID, _ gen.AccountPermissionsIndexParams) {
	h.s.listRoles(w, r, accountID, kindAccount)
}

// AccountPermissionsAccountUserRolesUpdate changes a user's account role.
func (h *handlers) AccountPermissionsAccountUserRolesUpdate(w http.ResponseWriter, r *http.Request, accountID gen.FrameOrAdobeID, userID gen.UUID) {
	h.s.updateRole(w, r, accountID, kindAccount, userID)
}

// WorkspacePermissionsIndex lists the workspace's users and their roles.
func (h *handlers) WorkspacePermissionsIndex(w http.ResponseWriter, r *http.Request, _ gen.FrameOrAdobeID, workspaceID gen.UUID, _ gen.WorkspacePermissionsIndexParams) {
	h.s.listRoles(w, r, workspaceID, kindWorkspace)
}

// WorkspacePermissionsWorkspaceUserRolesUpdate sets a user's workspace role.
func (h *handlers) WorkspacePermissionsWorkspaceUserRolesUpdate(w http.ResponseWriter, r *http.Request, _ gen.FrameOrAdobeID, workspaceID gen.UUID, userID gen.UUID) {
	h.s.updateRole(w, r, workspaceID, kindWorkspace, userID)
}

// WorkspacePermissionsWorkspaceUserRolesDelete removes a user from a workspace.
func (h *handlers) WorkspacePermissionsWorkspaceUserRolesDelete(w http.ResponseWriter, r *http.Request, _ gen.FrameOrAdobeID, workspaceID gen.UUID, userID gen.UUID) {
	h.s.removeRole(w, r, workspaceID, kindWorkspace, userID)
}

// ProjectPermissionsIndex lists the project's users and their roles.
func (h *handlers) ProjectPermissionsIndex(w http.ResponseWriter, r *http.Request, _ gen.FrameOrAdobeID, projectID gen.FrameOrAdobeID, _ gen.ProjectPermissionsIndexParams) {
	h.s.listRoles(w, r, projectID, kindProject)
}

// ProjectPermissionsProjectUserRolesUpdate sets a user's project role.
func (h *handlers) ProjectPermissionsProjectUserRolesUpdate(w http.ResponseWriter, r *http.Request, _ gen.FrameOrAdobeID, projectID gen.FrameOrAdobeID, userID gen.UUID) {
	h.s.updateRole(w, r, projectID, kindProject, userID)
}

// ProjectPermissionsDelete removes a user from a project.
func (h *handlers) ProjectPermissionsDelete(w http.ResponseWriter, r *http.Request, _ gen.FrameOrAdobeID, projectID gen.FrameOrAdobeID, userID gen.UUID) {
	h.s.removeRole(w, r, projectID, kindProject, userID)
}

// FolderPermissionsFolderUserRolesIndex lists the folder's users and their roles.
func (h *handlers) FolderPermissionsFolderUserRolesIndex(w http.ResponseWriter, r *http.Request, _ gen.UUID, folderID gen.UUID, _ gen.FolderPermissionsFolderUserRolesIndexParams) {
	h.s.listRoles(w, r, folderID, kindFolder)
}

// FolderPermissionsFolderUserRolesUpdate sets a user's folder role.
func (h *handlers) FolderPermissionsFolderUserRolesUpdate(w http.ResponseWriter, r *http.Request, _ gen.UUID, folderID gen.UUID, userID gen.UUID) {
	h.s.updateRole(w, r, folderID, kindFolder, userID)
}

// FolderPermissionsDelete removes a user from a folder.
func (h *handlers) FolderPermissionsDelete(w http.ResponseWriter, r *http.Request, _ gen.UUID, folderID gen.UUID, userID gen.UUID) {
	h.s.removeRole(w, r, folderID, kindFolder, userID)
}
