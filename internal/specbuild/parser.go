package specbuild

import (
	"fmt"
	"slices"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/frameio-go/frameio-go/internal/yamlnode"
)

// ctx is one open object while parsing: the grammar kind it is read as,
// the node being filled and its enclosing object.
type ctx struct {
	kind   kind
	role   role
	node   *yaml.Node
	parent *ctx
	name   string // the key this object is the value of
	item   bool   // the object is an item of a list of objects
}

// Decision records a place where the grammar alone allowed more than one
// reading and a documented rule chose one.
type Decision struct {
	Offset int
	Rule   string
	Detail string
}

// parser rebuilds one flattened fragment.
type parser struct {
	scanner
	decisions []Decision
}

// ParseError says where a fragment could not be read.
type ParseError struct {
	Offset  int
	Context string
	Near    string
	Msg     string
}

// Error implements the error interface.
func (e *ParseError) Error() string {
	return fmt.Sprintf("offset %d (in %s): %s near %q", e.Offset, e.Context, e.Msg, e.Near)
}

// ParseFragment rebuilds the YAML document of one docs fragment. It accepts
// both the flattened form of the docs and ordinary indented YAML.
func ParseFragment(src string) (*yaml.Node, []Decision, error) {
	if looksIndented(src) {
		var doc yaml.Node
		if err := yaml.Unmarshal([]byte(src), &doc); err != nil {
			return nil, nil, fmt.Errorf("indented fragment: %w", err)
		}
		if doc.Kind == yaml.DocumentNode && len(doc.Content) == 1 && doc.Content[0].Kind == yaml.MappingNode {
			return doc.Content[0], nil, nil
		}
		return nil, nil, fmt.Errorf("indented fragment: not a mapping")
	}
	p := &parser{scanner: scanner{src: src}}
	root := &ctx{kind: kDocument, node: yamlnode.Map()}
	if err := p.parseMap(root); err != nil {
		return nil, p.decisions, err
	}
	if !p.eof() {
		return nil, p.decisions, p.errorf(root, "token could not be placed")
	}
	return root.node, p.decisions, nil
}

// looksIndented tells ordinary YAML (keys at the start of indented lines)
// from the flattened form (everything on few lines).
func looksIndented(src string) bool {
	return strings.Contains(src, "\npaths:") && strings.Contains(src, "\n  ")
}

func (p *parser) errorf(c *ctx, format string, args ...any) error {
	s, _ := p.wordAt(p.pos)
	near := p.src[s:min(len(p.src), s+80)]
	return &ParseError{Offset: s, Context: c.path(), Near: near, Msg: fmt.Sprintf(format, args...)}
}

func (c *ctx) path() string {
	var parts []string
	for x := c; x != nil; x = x.parent {
		n := x.kind.String()
		if x.name != "" {
			n += " " + x.name
		}
		parts = append(parts, n)
	}
	slices.Reverse(parts)
	return strings.Join(parts, " > ")
}

// parseMap fills c with every key that belongs to it and returns at the
// first key (or list item) that belongs to an enclosing object.
func (p *parser) parseMap(c *ctx) error {
	for !p.eof() {
		key, after, ok := p.keyAt(p.pos)
		if !ok {
			return nil
		}
		sp, ok := p.accepts(c, key, after)
		if !ok {
			return nil
		}
		keyStart := p.pos
		p.pos = after
		kn := yamlnode.Str(key)
		if ks, _ := p.wordAt(keyStart); p.src[ks] == '\'' {
			kn.Style = yaml.SingleQuotedStyle // e.g. '200', 'y'
		} else if p.src[ks] == '"' {
			kn.Style = yaml.DoubleQuotedStyle
		}
		// The key is entered before its value is read, so rules that look
		// at enclosing objects (a required list naming this property) see it.
		idx := len(c.node.Content)
		c.node.Content = append(c.node.Content, kn, &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!null"})
		val, err := p.parseValue(c, key, sp)
		if err != nil {
			return err
		}
		c.node.Content[idx+1] = val
		p.noteTrailingDescription(c, key, keyStart)
	}
	return nil
}

// accepts decides whether key, whose value starts at after, belongs to c.
func (p *parser) accepts(c *ctx, key string, after int) (spec, bool) {
	_, _, keyNext := p.keyAt(after)
	nk, _, _ := p.keyAt(after)
	schemaNext := keyNext && isSchemaKeyword(nk)
	if _, flow := p.flowEmptyAt(after); flow {
		keyNext, schemaNext = true, true // "properties: {}"
	}
	if g, fixed := grammar[c.kind]; fixed {
		sp, ok := g[key]
		if !ok || yamlnode.Has(c.node, key) {
			return spec{}, false
		}
		if !p.shapeFits(sp, after, keyNext) {
			return spec{}, false
		}
		if c.kind == kSchema && !p.schemaTakes(c, key, after) {
			return spec{}, false
		}
		return sp, true
	}
	if yamlnode.Has(c.node, key) {
		return spec{}, false
	}
	return freeKey(c.kind, key, keyNext, schemaNext)
}

// shapeFits checks that the value starting at after has the shape sp needs;
// a keyword followed by a nested object is a property of the same name.
func (p *parser) shapeFits(sp spec, after int, keyNext bool) bool {
	_, dash := p.dashAt(after)
	_, flow := p.flowEmptyAt(after)
	switch sp.v {
	case vText, vScalar:
		return !keyNext && !dash
	case vScalarList:
		return dash
	case vTypeVal:
		return !keyNext
	case vMap:
		return keyNext || flow
	case vMapList:
		if a, ok := p.dashAt(after); ok {
			_, _, k := p.keyAt(a)
			return k
		}
		return false
	case vSchemaOrBool:
		return true
	}
	return false
}

// schemaTakes applies the ordering and attachment rules for schema keys.
func (p *parser) schemaTakes(c *ctx, key string, after int) bool {
	n := c.node
	// A schema that is only a reference or only type null is closed when
	// it is an array's items or a oneOf variant: what follows belongs to
	// the enclosing schema.
	if c.role == roleItems || c.role == roleVariant {
		if yamlnode.IsOnly(n, "$ref") || (yamlnode.IsOnly(n, "type") && yamlnode.Scalar(n, "type") == "null") {
			return false
		}
	}
	switch key {
	case "description", "title":
		// description and title written after an items schema describe the
		// array; an items schema that has nothing else ("items:
		// description: Any type") keeps its own.
		if c.role == roleItems && len(n.Content) > 0 {
			return false
		}
		if c.role == roleVariant && key == "description" && !isObjectSchema(n) {
			return false
		}
		if key == "title" && c.role != roleComponent {
			if comp := enclosingComponent(c); comp != nil && p.wordValue(after) == comp.name {
				return false
			}
		}
	case "discriminator":
		if !yamlnode.Has(n, "oneOf") && !yamlnode.Has(n, "anyOf") {
			return false
		}
	case "required":
		// A required list belongs to the schema whose properties hold all its names.
		props := yamlnode.Get(n, "properties")
		if props == nil {
			return false
		}
		for _, name := range p.scalarListAt(after) {
			if yamlnode.Get(props, name) == nil {
				return false
			}
		}
	case "items":
		if t := typeOf(n); t != "" && !strings.Contains(t, "array") {
			return false
		}
	case "properties":
		if t := typeOf(n); t != "" && !strings.Contains(t, "object") {
			return false
		}
	}
	r := schemaRank[key]
	for i := 0; i+1 < len(n.Content); i += 2 {
		if schemaRank[n.Content[i].Value] > r {
			return false
		}
	}
	return true
}

// noteTrailingDescription records the ambiguous case of a description
// written after the last property of an object when nothing after it
// tells whose it is: the object could take it too (it has none, and the
// next key, if any, may follow a description in the object). The parser
// gives it to the property, the innermost schema that can take it.
func (p *parser) noteTrailingDescription(c *ctx, key string, keyStart int) {
	if key != "description" || c.role != roleProperty || c.parent == nil || c.parent.parent == nil {
		return
	}
	owner := c.parent.parent
	if yamlnode.Has(owner.node, "description") {
		return
	}
	if nk, nafter, ok := p.keyAt(p.pos); ok {
		if _, fits := p.accepts(c.parent, nk, nafter); fits {
			return // another property follows
		}
		if _, fits := p.accepts(owner, nk, nafter); fits && schemaRank[nk] < schemaRank["description"] {
			return // e.g. "required" follows: the object's description would come after it
		}
	}
	// Request wrappers whose single property is a reference ({"data":
	// {"$ref": ...}}) describe themselves: their siblings with a required
	// list (WorkspaceParams: "Workspace params") show the description is
	// the object's. Everywhere else the property keeps it.
	if props := yamlnode.Get(owner.node, "properties"); props != nil && len(props.Content) == 2 && isOnlyRefAndDescription(c.node) {
		desc := yamlnode.Get(c.node, "description")
		yamlnode.Delete(c.node, "description")
		yamlnode.Set(owner.node, "description", desc)
		p.decisions = append(p.decisions, Decision{Offset: keyStart, Rule: "trailing-description",
			Detail: fmt.Sprintf("description after the single reference property %q of %s given to the object", c.name, owner.path())})
		return
	}
	p.decisions = append(p.decisions, Decision{Offset: keyStart, Rule: "trailing-description",
		Detail: fmt.Sprintf("description after last property %q of %s given to the property", c.name, owner.path())})
}

func isOnlyRefAndDescription(n *yaml.Node) bool {
	return len(n.Content) == 4 && n.Content[0].Value == "$ref" && n.Content[2].Value == "description"
}

// wordValue returns the first word of the value at at, past a block
// indicator ("title: >- LongName").
func (p *parser) wordValue(at int) string {
	s, e := p.wordAt(at)
	if blockIndicators[p.src[s:e]] != 0 {
		s, e = p.wordAt(e)
	}
	return p.src[s:e]
}

// scalarListAt reads, without consuming, the "- a - b" list at p.
func (p *parser) scalarListAt(at int) []string {
	var out []string
	for {
		a, ok := p.dashAt(at)
		if !ok {
			return out
		}
		if _, _, k := p.keyAt(a); k {
			return out
		}
		v, end := p.listItemAt(a)
		out = append(out, v.Value)
		at = end
	}
}

// flowEmptyAt reports an empty flow collection "{}" or "[]".
func (p *parser) flowEmptyAt(at int) (string, bool) {
	s, e := p.wordAt(at)
	w := p.src[s:e]
	return w, w == "{}" || w == "[]"
}
