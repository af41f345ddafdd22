package frameiotest_test

import (
	"fmt"
	"net/http"
	"sort"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/frameio-go/frameio-go/frameiotest"
)

// TestEveryOperationAnswers calls each operation of the spec once, with a
// minimal valid request, and expects a 2xx and no spec violation.
func TestEveryOperationAnswers(t *testing.T) {
	srv := frameiotest.NewServer(t)
	seed := srv.Seed()
	acct := "/v4/accounts/" + seed.AccountID

	fileID, err := srv.AddFile(seed.RootFolderID, "a.mp4", []byte("video"))
	require.NoError(t, err)
	doomedFile, err := srv.AddFile(seed.RootFolderID, "b.mp4", []byte("video"))
	require.NoError(t, err)
	other, err := srv.AddFolder(seed.RootFolderID, "other")
	require.NoError(t, err)
	moving, err := srv.AddFolder(seed.RootFolderID, "moving")
	require.NoError(t, err)
	doomedFolder, err := srv.AddFolder(seed.RootFolderID, "doomed")
	require.NoError(t, err)
	doomedWS := srv.AddWorkspace("doomed")
	doomedProject, _, err := srv.AddProject(seed.WorkspaceID, "doomed")
	require.NoError(t, err)

	create := func(path string, body string) string {
		var v any
		require.NoError(t, jsonUnmarshal(body, &v))
		resp, out := do(t, srv, http.MethodPost, acct+path, v)
		require.Less(t, resp.StatusCode, 300, "%s: %v", path, out)
		return dataOf(t, out)["id"].(string)
	}
	commentID := create("/files/"+fileID+"/comments", `{"data":{"text":"hi"}}`)
	shareID := create("/projects/"+seed.ProjectID+"/shares", `{"data":{"type":"asset","access":"public","name":"s","asset_ids":["`+fileID+`"]}}`)
	webhookID := create("/workspaces/"+seed.WorkspaceID+"/webhooks", `{"data":{"name":"w","url":"https://example.com/hook","events":["file.created"]}}`)
	fieldID := create("/metadata/field_definitions", `{"data":{"field_type":"toggle","name":"Approved"}}`)
	stackID := create("/folders/"+seed.RootFolderID+"/version_stacks", `{"data":{"file_ids":[]}}`)

	params := map[string]string{
		"account_id": seed.AccountID, "workspace_id": seed.WorkspaceID, "project_id": seed.ProjectID,
		"folder_id": seed.RootFolderID, "file_id": fileID, "comment_id": commentID, "share_id": shareID,
		"webhook_id": webhookID, "field_definition_id": fieldID, "version_stack_id": stackID,
		"user_id": seed.UserID, "asset_id": fileID,
	}
	overrides := map[string]map[string]string{
		"files_delete":      {"file_id": doomedFile},
		"folders_delete":    {"folder_id": doomedFolder},
		"folders_move":      {"folder_id": moving},
		"folders_copy":      {"folder_id": moving},
		"workspaces_delete": {"workspace_id": doomedWS},
		"projects_delete":   {"project_id": doomedProject},
	}
	parentBody := map[string]any{"data": map[string]any{"parent_id": other}}
	bodies := map[string]any{
		"files_move": parentBody, "files_copy": parentBody, "folders_move": parentBody,
		"folders_copy": parentBody, "version_stacks_move": parentBody, "version_stacks_copy": parentBody,
		"shares_add_asset": map[string]any{"data": map[string]any{"asset_id": fileID}},
	}

	ops := srv.Operations()
	// Deletes last, deepest paths first, so that nothing needed is gone.
	sort.SliceStable(ops, func(i, j int) bool {
		di, dj := ops[i].Method == http.MethodDelete, ops[j].Method == http.MethodDelete
		if di != dj {
			return dj
		}
		if di {
			return len(ops[i].Path) > len(ops[j].Path)
		}
		return false
	})
	require.Len(t, ops, 88)
	ok := 0
	for _, op := range ops {
		path := op.Path
		for name, id := range params {
			if v, found := overrides[op.ID][name]; found {
				id = v
			}
			path = strings.ReplaceAll(path, "{"+name+"}", id)
		}
		if strings.Contains(path, "{") {
			// Ids of stateless resources (actions, collections, groups...).
			path = replaceRemaining(path)
		}
		body := op.Body
		if b, found := bodies[op.ID]; found {
			body = b
		}
		before := len(srv.Violations())
		resp, out := doWithHeader(t, srv, op.Method, path, body, "api-version", "4.0")
		if assert.Less(t, resp.StatusCode, 300, "%s %s %s: %v", op.ID, op.Method, path, out) &&
			assert.GreaterOrEqual(t, resp.StatusCode, 200) &&
			assert.Len(t, srv.Violations(), before, "%s: %v", op.ID, srv.Violations()) {
			ok++
		}
	}
	t.Logf("%d/%d", ok, len(ops))
	fmt.Printf("TestEveryOperationAnswers: %d/%d\n", ok, len(ops))
	assert.Equal(t, 88, ok)
}
