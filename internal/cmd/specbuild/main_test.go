package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestDocsPagesToOtherOut builds the per-page webhook docs into a temporary
// file: exactly the four webhook operations, and api/ is not touched.
func TestDocsPagesToOtherOut(t *testing.T) {
	before, err := os.ReadFile("../../../api/frameio.yaml")
	require.NoError(t, err)
	dir := t.TempDir()
	out, report := filepath.Join(dir, "x.yaml"), filepath.Join(dir, "x.decisions.txt")
	require.NoError(t, run("../../specbuild/testdata/webhooks.pages.md", "", "", "v4", out, report))
	b, err := os.ReadFile(out)
	require.NoError(t, err)
	assert.Equal(t, 4, strings.Count(string(b), "operationId: webhooks_"))
	after, err := os.ReadFile("../../../api/frameio.yaml")
	require.NoError(t, err)
	assert.Equal(t, string(before), string(after))
	rep, err := os.ReadFile(report)
	require.NoError(t, err)
	assert.Contains(t, string(rep), "# input: webhooks.pages.md")
}

func TestSpecInputAndBadArguments(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "x.yaml")
	require.NoError(t, run("", "../../specbuild/testdata/openapi30.json", "", "v4", out, ""))
	b, err := os.ReadFile(out)
	require.NoError(t, err)
	assert.Contains(t, string(b), "operationId: version_stacks_show")

	assert.ErrorContains(t, run("", "", "", "v4", out, ""), "exactly one input")
	assert.ErrorContains(t, run("a", "b", "", "v4", out, ""), "exactly one input")
	assert.ErrorContains(t, run("a", "", "", "v3", out, ""), "-api must be v4 or c2c")
	assert.ErrorContains(t, run("", "../../specbuild/testdata/openapi30.json", t.TempDir(), "v4", out, ""), "no *.yaml files")
	// a failed build writes nothing
	bad := filepath.Join(dir, "bad.json")
	require.NoError(t, os.WriteFile(bad, []byte(`{"openapi": "3.0.0"`), 0o644))
	out2 := filepath.Join(dir, "y.yaml")
	assert.Error(t, run("", bad, "", "v4", out2, ""))
	_, err = os.Stat(out2)
	assert.True(t, os.IsNotExist(err))
}

// TestMakeSpecAdditionsFollowOut: the published additions join the build
// of api/frameio.yaml, not a build written elsewhere.
func TestMakeSpecAdditionsFollowOut(t *testing.T) {
	if _, err := exec.LookPath("make"); err != nil {
		t.Skip("no make")
	}
	dry := func(args ...string) string {
		cmd := exec.Command("make", append([]string{"-n", "-s", "spec"}, args...)...)
		cmd.Dir = "../../.."
		b, err := cmd.CombinedOutput()
		require.NoError(t, err, "%s", b)
		return string(b)
	}
	assert.Contains(t, dry(), "-additions 'api/published' -out api/frameio.yaml -report api/frameio.decisions.txt")
	other := dry("DOCS=x.md", "OUT=/tmp/x.yaml")
	assert.Contains(t, other, "-docs x.md")
	assert.Contains(t, other, "-additions '' -out /tmp/x.yaml -report /tmp/x.decisions.txt")
	assert.Contains(t, dry("SPEC=openapi.json", "OUT=/tmp/x.yaml"), "-spec openapi.json")
}
