package specbuild

import (
	"gopkg.in/yaml.v3"

	"github.com/frameio-go/frameio-go/internal/yamlnode"
)

var blockIndicators = map[string]yaml.Style{
	">": yaml.FoldedStyle, ">-": yaml.FoldedStyle, ">+": yaml.FoldedStyle,
	"|": yaml.LiteralStyle, "|-": yaml.LiteralStyle, "|+": yaml.LiteralStyle,
}

// parseValue reads the value of key (already consumed) in c.
func (p *parser) parseValue(c *ctx, key string, sp spec) (*yaml.Node, error) {
	switch sp.v {
	case vText:
		return p.readText(c), nil
	case vScalar:
		if s, e := p.wordAt(p.pos); blockIndicators[p.src[s:e]] != 0 {
			return p.readText(c), nil // long scalars, e.g. "$ref: >- #/components/..."
		}
		n, end := p.scalarAt(p.pos)
		p.pos = end
		return n, nil
	case vScalarList:
		return p.readScalarList(), nil
	case vTypeVal:
		if _, ok := p.dashAt(p.pos); ok {
			return p.readScalarList(), nil
		}
		n, end := p.scalarAt(p.pos)
		p.pos = end
		return n, nil
	case vSchemaOrBool:
		if _, _, ok := p.keyAt(p.pos); !ok {
			n, end := p.scalarAt(p.pos)
			p.pos = end
			return n, nil
		}
		return p.readMap(c, key, sp)
	case vMap:
		return p.readMap(c, key, sp)
	case vMapList:
		return p.readMapList(c, key, sp)
	}
	return nil, p.errorf(c, "unknown value kind for %q", key)
}

func (p *parser) readMap(c *ctx, key string, sp spec) (*yaml.Node, error) {
	if w, ok := p.flowEmptyAt(p.pos); ok {
		_, e := p.wordAt(p.pos)
		p.pos = e
		n := &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map", Style: yaml.FlowStyle}
		if w == "[]" {
			n = &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq", Style: yaml.FlowStyle}
		}
		return n, nil
	}
	child := &ctx{kind: sp.child, role: sp.role, node: yamlnode.Map(), parent: c, name: key}
	c.node.Content[len(c.node.Content)-1] = child.node // visible to rules while it is read
	if err := p.parseMap(child); err != nil {
		return nil, err
	}
	if len(child.node.Content) == 0 {
		return nil, p.errorf(child, "%q has no keys this object can hold", key)
	}
	return child.node, nil
}

func (p *parser) readMapList(c *ctx, key string, sp spec) (*yaml.Node, error) {
	seq := &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq"}
	for {
		a, ok := p.dashAt(p.pos)
		if !ok {
			break
		}
		k, ka, isKey := p.keyAt(a)
		if !isKey {
			break
		}
		child := &ctx{kind: sp.child, role: sp.role, node: yamlnode.Map(), parent: c, name: key, item: true}
		if _, fits := p.accepts(child, k, ka); !fits {
			break // the item belongs to an enclosing list
		}
		p.pos = a
		if err := p.parseMap(child); err != nil {
			return nil, err
		}
		seq.Content = append(seq.Content, child.node)
	}
	if len(seq.Content) == 0 {
		return nil, p.errorf(c, "%q has no items", key)
	}
	return seq, nil
}

func (p *parser) readScalarList() *yaml.Node {
	seq := &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq"}
	for {
		a, ok := p.dashAt(p.pos)
		if !ok {
			return seq
		}
		if _, _, k := p.keyAt(a); k {
			return seq
		}
		n, end := p.listItemAt(a)
		seq.Content = append(seq.Content, n)
		p.pos = end
	}
}

// listItemAt reads one item of a scalar list: a quoted scalar, or plain
// words up to the next "-" or key ("- Channel Paused - invalid_client").
func (p *parser) listItemAt(at int) (*yaml.Node, int) {
	n, end := p.scalarAt(at)
	if n.Style != 0 {
		return n, end
	}
	start, _ := p.wordAt(at)
	for {
		ws, we := p.wordAt(end)
		if ws >= len(p.src) {
			break
		}
		if _, ok := p.dashAt(end); ok {
			break
		}
		if _, _, ok := p.keyAt(end); ok {
			break
		}
		end = we
	}
	if v := p.src[start:end]; v != n.Value {
		return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: v}, end
	}
	return n, end
}

// scalarAt reads one word or one quoted scalar at at.
func (p *parser) scalarAt(at int) (*yaml.Node, int) {
	s, e := p.wordAt(at)
	if s < len(p.src) && (p.src[s] == '\'' || p.src[s] == '"') {
		if v, end, ok := p.quotedAt(s); ok {
			st := yaml.SingleQuotedStyle
			if p.src[s] == '"' {
				st = yaml.DoubleQuotedStyle
			}
			return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: v, Style: st}, end
		}
	}
	return plainScalar(p.src[s:e]), e
}

// plainScalar resolves the YAML tag of an unquoted word (int, bool, null, str).
func plainScalar(w string) *yaml.Node {
	var doc yaml.Node
	if err := yaml.Unmarshal([]byte(w), &doc); err == nil && len(doc.Content) == 1 && doc.Content[0].Kind == yaml.ScalarNode {
		n := doc.Content[0]
		return &yaml.Node{Kind: yaml.ScalarNode, Tag: n.Tag, Value: w}
	}
	return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: w}
}

// readText reads free text: a block scalar, a quoted scalar or plain words,
// ending where the next key valid in an open object begins.
func (p *parser) readText(c *ctx) *yaml.Node {
	s, e := p.wordAt(p.pos)
	n := &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str"}
	indicator := ""
	if st, ok := blockIndicators[p.src[s:e]]; ok {
		n.Style = st
		indicator = p.src[s:e]
		p.pos = e
	} else if s < len(p.src) && (p.src[s] == '\'' || p.src[s] == '"') {
		if v, end, ok := p.quotedAt(s); ok && (end >= len(p.src) || isSpace(p.src[end])) && p.endsText(c, end) {
			n.Value = v
			n.Style = yaml.SingleQuotedStyle
			if p.src[s] == '"' {
				n.Style = yaml.DoubleQuotedStyle
			}
			p.pos = end
			return n
		}
	}
	start, last := -1, -1
	for {
		ws, we := p.wordAt(p.pos)
		if ws >= len(p.src) || p.endsText(c, ws) {
			break
		}
		if start < 0 {
			start = ws
		}
		last = we
		p.pos = we
	}
	if start >= 0 {
		n.Value = p.src[start:last]
	}
	if indicator == ">" || indicator == "|" || indicator == ">+" || indicator == "|+" {
		n.Value += "\n"
	}
	return n
}

// endsText reports whether text stops at at: EOF, a key some open object
// takes, or a new item of an enclosing list of objects.
func (p *parser) endsText(c *ctx, at int) bool {
	s, _ := p.wordAt(at)
	if s >= len(p.src) {
		return true
	}
	if key, after, ok := p.keyAt(s); ok {
		for x := c; x != nil; x = x.parent {
			if _, ok := p.accepts(x, key, after); ok {
				return true
			}
		}
		return false
	}
	if a, ok := p.dashAt(s); ok {
		if _, _, k := p.keyAt(a); k {
			for x := c; x != nil; x = x.parent {
				if x.item {
					return true
				}
			}
		}
	}
	return false
}
