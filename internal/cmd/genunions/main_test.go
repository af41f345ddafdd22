package main

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/stretchr/testify/require"
)

// TestUnionGenUpToDate fails when frameio/union_gen.go is not what the
// generator makes from api/frameio.codegen.yaml: run `make generate`
// (or go generate ./frameio).
func TestUnionGenUpToDate(t *testing.T) {
	spec, err := os.ReadFile("../../../api/frameio.codegen.yaml")
	require.NoError(t, err)
	want, err := Generate(spec)
	require.NoError(t, err)
	got, err := os.ReadFile("../../../frameio/union_gen.go")
	require.NoError(t, err)
	require.Equal(t, string(want), string(got), "frameio/union_gen.go is stale")
}

func TestRun(t *testing.T) {
	out := filepath.Join(t.TempDir(), "u.go")
	require.NoError(t, run("../../../api/frameio.codegen.yaml", out))
	require.FileExists(t, out)
	require.Error(t, run("does-not-exist.yaml", out))
}

// TestModelErrors covers the spec shapes the generator refuses.
func TestModelErrors(t *testing.T) {
	load := func(t *testing.T, src string) *openapi3.T {
		t.Helper()
		doc, err := openapi3.NewLoader().LoadFromData([]byte(src))
		require.NoError(t, err)
		return doc
	}
	const head = "openapi: 3.1.0\ninfo: {title: t, version: '1'}\npaths: {}\ncomponents:\n  schemas:\n"
	tests := map[string]struct {
		cfg  unionConfig
		spec string
	}{
		"missing schema": {unionConfig{Schema: "Nope", Name: "N"}, head + "    A: {type: object}\n"},
		"no oneOf":       {unionConfig{Schema: "A", Name: "A"}, head + "    A: {type: object}\n"},
		"inline variant": {unionConfig{Schema: "U", Name: "U"}, head + "    U: {oneOf: [{type: string}, {type: integer}]}\n"},
		"unmapped variant": {unionConfig{Schema: "U", Name: "U"}, head +
			"    U: {oneOf: [{$ref: '#/components/schemas/A'}, {$ref: '#/components/schemas/B'}], discriminator: {propertyName: k, mapping: {a: '#/components/schemas/A'}}}\n" +
			"    A: {type: object, properties: {k: {type: string}}}\n    B: {type: object, properties: {k: {type: string}}}\n"},
		"bad default": {unionConfig{Schema: "U", Name: "U", Defaults: map[string]string{"A": "zz"}}, head +
			"    U: {oneOf: [{$ref: '#/components/schemas/A'}], discriminator: {propertyName: k, mapping: {a: '#/components/schemas/A', b: '#/components/schemas/A'}}}\n" +
			"    A: {type: object, properties: {k: {type: string}}}\n"},
		"untagged variant": {unionConfig{Schema: "U", Name: "U"}, head +
			"    U: {oneOf: [{$ref: '#/components/schemas/A'}, {$ref: '#/components/schemas/A'}]}\n" +
			"    A: {type: object, properties: {k: {type: string}}, required: [k]}\n"},
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			_, err := buildModel(load(t, tt.spec), []unionConfig{tt.cfg})
			require.Error(t, err)
		})
	}
}

func TestGoField(t *testing.T) {
	require.Equal(t, "FieldType", goField("field_type"))
	require.Equal(t, "Type", goField("type"))
}
