// Package yamlnode reads and edits gopkg.in/yaml.v3 node trees: the one
// home of the mapping, sequence and scalar helpers that internal/specbuild
// (building api/ from the docs) and internal/specfix (the code-generation
// fixes) both work with. Every function accepts a nil node or a node of the
// wrong kind where it only reads, and treats it as empty.
package yamlnode

import (
	"fmt"
	"iter"
	"sort"

	"gopkg.in/yaml.v3"
)

// Get returns the value of key in the mapping n, or nil.
func Get(n *yaml.Node, key string) *yaml.Node {
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

// Has reports whether the mapping n holds key.
func Has(n *yaml.Node, key string) bool { return Get(n, key) != nil }

// Scalar returns the value of key in the mapping n when it is a scalar,
// else "".
func Scalar(n *yaml.Node, key string) string {
	if v := Get(n, key); v != nil && v.Kind == yaml.ScalarNode {
		return v.Value
	}
	return ""
}

// Set sets key in the mapping n to v, appending the key when absent.
func Set(n *yaml.Node, key string, v *yaml.Node) {
	for i := 0; i+1 < len(n.Content); i += 2 {
		if n.Content[i].Value == key {
			n.Content[i+1] = v
			return
		}
	}
	n.Content = append(n.Content, Str(key), v)
}

// Delete removes key from the mapping n and reports whether it was there
// (a nil n holds nothing to remove).
func Delete(n *yaml.Node, key string) bool {
	if n == nil {
		return false
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		if n.Content[i].Value == key {
			n.Content = append(n.Content[:i], n.Content[i+2:]...)
			return true
		}
	}
	return false
}

// IsOnly reports whether the mapping n holds exactly the one key.
func IsOnly(n *yaml.Node, key string) bool {
	return len(n.Content) == 2 && n.Content[0].Value == key
}

// Str returns a string scalar node.
func Str(s string) *yaml.Node { return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: s} }

// Map returns an empty mapping node.
func Map() *yaml.Node { return &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map"} }

// SchemaRef returns the mapping {$ref: "#/components/schemas/<name>"}.
func SchemaRef(name string) *yaml.Node {
	n := Map()
	Set(n, "$ref", Str("#/components/schemas/"+name))
	return n
}

// Items returns the items of the sequence n.
func Items(n *yaml.Node) []*yaml.Node {
	if n == nil || n.Kind != yaml.SequenceNode {
		return nil
	}
	return n.Content
}

// Pairs yields the keys and values of the mapping n, in order.
func Pairs(n *yaml.Node) iter.Seq2[string, *yaml.Node] {
	return func(yield func(string, *yaml.Node) bool) {
		if n == nil || n.Kind != yaml.MappingNode {
			return
		}
		for i := 0; i+1 < len(n.Content); i += 2 {
			if !yield(n.Content[i].Value, n.Content[i+1]) {
				return
			}
		}
	}
}

// Lookup follows keys from n, one mapping level each; it fails naming the
// keys up to the first one that is missing.
func Lookup(n *yaml.Node, keys ...string) (*yaml.Node, error) {
	for i, k := range keys {
		n = Get(n, k)
		if n == nil {
			return nil, fmt.Errorf("%v not found", keys[:i+1])
		}
	}
	return n, nil
}

// Equal reports whether a and b have the same kinds, values and content,
// recursively, scalars also the same tag (1 is not "1"); styles, comments
// and positions aside.
func Equal(a, b *yaml.Node) bool {
	if a.Kind != b.Kind || a.Value != b.Value || len(a.Content) != len(b.Content) {
		return false
	}
	if a.Kind == yaml.ScalarNode && a.Tag != b.Tag {
		return false
	}
	for i := range a.Content {
		if !Equal(a.Content[i], b.Content[i]) {
			return false
		}
	}
	return true
}

// Walk calls fn on every mapping node under n (n included) with a readable
// path: the keys leading to it, each after a "/" and unescaped, "[]" for
// a sequence item ("/paths//v4/me/get/parameters[]").
func Walk(n *yaml.Node, fn func(n *yaml.Node, path string)) {
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

// Clone returns a deep copy of n.
func Clone(n *yaml.Node) *yaml.Node {
	c := *n
	c.Content = make([]*yaml.Node, len(n.Content))
	for i, k := range n.Content {
		c.Content[i] = Clone(k)
	}
	return &c
}

// Rename replaces key in the mapping n by newKey with the value v, in
// place; nothing happens when key is absent.
func Rename(n *yaml.Node, key, newKey string, v *yaml.Node) {
	for i := 0; i+1 < len(n.Content); i += 2 {
		if n.Content[i].Value == key {
			n.Content[i] = Str(newKey)
			n.Content[i+1] = v
			return
		}
	}
}

// SortKeys orders the keys of the mapping n, stably.
func SortKeys(n *yaml.Node) {
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
