package specfix

import (
	"fmt"
	"sort"

	"gopkg.in/yaml.v3"

	"github.com/frameio-go/frameio-go/internal/yamlnode"
)

// C2CNames maps the C2C fragments' generated schema names to the names the
// SDK uses (step c2c-names). Schemas that other steps replace or drop
// (the asset-create oneOf helpers, the 409 body) are not listed.
var C2CNames = map[string]string{
	"Authentication_deviceRequestCode_Response_200":                                                          "DeviceCode",
	"Authentication_authDeviceToken_Response_200":                                                            "Token",
	"Devices_createCommentC2C_Response_200":                                                                  "Comment",
	"Devices_deviceAssetCreate_Response_200":                                                                 "DeviceAsset",
	"Devices_deviceCreateRealtimeUploadParts_Response_200":                                                   "RealtimeUploadURLs",
	"V2AuthDeviceCodePostParametersXClientPlatypusEnabled":                                                   "URLPairing",
	"V2AuthTokenPostRequestBodyContentMultipartFormDataSchemaGrantType":                                      "GrantType",
	"V2DevicesAccountsAccountIdProjectsGetResponsesContentApplicationJsonSchemaItems":                        "PairableProject",
	"V2DevicesAccountsAccountIdProjectsGetResponsesContentApplicationJsonSchemaItemsType":                    "PairableProjectType",
	"V2DevicesAccountsGetResponsesContentApplicationJsonSchemaItems":                                         "PairableAccount",
	"V2DevicesAccountsGetResponsesContentApplicationJsonSchemaItemsType":                                     "PairableAccountType",
	"V2DevicesAssetsAssetIdRealtimeUploadPartsPostRequestBodyContentApplicationJsonSchemaPartsItems":         "RealtimeUploadPart",
	"V2DevicesChannelsChannelIdInputsInputIndexTriggerPostRequestBodyContentApplicationJsonSchemaActionType": "ActionType",
	"SmpteTimeRepresentationRateNtsc":                                                                        "NTSCStandard",
	"SmpteTimeRepresentationRate":                                                                            "SMPTERate",
	"SMPTETimeRepresentation":                                                                                "SMPTETime",
	"HttpErrorErrorsItems":                                                                                   "HTTPErrorDetail",
}

const schemaRef = "#/components/schemas/"

// c2cRename applies C2CNames: the component key, its title and every $ref.
func c2cRename(root *yaml.Node) ([]string, error) {
	schemas, err := yamlnode.Lookup(root, "components", "schemas")
	if err != nil {
		return nil, err
	}
	olds := make([]string, 0, len(C2CNames))
	for old := range C2CNames {
		olds = append(olds, old)
	}
	sort.Strings(olds)
	var log []string
	for _, old := range olds {
		repl := C2CNames[old]
		if yamlnode.Get(schemas, repl) != nil {
			return log, fmt.Errorf("%s: %s is taken", old, repl)
		}
		if yamlnode.Get(schemas, old) == nil {
			return log, fmt.Errorf("schema %s not found", old)
		}
		log = append(log, fmt.Sprintf("%s -> %s (%d refs)", old, repl, renameComponent(root, schemas, old, repl)))
	}
	return log, nil
}

// renameRefs rewrites every $ref to schema old below n into one to repl.
func renameRefs(n *yaml.Node, old, repl string) int {
	count := 0
	yamlnode.Walk(n, func(m *yaml.Node, _ string) {
		if r := yamlnode.Get(m, "$ref"); r != nil && r.Value == schemaRef+old {
			r.Value = schemaRef + repl
			count++
		}
	})

	return count
}
