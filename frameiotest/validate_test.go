package frameiotest_test

import (
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/frameio-go/frameio-go/frameiotest"
)

func TestWrongRequestIsCaught(t *testing.T) {
	srv := frameiotest.NewServer(t, frameiotest.WithAllowViolations())
	seed := srv.Seed()

	// name must be a string; file_size is required.
	resp, body := do(t, srv, http.MethodPost, "/v4/accounts/"+seed.AccountID+"/folders/"+seed.RootFolderID+"/files/local_upload",
		map[string]any{"data": map[string]any{"name": 42}})
	require.Equal(t, http.StatusBadRequest, resp.StatusCode, body)
	errs := body["errors"].([]any)
	require.Len(t, errs, 1)
	detail := errs[0].(map[string]any)["detail"].(string)
	assert.Contains(t, detail, "request body")

	// A query parameter outside its enum.
	resp, body = do(t, srv, http.MethodGet, "/v4/accounts/"+seed.AccountID+"/files/"+seed.RootFolderID+"?include=bogus", nil)
	require.Equal(t, http.StatusBadRequest, resp.StatusCode, body)
	assert.Contains(t, fmt.Sprint(body), "include")

	v := srv.Violations()
	require.Len(t, v, 2)
	assert.Equal(t, "request", v[0].Kind)
	assert.Equal(t, "files_create_local_upload", v[0].OperationID)
	assert.Equal(t, "files_show", v[1].OperationID)
	assert.Equal(t, 0, srv.Count("file"), "an invalid request changes nothing")
}

// recordingTB captures what NewServer reports at cleanup.
type recordingTB struct {
	testing.TB
	errors   []string
	cleanups []func()
}

func (r *recordingTB) Helper()          {}
func (r *recordingTB) Cleanup(f func()) { r.cleanups = append(r.cleanups, f) }
func (r *recordingTB) Errorf(format string, args ...any) {
	r.errors = append(r.errors, fmt.Sprintf(format, args...))
}

func TestViolationsFailTheTestAtCleanup(t *testing.T) {
	rec := &recordingTB{TB: t}
	srv := frameiotest.NewServer(rec)
	resp, _ := do(t, srv, http.MethodPost, "/v4/accounts/"+srv.Seed().AccountID+"/workspaces", map[string]any{"data": map[string]any{"name": true}})
	assert.Equal(t, http.StatusBadRequest, resp.StatusCode)
	require.Len(t, rec.cleanups, 1)
	rec.cleanups[0]()
	require.Len(t, rec.errors, 1)
	assert.True(t, strings.Contains(rec.errors[0], "workspaces_create"), rec.errors[0])
}

func TestRelaxedSchemasAreReported(t *testing.T) {
	srv := frameiotest.NewServer(t)
	relaxed := srv.RelaxedSchemas()
	t.Logf("discriminated oneOf validated as anyOf: %v", relaxed)
	assert.Contains(t, relaxed, "GroupWithIncludes")
}

func TestUnknownRouteIs404(t *testing.T) {
	srv := frameiotest.NewServer(t)
	resp, body := do(t, srv, http.MethodGet, "/v4/nope", nil)
	assert.Equal(t, http.StatusNotFound, resp.StatusCode)
	assert.NotEmpty(t, body["errors"])
}
