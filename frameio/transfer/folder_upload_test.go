package transfer

import (
	"context"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestUploadDirMirrorsTreeAndContinuesPastFailure(t *testing.T) {
	e := newEnv(t)
	// "existing" already exists in the root folder, after another folder
	// (listing is one folder per page).
	e.api.folders["root"] = []map[string]any{
		{"id": "folder-other", "name": "other", "type": "folder"},
		{"id": "folder-existing", "name": "existing", "type": "folder"},
	}
	dir := t.TempDir()
	contents := map[string][]byte{}
	for name, size := range map[string]int{
		"a.mov": 2500, "b.jpg": 10, "existing/c.wav": 1500, "new/d.txt": 0, "new/deeper/e.bin": 4321, "new/deeper/bad.bin": 3000,
	} {
		_, b := randomFile(t, dir, name, size)
		contents[filepath.ToSlash(name)] = b
	}
	require.NoError(t, os.Symlink(filepath.Join(dir, "a.mov"), filepath.Join(dir, "link.mov")))
	// Every part of bad.bin fails with 500.
	badID := ""
	e.store.fault = func(part, attempt int) int {
		e.api.mu.Lock()
		defer e.api.mu.Unlock()
		if badID == "" {
			for id, f := range e.api.files {
				if f["name"] == "bad.bin" {
					badID = id
				}
			}
		}
		return 0
	}
	orig := e.store.srv.Config.Handler
	e.store.srv.Config.Handler = http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		e.api.mu.Lock()
		bad := false
		for id, f := range e.api.files {
			if f["name"] == "bad.bin" && strings.Contains(r.URL.Path, "/"+id+"/") {
				bad = true
			}
		}
		e.api.mu.Unlock()
		if bad {
			w.WriteHeader(http.StatusInternalServerError)
			return
		}
		orig.ServeHTTP(w, r)
	})
	var prog progressLog
	res, err := e.uploader(t, WithConcurrency(3), WithMaxRetries(1)).UploadDir(context.Background(), "acc", "root", dir, WithProgress(prog.fn))
	require.Error(t, err)
	var fe *FileError
	require.ErrorAs(t, err, &fe)
	assert.Equal(t, filepath.Join(dir, "new", "deeper", "bad.bin"), fe.Path)
	var pe *PartError
	require.ErrorAs(t, err, &pe)
	assert.Equal(t, 500, pe.Status)

	assert.Equal(t, "folder-existing", res.Folders["existing"])
	assert.Equal(t, "root", res.Folders["."])
	require.Contains(t, res.Folders, "new")
	require.Contains(t, res.Folders, "new/deeper")
	assert.Equal(t, []string{"link.mov"}, res.Skipped)
	require.Len(t, res.Files, 6)
	failed := 0
	for _, fr := range res.Files {
		if fr.Err != nil {
			failed++
			assert.Equal(t, "new/deeper/bad.bin", fr.RelPath)
			continue
		}
		assert.Equal(t, sum(contents[fr.RelPath]), sum(e.store.assembled(fr.FileID)), fr.RelPath)
		e.api.mu.Lock()
		parent := e.api.files[fr.FileID]["parent_id"]
		e.api.mu.Unlock()
		assert.Equal(t, res.Folders[filepath.ToSlash(filepath.Dir(fr.RelPath))], parent, fr.RelPath)
	}
	assert.Equal(t, 1, failed)
	// the existing folder was reused, the two new ones created
	e.api.mu.Lock()
	assert.Len(t, e.api.folders["root"], 3)
	e.api.mu.Unlock()
	// progress monotonic, never past the total
	prog.mu.Lock()
	prev := int64(-1)
	for _, c := range prog.calls {
		assert.Greater(t, c[0], prev)
		assert.LessOrEqual(t, c[0], c[1])
		prev = c[0]
	}
	prog.mu.Unlock()
}

func TestUploadDirFolderCreationFailure(t *testing.T) {
	e := newEnv(t)
	e.api.failFolder = "broken"
	dir := t.TempDir()
	randomFile(t, dir, "ok.txt", 5)
	randomFile(t, dir, "broken/x.txt", 5)
	randomFile(t, dir, "broken/sub/y.txt", 5)
	var prog progressLog
	res, err := e.uploader(t).UploadDir(context.Background(), "acc", "root", dir, WithProgress(prog.fn))
	require.Error(t, err)
	assert.Contains(t, err.Error(), "creating folder broken")
	failed := 0
	for _, fr := range res.Files {
		if fr.Err != nil {
			failed++
		} else {
			assert.Equal(t, "ok.txt", fr.RelPath)
		}
	}
	assert.Equal(t, 2, failed)
}

func TestUploadDirAllGood(t *testing.T) {
	e := newEnv(t)
	dir := t.TempDir()
	randomFile(t, dir, "one.bin", 3100)
	randomFile(t, dir, "two/three.bin", 999)
	var prog progressLog
	res, err := e.uploader(t).UploadDir(context.Background(), "acc", "root", dir, WithProgress(prog.fn), WithName("ignored"))
	require.NoError(t, err)
	require.Len(t, res.Files, 2)
	assert.ElementsMatch(t, []any{"one.bin", "three.bin"}, []any{e.api.bodies[0]["name"], e.api.bodies[1]["name"]})
	prog.check(t, 4099)
	e.store.noViolations(t)
}

func TestUploadDirMissing(t *testing.T) {
	e := newEnv(t)
	_, err := e.uploader(t).UploadDir(context.Background(), "acc", "root", filepath.Join(t.TempDir(), "nope"))
	require.ErrorIs(t, err, os.ErrNotExist)
}
