package contract

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestGeneratedCodeUpToDate regenerates everything `make generate` writes
// into a temporary directory and compares it with the committed files.
func TestGeneratedCodeUpToDate(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the code generators (about a minute on a cold cache)")
	}
	root, err := filepath.Abs(repoRoot)
	require.NoError(t, err)
	tmp := t.TempDir()

	codegenYAML := filepath.Join(tmp, "frameio.codegen.yaml")
	run(t, root, "go", "run", "./internal/cmd/specfix", "-in", "api/frameio.yaml", "-out", codegenYAML)
	same(t, filepath.Join(root, "api", "frameio.codegen.yaml"), codegenYAML)

	for _, cfg := range []string{"oapi-codegen.yaml", "oapi-codegen.server.yaml"} {
		raw, err := os.ReadFile(filepath.Join(root, cfg))
		require.NoError(t, err)
		out := outputRE.FindSubmatch(raw)
		require.NotNil(t, out, "%s names its output", cfg)
		committed := filepath.Join(root, string(out[1]))
		fresh := filepath.Join(tmp, filepath.Base(committed))
		tmpCfg := filepath.Join(tmp, cfg)
		require.NoError(t, os.WriteFile(tmpCfg, replaceOutput(t, raw, fresh), 0o644))
		run(t, root, "go", "run", "github.com/oapi-codegen/oapi-codegen/v2/cmd/oapi-codegen", "-config", tmpCfg, codegenYAML)
		same(t, committed, fresh)
	}

	sdk := filepath.Join(tmp, "frameio")
	run(t, root, "go", "run", "./internal/cmd/gensdk", "-out", sdk)
	for _, name := range []string{"services_gen.go", "union_gen.go", filepath.Join("search", "union_gen.go"), filepath.Join("metadata", "union_gen.go")} {
		same(t, filepath.Join(root, "frameio", name), filepath.Join(sdk, name))
	}
}

var outputRE = regexp.MustCompile(`(?m)^output: (\S+)$`)

// replaceOutput returns an oapi-codegen configuration writing to out.
func replaceOutput(t *testing.T, cfg []byte, out string) []byte {
	t.Helper()
	m := outputRE.FindSubmatch(cfg)
	require.NotNil(t, m, "the configuration names its output")
	return bytes.Replace(cfg, m[0], []byte("output: "+out), 1)
}

func run(t *testing.T, dir string, name string, args ...string) {
	t.Helper()
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	out, err := cmd.CombinedOutput()
	require.NoError(t, err, "%s %v:\n%s", name, args, out)
}

func same(t *testing.T, committed, fresh string) {
	t.Helper()
	a, err := os.ReadFile(committed)
	require.NoError(t, err)
	b, err := os.ReadFile(fresh)
	require.NoError(t, err)
	require.True(t, bytes.Equal(a, b), "%s is stale: run make generate", committed)
}
