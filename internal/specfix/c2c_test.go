package specfix

import (
	"os"
	"regexp"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"gopkg.in/yaml.v3"

	"github.com/frameio-go/frameio-go/internal/yamlnode"
)

// c2cDoc applies ApplyC2C to the committed api/c2c.yaml.
func c2cDoc(t *testing.T) (*yaml.Node, []string) {
	t.Helper()
	raw, err := os.ReadFile("../../api/c2c.yaml")
	require.NoError(t, err)
	var n yaml.Node
	require.NoError(t, yaml.Unmarshal(raw, &n))
	log, err := ApplyC2C(&n)
	require.NoError(t, err)
	return n.Content[0], log
}

func at(t *testing.T, n *yaml.Node, keys ...string) *yaml.Node {
	t.Helper()
	v, err := yamlnode.Lookup(n, keys...)
	require.NoError(t, err)
	return v
}

func values(n *yaml.Node) []string {
	var out []string
	for _, c := range n.Content {
		out = append(out, c.Value)
	}
	return out
}

func TestC2CEveryStepChangesSomething(t *testing.T) {
	_, log := c2cDoc(t)
	for _, s := range C2CSteps {
		assert.NotEmpty(t, s.Reason, s.Name)
		found := false
		for _, l := range log {
			if len(l) > len(s.Name) && l[:len(s.Name)+1] == s.Name+":" {
				found = true
			}
		}
		assert.True(t, found, "step %s logged no change", s.Name)
	}
}

func TestC2CNoSchemaNamedAfterAPath(t *testing.T) {
	root, _ := c2cDoc(t)
	schemas := at(t, root, "components", "schemas")
	for i := 0; i < len(schemas.Content); i += 2 {
		name := schemas.Content[i].Value
		assert.NotRegexp(t, `^V2|_Response_|RequestBody|Responses`, name)
		assert.Equal(t, name, yamlnode.Scalar(schemas.Content[i+1], "title"), "title of %s", name)
	}
	yamlnode.Walk(root, func(m *yaml.Node, path string) {
		if r := yamlnode.Scalar(m, "$ref"); r != "" {
			assert.NotNil(t, yamlnode.Get(schemas, r[len(schemaRef):]), "dangling %s at %s", r, path)
		}
	})

}

func TestC2CAuthIsPublicFormEncodedAndTyped(t *testing.T) {
	root, _ := c2cDoc(t)
	for _, p := range []string{"/v2/auth/device/code", "/v2/auth/token", "/v2/auth/revoke"} {
		op := at(t, root, "paths", p, "post")
		assert.Equal(t, yaml.SequenceNode, at(t, op, "security").Kind)
		assert.Empty(t, at(t, op, "security").Content, p)
		assert.NotNil(t, yamlnode.Get(at(t, op, "requestBody", "content"), "application/x-www-form-urlencoded"), p)
		assert.Equal(t, schemaRef+"OAuthError", yamlnode.Scalar(at(t, op, "responses", "400", "content", "application/json", "schema"), "$ref"), p)
	}
	tok := at(t, root, "components", "schemas", "Token")
	assert.Equal(t, []string{"access_token", "expires_in", "token_type"}, values(at(t, tok, "required")))
	assert.NotNil(t, yamlnode.Get(at(t, tok, "properties"), "refresh_token"))
	assert.Nil(t, yamlnode.Get(at(t, root, "paths", "/v2/auth/revoke", "post", "responses", "200"), "content"))
}

func TestC2CClientVersionRequiredEverywhere(t *testing.T) {
	root, _ := c2cDoc(t)
	n := 0
	require.NoError(t, operations(root, func(method, path string, op *yaml.Node) error {
		n++
		found := 0
		for _, p := range yamlnode.Get(op, "parameters").Content {
			if yamlnode.Scalar(p, "name") == "x-client-version" {
				found++
				assert.Equal(t, "true", yamlnode.Scalar(p, "required"), path)
				assert.Equal(t, SemverPattern, yamlnode.Scalar(yamlnode.Get(p, "schema"), "pattern"), path)
				assert.Nil(t, yamlnode.Get(yamlnode.Get(p, "schema"), "default"), path)
			}
		}
		assert.Equal(t, 1, found, "%s %s", method, path)
		return nil
	}))
	assert.Equal(t, 17, n, "16 documented operations and /health")
}

func TestSemverPatternAcceptsTheGuidesExamples(t *testing.T) {
	re := regexp.MustCompile(SemverPattern)
	for _, v := range []string{"0.1.2", "2.1.3-preview.01", "2.1.3-preview.01+build_19770504.01", "2.0.0", "1.0.0-rc.1+sha.5114f85"} {
		assert.True(t, re.MatchString(v), v)
	}
	for _, v := range []string{"", "1", "1.2", "v1.2.3", "01.2.3", "1.2.3-", "1.2.3+", "1.2.3-a..b", "1.2.3 "} {
		assert.False(t, re.MatchString(v), v)
	}
}

func TestC2CAssetCreateFollowsTheGuides(t *testing.T) {
	root, _ := c2cDoc(t)
	body := at(t, root, "components", "schemas", "AssetCreateParams", "properties")
	assert.Nil(t, yamlnode.Get(body, "auto_version_id"))
	assert.Equal(t, "string", yamlnode.Scalar(at(t, body, "autoversion_id"), "type"))
	assert.Empty(t, yamlnode.Scalar(at(t, body, "autoversion_id"), "format"), "any value, not a UUID")
	assert.Equal(t, "object", yamlnode.Scalar(at(t, body, "metadata"), "type"))
	assert.Equal(t, []string{"integer", "null"}, values(at(t, body, "filesize", "type")))
	for _, f := range []string{"offset", "channel", "parts"} {
		assert.Equal(t, "integer", yamlnode.Scalar(at(t, body, f), "type"), f)
	}
	resp := at(t, root, "paths", assetsPath, "post", "responses")
	assert.Equal(t, schemaRef+"DeviceAsset", yamlnode.Scalar(at(t, resp, "200", "content", "application/json", "schema"), "$ref"))
	assert.Equal(t, schemaRef+"HTTPError", yamlnode.Scalar(at(t, resp, "409", "content", "application/json", "schema"), "$ref"))
	asset := at(t, root, "components", "schemas", "DeviceAsset")
	assert.Nil(t, yamlnode.Get(asset, "oneOf"))
	assert.Equal(t, []string{"id", "name"}, values(at(t, asset, "required")))
	schemas := at(t, root, "components", "schemas")
	for _, gone := range []string{"RealtimeAssetResponse", "Asset0", "DeviceAssetCreateRequestConflictError"} {
		assert.Nil(t, yamlnode.Get(schemas, gone), gone)
	}
	assert.Equal(t, "true", yamlnode.Scalar(at(t, schemas, "Asset"), "additionalProperties"))
	assert.Equal(t, "int64", yamlnode.Scalar(at(t, schemas, "RealtimeUploadPart", "properties", "size"), "format"))
}

func TestC2CEnumsPathsAndDescriptions(t *testing.T) {
	root, _ := c2cDoc(t)
	schemas := at(t, root, "components", "schemas")
	assert.Equal(t, []string{"offline", "online", "paused"}, values(at(t, schemas, "ProjectDeviceStatus", "enum")))
	assert.Equal(t, []string{"non_drop"}, values(at(t, schemas, "NTSCStandard", "enum")))
	paths := at(t, root, "paths")
	assert.Nil(t, yamlnode.Get(paths, "/v2/devices/channels"))
	assert.NotNil(t, yamlnode.Get(paths, "/v2/devices/channels/connect"))
	assert.Empty(t, yamlnode.Scalar(at(t, schemas, "ChannelConnectParams", "properties", "client_id"), "format"))
	assert.Equal(t, "User model", yamlnode.Scalar(at(t, schemas, "User"), "description"))
	assert.Nil(t, yamlnode.Get(at(t, schemas, "User", "properties", "user_default_color"), "description"))
	assert.Contains(t, yamlnode.Scalar(at(t, schemas, "ProjectDevice"), "description"), "physical device")
	assert.Equal(t, schemaRef+"Health", yamlnode.Scalar(at(t, paths, "/health", "get", "responses", "200", "content", "application/json", "schema"), "$ref"))
	assert.Nil(t, yamlnode.Get(at(t, paths, "/v2/devices/connect", "post", "responses", "204"), "content"), "a 204 has no body")
}

func TestC2CStepsFailWhenTheirTargetIsGone(t *testing.T) {
	for _, s := range C2CSteps {
		var n yaml.Node
		require.NoError(t, yaml.Unmarshal([]byte("openapi: 3.1.0\npaths: {}\ncomponents: {schemas: {}}\n"), &n))
		_, err := s.Apply(n.Content[0])
		if s.Name == "c2c-public-auth" || s.Name == "c2c-client-version-required" || s.Name == "c2c-oauth-errors" ||
			s.Name == "c2c-form-urlencoded" || s.Name == "c2c-named-bodies" || s.Name == "c2c-health" {
			continue // these apply to whatever operations exist
		}
		assert.Error(t, err, "%s on an empty document", s.Name)
	}
}
