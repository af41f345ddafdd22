package main

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/frameio-go/frameio-go/internal/sdknames"
	"github.com/getkin/kin-openapi/openapi3"
	"github.com/stretchr/testify/require"
)

// TestGeneratedUpToDate fails when the committed files are not what the
// generator makes from api/frameio.codegen.yaml and gen/: run `make generate`
// (or go generate ./frameio).
func TestGeneratedUpToDate(t *testing.T) {
	spec, err := os.ReadFile("../../../api/frameio.codegen.yaml")
	require.NoError(t, err)
	files, err := generate(spec, "../../../gen/frameio.gen.go")
	require.NoError(t, err)
	require.Len(t, files, 4, "services, and the unions of frameio, frameio/metadata and frameio/search")
	for name, want := range files {
		got, err := os.ReadFile(filepath.Join("../../../frameio", name))
		require.NoError(t, err)
		require.Equal(t, string(want), string(got), "frameio/%s is stale", name)
	}
}

func TestRun(t *testing.T) {
	out := t.TempDir()
	require.NoError(t, run("../../../api/frameio.codegen.yaml", "../../../gen/frameio.gen.go", out))
	for _, f := range []string{"services_gen.go", "union_gen.go", "search/union_gen.go", "metadata/union_gen.go"} {
		require.FileExists(t, filepath.Join(out, f))
	}
	require.Error(t, run("does-not-exist.yaml", "../../../gen/frameio.gen.go", out))
	require.Error(t, run("../../../api/frameio.codegen.yaml", "does-not-exist.go", out))
}

// TestModelErrors covers the spec shapes the generator refuses, each with
// the message that says what to fix.
func TestModelErrors(t *testing.T) {
	load := func(t *testing.T, src string) *openapi3.T {
		t.Helper()
		doc, err := openapi3.NewLoader().LoadFromData([]byte(src))
		require.NoError(t, err)
		return doc
	}
	const head = "openapi: 3.1.0\ninfo: {title: t, version: '1'}\npaths: {}\ncomponents:\n  schemas:\n"
	const mapped = "    U: {oneOf: [{$ref: '#/components/schemas/A'}], discriminator: {propertyName: k, mapping: {a: '#/components/schemas/A', b: '#/components/schemas/A'}}}\n" +
		"    A: {type: object, properties: {k: {type: string}}}\n"
	tests := map[string]struct {
		cfg  sdknames.Union
		spec string
		want string
	}{
		"missing schema": {sdknames.Union{Schema: "Nope", Name: "N"}, head + "    A: {type: object}\n", "schema Nope (the SDK's N) not found"},
		"no oneOf":       {sdknames.Union{Schema: "A", Name: "A"}, head + "    A: {type: object}\n", "has no oneOf"},
		"inline variant": {sdknames.Union{Schema: "U", Name: "U"}, head + "    U: {oneOf: [{type: string}, {type: integer}]}\n", "inline variant"},
		"unmapped variant": {sdknames.Union{Schema: "U", Name: "U"}, head +
			"    U: {oneOf: [{$ref: '#/components/schemas/A'}, {$ref: '#/components/schemas/B'}], discriminator: {propertyName: k, mapping: {a: '#/components/schemas/A'}}}\n" +
			"    A: {type: object, properties: {k: {type: string}}}\n    B: {type: object, properties: {k: {type: string}}}\n", "variant B has no mapping value"},
		"unknown default":       {sdknames.Union{Schema: "U", Name: "U", Defaults: []string{"zz"}}, head + mapped, `default "zz", which no variant stands for`},
		"unknown variant value": {sdknames.Union{Schema: "U", Name: "U", Variants: map[string]string{"zz": "Z"}}, head + mapped, `names the variant for "zz"`},
		"two names":             {sdknames.Union{Schema: "U", Name: "U", Variants: map[string]string{"a": "X", "b": "Y"}}, head + mapped, "is named both"},
		"untagged variant": {sdknames.Union{Schema: "U", Name: "U"}, head +
			"    U: {oneOf: [{$ref: '#/components/schemas/A'}, {$ref: '#/components/schemas/A'}]}\n" +
			"    A: {type: object, properties: {k: {type: string}}, required: [k]}\n", "no required enum property"},
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			_, err := buildModel(load(t, tt.spec), []sdknames.Union{tt.cfg})
			require.ErrorContains(t, err, tt.want)
		})
	}
}

// TestVariantNamesFollowTagValues: the SDK's variant names come from the
// tag values, so a spec naming its variant schemas differently (the
// published document's FileWithIncludes instead of the docs'
// AssetWithIncludesFileWithIncludes) gives the same Go types; unions the
// table does not list are generated under their own names.
func TestVariantNamesFollowTagValues(t *testing.T) {
	const src = "openapi: 3.1.0\ninfo: {title: t, version: '1'}\npaths: {}\ncomponents:\n  schemas:\n" +
		"    AssetWithIncludes: {oneOf: [{$ref: '#/components/schemas/FileWithIncludes'}, {$ref: '#/components/schemas/FolderWithIncludes'}, {$ref: '#/components/schemas/VersionStackWithIncludes'}], discriminator: {propertyName: type, mapping: {file: '#/components/schemas/FileWithIncludes', folder: '#/components/schemas/FolderWithIncludes', version_stack: '#/components/schemas/VersionStackWithIncludes'}}}\n" +
		"    FileWithIncludes: {type: object, properties: {type: {type: string}}}\n" +
		"    FolderWithIncludes: {type: object, properties: {type: {type: string}}}\n" +
		"    VersionStackWithIncludes: {type: object, properties: {type: {type: string}}}\n" +
		"    Pet: {oneOf: [{$ref: '#/components/schemas/Cat'}, {type: 'null'}], discriminator: {propertyName: kind, mapping: {cat: '#/components/schemas/Cat'}}}\n" +
		"    Cat: {type: object, properties: {kind: {type: string}}}\n" +
		"    Scalar: {oneOf: [{type: string}, {type: integer}]}\n"
	doc, err := openapi3.NewLoader().LoadFromData([]byte(src))
	require.NoError(t, err)
	table := []sdknames.Union{{Schema: "AssetWithIncludes", Name: "Asset", Plural: "Assets",
		Variants: map[string]string{"file": "File", "folder": "Folder", "version_stack": "VersionStack"}}}
	model, err := buildModel(doc, table)
	require.NoError(t, err)
	require.Len(t, model, 2, "Asset, then Pet (unlisted); Scalar is no union of refs")
	var names []string
	for _, v := range model[0].Variants {
		names = append(names, v.Name+"="+v.Schema)
	}
	require.Equal(t, []string{"File=FileWithIncludes", "Folder=FolderWithIncludes", "VersionStack=VersionStackWithIncludes"}, names)
	require.Equal(t, "Pet", model[1].Name)
}

// TestEveryNamedUnionIsInTheSpec fails loudly when the spec no longer has a
// schema internal/sdknames names.
func TestEveryNamedUnionIsInTheSpec(t *testing.T) {
	spec, err := os.ReadFile("../../../api/frameio.codegen.yaml")
	require.NoError(t, err)
	doc, err := openapi3.NewLoader().LoadFromData(spec)
	require.NoError(t, err)
	model, err := buildModel(doc, sdknames.Unions())
	require.NoError(t, err)
	require.GreaterOrEqual(t, len(model), len(sdknames.Unions()))
	for i, u := range sdknames.Unions() {
		require.Equal(t, u.Name, model[i].Name)
	}
}

func TestTagPropertyField(t *testing.T) {
	// the template's field: the gen struct field of the tag property.
	require.Equal(t, "FieldType", sdknames.Camel("field_type"))
	require.Equal(t, "Type", sdknames.Camel("type"))
}
