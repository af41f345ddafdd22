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

func TestUserRolesAreStateful(t *testing.T) {
	srv := frameiotest.NewServer(t)
	seed := srv.Seed()
	ctx := context.Background()
	c := srv.Client()
	ana := srv.AddUser("Ana", "ana@example.com")

	roles := func(seq func(yield func(gen.UserRole, error) bool)) map[string]string {
		out := map[string]string{}
		for ur, err := range seq {
			require.NoError(t, err)
			out[ur.User.Email] = string(ur.Role)
		}
		return out
	}
	accountRoles := map[string]string{}
	for ur, err := range c.AccountPermissions.IndexAll(ctx, seed.AccountID, nil) {
		require.NoError(t, err)
		role := frameio.Value(ur.Role)
		accountRoles[ur.User.Email] = string(role)
	}
	assert.Equal(t, map[string]string{"test.user@example.com": "owner", "ana@example.com": "member"}, accountRoles)

	_, err := c.ProjectPermissions.ProjectUserRolesUpdate(ctx, seed.AccountID, seed.ProjectID, ana,
		gen.UpdateUserRolesParamsData{Role: gen.PermissionRoleCommenter})
	require.NoError(t, err)
	assert.Equal(t, "commenter", srv.Role(seed.ProjectID, ana))
	assert.Equal(t, map[string]string{"test.user@example.com": "owner", "ana@example.com": "commenter"},
		roles(c.ProjectPermissions.IndexAll(ctx, seed.AccountID, seed.ProjectID, nil)))

	require.NoError(t, c.ProjectPermissions.Delete(ctx, seed.AccountID, seed.ProjectID, ana))
	assert.Empty(t, srv.Role(seed.ProjectID, ana))
	err = c.ProjectPermissions.Delete(ctx, seed.AccountID, seed.ProjectID, ana)
	assert.True(t, frameio.IsNotFound(err), "removing a user twice: %v", err)

	_, err = c.FolderPermissions.FolderUserRolesUpdate(ctx, seed.AccountID, seed.RootFolderID, "5f0c7d4e-3b7a-4c1e-9d2a-1a2b3c4d5e6f",
		gen.UpdateUserRolesParamsData{Role: gen.PermissionRoleViewer})
	assert.True(t, frameio.IsNotFound(err), "unknown user: %v", err)
}
