package specfix

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"gopkg.in/yaml.v3"
	"os"

	"github.com/frameio-go/frameio-go/internal/yamlnode"
)

// enumDoc is a document whose enums the docs' generator named after their
// place: parameter enums after the URL path, one inline parameter enum
// with a published title, body enums after their owner.
const enumDoc = `
openapi: 3.1.0
paths:
  /v4/accounts/{account_id}/files/{file_id}/comments:
    get:
      operationId: comments_index
      tags: [subpackage_comments]
      parameters:
        - {name: include, in: query, schema: {$ref: '#/components/schemas/V4AccountsAccountIdFilesFileIdCommentsGetParametersInclude'}}
        - {name: sort, in: query, schema: {type: string, enum: [a, b], title: CommentOrder}}
        - {name: account_id, in: path, schema: {$ref: '#/components/schemas/Id'}}
  /v4/accounts/{account_id}/comments/{comment_id}:
    get:
      operationId: comments_show
      tags: [subpackage_comments]
      parameters:
        - {name: include, in: query, schema: {$ref: '#/components/schemas/V4AccountsAccountIdCommentsCommentIdGetParametersInclude'}}
  /v4/accounts/{account_id}/shares:
    get:
      operationId: shares_index
      tags: [subpackage_shares]
      parameters:
        - {name: sort, in: query, schema: {$ref: '#/components/schemas/V4AccountsAccountIdSharesGetParametersSort'}}
      responses:
        '200': {description: OK, content: {application/json: {schema: {$ref: '#/components/schemas/Share'}}}}
    post:
      operationId: shares_create
      tags: [subpackage_shares]
      requestBody:
        content:
          application/json:
            schema: {$ref: '#/components/schemas/CreateShareParams'}
  /v4/accounts/{account_id}/shares/{share_id}/reviewers:
    get:
      operationId: shares_list_reviewers
      tags: [subpackage_shares]
      parameters:
        - {name: sort, in: query, schema: {type: string, enum: [active, inactive]}}
  /v4/accounts/{account_id}/projects/{project_id}/users/{user_id}:
    patch:
      operationId: project_permissions_update
      tags: [subpackage_projectPermissions]
      requestBody: {content: {application/json: {schema: {$ref: '#/components/schemas/RoleParams'}}}}
  /v4/accounts/{account_id}/workspaces/{workspace_id}/users/{user_id}:
    patch:
      operationId: workspace_permissions_update
      tags: [subpackage_workspacePermissions]
      requestBody: {content: {application/json: {schema: {$ref: '#/components/schemas/RoleParams'}}}}
components:
  schemas:
    Id: {type: string}
    V4AccountsAccountIdFilesFileIdCommentsGetParametersInclude: {type: string, enum: [owner, replies]}
    V4AccountsAccountIdCommentsCommentIdGetParametersInclude: {type: string, enum: [replies, owner]}
    V4AccountsAccountIdSharesGetParametersSort: {type: string, enum: [name_asc, name_desc]}
    CreateShareParams:
      type: object
      properties:
        data:
          oneOf:
            - {$ref: '#/components/schemas/AssetShareParams'}
          discriminator: {propertyName: type, mapping: {asset: '#/components/schemas/AssetShareParams'}}
    CreateShareParamsDataAccess: {type: string, enum: [public, secure]}
    AssetShareParams:
      type: object
      properties:
        type: {type: string, enum: [asset]}
        access: {$ref: '#/components/schemas/CreateShareParamsDataAccess'}
        members:
          type: array
          items: {type: object, properties: {type: {type: string, enum: [user, group]}}}
    Share:
      type: object
      properties:
        access: {$ref: '#/components/schemas/ShareWithIncludesAccess'}
    ShareWithIncludesAccess: {type: string, enum: [secure, public]}
    RoleParams:
      type: object
      properties:
        role: {$ref: '#/components/schemas/RoleParamsRole'}
    RoleParamsRole: {type: string, enum: [viewer, editor]}
`

func namesOf(t *testing.T, src string) (*yaml.Node, []string) {
	t.Helper()
	var n yaml.Node
	require.NoError(t, yaml.Unmarshal([]byte(src), &n))
	log, err := nameEnums(n.Content[0], nil)
	require.NoError(t, err)
	return &n, log
}

func TestShortEnumNames(t *testing.T) {
	n, log := namesOf(t, enumDoc)
	s := schemasOf(n)
	for _, gone := range []string{"V4AccountsAccountIdFilesFileIdCommentsGetParametersInclude",
		"V4AccountsAccountIdCommentsCommentIdGetParametersInclude", "V4AccountsAccountIdSharesGetParametersSort",
		"CreateShareParamsDataAccess", "ShareWithIncludesAccess", "RoleParamsRole"} {
		assert.Nil(t, yamlnode.Get(s, gone), gone)
	}
	// <Resource><Param>; identical enums (same values in any order) share it.
	assert.NotNil(t, yamlnode.Get(s, "CommentInclude"))
	// A published title wins.
	assert.NotNil(t, yamlnode.Get(s, "CommentOrder"))
	// Different enums that would share a name get their operation.
	assert.NotNil(t, yamlnode.Get(s, "ShareIndexSort"))
	assert.NotNil(t, yamlnode.Get(s, "ShareListReviewersSort"))
	// A body field: <Resource><Field>, a generic one qualified by its holder;
	// the docs named the access enum after the union holding its variant.
	assert.NotNil(t, yamlnode.Get(s, "ShareAccess"))
	assert.NotNil(t, yamlnode.Get(s, "ShareMemberType"))
	// Several tags: their common suffix.
	assert.NotNil(t, yamlnode.Get(s, "PermissionRole"))
	// The response enum with the same values and field is merged.
	assert.Equal(t, "#/components/schemas/ShareAccess", yamlnode.Scalar(yamlnode.Get(yamlnode.Get(yamlnode.Get(s, "Share"), "properties"), "access"), "$ref"))
	// The union's discriminator is left alone.
	assert.Nil(t, yamlnode.Get(s, "ShareType"))
	assert.NotNil(t, yamlnode.Get(yamlnode.Get(yamlnode.Get(s, "AssetShareParams"), "properties"), "type").Content)
	// Refs follow; a schema with a name of its own is kept.
	paths := yamlnode.Get(n.Content[0], "paths")
	show := yamlnode.Get(yamlnode.Get(paths, "/v4/accounts/{account_id}/comments/{comment_id}"), "get")
	assert.Equal(t, "#/components/schemas/CommentInclude", yamlnode.Scalar(yamlnode.Get(yamlnode.Items(yamlnode.Get(show, "parameters"))[0], "schema"), "$ref"))
	assert.NotNil(t, yamlnode.Get(s, "Id"))
	assert.Contains(t, strings.Join(log, "\n"), "ShareWithIncludesAccess -> ShareAccess (same values and field, 1 refs)")
}

func TestShortEnumNamesRefusesATakenName(t *testing.T) {
	src := strings.Replace(enumDoc, "    Id: {type: string}\n", "    Id: {type: string}\n    CommentInclude: {type: object}\n", 1)
	var n yaml.Node
	require.NoError(t, yaml.Unmarshal([]byte(src), &n))
	_, err := nameEnums(n.Content[0], nil)
	assert.ErrorContains(t, err, "CommentInclude is taken")
}

func TestShortEnumNamesOnTheSpec(t *testing.T) {
	// Every parameter and body enum of the real document gets a name without
	// V4 or the docs' DiscriminatorMapping path in it (internal/contract
	// checks gen/ as a whole).
	n := loadSpec(t)
	s := yamlnode.Get(yamlnode.Get(n.Content[0], "components"), "schemas")
	for i := 0; i+1 < len(s.Content); i += 2 {
		name := s.Content[i].Value
		assert.False(t, strings.HasPrefix(name, "V4"), name)
		if yamlnode.Get(s.Content[i+1], "enum") != nil {
			assert.NotContains(t, name, "DiscriminatorMapping", name)
		}
	}
}

// loadSpec returns api/frameio.yaml with every V4 step applied.
func loadSpec(t *testing.T) *yaml.Node {
	t.Helper()
	raw, err := os.ReadFile("../../api/frameio.yaml")
	require.NoError(t, err)
	var n yaml.Node
	require.NoError(t, yaml.Unmarshal(raw, &n))
	_, err = Apply(&n)
	require.NoError(t, err)
	return &n
}
