package transfer

import (
	"bytes"
	"context"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestUploadVersionOfLooseFileCreatesStack(t *testing.T) {
	e := newEnv(t)
	first := e.uploaded(t, []byte("cut 1"))
	path, content := randomFile(t, t.TempDir(), "cut2.mp4", 2100)
	res, err := e.uploader(t).UploadVersionFile(context.Background(), "acc", first, path)
	require.NoError(t, err)
	assert.True(t, res.CreatedStack)
	assert.Equal(t, sum(content), sum(e.store.assembled(res.Upload.FileID)))
	require.Len(t, e.api.stackFiles, 1)
	assert.Equal(t, []string{first, res.Upload.FileID}, e.api.stackFiles[0])
	assert.Equal(t, e.api.stacks[res.VersionStackID]["parent_id"], "folder")
}

func TestUploadVersionIntoStack(t *testing.T) {
	e := newEnv(t)
	e.api.stacks["stack-9"] = map[string]any{"id": "stack-9", "name": "s", "type": "version_stack", "parent_id": "folder-7"}
	for _, target := range []string{"stack-9", "member"} {
		t.Run(target, func(t *testing.T) {
			if target == "member" {
				e.api.mu.Lock()
				e.api.files["member"] = map[string]any{"id": "member", "name": "m", "type": "file", "parent_id": "stack-9"}
				e.api.mu.Unlock()
			}
			res, err := e.uploader(t).UploadVersion(context.Background(), "acc", target, bytes.NewReader([]byte("v2")), 2, "v2.mp4")
			require.NoError(t, err)
			assert.False(t, res.CreatedStack)
			assert.Equal(t, "stack-9", res.VersionStackID)
			e.api.mu.Lock()
			assert.Equal(t, "stack-9", e.api.moves[res.Upload.FileID])
			e.api.mu.Unlock()
		})
	}
	// the files were uploaded into the stack's folder
	for _, b := range e.api.bodies {
		assert.Equal(t, "v2.mp4", b["name"])
	}
}

func TestUploadVersionUnknownTarget(t *testing.T) {
	e := newEnv(t)
	_, err := e.uploader(t).UploadVersion(context.Background(), "acc", "ghost", bytes.NewReader(nil), 0, "x")
	require.Error(t, err)
	assert.Empty(t, e.api.bodies, "nothing may be uploaded")
}
