package contract

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/frameio-go/frameio-go/internal/specbuild"
)

const repoRoot = "../.."

func load(t *testing.T, name string) *openapi3.T {
	t.Helper()
	l := openapi3.NewLoader()
	doc, err := l.LoadFromFile(filepath.Join(repoRoot, "api", name))
	require.NoError(t, err)
	return doc
}

func TestSpecLoadsAndValidates(t *testing.T) {
	for _, name := range []string{"frameio.yaml", "frameio.codegen.yaml"} {
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
		assert.Len(t, ids, 88, name)
		require.NotNil(t, doc.Security)
		assert.Contains(t, doc.Components.SecuritySchemes, "bearer")
	}
}

func docsText(t *testing.T) string {
	t.Helper()
	path := os.Getenv("FRAMEIO_DOCS")
	if path == "" {
		path = filepath.Join(repoRoot, "..", "shared", "seeds", "003_ca67f33d460f59c7.txt")
	}
	b, err := os.ReadFile(path)
	if errors.Is(err, os.ErrNotExist) {
		t.Skipf("needs the Frame.io docs at %s (set FRAMEIO_DOCS)", path)
	}
	require.NoError(t, err)
	return string(b)
}

var (
	paramRE  = regexp.MustCompile(`- name: (\S+) in: (path|query|header)`)
	statusRE = regexp.MustCompile(`'([1-5][0-9][0-9])': description:`)
)

// TestEveryDocsEndpointHasOneOperation reads each endpoint section of the
// docs with plain regular expressions (independently of the spec builder's
// parser) and checks the operation in api/frameio.yaml: same method and
// path, same parameters, same response codes, a body where the docs have one.
func TestEveryDocsEndpointHasOneOperation(t *testing.T) {
	docs := docsText(t)
	sections, err := specbuild.ExtractSections(docs, specbuild.V4)
	require.NoError(t, err)
	doc := load(t, "frameio.yaml")
	ok := 0
	for _, s := range sections {
		name := fmt.Sprintf("%s %s (%s)", s.Method, s.Path, s.Title)
		item := doc.Paths.Find(s.Path)
		if !assert.NotNil(t, item, name) {
			continue
		}
		op := item.GetOperation(s.Method)
		if !assert.NotNil(t, op, name) {
			continue
		}
		var wantParams, gotParams []string
		for _, m := range paramRE.FindAllStringSubmatch(s.Fragment, -1) {
			if m[2] == "header" && m[1] == "Authorization" {
				continue // modelled as the global bearer security scheme
			}
			wantParams = append(wantParams, m[2]+":"+m[1])
		}
		for _, p := range op.Parameters {
			gotParams = append(gotParams, p.Value.In+":"+p.Value.Name)
		}
		sort.Strings(wantParams)
		sort.Strings(gotParams)
		var wantCodes []string
		for _, m := range statusRE.FindAllStringSubmatch(s.Fragment, -1) {
			if !slices.Contains(wantCodes, m[1]) {
				wantCodes = append(wantCodes, m[1])
			}
		}
		gotCodes := slices.Collect(func(yield func(string) bool) {
			for code := range op.Responses.Map() {
				if !yield(code) {
					return
				}
			}
		})
		sort.Strings(wantCodes)
		sort.Strings(gotCodes)
		good := assert.Equal(t, wantParams, gotParams, "parameters of %s", name)
		good = assert.Equal(t, wantCodes, gotCodes, "response codes of %s", name) && good
		good = assert.Equal(t, strings.Contains(s.Fragment, "requestBody:"), op.RequestBody != nil, "request body of %s", name) && good
		for _, code := range gotCodes {
			r := op.Responses.Value(code)
			if code != "204" {
				good = assert.NotNil(t, r.Value.Content.Get("application/json"), "%s %s has a JSON schema", name, code) && good
			}
		}
		if good {
			ok++
		}
	}
	fmt.Printf("operations: %d/%d\n", ok, len(sections))
	assert.Equal(t, 88, ok)
}

// TestDiscriminatorMappingsMatchVariants checks each mapping value of the
// codegen document against the variant it names: the variant's
// discriminator property must allow that value, and a variant that pins one
// value must pin exactly it. A wrong value would decode silently wrong.
func TestDiscriminatorMappingsMatchVariants(t *testing.T) {
	doc := load(t, "frameio.codegen.yaml")
	unions, values := 0, 0
	for name, ref := range doc.Components.Schemas {
		s := ref.Value
		if s.Discriminator == nil {
			continue
		}
		unions++
		require.NotEmpty(t, s.Discriminator.Mapping, "%s has a mapping", name)
		prop := s.Discriminator.PropertyName
		for value, target := range s.Discriminator.Mapping {
			require.True(t, strings.HasPrefix(target.Ref, "#/components/schemas/"), "%s: mapping %s must be a full ref", name, value)
			variant := doc.Components.Schemas[strings.TrimPrefix(target.Ref, "#/components/schemas/")]
			require.NotNil(t, variant, "%s: %s", name, target.Ref)
			p := variant.Value.Properties[prop]
			require.NotNil(t, p, "%s: variant %s has no %s", name, target.Ref, prop)
			var allowed []string
			for _, e := range p.Value.Enum {
				allowed = append(allowed, fmt.Sprint(e))
			}
			assert.Contains(t, allowed, value, "%s: %s", name, target.Ref)
			if len(allowed) == 1 {
				assert.Equal(t, value, allowed[0], "%s: %s pins its value", name, target.Ref)
			}
			values++
		}
	}
	fmt.Printf("discriminated unions: %d, mapping values: %d\n", unions, values)
	assert.Equal(t, 8, unions)
}
