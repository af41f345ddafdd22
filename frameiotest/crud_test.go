package frameiotest_test

import (
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/frameio-go/frameio-go/frameiotest"
	"github.com/frameio-go/frameio-go/gen"
)

func TestWorkspaceAndProjectCRUD(t *testing.T) {
	srv := frameiotest.NewServer(t)
	c := plainClient{t, srv}
	acct := srv.Seed().AccountID
	url := srv.URL()

	status, body := c.send(gen.NewWorkspacesCreateRequest(url, acct, gen.WorkspaceParams{Data: gen.WorkspaceParamsData{Name: new("Edit bay")}}))
	require.Equal(t, http.StatusCreated, status, string(body))
	ws := mustDecode[gen.WorkspaceResponse](t, body).Data
	assert.Equal(t, "Edit bay", ws.Name)

	status, body = c.send(gen.NewWorkspacesShowRequest(url, acct, ws.ID, nil))
	require.Equal(t, http.StatusOK, status, string(body))
	assert.Equal(t, ws.ID, mustDecode[gen.WorkspaceWithIncludesResponse](t, body).Data.ID)

	status, body = c.send(gen.NewWorkspacesUpdateRequest(url, acct, ws.ID, gen.WorkspaceParams{Data: gen.WorkspaceParamsData{Name: new("Renamed")}}))
	require.Equal(t, http.StatusOK, status, string(body))
	assert.Equal(t, "Renamed", mustDecode[gen.WorkspaceResponse](t, body).Data.Name)

	status, body = c.send(gen.NewWorkspacesIndexRequest(url, acct, nil))
	require.Equal(t, http.StatusOK, status, string(body))
	assert.Len(t, mustDecode[gen.WorkspacesWithIncludesResponse](t, body).Data, 2)

	// A project brings its root folder.
	resp, project := do(t, srv, http.MethodPost, "/v4/accounts/"+acct+"/workspaces/"+ws.ID+"/projects", map[string]any{"data": map[string]any{"name": "Feature"}})
	require.Equal(t, http.StatusCreated, resp.StatusCode, project)
	p := dataOf(t, project)
	root := p["root_folder_id"].(string)
	folder, ok := srv.Object(root)
	require.True(t, ok)
	assert.Equal(t, p["id"], folder["project_id"])

	status, _ = c.send(gen.NewWorkspacesDeleteRequest(url, acct, ws.ID))
	assert.Equal(t, http.StatusNoContent, status)
	_, ok = srv.Object(root)
	assert.False(t, ok, "deleting a workspace deletes its projects and folders")

	status, body = c.send(gen.NewWorkspacesShowRequest(url, acct, ws.ID, nil))
	require.Equal(t, http.StatusNotFound, status)
	mustDecode[gen.NotFound](t, body)
}

func TestAssetsCommentsSharesWebhooksFields(t *testing.T) {
	srv := frameiotest.NewServer(t)
	seed := srv.Seed()
	acct := "/v4/accounts/" + seed.AccountID

	resp, body := do(t, srv, http.MethodPost, acct+"/folders/"+seed.RootFolderID+"/folders", map[string]any{"data": map[string]any{"name": "Dailies"}})
	require.Equal(t, http.StatusCreated, resp.StatusCode, body)
	sub := dataOf(t, body)["id"].(string)

	fileID, err := srv.AddFile(sub, "take1.mov", []byte("take one"))
	require.NoError(t, err)
	file2, err := srv.AddFile(sub, "take2.mov", []byte("take two"))
	require.NoError(t, err)

	// Children of the folder: two files.
	resp, body = do(t, srv, http.MethodGet, acct+"/folders/"+sub+"/children", nil)
	require.Equal(t, http.StatusOK, resp.StatusCode, body)
	assert.Len(t, body["data"], 2)

	// Rename, move, copy a file.
	resp, body = do(t, srv, http.MethodPatch, acct+"/files/"+fileID, map[string]any{"data": map[string]any{"name": "hero.mov"}})
	require.Equal(t, http.StatusOK, resp.StatusCode, body)
	assert.Equal(t, "hero.mov", dataOf(t, body)["name"])
	resp, body = do(t, srv, http.MethodPatch, acct+"/files/"+file2+"/move", map[string]any{"data": map[string]any{"parent_id": seed.RootFolderID}})
	require.Equal(t, http.StatusOK, resp.StatusCode, body)
	assert.Equal(t, seed.RootFolderID, dataOf(t, body)["parent_id"])
	resp, body = do(t, srv, http.MethodPost, acct+"/files/"+fileID+"/copy", map[string]any{"data": map[string]any{"parent_id": seed.RootFolderID}})
	require.Less(t, resp.StatusCode, 300, body)
	copyID := dataOf(t, body)["id"].(string)
	assert.Equal(t, []byte("take one"), srv.FileContent(copyID))

	// Version stack from two files.
	resp, body = do(t, srv, http.MethodPost, acct+"/folders/"+seed.RootFolderID+"/version_stacks", map[string]any{"data": map[string]any{"file_ids": []string{file2, copyID}}})
	require.Equal(t, http.StatusCreated, resp.StatusCode, body)
	stack := dataOf(t, body)
	assert.Equal(t, copyID, stack["head_version"].(map[string]any)["id"])
	resp, body = do(t, srv, http.MethodGet, acct+"/version_stacks/"+stack["id"].(string)+"/children", nil)
	require.Equal(t, http.StatusOK, resp.StatusCode, body)
	assert.Len(t, body["data"], 2)

	// Comments.
	resp, body = do(t, srv, http.MethodPost, acct+"/files/"+fileID+"/comments", map[string]any{"data": map[string]any{"text": "too dark", "timestamp": 12}})
	require.Equal(t, http.StatusCreated, resp.StatusCode, body)
	commentID := dataOf(t, body)["id"].(string)
	resp, body = do(t, srv, http.MethodPatch, acct+"/comments/"+commentID, map[string]any{"data": map[string]any{"text": "fixed", "completed": true}})
	require.Equal(t, http.StatusOK, resp.StatusCode, body)
	assert.Equal(t, "fixed", dataOf(t, body)["text"])
	assert.NotNil(t, dataOf(t, body)["completed_at"])
	resp, body = do(t, srv, http.MethodGet, acct+"/files/"+fileID+"/comments", nil)
	require.Equal(t, http.StatusOK, resp.StatusCode, body)
	assert.Len(t, body["data"], 1)
	resp, _ = do(t, srv, http.MethodDelete, acct+"/comments/"+commentID, nil)
	assert.Equal(t, http.StatusNoContent, resp.StatusCode)
	assert.Equal(t, 0, srv.Count("comment"))

	// Shares with assets and reviewers.
	resp, body = do(t, srv, http.MethodPost, acct+"/projects/"+seed.ProjectID+"/shares", map[string]any{"data": map[string]any{"type": "asset", "access": "secure", "name": "Review", "asset_ids": []string{fileID}}})
	require.Equal(t, http.StatusCreated, resp.StatusCode, body)
	shareID := dataOf(t, body)["id"].(string)
	resp, body = do(t, srv, http.MethodPost, acct+"/shares/"+shareID+"/reviewers", map[string]any{"data": map[string]any{"message": "pls", "reviewers": map[string]any{"emails": []string{"a@example.com", "b@example.com"}}}})
	require.Less(t, resp.StatusCode, 300, body)
	resp, body = do(t, srv, http.MethodGet, acct+"/shares/"+shareID+"/reviewers", nil)
	require.Equal(t, http.StatusOK, resp.StatusCode, body)
	assert.Len(t, body["data"], 2)
	resp, body = do(t, srv, http.MethodPatch, acct+"/shares/"+shareID, map[string]any{"data": map[string]any{"name": "Final"}})
	require.Equal(t, http.StatusOK, resp.StatusCode, body)
	assert.Equal(t, "Final", dataOf(t, body)["name"])
	resp, _ = do(t, srv, http.MethodDelete, acct+"/shares/"+shareID+"/assets/"+file2, nil)
	assert.Equal(t, http.StatusNotFound, resp.StatusCode, "not in the share")

	// Webhooks.
	resp, body = do(t, srv, http.MethodPost, acct+"/workspaces/"+seed.WorkspaceID+"/webhooks", map[string]any{"data": map[string]any{"name": "hook", "url": "https://example.com/h", "events": []string{"file.created"}}})
	require.Equal(t, http.StatusCreated, resp.StatusCode, body)
	hookID := dataOf(t, body)["id"].(string)
	resp, body = do(t, srv, http.MethodPatch, acct+"/webhooks/"+hookID, map[string]any{"data": map[string]any{"name": "renamed"}})
	require.Equal(t, http.StatusOK, resp.StatusCode, body)
	assert.Equal(t, "renamed", dataOf(t, body)["name"])
	resp, body = do(t, srv, http.MethodGet, acct+"/workspaces/"+seed.WorkspaceID+"/webhooks", nil)
	require.Equal(t, http.StatusOK, resp.StatusCode, body)
	assert.Len(t, body["data"], 1)

	// Metadata field definitions.
	resp, body = do(t, srv, http.MethodPost, acct+"/metadata/field_definitions", map[string]any{"data": map[string]any{"field_type": "toggle", "name": "Approved"}})
	require.Equal(t, http.StatusCreated, resp.StatusCode, body)
	assert.Equal(t, "toggle", dataOf(t, body)["field_type"])
	assert.Equal(t, 1, srv.Count("field_definition"))

	// Deleting the folder removes what it holds.
	resp, _ = do(t, srv, http.MethodDelete, acct+"/folders/"+sub, nil)
	assert.Equal(t, http.StatusNoContent, resp.StatusCode)
	_, ok := srv.Object(fileID)
	assert.False(t, ok)
}
