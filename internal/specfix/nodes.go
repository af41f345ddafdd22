package specfix

import (
	"sort"

	"gopkg.in/yaml.v3"
)

func get(n *yaml.Node, key string) *yaml.Node {
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

func set(n *yaml.Node, key string, v *yaml.Node) {
	for i := 0; i+1 < len(n.Content); i += 2 {
		if n.Content[i].Value == key {
			n.Content[i+1] = v
			return
		}
	}
	n.Content = append(n.Content, str(key), v)
}

func scalar(n *yaml.Node, key string) string {
	if v := get(n, key); v != nil && v.Kind == yaml.ScalarNode {
		return v.Value
	}
	return ""
}

func str(s string) *yaml.Node { return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: s} }

func refNode(name string) *yaml.Node {
	n := &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map"}
	set(n, "$ref", str("#/components/schemas/"+name))
	return n
}

func equal(a, b *yaml.Node) bool {
	if a.Kind != b.Kind || a.Value != b.Value || len(a.Content) != len(b.Content) {
		return false
	}
	for i := range a.Content {
		if !equal(a.Content[i], b.Content[i]) {
			return false
		}
	}
	return true
}

// walk calls fn on every mapping node under n with a readable path.
func walk(n *yaml.Node, fn func(*yaml.Node, string)) {
	var rec func(*yaml.Node, string)
	rec = func(n *yaml.Node, path string) {
		switch n.Kind {
		case yaml.MappingNode:
			fn(n, path)
			for i := 0; i+1 < len(n.Content); i += 2 {
				rec(n.Content[i+1], path+"/"+n.Content[i].Value)
			}
		case yaml.SequenceNode:
			for _, c := range n.Content {
				rec(c, path+"[]")
			}
		}
	}
	rec(n, "")
}

func sortMap(n *yaml.Node) {
	type kv struct{ k, v *yaml.Node }
	var pairs []kv
	for i := 0; i+1 < len(n.Content); i += 2 {
		pairs = append(pairs, kv{n.Content[i], n.Content[i+1]})
	}
	sort.SliceStable(pairs, func(i, j int) bool { return pairs[i].k.Value < pairs[j].k.Value })
	n.Content = n.Content[:0]
	for _, p := range pairs {
		n.Content = append(n.Content, p.k, p.v)
	}
}

// nodes returns the items of a sequence node.
func nodes(n *yaml.Node) []*yaml.Node {
	if n == nil || n.Kind != yaml.SequenceNode {
		return nil
	}
	return n.Content
}

// pairs returns the values of a mapping node, in order.
func pairs(n *yaml.Node) []*yaml.Node {
	if n == nil || n.Kind != yaml.MappingNode {
		return nil
	}
	var out []*yaml.Node
	for i := 1; i < len(n.Content); i += 2 {
		out = append(out, n.Content[i])
	}
	return out
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// renameComponent changes the key (and title) of component old to repl.
func renameComponent(schemas *yaml.Node, old, repl string) {
	for i := 0; i+1 < len(schemas.Content); i += 2 {
		if schemas.Content[i].Value == old {
			schemas.Content[i].Value = repl
			if get(schemas.Content[i+1], "title") != nil {
				set(schemas.Content[i+1], "title", str(repl))
			}
		}
	}
}

// deleteKey removes key from the mapping n.
func deleteKey(n *yaml.Node, key string) {
	for i := 0; i+1 < len(n.Content); i += 2 {
		if n.Content[i].Value == key {
			n.Content = append(n.Content[:i], n.Content[i+2:]...)
			return
		}
	}
}
