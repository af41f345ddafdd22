package specfix

import (
	"fmt"

	"gopkg.in/yaml.v3"

	"github.com/frameio-go/frameio-go/internal/yamlnode"
)

const assetsPath = "/v2/devices/assets"

func c2cAssetCreateBody(root *yaml.Node) ([]string, error) {
	props, err := yamlnode.Lookup(root, "paths", assetsPath, "post", "requestBody", "content", "application/json", "schema", "properties")
	if err != nil {
		return nil, err
	}
	if !yamlnode.Delete(props, "auto_version_id") {
		return nil, fmt.Errorf("auto_version_id not found")
	}
	yamlnode.Set(props, "autoversion_id", node(`
type: string
description: Stacks this asset on earlier ones created with the same value in the same folder. Any value (a UUID, a filename) that never repeats by accident.`))

	yamlnode.Set(props, "metadata", node(`
type: object
additionalProperties: true
description: Values of the device model's required metadata fields, injected into its tokenized upload path ({reel_name} ...). Any JSON value; strings are recommended.`))

	yamlnode.Set(props, "filesize", node(`
type: [integer, 'null']
format: int64
description: The file size in bytes. Required unless is_realtime_upload is true, when it is omitted or null.`))

	yamlnode.Set(props, "channel", node(`
type: integer
default: 0
description: The device channel the asset comes from (its external index); 0 is the device itself.`))

	yamlnode.Set(props, "offset", node(`
type: integer
description: Seconds since the media was created (0 when omitted). Frame.io compares it with the pause windows and rejects media created while paused, so recompute it on every retry.`))

	yamlnode.Set(props, "parts", node(`
type: integer
minimum: 1
maximum: 10000
description: Asks for this many upload URLs instead of about one per 25 MB; every part but the last must stay at least 5,242,880 bytes.`))

	schemas, err := yamlnode.Lookup(root, "components", "schemas")
	if err != nil {
		return nil, err
	}
	for _, s := range []string{"Filesize", "Channel", "Offset", "Parts"} {
		yamlnode.Delete(schemas, "V2DevicesAssetsPostRequestBodyContentApplicationJsonSchema"+s)
	}
	return []string{"autoversion_id, metadata, filesize, channel, offset, parts"}, nil
}

func c2cAssetCreateResponse(schemas *yaml.Node) ([]string, error) {
	if yamlnode.Get(schemas, "DeviceAsset") == nil || !yamlnode.Delete(schemas, "RealtimeAssetResponse") {
		return nil, fmt.Errorf("DeviceAsset or RealtimeAssetResponse not found")
	}
	yamlnode.Set(schemas, "DeviceAsset", node(`
type: object
properties:
  _type:
    type: string
    description: file for a regular asset; absent for a real-time one.
  id:
    type: string
    format: uuid
    description: The asset id (https://app.frame.io/player/:id).
  name:
    type: string
    description: The asset name in Frame.io.
  filetype:
    type: string
  filesize:
    type: integer
    format: int64
  upload_urls:
    type: array
    items:
      type: string
      format: uri
    description: Presigned S3 PUT URLs, one per chunk in order; absent for real-time assets, which ask for URLs part by part.
required: [id, name]
description: The asset created by Create C2C asset. Real-time assets answer with id and name only.
title: DeviceAsset
`))

	return []string{"DeviceAsset: one schema for regular and real-time assets"}, nil
}

func c2cAssetObject(schemas *yaml.Node) ([]string, error) {
	if yamlnode.Get(schemas, "Asset") == nil || !yamlnode.Delete(schemas, "Asset0") {
		return nil, fmt.Errorf("Asset or Asset0 not found")
	}
	yamlnode.Set(schemas, "Asset", node(`{type: object, additionalProperties: true, description: Accepts arbitrary key/value pairs for storing information on an asset, title: Asset}`))
	return []string{"Asset: object with additionalProperties"}, nil
}

func c2cConflictError(root *yaml.Node) ([]string, error) {
	media, err := yamlnode.Lookup(root, "paths", assetsPath, "post", "responses", "409", "content", "application/json")
	if err != nil {
		return nil, err
	}
	yamlnode.Set(media, "schema", yamlnode.SchemaRef("HTTPError"))
	schemas, err := yamlnode.Lookup(root, "components", "schemas")
	if err != nil {
		return nil, err
	}
	yamlnode.Delete(schemas, "DeviceAssetCreateRequestConflictError")
	for _, s := range []string{"Code", "ErrorsItems", "ErrorsItemsCode", "ErrorsItemsStatus", "Message"} {
		yamlnode.Delete(schemas, "V2DevicesAssetsPostResponsesContentApplicationJsonSchema"+s)
	}
	return []string{"409: HTTPError"}, nil
}

func c2cPaused(schemas *yaml.Node) ([]string, error) {
	enum, err := yamlnode.Lookup(schemas, "ProjectDeviceStatus", "enum")
	if err != nil {
		return nil, err
	}
	enum.Content = append(enum.Content, yamlnode.Str("paused"))
	return []string{"ProjectDeviceStatus: + paused"}, nil
}

func c2cChannelConnect(root *yaml.Node) ([]string, error) {
	paths, err := yamlnode.Lookup(root, "paths")
	if err != nil {
		return nil, err
	}
	for i := 0; i+1 < len(paths.Content); i += 2 {
		if paths.Content[i].Value != "/v2/devices/channels" {
			continue
		}
		paths.Content[i].Value = "/v2/devices/channels/connect"
		id, err := yamlnode.Lookup(paths.Content[i+1], "post", "requestBody", "content", "application/json", "schema", "properties", "client_id")
		if err != nil {
			return nil, err
		}
		yamlnode.Delete(id, "format")
		return []string{"/v2/devices/channels -> /v2/devices/channels/connect; client_id: any string"}, nil
	}
	return nil, fmt.Errorf("/v2/devices/channels not found")
}

func c2cNTSC(schemas *yaml.Node) ([]string, error) {
	s := yamlnode.Get(schemas, "NTSCStandard")
	if s == nil {
		return nil, fmt.Errorf("NTSCStandard not found")
	}
	yamlnode.Set(s, "enum", node(`[non_drop]`))
	return []string{"NTSCStandard: [ntsc] -> [non_drop]"}, nil
}

func c2cTrailingDescriptions(schemas *yaml.Node) ([]string, error) {
	var log []string
	for _, m := range [][2]string{{"User", "user_default_color"}, {"ProjectDevice", "required_metadata_attributes"}} {
		prop, err := yamlnode.Lookup(schemas, m[0], "properties", m[1])
		if err != nil {
			return log, err
		}
		d := yamlnode.Get(prop, "description")
		if d == nil {
			return log, fmt.Errorf("%s.%s has no description", m[0], m[1])
		}
		yamlnode.Delete(prop, "description")
		yamlnode.Set(yamlnode.Get(schemas, m[0]), "description", d)
		log = append(log, fmt.Sprintf("%s.%s -> %s: %q", m[0], m[1], m[0], d.Value))
	}
	return log, nil
}

// C2CBodyNames names the inline request body of each C2C operation.
var C2CBodyNames = map[string]string{
	"/v2/auth/device/code":                   "DeviceCodeParams",
	"/v2/auth/token":                         "TokenParams",
	"/v2/auth/revoke":                        "RevokeParams",
	assetsPath:                               "AssetCreateParams",
	"/v2/devices/assets/{asset_id}/comments": "CommentCreateParams",
	"/v2/devices/assets/{asset_id}/realtime_upload/parts":            "RealtimeUploadParams",
	"/v2/devices/channels/connect":                                   "ChannelConnectParams",
	"/v2/devices/channels/{channel_id}/inputs/{input_index}/trigger": "TriggerParams",
}

func c2cNamedBodies(root *yaml.Node) ([]string, error) {
	schemas, err := yamlnode.Lookup(root, "components", "schemas")
	if err != nil {
		return nil, err
	}
	var log []string
	err = operations(root, func(method, path string, op *yaml.Node) error {
		content := yamlnode.Get(yamlnode.Get(op, "requestBody"), "content")
		if content == nil {
			return nil
		}
		name := C2CBodyNames[path]
		if name == "" {
			return fmt.Errorf("%s %s: no name for its request body", method, path)
		}
		for i := 0; i+1 < len(content.Content); i += 2 {
			media := content.Content[i+1]
			s := yamlnode.Get(media, "schema")
			if s == nil || yamlnode.Get(s, "$ref") != nil {
				continue
			}
			if yamlnode.Get(schemas, name) == nil {
				yamlnode.Set(s, "title", yamlnode.Str(name))
				yamlnode.Set(schemas, name, s)
				log = append(log, method+" "+path+" -> "+name)
			}
			yamlnode.Set(media, "schema", yamlnode.SchemaRef(name))
		}
		return nil
	})
	return log, err
}

func c2cHealth(root *yaml.Node) ([]string, error) {
	paths, err := yamlnode.Lookup(root, "paths")
	if err != nil {
		return nil, err
	}
	schemas, err := yamlnode.Lookup(root, "components", "schemas")
	if err != nil {
		return nil, err
	}
	yamlnode.Set(paths, "/health", node(`
get:
  operationId: health_check
  summary: Health check
  description: Tells whether Frame.io itself is reachable. Needs no authorization; the SDK calls it, and only it, while it considers Frame.io disconnected.
  tags: [subpackage_health]
  security: []
  responses:
    '200':
      description: Frame.io is reachable
      content:
        application/json:
          schema: {$ref: '#/components/schemas/Health'}
`))

	yamlnode.Set(schemas, "Health", node(`{type: object, properties: {ok: {type: boolean}}, required: [ok], title: Health}`))
	return []string{"GET /health"}, nil
}

func c2cInt64Sizes(root *yaml.Node) ([]string, error) {
	body, err := yamlnode.Lookup(root, "paths", "/v2/devices/assets/{asset_id}/realtime_upload/parts", "post", "requestBody", "content", "application/json", "schema", "properties", "asset_filesize")
	if err != nil {
		return nil, err
	}
	size, err := yamlnode.Lookup(root, "components", "schemas", "RealtimeUploadPart", "properties", "size")
	if err != nil {
		return nil, err
	}
	yamlnode.Set(body, "format", yamlnode.Str("int64"))
	yamlnode.Set(size, "format", yamlnode.Str("int64"))
	return []string{"asset_filesize, RealtimeUploadPart.size: int64"}, nil
}
