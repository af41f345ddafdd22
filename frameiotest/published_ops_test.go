package frameiotest_test

import (
	"context"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/frameio-go/frameio-go/frameio"
	"github.com/frameio-go/frameio-go/frameiotest"
	"github.com/frameio-go/frameio-go/gen"
)

// The nine operations of the published document that the docs lack, driven
// through the SDK against the fake.

func TestBulkCopyAndMove(t *testing.T) {
	srv := frameiotest.NewServer(t)
	c, ctx, seed := srv.Client(), context.Background(), srv.Seed()
	dest, err := srv.AddFolder(seed.RootFolderID, "dest")
	require.NoError(t, err)
	a, err := srv.AddFile(seed.RootFolderID, "a.mov", []byte("a"))
	require.NoError(t, err)
	b, err := srv.AddFile(seed.RootFolderID, "b.mov", []byte("b"))
	require.NoError(t, err)
	sub, err := srv.AddFolder(seed.RootFolderID, "sub")
	require.NoError(t, err)
	_, err = srv.AddFile(sub, "inner.mov", []byte("i"))
	require.NoError(t, err)

	copied, err := c.Files.BulkCopy(ctx, seed.AccountID, nil, struct {
		FileIDs  []string `json:"file_ids"`
		ParentID string   `json:"parent_id"`
	}{FileIDs: []string{a, b}, ParentID: dest})
	require.NoError(t, err)
	require.Len(t, copied, 2)
	assert.Equal(t, a, copied[0].SourceFileID)
	assert.NotEqual(t, a, copied[0].File.ID, "a copy is a new file")
	parent := frameio.Value(copied[0].File.ParentID)
	assert.Equal(t, dest, parent)

	moved, err := c.Files.BulkMove(ctx, seed.AccountID, struct {
		FileIDs  []string `json:"file_ids"`
		ParentID string   `json:"parent_id"`
	}{FileIDs: []string{b}, ParentID: dest})
	require.NoError(t, err)
	require.Len(t, moved, 1)
	assert.Equal(t, b, moved[0].ID)
	obj, _ := srv.Object(b)
	assert.Equal(t, dest, obj["parent_id"])

	folders, err := c.Folders.BulkCopy(ctx, seed.AccountID, nil, struct {
		FolderIDs []string `json:"folder_ids"`
		ParentID  string   `json:"parent_id"`
	}{FolderIDs: []string{sub}, ParentID: dest})
	require.NoError(t, err)
	require.Len(t, folders, 1)
	n := 0
	for _, err := range c.Folders.IndexAll(ctx, seed.AccountID, folders[0].Folder.ID, nil) {
		require.NoError(t, err)
		n++
	}
	assert.Equal(t, 1, n, "a folder is copied with its contents")

	// A folder cannot move into itself; nothing moves when one id is bad.
	_, err = c.Folders.BulkMove(ctx, seed.AccountID, struct {
		FolderIDs []string `json:"folder_ids"`
		ParentID  string   `json:"parent_id"`
	}{FolderIDs: []string{dest}, ParentID: dest})
	assert.True(t, frameio.IsValidation(err), "%v", err)
	_, err = c.Files.BulkMove(ctx, seed.AccountID, struct {
		FileIDs  []string `json:"file_ids"`
		ParentID string   `json:"parent_id"`
	}{FileIDs: []string{a, "5f0c7d4e-3b7a-4c1e-9d2a-1a2b3c4d5e6f"}, ParentID: dest})
	assert.True(t, frameio.IsValidation(err), "%v", err)
	obj, _ = srv.Object(a)
	assert.Equal(t, seed.RootFolderID, obj["parent_id"], "the valid file did not move either")
}

func TestShareAssetsAndActivities(t *testing.T) {
	srv := frameiotest.NewServer(t)
	c, ctx, seed := srv.Client(), context.Background(), srv.Seed()
	folder, err := srv.AddFolder(seed.RootFolderID, "cuts")
	require.NoError(t, err)
	_, err = srv.AddFile(folder, "one.mov", []byte("1"))
	require.NoError(t, err)
	_, err = srv.AddFile(folder, "two.mov", []byte("2"))
	require.NoError(t, err)
	share, err := c.Shares.Create(ctx, seed.AccountID, seed.ProjectID, &frameio.AssetShare{Name: "Review", Access: gen.ShareAccessPublic, AssetIDs: []string{folder}})
	require.NoError(t, err)

	var names []string
	for asset, err := range c.Shares.ListAssetsAll(ctx, seed.AccountID, share.ID, nil) {
		require.NoError(t, err)
		switch a := asset.(type) {
		case *frameio.Folder:
			names = append(names, "folder "+a.Name)
		case *frameio.File:
			names = append(names, "file "+a.Name)
		}
	}
	assert.Equal(t, []string{"folder cuts", "file one.mov", "file two.mov"}, names, "the shared folder and, flat, what it holds")

	activities, err := frameio.Collect(c.Shares.ListActivitiesAll(ctx, seed.AccountID, share.ID, nil), 0)
	require.NoError(t, err)
	assert.Empty(t, activities)
	_, err = c.Shares.ListAssets(ctx, seed.AccountID, "5f0c7d4e-3b7a-4c1e-9d2a-1a2b3c4d5e6f", nil)
	assert.True(t, frameio.IsNotFound(err))
}

func TestAccountProjectsInvitedProjectsAndAccountRoles(t *testing.T) {
	srv := frameiotest.NewServer(t)
	c, ctx, seed := srv.Client(), context.Background(), srv.Seed()
	other := srv.AddWorkspace("Other")
	invited, _, err := srv.AddProject(other, "Invited")
	require.NoError(t, err)
	_, _, err = srv.AddProject(other, "Not mine")
	require.NoError(t, err)

	all, err := frameio.Collect(c.Projects.AccountProjectsIndexAll(ctx, seed.AccountID, nil), 0)
	require.NoError(t, err)
	assert.Len(t, all, 3, "every project of every workspace of the account")

	// The current user gets a role in one project of a workspace they are
	// not a member of: that project is "invited".
	_, err = c.ProjectPermissions.ProjectUserRolesUpdate(ctx, seed.AccountID, invited, seed.UserID, gen.UpdateUserRolesParamsData{Role: gen.PermissionRoleCommenter})
	require.NoError(t, err)
	got, err := frameio.Collect(c.Projects.InvitedProjectsIndexAll(ctx, seed.AccountID, nil), 0)
	require.NoError(t, err)
	require.Len(t, got, 1)
	assert.Equal(t, invited, got[0].ID)

	member := srv.AddUser("Mia", "mia@example.com")
	role, err := c.AccountPermissions.AccountUserRolesUpdate(ctx, seed.AccountID, member, gen.AccountRoleData{Role: gen.AccountPermissionRoleAdmin})
	require.NoError(t, err)
	assert.Equal(t, gen.AccountPermissionRoleAdmin, role.Role)
	assert.Equal(t, "admin", srv.Role(seed.AccountID, member))
	_, err = c.AccountPermissions.AccountUserRolesUpdate(ctx, seed.AccountID, "5f0c7d4e-3b7a-4c1e-9d2a-1a2b3c4d5e6f", gen.AccountRoleData{Role: gen.AccountPermissionRoleMember})
	assert.True(t, frameio.IsNotFound(err))
}
