package specbuild

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"gopkg.in/yaml.v3"

	"github.com/frameio-go/frameio-go/internal/yamlnode"
)

func yamlNode(t *testing.T, src string) *yaml.Node {
	t.Helper()
	var doc yaml.Node
	require.NoError(t, yaml.Unmarshal([]byte(src), &doc))
	return doc.Content[0]
}

// TestOperationIDsWhateverTheInputForm shows every published spelling of
// tags and operation ids gives the same id and tag, so the Go method names
// do not change with the form of the input.
func TestOperationIDsWhateverTheInputForm(t *testing.T) {
	for _, c := range []struct{ tag, id, want, wantTag string }{
		{"subpackage_files", "show", "files_show", "subpackage_files"},
		{"Files", "files.show", "files_show", "subpackage_files"},
		{"subpackage_files", "files_show", "files_show", "subpackage_files"},
		{"subpackage_versionStacks", "create-local-upload", "version_stacks_create_local_upload", "subpackage_versionStacks"},
		{"Version Stacks", "version_stacks.create_local_upload", "version_stacks_create_local_upload", "subpackage_versionStacks"},
		{"version_stacks", "createLocalUpload", "version_stacks_create_local_upload", "subpackage_versionStacks"},
		{"subpackage_metadataFields", "metadata-field-definitions-index", "metadata_fields_metadata_field_definitions_index", "subpackage_metadataFields"},
		// an id equal to its tag gets the tag in front; re-reading the result keeps it
		{"subpackage_search", "search", "search_search", "subpackage_search"},
		{"subpackage_search", "search_search", "search_search", "subpackage_search"},
		{"Search", "search.search", "search_search", "subpackage_search"},
	} {
		op := yamlNode(t, "operationId: "+c.id+"\ntags: ['"+c.tag+"']\n")
		got, err := normalizeOperation(op, "GET /v4/x")
		require.NoError(t, err, "%s %s", c.tag, c.id)
		assert.Equal(t, c.want, got, "%s | %s", c.tag, c.id)
		assert.Equal(t, c.want, yamlnode.Scalar(op, "operationId"))
		assert.Equal(t, c.wantTag, yamlnode.Get(op, "tags").Content[0].Value, "%s | %s", c.tag, c.id)
	}
}

// TestKeptOperationNames: the three permission listings keep the docs'
// names whatever the published document calls them.
func TestKeptOperationNames(t *testing.T) {
	for _, c := range []struct{ tag, id, path, want, wantTag string }{
		{"Users", "account_user_roles.index", "/v4/accounts/{account_id}/users", "account_permissions_index", "subpackage_accountPermissions"},
		{"Project Permissions", "project_user_roles.index", "/v4/accounts/{account_id}/projects/{project_id}/users", "project_permissions_index", "subpackage_projectPermissions"},
		{"subpackage_workspacePermissions", "index", "/v4/accounts/{account_id}/workspaces/{workspace_id}/users", "workspace_permissions_index", "subpackage_workspacePermissions"},
		// the rule still names the operation beside it
		{"Workspace Permissions", "workspace_user_roles.delete", "/v4/accounts/{account_id}/workspaces/{workspace_id}/users/{user_id}", "workspace_permissions_workspace_user_roles_delete", "subpackage_workspacePermissions"},
	} {
		op := yamlNode(t, "operationId: "+c.id+"\ntags: ['"+c.tag+"']\n")
		got, err := normalizeOperation(op, "GET "+c.path)
		require.NoError(t, err)
		assert.Equal(t, c.want, got)
		assert.Equal(t, c.wantTag, yamlnode.Get(op, "tags").Content[0].Value)
	}
}

func TestOperationWithoutOneTagFails(t *testing.T) {
	for _, src := range []string{"operationId: show\n", "tags: [files]\n", "operationId: show\ntags: [a, b]\n", "operationId: show\ntags: [[a]]\n"} {
		_, err := normalizeOperation(yamlNode(t, src), "GET /v4/x")
		assert.ErrorContains(t, err, "exactly one tag", src)
	}
}

func TestNestedTagListsAreFlattened(t *testing.T) {
	src := yamlNode(t, "paths:\n  /v4/a:\n    get:\n      operationId: index\n      tags:\n        - - subpackage_webhooks\n")
	ds := normalizeSource(src)
	require.Len(t, ds, 1)
	assert.Contains(t, ds[0].Detail, "nested tag list flattened")
	op := yamlnode.Get(yamlnode.Get(yamlnode.Get(src, "paths"), "/v4/a"), "get")
	id, err := normalizeOperation(op, "GET /v4/a")
	require.NoError(t, err)
	assert.Equal(t, "webhooks_index", id, "the nested tag is the operation's tag, not an empty one")
}

func TestFernEnumObjectsBecomeEnumValues(t *testing.T) {
	src := yamlNode(t, "components:\n  schemas:\n    Include:\n      type: string\n      enum:\n        - value: creator\n        - value: owner\n          description: the owner\n    Plain:\n      enum: [a, b]\n    Odd:\n      enum:\n        - {name: x}\n")
	ds := normalizeSource(src)
	require.Len(t, ds, 1)
	schemas := yamlnode.Get(yamlnode.Get(src, "components"), "schemas")
	inc := yamlnode.Get(yamlnode.Get(schemas, "Include"), "enum")
	require.Len(t, inc.Content, 2)
	assert.Equal(t, []string{"creator", "owner"}, []string{inc.Content[0].Value, inc.Content[1].Value})
	assert.Equal(t, yaml.ScalarNode, inc.Content[0].Kind)
	assert.Equal(t, "a", yamlnode.Get(yamlnode.Get(schemas, "Plain"), "enum").Content[0].Value)
	assert.Equal(t, yaml.MappingNode, yamlnode.Get(yamlnode.Get(schemas, "Odd"), "enum").Content[0].Kind, "objects without value are left for validation to reject")
}

func TestEmptyResponseContentIsDropped(t *testing.T) {
	src := yamlNode(t, "paths:\n  /v4/a:\n    get:\n      responses:\n        '200':\n          description: OK\n          content:\n            application/json: {schema: {type: string}}\n        '404':\n          description: Not found\n          content: {}\n")
	normalizeSource(src)
	resps := yamlnode.Get(yamlnode.Get(yamlnode.Get(yamlnode.Get(src, "paths"), "/v4/a"), "get"), "responses")
	assert.Nil(t, yamlnode.Get(yamlnode.Get(resps, "404"), "content"))
	assert.NotNil(t, yamlnode.Get(yamlnode.Get(resps, "200"), "content"))
}

func TestQueryStringExampleOfObjectParameterIsDropped(t *testing.T) {
	src := yamlNode(t, `
paths:
  /v4/a:
    get:
      parameters:
        - {name: filters, in: query, schema: {$ref: '#/components/schemas/Filters'}, example: 'filters[to_date]=2025-08-25'}
        - {name: id, in: path, schema: {type: string}, example: abc}
components:
  schemas:
    Filters: {type: object, properties: {to_date: {type: string}}}
`)
	ds := normalizeSource(src)
	require.Len(t, ds, 1)
	assert.Contains(t, ds[0].Detail, "example of object parameter filters is a query string")
	params := yamlnode.Get(yamlnode.Get(yamlnode.Get(yamlnode.Get(src, "paths"), "/v4/a"), "get"), "parameters").Content
	assert.Nil(t, yamlnode.Get(params[0], "example"))
	assert.Equal(t, "abc", yamlnode.Scalar(params[1], "example"), "a scalar parameter keeps its example")
}
