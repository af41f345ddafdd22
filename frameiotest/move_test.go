package frameiotest_test

import (
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/frameio-go/frameio-go/frameiotest"
)

// A folder cannot be moved or copied into itself or into a folder inside
// it, one at a time as in bulk: the request is refused with 422 naming
// parent_id, and nothing changes.
func TestFolderMoveAndCopyIntoItselfAreRefused(t *testing.T) {
	srv := frameiotest.NewServer(t)
	seed := srv.Seed()
	outer, err := srv.AddFolder(seed.RootFolderID, "outer")
	require.NoError(t, err)
	inner, err := srv.AddFolder(outer, "inner")
	require.NoError(t, err)
	deepest, err := srv.AddFolder(inner, "deepest")
	require.NoError(t, err)
	file, err := srv.AddFile(inner, "clip.mov", []byte("x"))
	require.NoError(t, err)

	type state struct {
		folders, files int
		objects        map[string]map[string]any
	}
	snapshot := func() state {
		st := state{folders: srv.Count("folder"), files: srv.Count("file"), objects: map[string]map[string]any{}}
		for _, id := range []string{seed.RootFolderID, outer, inner, deepest, file} {
			obj, ok := srv.Object(id)
			require.True(t, ok, id)
			st.objects[id] = obj
		}
		return st
	}
	before := snapshot()

	base := "/v4/accounts/" + seed.AccountID + "/folders/" + outer
	for _, op := range []struct{ name, method, path string }{
		{"move", http.MethodPatch, base + "/move"},
		{"copy", http.MethodPost, base + "/copy"},
	} {
		for _, dest := range []struct{ name, id string }{
			{"itself", outer},
			{"its child", inner},
			{"its grandchild", deepest},
		} {
			resp, body := do(t, srv, op.method, op.path, map[string]any{"data": map[string]any{"parent_id": dest.id}})
			require.Equal(t, http.StatusUnprocessableEntity, resp.StatusCode, "%s into %s: %v", op.name, dest.name, body)
			errs, _ := body["errors"].([]any)
			require.Len(t, errs, 1, "%s into %s: %v", op.name, dest.name, body)
			e, _ := errs[0].(map[string]any)
			assert.Equal(t, "Invalid parent", e["title"], "%s into %s", op.name, dest.name)
			assert.Equal(t, "parent_id "+dest.id+" is inside folder "+outer, e["detail"], "%s into %s", op.name, dest.name)
			assert.Equal(t, map[string]any{"pointer": "/data/parent_id"}, e["source"], "%s into %s", op.name, dest.name)
			assert.Equal(t, before, snapshot(), "%s into %s changed the store", op.name, dest.name)
		}
	}

	// Moving and copying out of the way still work.
	resp, body := do(t, srv, http.MethodPost, "/v4/accounts/"+seed.AccountID+"/folders/"+inner+"/copy", map[string]any{"data": map[string]any{"parent_id": seed.RootFolderID}})
	require.Equal(t, http.StatusOK, resp.StatusCode, "%v", body)
	assert.Equal(t, before.folders+2, srv.Count("folder"), "inner and deepest copied")
	resp, body = do(t, srv, http.MethodPatch, "/v4/accounts/"+seed.AccountID+"/folders/"+inner+"/move", map[string]any{"data": map[string]any{"parent_id": seed.RootFolderID}})
	require.Equal(t, http.StatusOK, resp.StatusCode, "%v", body)
	obj, _ := srv.Object(inner)
	assert.Equal(t, seed.RootFolderID, obj["parent_id"])
	assert.Empty(t, srv.Violations())
}
