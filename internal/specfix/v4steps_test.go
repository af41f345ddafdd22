package specfix

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"gopkg.in/yaml.v3"

	"github.com/frameio-go/frameio-go/internal/yamlnode"
)

func parse(t *testing.T, src string) *yaml.Node {
	t.Helper()
	var n yaml.Node
	require.NoError(t, yaml.Unmarshal([]byte(src), &n))
	return &n
}

func TestNamedData(t *testing.T) {
	n := doc(t, `
    BulkParams: {type: object, properties: {data: {type: object, properties: {ids: {type: array, items: {type: string}}}}}}
    Named: {type: object, properties: {data: {$ref: '#/components/schemas/NamedData'}}}
    NamedData: {type: object}
`)
	log, err := ApplySteps(n, []Step{stepNamed(t, "named-data")})
	require.NoError(t, err)
	s := schemasOf(n)
	assert.Equal(t, "#/components/schemas/BulkParamsData", yamlnode.Scalar(yamlnode.Get(yamlnode.Get(yamlnode.Get(s, "BulkParams"), "properties"), "data"), "$ref"))
	assert.NotNil(t, yamlnode.Get(yamlnode.Get(yamlnode.Get(s, "BulkParamsData"), "properties"), "ids"))
	assert.Equal(t, []string{"named-data: BulkParams.data -> BulkParamsData"}, log)
}

func TestPluralInitialisms(t *testing.T) {
	n := doc(t, `
    FileWithUploadUrls: {type: object, properties: {upload_urls: {type: array}, file_ids: {type: array}, idsafe: {type: string}, id: {type: string}}}
    Use: {type: object, properties: {f: {$ref: '#/components/schemas/FileWithUploadUrls'}}}
`)
	_, err := ApplySteps(n, []Step{stepNamed(t, "plural-initialisms")})
	require.NoError(t, err)
	s := schemasOf(n)
	f := yamlnode.Get(s, "FileWithUploadURLs")
	require.NotNil(t, f)
	props := yamlnode.Get(f, "properties")
	assert.Equal(t, "UploadURLs", yamlnode.Scalar(yamlnode.Get(props, "upload_urls"), "x-go-name"))
	assert.Equal(t, "FileIDs", yamlnode.Scalar(yamlnode.Get(props, "file_ids"), "x-go-name"))
	assert.Nil(t, yamlnode.Get(yamlnode.Get(props, "idsafe"), "x-go-name"))
	assert.Nil(t, yamlnode.Get(yamlnode.Get(props, "id"), "x-go-name"), "the name normalizer does ID")
	assert.Equal(t, "#/components/schemas/FileWithUploadURLs", yamlnode.Scalar(yamlnode.Get(yamlnode.Get(yamlnode.Get(s, "Use"), "properties"), "f"), "$ref"))
	assert.Equal(t, "FileIDs", fixPlurals("FileIds"))
	assert.Equal(t, "AdobeUserIDsURLs", fixPlurals("AdobeUserIdsUrls"))
	assert.Equal(t, "Idsafe", fixPlurals("Idsafe"))
}

const updates = `
openapi: 3.1.0
paths:
  /x:
    patch:
      requestBody: {content: {application/json: {schema: {$ref: '#/components/schemas/Update'}}}}
    post:
      requestBody: {content: {application/json: {schema: {$ref: '#/components/schemas/Create'}}}}
      responses: {'200': {description: OK, content: {application/json: {schema: {$ref: '#/components/schemas/Shown'}}}}}
components:
  schemas:
    Update:
      type: object
      required: [must]
      properties:
        name: {type: [string, 'null']}
        when: {type: [string, 'null'], format: date-time}
        anchor: {oneOf: [{$ref: '#/components/schemas/Anchor'}, {type: 'null'}]}
        must: {type: [integer, 'null']}
        plain: {type: string}
    Create:
      type: object
      properties:
        name: {type: [string, 'null']}
    Anchor: {type: object}
    Shown: {type: object, properties: {name: {type: [string, 'null']}}}
`

func TestNullableRequestFields(t *testing.T) {
	n := parse(t, updates)
	log, err := ApplySteps(n, []Step{stepNamed(t, "nullable-request-fields")})
	require.NoError(t, err)
	props := yamlnode.Get(yamlnode.Get(schemasOf(n), "Update"), "properties")
	assert.Equal(t, "nullable.Nullable[string]", yamlnode.Scalar(yamlnode.Get(props, "name"), "x-go-type"))
	assert.Equal(t, "nullable.Nullable[time.Time]", yamlnode.Scalar(yamlnode.Get(props, "when"), "x-go-type"))
	assert.Equal(t, "nullable.Nullable[Anchor]", yamlnode.Scalar(yamlnode.Get(props, "anchor"), "x-go-type"))
	assert.Equal(t, NullableImport, yamlnode.Scalar(yamlnode.Get(yamlnode.Get(props, "name"), "x-go-type-import"), "path"))
	assert.Equal(t, "true", yamlnode.Scalar(yamlnode.Get(props, "name"), "x-go-type-skip-optional-pointer"))
	assert.Nil(t, yamlnode.Get(yamlnode.Get(props, "must"), "x-go-type"), "required: *T, nil sends null")
	assert.Nil(t, yamlnode.Get(yamlnode.Get(props, "plain"), "x-go-type"), "not nullable")
	assert.Nil(t, yamlnode.Get(yamlnode.Get(yamlnode.Get(yamlnode.Get(schemasOf(n), "Create"), "properties"), "name"), "x-go-type"), "a create leaves it out")
	assert.Nil(t, yamlnode.Get(yamlnode.Get(yamlnode.Get(yamlnode.Get(schemasOf(n), "Shown"), "properties"), "name"), "x-go-type"), "responses read *T")
	assert.Len(t, log, 3)

	// An update schema a response also uses is a decision for a person.
	shared := parse(t, updates)
	yamlnode.Set(yamlnode.Get(yamlnode.Get(yamlnode.Get(yamlnode.Get(yamlnode.Get(yamlnode.Get(yamlnode.Get(shared.Content[0], "paths"), "/x"), "post"), "responses"), "200"), "content"), "application/json"),
		"schema", yamlnode.SchemaRef("Update"))

	_, err = ApplySteps(shared, []Step{stepNamed(t, "nullable-request-fields")})
	assert.ErrorContains(t, err, "both requests and responses use")
}

func TestCommentTimestamp(t *testing.T) {
	n := doc(t, "    TimeStamp: {oneOf: [{type: string}, {type: integer}]}\n")
	_, err := ApplySteps(n, []Step{stepNamed(t, "comment-timestamp")})
	require.NoError(t, err)
	ts := yamlnode.Get(schemasOf(n), "TimeStamp")
	assert.Equal(t, "timestamp.Value", yamlnode.Scalar(ts, "x-go-type"))
	assert.Equal(t, TimestampImport, yamlnode.Scalar(yamlnode.Get(ts, "x-go-type-import"), "path"))
	assert.Equal(t, "true", yamlnode.Scalar(ts, "x-omitzero"))

	_, err = ApplySteps(doc(t, "    Other: {type: string}\n"), []Step{stepNamed(t, "comment-timestamp")})
	assert.ErrorContains(t, err, "no TimeStamp schema")
}

func TestLocalUploadMediaType(t *testing.T) {
	n := doc(t, `
    FileCreateLocalUploadParamsData: {type: object, properties: {file_size: {type: integer}, name: {type: string}}, required: [file_size, name]}
`)
	log, err := ApplySteps(n, []Step{stepNamed(t, "local-upload-media-type")})
	require.NoError(t, err)
	data := yamlnode.Get(schemasOf(n), "FileCreateLocalUploadParamsData")
	var keys []string
	for k := range yamlnode.Pairs(yamlnode.Get(data, "properties")) {
		keys = append(keys, k)
	}
	assert.Equal(t, []string{"file_size", "media_type", "name"}, keys, "in its alphabetical place")
	assert.Equal(t, "string", yamlnode.Scalar(yamlnode.Get(yamlnode.Get(data, "properties"), "media_type"), "type"))
	assert.Len(t, yamlnode.Get(data, "required").Content, 2, "optional")
	assert.Equal(t, []string{"local-upload-media-type: FileCreateLocalUploadParamsData.media_type (optional string)"}, log)

	log, err = ApplySteps(n, []Step{stepNamed(t, "local-upload-media-type")})
	require.NoError(t, err)
	assert.Empty(t, log, "a document that declares it is left alone")

	_, err = ApplySteps(doc(t, "\n    Other: {type: object}\n"), []Step{stepNamed(t, "local-upload-media-type")})
	assert.ErrorContains(t, err, "FileCreateLocalUploadParamsData has no properties")
}
