package specbuild

import (
	"strings"

	"gopkg.in/yaml.v3"
)

// mapGet returns the value of key in a mapping node, or nil.
func mapGet(n *yaml.Node, key string) *yaml.Node {
	if n == nil || n.Kind != yaml.MappingNode {
		return nil
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		if n.Content[i].Value == key {
			return n.Content[i+1]
		}
	}
	return nil
}

// mapSet sets key in a mapping node, appending it when absent.
func mapSet(n *yaml.Node, key string, v *yaml.Node) {
	for i := 0; i+1 < len(n.Content); i += 2 {
		if n.Content[i].Value == key {
			n.Content[i+1] = v
			return
		}
	}
	n.Content = append(n.Content, strNode(key), v)
}

// mapDelete removes key from a mapping node.
func mapDelete(n *yaml.Node, key string) {
	for i := 0; i+1 < len(n.Content); i += 2 {
		if n.Content[i].Value == key {
			n.Content = append(n.Content[:i], n.Content[i+2:]...)
			return
		}
	}
}

func hasKey(n *yaml.Node, key string) bool { return mapGet(n, key) != nil }

func strNode(s string) *yaml.Node { return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: s} }

// isOnly reports whether the mapping holds exactly the one key.
func isOnly(n *yaml.Node, key string) bool {
	return len(n.Content) == 2 && n.Content[0].Value == key
}

func scalarOf(n *yaml.Node, key string) string {
	if v := mapGet(n, key); v != nil && v.Kind == yaml.ScalarNode {
		return v.Value
	}
	return ""
}

// typeOf returns the schema's type, a multi-type joined by commas.
func typeOf(n *yaml.Node) string {
	v := mapGet(n, "type")
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
	return strings.Contains(typeOf(n), "object") || hasKey(n, "properties")
}

func enclosingComponent(c *ctx) *ctx {
	for x := c; x != nil; x = x.parent {
		if x.kind == kSchema && x.role == roleComponent {
			return x
		}
	}
	return nil
}
