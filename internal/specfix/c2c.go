package specfix

import (
	"fmt"

	"gopkg.in/yaml.v3"
)

// C2CSteps turn api/c2c.yaml (the 16 Camera-to-Cloud fragments, faithfully)
// into api/c2c.codegen.yaml. Each one is a place where the C2C guides and
// the fragments disagree, or where the fragments cannot generate Go that
// reads like Go; the guides win where they are explicit, and the reason says
// which text decided. The generic Steps run after them.
var C2CSteps = []Step{
	{
		Name: "c2c-names",
		Reason: "the fragments name inline schemas after their URL path (V2DevicesAssetsAssetIdRealtimeUploadPartsPost" +
			"RequestBodyContentApplicationJsonSchemaPartsItems) or operation (Authentication_deviceRequestCode_Response_200); " +
			"they get short, stable names (RealtimeUploadPart, DeviceCode, GrantType, ...), refs follow.",
		Apply: c2cRename,
	},
	{
		Name: "c2c-health",
		Reason: "the guides use GET https://api.frame.io/health (no authorization, {\"ok\": true}) to tell Frame.io being " +
			"unreachable from a local network failure; no fragment documents it.",
		Apply: c2cHealth,
	},
	{
		Name: "c2c-public-auth",
		Reason: "the three /v2/auth operations have no Authorization parameter and the guides call them with the client " +
			"credentials only; they must not inherit the global bearer requirement (security: []).",
		Apply: c2cPublicAuth,
	},
	{
		Name: "c2c-client-version-required",
		Reason: "Integration Architecture: 'The x-client-version is now a required HTTP header, and will be enforced', " +
			"a valid semantic version on every call; the fragments make it optional with default 0.0.0 and omit it " +
			"from the token and comment operations.",
		Apply: c2cClientVersion,
	},
	{
		Name: "c2c-token-response",
		Reason: "the token fragment's 200 schema is an empty object ('Empty response body'); the authorization guides " +
			"show {access_token, expires_in: 28800, refresh_token, token_type: bearer} for both grants.",
		Apply: onSchemas(c2cTokenResponse),
	},
	{
		Name: "c2c-oauth-errors",
		Reason: "the auth fragments document no error response; the guides show the simple schema {\"error\": ...} " +
			"with 400 (authorization_pending, slow_down, expired_token, invalid_client, invalid_grant, invalid_request, " +
			"'Invalid client version') and 401 (access_denied, unauthorized_client).",
		Apply: c2cOAuthErrors,
	},
	{
		Name: "c2c-form-urlencoded",
		Reason: "the auth fragments accept multipart/form-data only; the errors guide (InvalidContentType) says " +
			"application/x-www-form-urlencoded is accepted by all endpoints, and the SDK sends it (no boundary, " +
			"smaller, and what the guides' 'form data' means for OAuth).",
		Apply: c2cFormURLEncoded,
	},
	{
		Name:   "c2c-revoke-no-body",
		Reason: "the authorization guide: revoke 'returns headers without a payload', success is a 200; the fragment's empty JSON object schema is dropped.",
		Apply:  c2cRevokeNoBody,
	},
	{
		Name: "c2c-asset-create-body",
		Reason: "the asset-create body lacks metadata (Organize Assets: tokenized paths are supplied as \"metadata\": {...}); " +
			"it names auto_version_id (format uuid) where every guide example sends autoversion_id, 'anything: a UUID, a " +
			"filename'; filesize, channel, offset and parts are oneOf string|integer where the guides send integers " +
			"(filesize null or absent for real-time assets; offset may be negative, the channel example sends -10).",
		Apply: c2cAssetCreateBody,
	},
	{
		Name: "c2c-int64-sizes",
		Reason: "asset_filesize may be up to 5 TiB (5,497,558,138,880 bytes) and a part up to 5 GiB; the fragments give " +
			"them no format, so they would generate int. They become int64.",
		Apply: c2cInt64Sizes,
	},
	{
		Name: "c2c-asset-create-response",
		Reason: "the 200 is oneOf an Asset (itself a oneOf of an object with a property named '') and RealtimeAssetResponse; " +
			"the two overlap, so no body can match exactly one. The guides show {_type, id, name, upload_urls, ...} for " +
			"regular assets and {id, name} for real-time ones: one DeviceAsset schema with upload_urls optional.",
		Apply: onSchemas(c2cAssetCreateResponse),
	},
	{
		Name:   "c2c-asset-object",
		Reason: "Asset is 'arbitrary key/value pairs' but the fragment spells that as a property named '' inside a one-branch oneOf; it becomes an object with additionalProperties.",
		Apply:  onSchemas(c2cAssetObject),
	},
	{
		Name: "c2c-conflict-error",
		Reason: "the 409 of asset create has its own schema whose code and status are string enums ('409'); the guides' " +
			"body is {\"code\": 409, \"errors\": [{\"code\": 409, ...}], \"message\": \"Channel Paused\"}, the HTTPError shape.",
		Apply: c2cConflictError,
	},
	{
		Name:   "c2c-device-status-paused",
		Reason: "Manage Status and State: status may be online, offline or paused ('temporarily disabled in the C2C Connections panel'); the fragment's enum lacks paused.",
		Apply:  onSchemas(c2cPaused),
	},
	{
		Name: "c2c-channel-connect-path",
		Reason: "the fragment puts channel connect at /v2/devices/channels; the channels guide and the operation's own code " +
			"samples post to /v2/devices/channels/connect, beside .../disconnect. Its client_id is 'a stable value, such " +
			"as the serial number', not a UUID.",
		Apply: c2cChannelConnect,
	},
	{
		Name:   "c2c-ntsc-non-drop",
		Reason: "the NTSC enum lists 'ntsc', but its own description, the logging guide and the samples say \"non_drop\" or null.",
		Apply:  onSchemas(c2cNTSC),
	},
	{
		Name: "c2c-trailing-descriptions",
		Reason: "the builder gave 'User model' to User.user_default_color and 'Represents the correlation between a " +
			"physical device and a Frame.io project.' to ProjectDevice.required_metadata_attributes; both describe the schema.",
		Apply: onSchemas(c2cTrailingDescriptions),
	},
	{
		Name:   "c2c-named-bodies",
		Reason: "inline request bodies generate types named after operations (DevicesDeviceCreateRealtimeUploadPartsJSONBody); each becomes a named component.",
		Apply:  c2cNamedBodies,
	},
}

// ApplyC2C runs C2CSteps and then the generic Steps on the C2C document.
func ApplyC2C(doc *yaml.Node) ([]string, error) {
	return ApplySteps(doc, append(append([]Step(nil), C2CSteps...), Steps...))
}

// node parses a YAML fragment written in the fixes' source.
func node(src string) *yaml.Node {
	var n yaml.Node
	if err := yaml.Unmarshal([]byte(src), &n); err != nil {
		panic(fmt.Sprintf("specfix: bad fragment %q: %v", src, err))
	}
	return n.Content[0]
}
