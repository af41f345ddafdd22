package frameiotest

import (
	"fmt"
	"time"
)

// Seed holds the ids of the resources every Server starts with: one
// account, the current user (users_show), a workspace, and a project with
// its root folder.
type Seed struct {
	AccountID    string
	UserID       string
	WorkspaceID  string
	ProjectID    string
	RootFolderID string
}

// Seed returns the ids of the seed resources.
func (s *Server) Seed() Seed {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.st.seed
}

func (s *Server) stamp() string { return s.now().UTC().Format(time.RFC3339Nano) }

// seedState creates the seed resources.
func (s *Server) seedState() {
	s.mu.Lock()
	defer s.mu.Unlock()
	now := s.stamp()
	user := s.st.put(kindUser, newID(), "", map[string]any{
		"name": "Test User", "email": "test.user@example.com", "active": true,
		"avatar_url": nil, "adobe_user_id": nil,
	})
	acct := s.st.put(kindAccount, newID(), "", map[string]any{
		"display_name": "Test Account", "created_at": now, "updated_at": now,
		"roles": []any{"admin"}, "storage_limit": nil, "storage_usage": 0,
	})
	ws := s.newWorkspace(acct.id, "Test Workspace")
	proj, root := s.newProject(ws.id, "Test Project")
	s.st.seed = Seed{AccountID: acct.id, UserID: user.id, WorkspaceID: ws.id, ProjectID: proj.id, RootFolderID: root.id}
	s.st.setRole(acct.id, user.id, "owner")
	s.st.setRole(ws.id, user.id, "workspace_admin")
	s.st.setRole(proj.id, user.id, "owner")
}

// AddWorkspace adds a workspace to the seed account and returns its id.
func (s *Server) AddWorkspace(name string) string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.newWorkspace(s.st.seed.AccountID, name).id
}

// AddProject adds a project (and its root folder) to a workspace and
// returns the ids of both.
func (s *Server) AddProject(workspaceID, name string) (projectID, rootFolderID string, err error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.st.get(workspaceID, kindWorkspace) == nil {
		return "", "", fmt.Errorf("frameiotest: no workspace %s", workspaceID)
	}
	p, root := s.newProject(workspaceID, name)
	return p.id, root.id, nil
}

// AddFolder adds a folder under a folder and returns its id.
func (s *Server) AddFolder(parentID, name string) (string, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	parent := s.st.get(parentID, kindFolder)
	if parent == nil {
		return "", fmt.Errorf("frameiotest: no folder %s", parentID)
	}
	return s.newFolder(parent, name).id, nil
}

// AddFile adds a transcoded file with content under a folder or version
// stack and returns its id.
func (s *Server) AddFile(parentID, name string, content []byte) (string, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	parent := s.st.get(parentID, kindFolder, kindVersionStack)
	if parent == nil {
		return "", fmt.Errorf("frameiotest: no folder or version stack %s", parentID)
	}
	f := s.newFile(parent, name, int64(len(content)), "")
	f.file.content = append([]byte(nil), content...)
	f.file.uploadedAt = s.now()
	f.file.transcoded = true
	f.attrs["status"] = "transcoded"
	return f.id, nil
}

// Object returns a copy of the stored attributes of any resource by id
// and whether it exists.
func (s *Server) Object(id string) (map[string]any, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	rec := s.st.get(id)
	if rec == nil {
		return nil, false
	}
	return rec.view(), true
}

// Count returns how many resources of a kind exist: "workspace", "project",
// "folder", "file", "version_stack", "comment", "share", "webhook",
// "field_definition".
func (s *Server) Count(kind string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.st.ofKind(kind))
}
