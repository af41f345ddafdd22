package specbuild

import (
	"fmt"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/frameio-go/frameio-go/internal/yamlnode"
)

// An additions document (api/published/*.yaml) brings what Frame.io's
// published OpenAPI document has beyond the docs. It is an OpenAPI 3.1
// document in the project's conventions with three parts, each merged
// over the main input, the additions winning:
//
//   - paths: whole operations, put by method and path;
//   - components: whole definitions (schemas, headers, security schemes),
//     put by name;
//   - x-frameio-put: values put inside what the input defines (a new
//     property of a docs schema, a deprecated flag, a response), each
//     {at: [key, ...], value: ..., source: ...}.
//
// Every entry may say where it comes from: an operation or component with
// an x-frameio-source extension, a put with source. The extension is
// removed from the merged document and the source is written to the
// report, next to what the entry changed.
const (
	sourceKey = "x-frameio-source"
	putsKey   = "x-frameio-put"
)

// put is one x-frameio-put entry.
type put struct {
	at     []*yaml.Node // keys; "*" is every key of a mapping; a mapping selects the list item it matches
	value  *yaml.Node
	source string
	where  string
}

// takeSource removes the x-frameio-source extension of an addition and
// returns its text ("" when it has none).
func takeSource(n *yaml.Node) string {
	s := yamlnode.Scalar(n, sourceKey)
	yamlnode.Delete(n, sourceKey)
	return s
}

// takePuts removes the x-frameio-put list of an additions document and
// returns its entries.
func takePuts(doc *yaml.Node, where string) ([]put, error) {
	list := yamlnode.Get(doc, putsKey)
	yamlnode.Delete(doc, putsKey)
	if list == nil {
		return nil, nil
	}
	if list.Kind != yaml.SequenceNode {
		return nil, fmt.Errorf("%s: %s must be a list", where, putsKey)
	}
	var out []put
	for i, e := range list.Content {
		at, value := yamlnode.Get(e, "at"), yamlnode.Get(e, "value")
		if at == nil || at.Kind != yaml.SequenceNode || len(at.Content) == 0 || value == nil {
			return nil, fmt.Errorf("%s: %s[%d] needs at (a list of keys) and value", where, putsKey, i)
		}
		out = append(out, put{at: at.Content, value: value, source: yamlnode.Scalar(e, "source"), where: fmt.Sprintf("%s: %s[%d]", where, putsKey, i)})
	}
	return out, nil
}

// apply puts p.value at every place p.at selects in doc and returns a
// line per change. The parent of each place must exist; a place that
// exists is replaced, so applying a put twice changes nothing the second
// time.
func (p put) apply(doc *yaml.Node) ([]string, error) {
	parents := []*yaml.Node{doc}
	names := []string{""}
	for _, seg := range p.at[:len(p.at)-1] {
		var next []*yaml.Node
		var nextNames []string
		for i, n := range parents {
			kids, keys := selectChildren(n, seg)
			next = append(next, kids...)
			for _, k := range keys {
				nextNames = append(nextNames, join(names[i], k))
			}
		}
		if len(next) == 0 {
			return nil, fmt.Errorf("%s: nothing at %s: the input no longer has what this entry changes", p.where, describe(p.at))
		}
		parents, names = next, nextNames
	}
	last := p.at[len(p.at)-1]
	var lines []string
	for i, parent := range parents {
		changed, err := putChild(parent, last, p.value)
		if err != nil {
			return nil, fmt.Errorf("%s: at %s: %w", p.where, names[i], err)
		}
		if changed {
			lines = append(lines, join(names[i], segName(last)))
		}
	}
	return lines, nil
}

// selectChildren returns the children of n that seg selects, and their names.
func selectChildren(n *yaml.Node, seg *yaml.Node) ([]*yaml.Node, []string) {
	switch {
	case seg.Kind == yaml.MappingNode && n.Kind == yaml.SequenceNode:
		for _, item := range n.Content {
			if matches(item, seg) {
				return []*yaml.Node{item}, []string{segName(seg)}
			}
		}
	case seg.Kind == yaml.ScalarNode && seg.Value == "*" && n.Kind == yaml.MappingNode:
		var kids []*yaml.Node
		var keys []string
		for k, v := range yamlnode.Pairs(n) {
			kids, keys = append(kids, v), append(keys, k)
		}
		return kids, keys
	case seg.Kind == yaml.ScalarNode && n.Kind == yaml.MappingNode:
		if v := yamlnode.Get(n, seg.Value); v != nil {
			return []*yaml.Node{v}, []string{seg.Value}
		}
	}
	return nil, nil
}

// putChild sets the child of parent that seg names to value (a copy) and
// reports whether that changed anything. A mapping seg on a list puts the
// item it matches, appending it when none does.
func putChild(parent, seg, value *yaml.Node) (bool, error) {
	v := yamlnode.Clone(value)
	switch {
	case seg.Kind == yaml.MappingNode && parent.Kind == yaml.SequenceNode:
		if !matches(v, seg) {
			return false, fmt.Errorf("the value does not have the keys %s selects it by", segName(seg))
		}
		for i, item := range parent.Content {
			if matches(item, seg) {
				changed := !yamlnode.Equal(item, v)
				parent.Content[i] = v
				return changed, nil
			}
		}
		parent.Content = append(parent.Content, v)
		return true, nil
	case seg.Kind == yaml.ScalarNode && seg.Value != "*" && parent.Kind == yaml.MappingNode:
		prev := yamlnode.Get(parent, seg.Value)
		yamlnode.Set(parent, seg.Value, v)
		return prev == nil || !yamlnode.Equal(prev, v), nil
	}
	return false, fmt.Errorf("cannot put %s into a %s", segName(seg), kindName(parent))
}

// matches reports whether item has every key/value of sel.
func matches(item, sel *yaml.Node) bool {
	if item.Kind != yaml.MappingNode {
		return false
	}
	for k, v := range yamlnode.Pairs(sel) {
		got := yamlnode.Get(item, k)
		if got == nil || !yamlnode.Equal(got, v) {
			return false
		}
	}
	return true
}

func join(path, key string) string {
	if path == "" {
		return key
	}
	return path + " > " + key
}

func segName(seg *yaml.Node) string {
	if seg.Kind != yaml.MappingNode {
		return seg.Value
	}
	var parts []string
	for k, v := range yamlnode.Pairs(seg) {
		parts = append(parts, k+"="+v.Value)
	}
	return "[" + strings.Join(parts, ",") + "]"
}

func describe(at []*yaml.Node) string {
	var parts []string
	for _, s := range at {
		parts = append(parts, segName(s))
	}
	return strings.Join(parts, " > ")
}

func kindName(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "mapping"
	case yaml.SequenceNode:
		return "list"
	}
	return "scalar"
}
