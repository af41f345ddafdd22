package specfix

import (
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/frameio-go/frameio-go/internal/sdknames"
	"github.com/frameio-go/frameio-go/internal/yamlnode"
)

// FixedHeadersKey is the operation extension listing headers the SDK sends
// on every call of the operation (name -> value), for headers the
// endpoint needs that the spec does not declare as parameters. The
// service generator reads it (with the required single-value header
// parameters the spec does declare, like the audit log's api-version).
const FixedHeadersKey = "x-frameio-headers"

// customActionsExperimental marks every custom action operation as
// needing "api-version: experimental".
func customActionsExperimental(root *yaml.Node) ([]string, error) {
	if yamlnode.Get(root, "paths") == nil {
		return nil, nil
	}
	var log []string
	err := operations(root, func(method, path string, op *yaml.Node) error {
		tags := yamlnode.Get(op, "tags")
		if tags == nil || len(tags.Content) != 1 || tags.Content[0].Value != sdknames.DocTag("customActions") {
			return nil
		}
		h := yamlnode.Get(op, FixedHeadersKey)
		if h == nil {
			h = yamlnode.Map()
			yamlnode.Set(op, FixedHeadersKey, h)
		}
		yamlnode.Set(h, "api-version", yamlnode.Str("experimental"))
		log = append(log, strings.ToUpper(method)+" "+path)
		return nil
	})
	return log, err
}
