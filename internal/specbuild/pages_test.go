package specbuild

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"gopkg.in/yaml.v3"

	"github.com/frameio-go/frameio-go/internal/yamlnode"
)

var update = flag.Bool("update", false, "rewrite the testdata fixtures made from the docs")

// pagesFixture is the webhook sections of the docs in the layout the docs
// site serves page by page. It is made from the flattened docs by
// asPage (go test -run TestPagesFixture -update rewrites it) so that it
// says exactly what the flattened docs say, in the other form.
const pagesFixture = "testdata/webhooks.pages.md"

// pageSections are the sections of the fixture, in order; the last one
// repeats an earlier one, as the docs site's group pages do.
var pageSections = []string{"Create webhook", "Delete webhook", "List webhooks", "Show webhook", "Delete webhook"}

// asPage writes one section as a docs-site page: "# Title", a blank line,
// the method and URL, prose, the fragment as an indented openapi 3.1.1
// document with its own info, nested tags, enums written as objects,
// error responses with empty content, no servers and no security schemes,
// then SDK code samples.
func asPage(t *testing.T, s Section) string {
	t.Helper()
	frag, _, err := ParseFragment(s.Fragment)
	require.NoError(t, err)
	op := yamlnode.Get(yamlnode.Get(yamlnode.Get(frag, "paths"), s.Path), strings.ToLower(s.Method))
	id := yamlnode.Scalar(op, "operationId")
	yamlnode.Set(frag, "openapi", yamlnode.Str("3.1.1"))
	info := yamlnode.Map()
	yamlnode.Set(info, "title", yamlnode.Str(s.Title))
	yamlnode.Set(info, "version", yamlnode.Str("endpoint_webhooks."+id))
	yamlnode.Set(frag, "info", info)
	yamlnode.Delete(frag, "servers")
	yamlnode.Delete(yamlnode.Get(frag, "components"), "securitySchemes")
	tags := yamlnode.Get(op, "tags")
	tags.Content = []*yaml.Node{{Kind: yaml.SequenceNode, Tag: "!!seq", Content: tags.Content}}
	for code, resp := range yamlnode.Pairs(yamlnode.Get(op, "responses")) {
		if n, _ := strconv.Atoi(code); n >= 400 {
			yamlnode.Set(resp, "content", &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map", Style: yaml.FlowStyle})
		}
	}
	enumsAsObjects(frag)
	plainStyles(frag)
	body, err := Encode(frag)
	require.NoError(t, err)
	var b strings.Builder
	fmt.Fprintf(&b, "# %s\n\n%s https://api.frame.io%s\n", s.Title, s.Method, s.Path)
	if s.Method == "POST" || s.Method == "PATCH" {
		b.WriteString("Content-Type: application/json\n")
	}
	fmt.Fprintf(&b, "\n%s\n\nReference: https://next.developer.frame.io/platform/api-reference/webhooks/%s\n\n", strings.TrimSpace(yamlnode.Scalar(op, "description")), id)
	fmt.Fprintf(&b, "## OpenAPI Specification\n\n```yaml\n%s```\n\n", body)
	fmt.Fprintf(&b, "## SDK Code Examples\n\n```typescript\nimport { FrameioClient } from \"frameio\";\nconst client = new FrameioClient({ token: \"YOUR_TOKEN_HERE\" });\n```\n\n")
	fmt.Fprintf(&b, "```python\nfrom frameio import Frameio\nclient = Frameio(token=\"YOUR_TOKEN_HERE\")\n```\n\n")
	fmt.Fprintf(&b, "```go\nreq, _ := http.NewRequest(%q, \"https://api.frame.io%s\", nil)\n```\n\n", s.Method, s.Path)
	return b.String()
}

func enumsAsObjects(n *yaml.Node) {
	if n.Kind == yaml.MappingNode {
		for i := 0; i+1 < len(n.Content); i += 2 {
			if v := n.Content[i+1]; n.Content[i].Value == "enum" && v.Kind == yaml.SequenceNode {
				for j, item := range v.Content {
					obj := yamlnode.Map()
					yamlnode.Set(obj, "value", item)
					v.Content[j] = obj
				}
			}
		}
	}
	for _, c := range n.Content {
		enumsAsObjects(c)
	}
}

// TestPagesFixture keeps the per-page fixture what asPage makes of the
// docs (with -update it rewrites it).
func TestPagesFixture(t *testing.T) {
	docs := docsText(t)
	sections, err := ExtractSections(docs, V4)
	require.NoError(t, err)
	var b strings.Builder
	b.WriteString("Webhooks\n\nThe webhook endpoints of the Frame.io V4 API, one page each.\n\n")
	for _, title := range pageSections {
		i := slices.IndexFunc(sections, func(s Section) bool { return s.Title == title })
		require.GreaterOrEqual(t, i, 0, title)
		b.WriteString(asPage(t, sections[i]))
	}
	if *update {
		require.NoError(t, os.WriteFile(pagesFixture, []byte(b.String()), 0o644))
	}
	committed, err := os.ReadFile(pagesFixture)
	require.NoError(t, err)
	assert.Equal(t, b.String(), string(committed), "%s is stale: go test ./internal/specbuild -run TestPagesFixture -update", pagesFixture)
}

// TestBuildPerPageLayout builds the per-page fixture: the four webhook
// operations with the ids the flattened docs give, the repeat merged,
// nested tags and enum objects normalized, the missing servers and bearer
// scheme supplied, each page's own info replaced by the document's.
func TestBuildPerPageLayout(t *testing.T) {
	raw, err := os.ReadFile(pagesFixture)
	require.NoError(t, err)
	doc, rep, err := Build(string(raw), V4)
	require.NoError(t, err)
	var ids []string
	for _, op := range rep.Operations {
		ids = append(ids, op.OperationID)
	}
	slices.Sort(ids)
	assert.Equal(t, []string{"webhooks_create", "webhooks_delete", "webhooks_index", "webhooks_show"}, ids)
	var rules []string
	for _, d := range rep.Decisions {
		rules = append(rules, d.Rule+": "+d.Detail)
	}
	assert.Contains(t, rules, "repeat: DELETE /v4/accounts/{account_id}/webhooks/{webhook_id} documented again identically; merged")
	assert.Contains(t, strings.Join(rules, "\n"), "nested tag list flattened")
	assert.Contains(t, strings.Join(rules, "\n"), "enums written as objects")
	assert.Contains(t, strings.Join(rules, "\n"), "no source lists servers")
	assert.Contains(t, strings.Join(rules, "\n"), "no source defines the bearer security scheme")

	assert.Equal(t, "v4", yamlnode.Scalar(yamlnode.Get(doc, "info"), "title"), "pages disagree on info: the documented default")
	assert.Equal(t, "https://api.frame.io", yamlnode.Scalar(yamlnode.Get(doc, "servers").Content[0], "url"))
	assert.Equal(t, "bearer", yamlnode.Scalar(yamlnode.Get(yamlnode.Get(yamlnode.Get(doc, "components"), "securitySchemes"), "bearer"), "scheme"))
	include := yamlnode.Get(yamlnode.Get(yamlnode.Get(doc, "components"), "schemas"), "V4AccountsAccountIdWorkspacesWorkspaceIdWebhooksGetParametersInclude")
	require.NotNil(t, include)
	assert.Equal(t, "creator", yamlnode.Get(include, "enum").Content[0].Value, "enum objects became values")

	b, err := Encode(doc)
	require.NoError(t, err)
	validate(t, b)
}

// validate checks a built document with kin-openapi.
func validate(t *testing.T, b []byte) {
	t.Helper()
	loader := openapi3.NewLoader()
	spec, err := loader.LoadFromData(b)
	require.NoError(t, err)
	require.NoError(t, spec.Validate(loader.Context))
}

// TestPerPageLayoutAgreesWithFlattenedDocs: every operation and schema the
// pages build is the one the flattened docs build (error responses aside:
// the pages give them empty content).
func TestPerPageLayoutAgreesWithFlattenedDocs(t *testing.T) {
	flatDoc, _, err := Build(docsText(t), V4)
	require.NoError(t, err)
	raw, err := os.ReadFile(filepath.Clean(pagesFixture))
	require.NoError(t, err)
	pageDoc, _, err := Build(string(raw), V4)
	require.NoError(t, err)
	for path, item := range yamlnode.Pairs(yamlnode.Get(pageDoc, "paths")) {
		for method, op := range yamlnode.Pairs(item) {
			want := yamlnode.Get(yamlnode.Get(yamlnode.Get(flatDoc, "paths"), path), method)
			require.NotNil(t, want, "%s %s", method, path)
			for code, resp := range yamlnode.Pairs(yamlnode.Get(want, "responses")) {
				if n, _ := strconv.Atoi(code); n >= 400 {
					yamlnode.Delete(resp, "content")
				}
			}
			assert.True(t, yamlnode.Equal(want, op), "%s %s", method, path)
		}
	}
	for name, s := range yamlnode.Pairs(yamlnode.Get(yamlnode.Get(pageDoc, "components"), "schemas")) {
		want := yamlnode.Get(yamlnode.Get(yamlnode.Get(flatDoc, "components"), "schemas"), name)
		require.NotNil(t, want, name)
		assert.True(t, yamlnode.Equal(want, s), name)
	}
}

// TestWholeDocsAsPagesBuildTheSameDocument writes all 88 sections of the
// docs as pages (every third one twice) and builds them: the document the
// flattened docs give, error responses aside.
func TestWholeDocsAsPagesBuildTheSameDocument(t *testing.T) {
	docs := docsText(t)
	sections, err := ExtractSections(docs, V4)
	require.NoError(t, err)
	var b strings.Builder
	for i, s := range sections {
		b.WriteString(asPage(t, s))
		if i%3 == 0 {
			b.WriteString(asPage(t, s))
		}
	}
	pageDoc, rep, err := Build(b.String(), V4)
	require.NoError(t, err)
	assert.Len(t, rep.Operations, len(sections))
	flatDoc, _, err := Build(docs, V4)
	require.NoError(t, err)
	for _, item := range yamlnode.Pairs(yamlnode.Get(flatDoc, "paths")) {
		for _, op := range yamlnode.Pairs(item) {
			for code, resp := range yamlnode.Pairs(yamlnode.Get(op, "responses")) {
				if n, _ := strconv.Atoi(code); n >= 400 {
					yamlnode.Delete(resp, "content")
				}
			}
		}
	}
	a, err := Encode(flatDoc)
	require.NoError(t, err)
	p, err := Encode(pageDoc)
	require.NoError(t, err)
	require.Equal(t, string(a), string(p))
}
