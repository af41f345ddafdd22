package specbuild

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"gopkg.in/yaml.v3"

	"github.com/frameio-go/frameio-go/internal/yamlnode"
)

// to30 rewrites a 3.1 document of ours as OpenAPI 3.0 (the inverse of
// convert30), the way a generator of 3.0 documents would write it.
func to30(t *testing.T, doc *yaml.Node) {
	t.Helper()
	yamlnode.Set(doc, "openapi", yamlnode.Str("3.0.3"))
	walkSchemas(doc, func(s *yaml.Node) {
		if ty := yamlnode.Get(s, "type"); ty != nil && ty.Kind == yaml.SequenceNode {
			var rest []*yaml.Node
			for _, c := range ty.Content {
				if c.Value != "null" {
					rest = append(rest, c)
				}
			}
			require.Len(t, rest, 1, "3.0 has one type per schema")
			if len(rest) < len(ty.Content) {
				yamlnode.Rename(s, "type", "type", rest[0])
				yamlnode.Set(s, "nullable", &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!bool", Value: "true"})
			}
		}
		for _, k := range []string{"oneOf", "anyOf"} {
			alts := yamlnode.Get(s, k)
			if alts == nil {
				continue
			}
			for i, a := range alts.Content {
				if yamlnode.Scalar(a, "type") == "null" && len(a.Content) == 2 {
					require.Equal(t, len(alts.Content)-1, i, "the null alternative comes last")
					alts.Content = alts.Content[:i]
					yamlnode.Set(s, "nullable", &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!bool", Value: "true"})
				}
			}
		}
		if ex := yamlnode.Get(s, "examples"); ex != nil && ex.Kind == yaml.SequenceNode && len(ex.Content) == 1 {
			yamlnode.Rename(s, "examples", "example", ex.Content[0])
		}
		for _, bound := range []string{"Minimum", "Maximum"} {
			if ex := yamlnode.Get(s, "exclusive"+bound); ex != nil && ex.Tag != "!!bool" {
				yamlnode.Rename(s, "exclusive"+bound, strings.ToLower(bound), ex)
				yamlnode.Set(s, "exclusive"+bound, &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!bool", Value: "true"})
			}
		}
	})
}

// nodeToJSON writes a node tree as JSON, keeping key order.
func nodeToJSON(t *testing.T, b *bytes.Buffer, n *yaml.Node) {
	t.Helper()
	switch n.Kind {
	case yaml.MappingNode:
		b.WriteByte('{')
		for i := 0; i+1 < len(n.Content); i += 2 {
			if i > 0 {
				b.WriteByte(',')
			}
			k, _ := json.Marshal(n.Content[i].Value)
			b.Write(k)
			b.WriteByte(':')
			nodeToJSON(t, b, n.Content[i+1])
		}
		b.WriteByte('}')
	case yaml.SequenceNode:
		b.WriteByte('[')
		for i, c := range n.Content {
			if i > 0 {
				b.WriteByte(',')
			}
			nodeToJSON(t, b, c)
		}
		b.WriteByte(']')
	case yaml.ScalarNode:
		switch n.Tag {
		case "!!int", "!!float", "!!bool":
			b.WriteString(n.Value)
		case "!!null":
			b.WriteString("null")
		default:
			v, _ := json.Marshal(n.Value)
			b.Write(v)
		}
	default:
		t.Fatalf("node kind %v in a document", n.Kind)
	}
}

// TestOpenAPI30RoundTrip converts our own api/frameio.yaml to an OpenAPI 3.0
// JSON document and builds it back with BuildSpec: the same document, byte
// for byte (so gen/, made from it, is identical too).
func TestOpenAPI30RoundTrip(t *testing.T) {
	committed, err := os.ReadFile(filepath.Join("..", "..", "api", "frameio.yaml"))
	require.NoError(t, err)
	doc, err := decodeDocument(committed)
	require.NoError(t, err)
	to30(t, doc)
	var js bytes.Buffer
	nodeToJSON(t, &js, doc)
	require.True(t, json.Valid(js.Bytes()))
	require.NotContains(t, js.String(), `"null"`, "no 3.1 null types left")

	back, rep, err := BuildSpec(js.Bytes(), V4)
	require.NoError(t, err)
	out, err := Encode(back)
	require.NoError(t, err)
	require.Equal(t, string(committed), string(out))
	assert.Len(t, rep.Operations, strings.Count(string(committed), "\n      operationId: "))
	var converted []string
	for _, d := range rep.Decisions {
		if d.Rule == "openapi-3.0" {
			converted = append(converted, d.Detail)
		}
	}
	assert.NotEmpty(t, converted, "the 3.0 constructs were converted")
	t.Logf("3.0 -> 3.1: %s", strings.Join(converted, "; "))

	// So does `make spec SPEC=` (which merges api/published too: the
	// additions are already in, so they change nothing).
	withAdditions, _, err := BuildSpec(js.Bytes(), V4, publishedAdditions(t)...)
	require.NoError(t, err)
	out, err = Encode(withAdditions)
	require.NoError(t, err)
	require.Equal(t, string(committed), string(out))

	// The same document as 3.1 YAML builds to itself too.
	again, _, err := BuildSpec(committed, V4)
	require.NoError(t, err)
	out, err = Encode(again)
	require.NoError(t, err)
	require.Equal(t, string(committed), string(out))
}

// TestBuildSpecFromOpenAPI30JSON builds a small OpenAPI 3.0 JSON document
// written the way Frame.io publishes its own (tags like "Version Stacks",
// ids like "version_stacks.show", nullable, example, OAuth2 schemes) and
// checks each conversion to 3.1 and to the project's conventions.
func TestBuildSpecFromOpenAPI30JSON(t *testing.T) {
	raw, err := os.ReadFile("testdata/openapi30.json")
	require.NoError(t, err)
	doc, rep, err := BuildSpec(raw, V4)
	require.NoError(t, err)
	assert.Equal(t, "3.1.0", yamlnode.Scalar(doc, "openapi"))
	assert.Equal(t, "v4.0", yamlnode.Scalar(yamlnode.Get(doc, "info"), "version"), "a single source keeps its info")

	paths := yamlnode.Get(doc, "paths")
	show := yamlnode.Get(yamlnode.Get(paths, "/v4/accounts/{account_id}/version_stacks/{version_stack_id}"), "get")
	assert.Equal(t, "version_stacks_show", yamlnode.Scalar(show, "operationId"))
	assert.Equal(t, "subpackage_versionStacks", yamlnode.Get(show, "tags").Content[0].Value)
	assert.Equal(t, "b0dc", yamlnode.Scalar(yamlnode.Get(show, "parameters").Content[0], "example"), "a parameter keeps example")
	assert.Nil(t, yamlnode.Get(yamlnode.Get(yamlnode.Get(show, "responses"), "404"), "content"), "empty content dropped")
	header := yamlnode.Get(yamlnode.Get(yamlnode.Get(yamlnode.Get(yamlnode.Get(show, "responses"), "200"), "headers"), "x-ratelimit-remaining"), "schema")
	assert.Nil(t, yamlnode.Get(header, "exclusiveMinimum"), "exclusiveMinimum: false dropped")
	assert.Equal(t, "0", yamlnode.Scalar(header, "minimum"))
	del := yamlnode.Get(yamlnode.Get(paths, "/v4/accounts/{account_id}/files/{file_id}"), "delete")
	assert.Equal(t, "files_delete", yamlnode.Scalar(del, "operationId"))
	assert.Equal(t, "true", yamlnode.Scalar(del, "deprecated"))
	assert.Len(t, yamlnode.Get(del, "parameters").Content, 2, "the Authorization header parameter is dropped")

	schemas := yamlnode.Get(yamlnode.Get(doc, "components"), "schemas")
	props := yamlnode.Get(yamlnode.Get(schemas, "VersionStack"), "properties")
	typeList := func(name string) []string {
		var out []string
		for _, c := range yamlnode.Get(yamlnode.Get(props, name), "type").Content {
			out = append(out, c.Value)
		}
		return out
	}
	assert.Equal(t, []string{"string", "null"}, typeList("media_type"))
	assert.Equal(t, []string{"string", "null"}, typeList("status"))
	assert.Len(t, yamlnode.Get(yamlnode.Get(props, "status"), "enum").Content, 2, "an enum keeps its values")
	assert.Equal(t, []string{"string", "null"}, typeList2(yamlnode.Get(yamlnode.Get(props, "labels"), "items")))
	for _, name := range []string{"head_version", "cover", "owner"} {
		alts := yamlnode.Get(yamlnode.Get(props, name), "oneOf")
		require.NotNil(t, alts, name)
		require.Len(t, alts.Content, 2, name)
		assert.Equal(t, "#/components/schemas/File", yamlnode.Scalar(alts.Content[0], "$ref"), name)
		assert.Equal(t, "null", yamlnode.Scalar(alts.Content[1], "type"), name)
		assert.Nil(t, yamlnode.Get(yamlnode.Get(props, name), "nullable"), name)
	}
	assert.Equal(t, "Cover", yamlnode.Scalar(yamlnode.Get(props, "cover"), "description"))
	thumb := yamlnode.Get(yamlnode.Get(props, "thumb"), "oneOf")
	require.Len(t, thumb.Content, 2)
	assert.Len(t, yamlnode.Get(thumb.Content[0], "allOf").Content, 2)
	assert.Nil(t, yamlnode.Get(yamlnode.Get(props, "extra"), "nullable"), "nullable without a type says nothing in 3.1")
	assert.Equal(t, "string", yamlnode.Scalar(yamlnode.Get(props, "kept"), "type"))
	assert.Nil(t, yamlnode.Get(yamlnode.Get(props, "kept"), "nullable"))
	rating := yamlnode.Get(props, "rating")
	assert.Equal(t, "0", yamlnode.Scalar(rating, "exclusiveMinimum"))
	assert.Nil(t, yamlnode.Get(rating, "minimum"))
	assert.Equal(t, "5", yamlnode.Scalar(rating, "maximum"))
	assert.Nil(t, yamlnode.Get(rating, "exclusiveMaximum"))
	ex := yamlnode.Get(yamlnode.Get(props, "name"), "examples")
	require.NotNil(t, ex)
	assert.Equal(t, "Cut", ex.Content[0].Value, "a schema's example becomes examples: [x]")
	assert.NotNil(t, yamlnode.Get(yamlnode.Get(schemas, "VersionStackResponse"), "examples"))

	schemes := yamlnode.Get(yamlnode.Get(doc, "components"), "securitySchemes")
	assert.NotNil(t, yamlnode.Get(schemes, "OAuth2"), "the published OAuth2 scheme is kept")
	assert.NotNil(t, yamlnode.Get(schemes, "bearer"), "and the bearer scheme the SDK uses is added")
	assert.Nil(t, yamlnode.Get(yamlnode.Get(doc, "components"), "responses"), "empty component kinds are dropped")
	assert.NotEmpty(t, rep.Decisions)

	b, err := Encode(doc)
	require.NoError(t, err)
	validate(t, b)
}

func typeList2(s *yaml.Node) []string {
	var out []string
	for _, c := range yamlnode.Get(s, "type").Content {
		out = append(out, c.Value)
	}
	return out
}

func TestBuildSpecRefusesOtherVersionsAndAPIs(t *testing.T) {
	_, _, err := BuildSpec([]byte(`{"swagger": "2.0", "paths": {}}`), V4)
	assert.ErrorContains(t, err, "Swagger 2.0 is not supported")
	_, _, err = BuildSpec([]byte("openapi: 3.2.0\npaths: {}\n"), V4)
	assert.ErrorContains(t, err, `openapi version "3.2.0" is not supported`)
	_, _, err = BuildSpec([]byte(`{"openapi": "3.0.0", "paths": {"/v2/me": {"get": {"operationId": "me", "tags": ["x"], "responses": {"200": {"description": "OK"}}}}}}`), V4)
	assert.ErrorContains(t, err, "path /v2/me is not under /v4/")
	_, _, err = BuildSpec([]byte(`{"openapi": "3.0.0", "paths": {}`), V4)
	assert.ErrorContains(t, err, "reading JSON")
	_, _, err = BuildSpec([]byte(""), V4)
	assert.ErrorContains(t, err, "empty")
	_, _, err = BuildSpec([]byte(`{"openapi": "3.0.0", "paths": {}}`), V4)
	assert.ErrorContains(t, err, "no operations under /v4/")
}
