package specbuild

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"gopkg.in/yaml.v3"

	"github.com/frameio-go/frameio-go/internal/yamlnode"
)

// wrap puts a components.schemas body into a minimal fragment.
func wrap(schemas string) string {
	return "openapi: 3.1.0 info: title: v4 version: 1.0.0 paths: /v4/x: get: operationId: show tags: - subpackage_x " +
		"responses: '200': description: OK servers: - url: https://api.frame.io components: schemas: " + schemas
}

func parse(t *testing.T, src string) *yaml.Node {
	t.Helper()
	n, _, err := ParseFragment(src)
	require.NoError(t, err)
	require.Equal(t, normalizeSpace(src), normalizeSpace(Flatten(n)), "round trip must keep every token once")
	return n
}

func schema(t *testing.T, doc *yaml.Node, name string) *yaml.Node {
	t.Helper()
	s := yamlnode.Get(yamlnode.Get(yamlnode.Get(doc, "components"), "schemas"), name)
	require.NotNil(t, s, "schema %s", name)
	return s
}

func prop(s *yaml.Node, name string) *yaml.Node {
	return yamlnode.Get(yamlnode.Get(s, "properties"), name)
}

func TestFreeTextEndsAtNextValidKey(t *testing.T) {
	src := "openapi: 3.1.0 paths: /v4/x: get: operationId: index summary: List things description: >- List things.\n" +
		"Rate Limits: 100 calls per 1.00 minute(s) NOTE: this is text tags: - subpackage_x responses: '200': description: OK"
	doc := parse(t, src)
	op := yamlnode.Get(yamlnode.Get(yamlnode.Get(doc, "paths"), "/v4/x"), "get")
	assert.Equal(t, "List things.\nRate Limits: 100 calls per 1.00 minute(s) NOTE: this is text", yamlnode.Scalar(op, "description"))
	assert.Equal(t, "List things", yamlnode.Scalar(op, "summary"))
	assert.Equal(t, yaml.FoldedStyle, yamlnode.Get(op, "description").Style)
}

func TestBlockScalarChomping(t *testing.T) {
	doc := parse(t, wrap("A: type: string description: > kept newline title: A B: type: string description: | literal text title: B C: type: string description: >- stripped title: C"))
	assert.Equal(t, "kept newline\n", yamlnode.Scalar(schema(t, doc, "A"), "description"))
	assert.Equal(t, "literal text\n", yamlnode.Scalar(schema(t, doc, "B"), "description"))
	assert.Equal(t, yaml.LiteralStyle, yamlnode.Get(schema(t, doc, "B"), "description").Style)
	assert.Equal(t, "stripped", yamlnode.Scalar(schema(t, doc, "C"), "description"))
}

func TestPropertiesNamedLikeKeywords(t *testing.T) {
	doc := parse(t, wrap("A: type: object properties: type: type: string description: The type description: type: string format: type: string required: type: boolean data: $ref: '#/components/schemas/B' required: - type - data description: An A title: A"))
	a := schema(t, doc, "A")
	for _, p := range []string{"type", "description", "format", "required", "data"} {
		assert.NotNil(t, prop(a, p), "property %s", p)
	}
	assert.Equal(t, "The type", yamlnode.Scalar(prop(a, "type"), "description"))
	assert.Equal(t, "An A", yamlnode.Scalar(a, "description"))
	assert.Len(t, yamlnode.Get(a, "required").Content, 2)
}

func TestRequiredListGoesToSchemaOwningTheNames(t *testing.T) {
	doc := parse(t, wrap("A: type: object properties: role: oneOf: - $ref: '#/components/schemas/R' - type: 'null' description: Role user: $ref: '#/components/schemas/U' required: - role - user description: Frame.io role title: A"))
	a := schema(t, doc, "A")
	assert.Len(t, yamlnode.Get(a, "required").Content, 2)
	assert.Nil(t, yamlnode.Get(prop(a, "user"), "required"))
	assert.Equal(t, "Role", yamlnode.Scalar(prop(a, "role"), "description"), "a key after a closed `- type: 'null'` belongs to the oneOf owner")
	assert.Equal(t, "Frame.io role", yamlnode.Scalar(a, "description"))
}

func TestDiscriminatorBelongsToOneOfOwner(t *testing.T) {
	doc := parse(t, wrap("U: oneOf: - type: object properties: kind: type: string enum: - a required: - kind description: A variant - type: object properties: kind: type: string enum: - b required: - kind description: B variant discriminator: propertyName: kind title: U"))
	u := schema(t, doc, "U")
	require.NotNil(t, yamlnode.Get(u, "discriminator"))
	assert.Equal(t, "kind", yamlnode.Scalar(yamlnode.Get(u, "discriminator"), "propertyName"))
	vs := yamlnode.Get(u, "oneOf").Content
	require.Len(t, vs, 2)
	assert.Equal(t, "A variant", yamlnode.Scalar(vs[0], "description"))
	assert.Equal(t, "B variant", yamlnode.Scalar(vs[1], "description"))
	assert.Nil(t, yamlnode.Get(vs[1], "discriminator"))
}

func TestDescriptionAfterItemsDescribesTheArray(t *testing.T) {
	doc := parse(t, wrap("A: type: object properties: list: type: array items: $ref: '#/components/schemas/I' description: The list title: A"))
	list := prop(schema(t, doc, "A"), "list")
	assert.Equal(t, "The list", yamlnode.Scalar(list, "description"))
	assert.True(t, yamlnode.IsOnly(yamlnode.Get(list, "items"), "$ref"))
}

func TestLongRefAndTitleAsBlockScalars(t *testing.T) {
	doc := parse(t, wrap("A: type: object properties: opts: type: array items: $ref: >- #/components/schemas/LongItems required: - opts title: >- A B: type: string title: B"))
	a := schema(t, doc, "A")
	assert.Equal(t, "#/components/schemas/LongItems", yamlnode.Scalar(yamlnode.Get(prop(a, "opts"), "items"), "$ref"))
	assert.Len(t, yamlnode.Get(a, "required").Content, 1)
	assert.Equal(t, "A", yamlnode.Scalar(a, "title"))
	schema(t, doc, "B")
}

func TestServersAfterOperationAreDocumentLevel(t *testing.T) {
	doc := parse(t, wrap("A: type: string title: A"))
	assert.NotNil(t, yamlnode.Get(doc, "servers"))
	assert.Nil(t, yamlnode.Get(yamlnode.Get(yamlnode.Get(doc, "paths"), "/v4/x"), "servers"))
}

func TestParameterDefaultGoesIntoSchema(t *testing.T) {
	src := "openapi: 3.1.0 paths: /v4/x: get: operationId: index tags: - subpackage_x parameters: - name: page_size in: query description: '' required: false schema: $ref: '#/components/schemas/P' default: 50 - name: after in: query description: > Opaque cursor.\nNOTE: auto-generated. required: false schema: type: string responses: '200': description: OK"
	doc := parse(t, src)
	params := yamlnode.Get(yamlnode.Get(yamlnode.Get(yamlnode.Get(doc, "paths"), "/v4/x"), "get"), "parameters").Content
	require.Len(t, params, 2)
	assert.Equal(t, "50", yamlnode.Scalar(yamlnode.Get(params[0], "schema"), "default"))
	assert.Equal(t, "!!int", yamlnode.Get(yamlnode.Get(params[0], "schema"), "default").Tag)
	assert.Equal(t, "Opaque cursor.\nNOTE: auto-generated.\n", yamlnode.Scalar(params[1], "description"))
}

func TestQuotedKeysAndEmptyFlowMaps(t *testing.T) {
	doc := parse(t, wrap("A: type: object properties: x: type: number 'y': type: number title: A E: type: object properties: {} title: E"))
	assert.NotNil(t, prop(schema(t, doc, "A"), "y"))
	assert.Equal(t, yaml.FlowStyle, yamlnode.Get(schema(t, doc, "E"), "properties").Style)
}

func TestUnplacedTokenFails(t *testing.T) {
	_, _, err := ParseFragment(wrap("A: type: string format: - stray title: A"))
	var pe *ParseError
	require.ErrorAs(t, err, &pe)
	assert.Contains(t, pe.Near, "format: - stray")
}

func TestTrailingDescriptionIsRecorded(t *testing.T) {
	n, decisions, err := ParseFragment(wrap("A: type: object properties: name: type: string description: Name title: A W: type: object properties: data: $ref: '#/components/schemas/A' description: W params title: W"))
	require.NoError(t, err)
	require.Len(t, decisions, 2)
	assert.Equal(t, "Name", yamlnode.Scalar(prop(schema(t, n, "A"), "name"), "description"))
	assert.Equal(t, "W params", yamlnode.Scalar(schema(t, n, "W"), "description"), "a lone $ref property's trailing description describes the wrapper")
}

func TestIndentedFormGivesTheSameDocument(t *testing.T) {
	src := wrap("A: type: object properties: name: type: string description: >- Two\nlines required: - name title: A")
	flat := parse(t, src)
	out, err := Encode(flat)
	require.NoError(t, err)
	indented, _, err := ParseFragment(string(out))
	require.NoError(t, err)
	assert.True(t, yamlnode.Equal(flat, indented))
}

func TestMultiWordEnumItemsAndBareItemsDescription(t *testing.T) {
	doc := parse(t, wrap("M: type: string enum: - Channel Paused - invalid_client - slow_down title: M L: type: object properties: list: type: array items: description: Any type title: L"))
	e := yamlnode.Get(schema(t, doc, "M"), "enum").Content
	require.Len(t, e, 3)
	assert.Equal(t, "Channel Paused", e[0].Value)
	assert.Equal(t, "Any type", yamlnode.Scalar(yamlnode.Get(prop(schema(t, doc, "L"), "list"), "items"), "description"))
}
