package specfix

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"gopkg.in/yaml.v3"

	"github.com/frameio-go/frameio-go/internal/yamlnode"
)

func doc(t *testing.T, schemas string) *yaml.Node {
	t.Helper()
	var n yaml.Node
	require.NoError(t, yaml.Unmarshal([]byte("openapi: 3.1.0\ncomponents:\n  schemas:\n"+schemas), &n))
	return &n
}

func schemasOf(n *yaml.Node) *yaml.Node {
	return yamlnode.Get(yamlnode.Get(n.Content[0], "components"), "schemas")
}

// stepNamed returns the step of Steps or V4Steps called name.
func stepNamed(t *testing.T, name string) Step {
	t.Helper()
	for _, s := range append(append([]Step(nil), Steps...), V4Steps...) {
		if s.Name == name {
			return s
		}
	}
	t.Fatalf("no step %s", name)
	return Step{}
}

const union = `
    Kind:
      type: string
      enum: [folder, file]
    U:
      oneOf:
        - type: object
          properties:
            type: {$ref: '#/components/schemas/Kind'}
            size: {type: integer}
          description: File variant
        - type: object
          properties:
            type: {type: string, enum: [folder]}
          description: Folder variant
      discriminator:
        propertyName: type
`

func TestHoistUnionDerivesMappingFromSortedValues(t *testing.T) {
	n := doc(t, union)
	log, err := ApplySteps(n, Steps)
	require.NoError(t, err)
	s := schemasOf(n)
	u := yamlnode.Get(s, "U")
	m := yamlnode.Get(yamlnode.Get(u, "discriminator"), "mapping")
	require.NotNil(t, m)
	// values sort as file, folder: the first variant is file.
	assert.Equal(t, "#/components/schemas/File", yamlnode.Scalar(m, "file"))
	assert.Equal(t, "#/components/schemas/Folder", yamlnode.Scalar(m, "folder"))
	assert.Equal(t, "#/components/schemas/File", yamlnode.Scalar(yamlnode.Get(u, "oneOf").Content[0], "$ref"))
	assert.NotNil(t, yamlnode.Get(yamlnode.Get(yamlnode.Get(s, "File"), "properties"), "size"))
	assert.Contains(t, log, `hoist-union-variants: U: "file" -> File`)
}

func TestHoistUnionRejectsContradictingPinnedValue(t *testing.T) {
	// The second variant pins "file" but sorts as "folder".
	n := doc(t, union[:len(union)-len("      discriminator:\n        propertyName: type\n")]+
		"      discriminator:\n        propertyName: type\n")
	yamlnode.Get(yamlnode.Get(yamlnode.Get(yamlnode.Get(schemasOf(n), "U"), "oneOf").Content[1], "properties"), "type").Content[3].Content[0].Value = "file"
	_, err := ApplySteps(n, Steps)
	assert.ErrorContains(t, err, `pins "file" but sorts as "folder"`)
}

func TestHoistUnionReusesIdenticalVariantsAndAvoidsTakenNames(t *testing.T) {
	n := doc(t, `
    Kind: {type: string, enum: [a, b, c]}
    Text: {type: string}
    U:
      oneOf:
        - {type: object, properties: {k: {$ref: '#/components/schemas/Kind'}}, description: Text variant}
        - {type: object, properties: {k: {$ref: '#/components/schemas/Kind'}, n: {type: integer}}, description: Num variant}
        - {type: object, properties: {k: {$ref: '#/components/schemas/Kind'}}, description: Text variant}
      discriminator: {propertyName: k}
`)
	_, err := ApplySteps(n, Steps)
	require.NoError(t, err)
	u := yamlnode.Get(schemasOf(n), "U")
	assert.Len(t, yamlnode.Get(u, "oneOf").Content, 2, "identical variants are hoisted once")
	m := yamlnode.Get(yamlnode.Get(u, "discriminator"), "mapping")
	assert.Equal(t, "#/components/schemas/UText", yamlnode.Scalar(m, "a"), "Text is taken by another schema")
	assert.Equal(t, "#/components/schemas/UText", yamlnode.Scalar(m, "c"))
	assert.Equal(t, "#/components/schemas/Num", yamlnode.Scalar(m, "b"))
}

func TestNullEnumMultiTypeDuplicatesAndIDs(t *testing.T) {
	n := doc(t, `
    A: {type: string, enum: [x, null, y, y]}
    B: {type: [string, integer, 'null']}
    C: {type: string, format: uuid}
`)
	_, err := ApplySteps(n, Steps)
	require.NoError(t, err)
	s := schemasOf(n)
	a := yamlnode.Get(s, "A")
	assert.Len(t, yamlnode.Get(a, "enum").Content, 2)
	assert.Equal(t, yaml.SequenceNode, yamlnode.Get(a, "type").Kind)
	b := yamlnode.Get(s, "B")
	assert.Nil(t, yamlnode.Get(b, "type"))
	assert.Len(t, yamlnode.Get(b, "oneOf").Content, 3)
	assert.Equal(t, "string", yamlnode.Scalar(yamlnode.Get(s, "C"), "x-go-type"))
}

func TestNoContent204DropsTheBody(t *testing.T) {
	var n yaml.Node
	require.NoError(t, yaml.Unmarshal([]byte(`
paths:
  /x:
    delete:
      responses:
        '204':
          description: No Content
          content: {application/json: {schema: {type: object}}}
components: {schemas: {}}
`), &n))
	log, err := ApplySteps(&n, Steps)
	require.NoError(t, err)
	r := yamlnode.Get(yamlnode.Get(yamlnode.Get(yamlnode.Get(yamlnode.Get(n.Content[0], "paths"), "/x"), "delete"), "responses"), "204")
	assert.Nil(t, yamlnode.Get(r, "content"))
	assert.Contains(t, log, "no-content-204: delete /x")
}

func TestCustomActionsGetTheExperimentalHeader(t *testing.T) {
	var n yaml.Node
	require.NoError(t, yaml.Unmarshal([]byte(`
paths:
  /v4/accounts/{account_id}/workspaces/{workspace_id}/actions:
    get: {tags: [subpackage_customActions], responses: {'200': {description: OK}}}
  /v4/accounts/{account_id}/files/{file_id}:
    get: {tags: [subpackage_files], responses: {'200': {description: OK}}}
components: {schemas: {}}
`), &n))
	log, err := ApplySteps(&n, []Step{stepNamed(t, "custom-actions-experimental")})
	require.NoError(t, err)
	paths := yamlnode.Get(n.Content[0], "paths")
	h := yamlnode.Get(yamlnode.Get(yamlnode.Get(paths, "/v4/accounts/{account_id}/workspaces/{workspace_id}/actions"), "get"), FixedHeadersKey)
	require.NotNil(t, h)
	assert.Equal(t, "experimental", yamlnode.Get(h, "api-version").Value)
	assert.Nil(t, yamlnode.Get(yamlnode.Get(yamlnode.Get(paths, "/v4/accounts/{account_id}/files/{file_id}"), "get"), FixedHeadersKey))
	assert.Contains(t, log, "custom-actions-experimental: GET /v4/accounts/{account_id}/workspaces/{workspace_id}/actions")
}
