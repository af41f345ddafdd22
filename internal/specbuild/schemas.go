package specbuild

import (
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/frameio-go/frameio-go/internal/yamlnode"
)

// typeOf returns the schema's type, a multi-type joined by commas.
func typeOf(n *yaml.Node) string {
	v := yamlnode.Get(n, "type")
	if v == nil {
		return ""
	}
	if v.Kind == yaml.SequenceNode {
		var parts []string
		for _, c := range v.Content {
			parts = append(parts, c.Value)
		}
		return strings.Join(parts, ",")
	}
	return v.Value
}

func isObjectSchema(n *yaml.Node) bool {
	return strings.Contains(typeOf(n), "object") || yamlnode.Has(n, "properties")
}

func enclosingComponent(c *ctx) *ctx {
	for x := c; x != nil; x = x.parent {
		if x.kind == kSchema && x.role == roleComponent {
			return x
		}
	}
	return nil
}
