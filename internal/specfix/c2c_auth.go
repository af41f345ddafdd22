package specfix

import (
	"fmt"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/frameio-go/frameio-go/internal/yamlnode"
)

// SemverPattern is the pattern of x-client-version in the codegen document:
// semantic versioning 2.0.0, relaxed in two places so that the guide's own
// examples of valid versions pass: numeric pre-release identifiers may have
// leading zeros ("2.1.3-preview.01") and build metadata may hold underscores
// ("+build_19770504.01").
const SemverPattern = `^(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)` +
	`(-[0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*)?(\+[0-9A-Za-z_-]+(\.[0-9A-Za-z_-]+)*)?$`

const clientVersionDoc = "Firmware or software version of the C2C integration, a semantic version " +
	"(https://semver.org/). Required on every call to https://api.frame.io; selects the Device Model " +
	"configuration when several match."

func isAuthPath(path string) bool { return strings.HasPrefix(path, "/v2/auth/") }

func c2cPublicAuth(root *yaml.Node) ([]string, error) {
	var log []string
	err := operations(root, func(method, path string, op *yaml.Node) error {
		if isAuthPath(path) {
			yamlnode.Set(op, "security", &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq", Style: yaml.FlowStyle})
			log = append(log, method+" "+path)
		}
		return nil
	})
	return log, err
}

func c2cClientVersion(root *yaml.Node) ([]string, error) {
	var log []string
	err := operations(root, func(method, path string, op *yaml.Node) error {
		param := node(fmt.Sprintf("{name: x-client-version, in: header, required: true, schema: {type: string, pattern: %q}}", SemverPattern))
		yamlnode.Set(param, "description", yamlnode.Str(clientVersionDoc))
		params := yamlnode.Get(op, "parameters")
		if params == nil {
			params = &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq"}
			yamlnode.Set(op, "parameters", params)
		}
		for i, p := range params.Content {
			if yamlnode.Scalar(p, "name") == "x-client-version" {
				params.Content[i] = param
				log = append(log, method+" "+path+": required")
				return nil
			}
		}
		params.Content = append(params.Content, param)
		log = append(log, method+" "+path+": added")
		return nil
	})
	return log, err
}

func c2cTokenResponse(schemas *yaml.Node) ([]string, error) {
	if yamlnode.Get(schemas, "Token") == nil {
		return nil, fmt.Errorf("schema Token not found")
	}
	yamlnode.Set(schemas, "Token", node(`
type: object
properties:
  access_token:
    type: string
    description: The bearer token for every other C2C call; valid for expires_in seconds (about 8 hours).
  expires_in:
    type: integer
    description: Seconds until access_token expires (28800 in the guides).
  refresh_token:
    type: string
    description: Single-use token for the refresh_token grant, valid 14 days; present when the offline scope was granted. Refreshing invalidates it and the access token.
  token_type:
    type: string
    description: Always bearer.
required: [access_token, expires_in, token_type]
description: The tokens issued by the device_code and refresh_token grants.
title: Token
`))

	return []string{"Token: access_token, expires_in, refresh_token, token_type"}, nil
}

func c2cOAuthErrors(root *yaml.Node) ([]string, error) {
	schemas, err := yamlnode.Lookup(root, "components", "schemas")
	if err != nil {
		return nil, err
	}
	yamlnode.Set(schemas, "OAuthError", node(`
type: object
properties:
  error:
    type: string
    description: 'The error, e.g. authorization_pending, slow_down, expired_token, access_denied, invalid_client, invalid_grant, invalid_request, unauthorized_client, Invalid client version.'
required: [error]
description: The simple error schema of the errors guide.
title: OAuthError
`))

	var log []string
	err = operations(root, func(method, path string, op *yaml.Node) error {
		if !isAuthPath(path) {
			return nil
		}
		responses, err := yamlnode.Lookup(op, "responses")
		if err != nil {
			return fmt.Errorf("%s %s: %w", method, path, err)
		}
		for _, code := range []string{"400", "401"} {
			if yamlnode.Get(responses, code) == nil {
				yamlnode.Set(responses, code, node(`{description: OAuth error, content: {application/json: {schema: {$ref: '#/components/schemas/OAuthError'}}}}`))
				log = append(log, method+" "+path+" "+code)
			}
		}
		return nil
	})
	return log, err
}

func c2cFormURLEncoded(root *yaml.Node) ([]string, error) {
	var log []string
	err := operations(root, func(method, path string, op *yaml.Node) error {
		if !isAuthPath(path) {
			return nil
		}
		content, err := yamlnode.Lookup(op, "requestBody", "content")
		if err != nil {
			return fmt.Errorf("%s %s: %w", method, path, err)
		}
		mp, err := yamlnode.Lookup(content, "multipart/form-data", "schema")
		if err != nil {
			return fmt.Errorf("%s %s: %w", method, path, err)
		}
		media := yamlnode.Map()
		yamlnode.Set(media, "schema", mp)
		yamlnode.Set(content, "application/x-www-form-urlencoded", media)
		log = append(log, method+" "+path)
		return nil
	})
	return log, err
}

func c2cRevokeNoBody(root *yaml.Node) ([]string, error) {
	ok, err := yamlnode.Lookup(root, "paths", "/v2/auth/revoke", "post", "responses", "200")
	if err != nil {
		return nil, err
	}
	if !yamlnode.Delete(ok, "content") {
		return nil, fmt.Errorf("revoke 200 has no content")
	}
	schemas, err := yamlnode.Lookup(root, "components", "schemas")
	if err != nil {
		return nil, err
	}
	yamlnode.Delete(schemas, "Authentication_authDeviceRevokeToken_Response_200")
	return []string{"post /v2/auth/revoke 200: no body"}, nil
}
