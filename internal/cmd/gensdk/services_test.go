package main

import (
	"os"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/frameio-go/frameio-go/internal/sdknames"
)

// TestBodiesAndResults pins what the services take and return for each
// shape of body and response gen has.
func TestBodiesAndResults(t *testing.T) {
	g, err := readGenerated("../../../gen/frameio.gen.go")
	require.NoError(t, err)
	p := newPlanner(g, specUnions(t))
	ins := map[string]input{
		"FoldersCreateJSONRequestBody": {Param: "data gen.FolderCreateParamsData", Builder: "gen.FoldersCreateJSONRequestBody{Data: data}", Arg: "data"},
		"FilesCopyJSONRequestBody":     {Param: "data *gen.FileCopyParamsData", Builder: "gen.FilesCopyJSONRequestBody{Data: data}", Arg: "data"},
		"SharesCreateJSONRequestBody":  {Param: "data ShareParams", Encode: "EncodeShareParams", Builder: "gen.SharesCreateJSONRequestBody{Data: w}", Arg: "data"},
		"MetadataFieldsMetadataFieldDefinitionsCreateJSONRequestBody": {Param: "data metadata.FieldDefinitionParams",
			Encode: "metadata.EncodeFieldDefinitionParams", Builder: "gen.MetadataFieldsMetadataFieldDefinitionsCreateJSONRequestBody{Data: &w}", Arg: "data"},
		"SearchSearchJSONRequestBody": {Param: "body gen.SearchSearchJSONRequestBody", Builder: "body", Arg: "body"},
		"":                            {},
	}
	for body, want := range ins {
		assert.Equal(t, want, p.bodyInput(body), body)
	}
	outs := map[string]output{
		"FolderResponse":                   {Type: "*gen.Folder", Return: "&out.Data, nil"},
		"GroupWithIncludesResponse":        {Type: "Group", Return: "DecodeGroup(out.Data)"},
		"BulkFileCopyResponse":             {Type: "[]gen.BulkFileCopyResult", Return: "out.Data, nil"},
		"FolderAssetsWithIncludesResponse": {Type: "*gen.FolderAssetsWithIncludesResponse", Return: "&out, nil"},
		"":                                 {},
	}
	for result, want := range outs {
		assert.Equal(t, want, p.resultOutput(result), result)
	}
}

func TestPlanRefusesWhatGenLacks(t *testing.T) {
	ops := specOperations(t)
	require.Len(t, ops, 97)

	_, err := newPlanner(&generated{sigs: map[string]*signature{}}, specUnions(t)).plan(ops)
	assert.ErrorContains(t, err, "gen has no New")

	g, err := readGenerated("../../../gen/frameio.gen.go")
	require.NoError(t, err)
	bad := append([]operation(nil), ops[0])
	bad[0].PathParams = append(bad[0].PathParams, "extra_id")
	_, err = newPlanner(g, specUnions(t)).plan(bad)
	assert.ErrorContains(t, err, "path parameters")
}

// TestResultsFromTheSpec pins how a success response's schema finds its
// gen type: by the names oapi-codegen gives components, never guessed.
func TestResultsFromTheSpec(t *testing.T) {
	g, err := readGenerated("../../../gen/frameio.gen.go")
	require.NoError(t, err)
	for schema, want := range map[string][2]string{
		"FolderResponse":                   {"FolderResponse", ""},
		"JsonErrorResponse":                {"JSONErrorResponse", ""},
		"FolderAssetsWithIncludesResponse": {"FolderAssetsWithIncludesResponse", "AssetWithIncludes"},
		"":                                 {"", ""},
	} {
		typ, item, err := g.result(schema)
		require.NoError(t, err, schema)
		assert.Equal(t, want, [2]string{typ, item}, schema)
	}
	_, _, err = g.result("NoSuchSchema")
	assert.ErrorContains(t, err, "gen has 0 types for schema NoSuchSchema")

	success := map[string]string{}
	for _, op := range specOperations(t) {
		success[op.ID] = op.Success
	}
	assert.Equal(t, "FileWithIncludesResponse", success["files_show"])
	assert.Equal(t, "FileWithUploadURLsResponse", success["files_create"], "201 before 202")
	assert.Equal(t, "", success["files_delete"], "204: no body")
}

// specOperations reads the operations of api/frameio.codegen.yaml.
func specOperations(t *testing.T) []operation {
	t.Helper()
	ops, err := readOperations(specDoc(t))
	require.NoError(t, err)
	return ops
}

// specUnions reads the unions of api/frameio.codegen.yaml, as generate
// hands them to the services.
func specUnions(t *testing.T) map[string]sdknames.Union {
	t.Helper()
	model, err := buildModel(specDoc(t), sdknames.Unions())
	require.NoError(t, err)
	return unionsBySchema(model)
}

func specDoc(t *testing.T) *openapi3.T {
	t.Helper()
	spec, err := os.ReadFile("../../../api/frameio.codegen.yaml")
	require.NoError(t, err)
	doc, err := loadSpec(spec)
	require.NoError(t, err)
	return doc
}
