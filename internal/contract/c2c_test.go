package contract

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/frameio-go/frameio-go/internal/specbuild"
)

// TestC2CSpecLoadsAndValidates: both C2C documents are valid OpenAPI 3.1;
// the docs' one has the 16 fragment operations, the codegen one adds
// GET /health (specfix step c2c-health).
func TestC2CSpecLoadsAndValidates(t *testing.T) {
	for name, want := range map[string]int{"c2c.yaml": 16, "c2c.codegen.yaml": 17} {
		doc := load(t, name)
		require.NoError(t, doc.Validate(context.Background()), name)
		assert.Equal(t, "3.1.0", doc.OpenAPI)
		ids := map[string]bool{}
		for path, item := range doc.Paths.Map() {
			for method, op := range item.Operations() {
				require.NotEmpty(t, op.OperationID, "%s %s", method, path)
				require.False(t, ids[op.OperationID], "duplicate operationId %s", op.OperationID)
				ids[op.OperationID] = true
			}
		}
		assert.Len(t, ids, want, name)
	}
}

// TestC2CEveryDocsEndpointHasOneOperation reads the 16 C2C sections of the
// docs with the V4 test's independent regular expressions and checks
// api/c2c.yaml, which stays faithful to the fragments: same method and path,
// parameters, response codes, and a body where the docs have one. (It keeps
// its own loop while the V4 test grows published-document checks.)
func TestC2CEveryDocsEndpointHasOneOperation(t *testing.T) {
	sections, err := specbuild.ExtractSections(docsText(t), specbuild.C2C)
	require.NoError(t, err)
	doc := load(t, "c2c.yaml")
	ok := 0
	for _, s := range sections {
		name := fmt.Sprintf("%s %s (%s)", s.Method, s.Path, s.Title)
		item := doc.Paths.Find(s.Path)
		if !assert.NotNil(t, item, name) || !assert.NotNil(t, item.GetOperation(s.Method), name) {
			continue
		}
		op := item.GetOperation(s.Method)
		var want, got []string
		for _, m := range paramRE.FindAllStringSubmatch(s.Fragment, -1) {
			if m[2] != "header" || m[1] != "Authorization" { // the bearer security scheme
				want = append(want, m[2]+":"+m[1])
			}
		}
		for _, m := range statusRE.FindAllStringSubmatch(s.Fragment, -1) {
			if !slices.Contains(want, m[1]) {
				want = append(want, m[1])
			}
		}
		for _, p := range op.Parameters {
			got = append(got, p.Value.In+":"+p.Value.Name)
		}
		for code := range op.Responses.Map() {
			got = append(got, code)
		}
		good := assert.ElementsMatch(t, want, got, "parameters and response codes of %s", name)
		good = assert.Equal(t, strings.Contains(s.Fragment, "requestBody:"), op.RequestBody != nil, "request body of %s", name) && good
		if good {
			ok++
		}
	}
	fmt.Printf("c2c operations: %d/%d\n", ok, len(sections))
	assert.Equal(t, 16, ok)
	assert.Len(t, sections, 16)
}

// TestC2CGeneratedCodeUpToDate rebuilds api/c2c.yaml from the docs, applies
// the C2C specfix steps and runs oapi-codegen, comparing each result with
// the committed file.
func TestC2CGeneratedCodeUpToDate(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the code generators")
	}
	root, err := filepath.Abs(repoRoot)
	require.NoError(t, err)
	tmp := t.TempDir()

	docs := os.Getenv("FRAMEIO_DOCS")
	if docs == "" {
		docs = filepath.Join(root, "..", "shared", "seeds", "003_ca67f33d460f59c7.txt")
	}
	if _, err := os.Stat(docs); err == nil {
		spec := filepath.Join(tmp, "c2c.yaml")
		run(t, root, "go", "run", "./internal/cmd/specbuild", "-docs", docs, "-api", "c2c", "-out", spec, "-report", filepath.Join(tmp, "c2c.decisions.txt"))
		sameDocument(t, filepath.Join(root, "api", "c2c.yaml"), spec)
		sameDocument(t, filepath.Join(root, "api", "c2c.decisions.txt"), filepath.Join(tmp, "c2c.decisions.txt"))
	}

	codegenYAML := filepath.Join(tmp, "c2c.codegen.yaml")
	run(t, root, "go", "run", "./internal/cmd/specfix", "-api", "c2c", "-in", "api/c2c.yaml", "-out", codegenYAML)
	same(t, filepath.Join(root, "api", "c2c.codegen.yaml"), codegenYAML)

	raw, err := os.ReadFile(filepath.Join(root, "oapi-codegen.c2c.yaml"))
	require.NoError(t, err)
	fresh := filepath.Join(tmp, "c2c.gen.go")
	cfg := filepath.Join(tmp, "oapi-codegen.c2c.yaml")
	require.NoError(t, os.WriteFile(cfg, replaceOutput(t, raw, fresh), 0o644))
	run(t, root, "go", "run", "github.com/oapi-codegen/oapi-codegen/v2/cmd/oapi-codegen", "-config", cfg, codegenYAML)
	same(t, filepath.Join(root, "gen", "c2c", "c2c.gen.go"), fresh)
}

// sameDocument compares two generated files after their leading comment
// lines, which name the builder's input and change with the builder's
// version, not with the document.
func sameDocument(t *testing.T, committed, fresh string) {
	t.Helper()
	body := func(path string) string {
		b, err := os.ReadFile(path)
		require.NoError(t, err)
		lines := strings.SplitAfter(string(b), "\n")
		for len(lines) > 0 && strings.HasPrefix(lines[0], "#") {
			lines = lines[1:]
		}
		return strings.Join(lines, "")
	}
	require.True(t, body(committed) == body(fresh), "%s is stale: run make spec", committed)
}
