package specbuild

import (
	"errors"
	"fmt"
	"slices"
	"sort"
	"strings"
	"unicode"

	"gopkg.in/yaml.v3"
)

// Report is what Build found on its way: the operations it merged, the
// conflicts it refused and the ambiguous spots it settled by a rule.
type Report struct {
	Operations []OperationRef
	Schemas    int
	Decisions  []SectionDecision
}

// OperationRef names one operation of the built document.
type OperationRef struct {
	Method, Path, OperationID, Section string
}

// SectionDecision is a parser Decision with the section it was made in.
type SectionDecision struct {
	Section string
	Decision
}

// ConflictError lists schemas that two fragments define differently.
type ConflictError struct{ Conflicts []string }

// Error implements the error interface.
func (e *ConflictError) Error() string {
	return fmt.Sprintf("%d conflicting definitions:\n  %s", len(e.Conflicts), strings.Join(e.Conflicts, "\n  "))
}

var methodOrder = []string{"get", "put", "post", "delete", "options", "head", "patch", "trace"}

// Build reads every endpoint section of api in docs and merges their
// fragments into one OpenAPI document.
func Build(docs string, api API) (*yaml.Node, *Report, error) {
	sections, err := ExtractSections(docs, api)
	if err != nil {
		return nil, nil, err
	}
	rep := &Report{}
	paths := map[string]*yaml.Node{}
	schemas := map[string]*yaml.Node{}
	schemaFrom := map[string]string{}
	secSchemes := map[string]*yaml.Node{}
	var info, servers *yaml.Node
	var errs []error
	var conflicts []string
	opIDs := map[string]string{}
	for _, s := range sections {
		where := fmt.Sprintf("%s (%s %s, line %d)", s.Title, s.Method, s.Path, s.Line)
		frag, decisions, err := ParseFragment(s.Fragment)
		if err != nil {
			errs = append(errs, fmt.Errorf("%s: %w", where, err))
			continue
		}
		for _, d := range decisions {
			rep.Decisions = append(rep.Decisions, SectionDecision{Section: s.Title, Decision: d})
		}
		op, err := takeOperation(frag, s)
		if err != nil {
			errs = append(errs, fmt.Errorf("%s: %w", where, err))
			continue
		}
		id, err := operationID(op)
		if err != nil {
			errs = append(errs, fmt.Errorf("%s: %w", where, err))
			continue
		}
		if prev, dup := opIDs[id]; dup {
			errs = append(errs, fmt.Errorf("%s: operationId %q already used by %s", where, id, prev))
			continue
		}
		opIDs[id] = where
		mapSet(op, "operationId", strNode(id))
		dropAuthorizationHeader(op)
		item := paths[s.Path]
		if item == nil {
			item = newMap()
			paths[s.Path] = item
		}
		m := strings.ToLower(s.Method)
		if hasKey(item, m) {
			errs = append(errs, fmt.Errorf("%s: %s %s documented twice", where, s.Method, s.Path))
			continue
		}
		mapSet(item, m, op)
		rep.Operations = append(rep.Operations, OperationRef{Method: s.Method, Path: s.Path, OperationID: id, Section: s.Title})

		info = sameOrConflict(info, mapGet(frag, "info"), "info", where, &conflicts)
		servers = sameOrConflict(servers, mapGet(frag, "servers"), "servers", where, &conflicts)
		comps := mapGet(frag, "components")
		for name, def := range pairs(mapGet(comps, "schemas")) {
			if prev, ok := schemas[name]; ok {
				if !equalNodes(prev, def) {
					conflicts = append(conflicts, fmt.Sprintf("schema %s: %s and %s differ", name, schemaFrom[name], where))
				}
				continue
			}
			schemas[name], schemaFrom[name] = def, where
		}
		for name, def := range pairs(mapGet(comps, "securitySchemes")) {
			secSchemes[name] = sameOrConflict(secSchemes[name], def, "securityScheme "+name, where, &conflicts)
		}
	}
	if len(conflicts) > 0 {
		errs = append(errs, &ConflictError{Conflicts: conflicts})
	}
	if err := errors.Join(errs...); err != nil {
		return nil, rep, err
	}
	if _, ok := secSchemes["bearer"]; !ok {
		return nil, rep, fmt.Errorf("no fragment defines the bearer security scheme")
	}
	rep.Schemas = len(schemas)

	doc := newMap()
	mapSet(doc, "openapi", strNode("3.1.0"))
	mapSet(doc, "info", info)
	mapSet(doc, "servers", servers)
	// Every operation documents a required "Authorization: Bearer" header;
	// the document says it once, as a global bearer requirement.
	sec := &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq"}
	req := newMap()
	mapSet(req, "bearer", &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq", Style: yaml.FlowStyle})
	sec.Content = append(sec.Content, req)
	mapSet(doc, "security", sec)
	pathsNode := newMap()
	for _, p := range sortedKeys(paths) {
		item := paths[p]
		sorted := newMap()
		for _, m := range methodOrder {
			if op := mapGet(item, m); op != nil {
				mapSet(sorted, m, op)
			}
		}
		mapSet(pathsNode, p, sorted)
	}
	mapSet(doc, "paths", pathsNode)
	comps := newMap()
	schemasNode := newMap()
	for _, n := range sortedKeys(schemas) {
		mapSet(schemasNode, n, schemas[n])
	}
	mapSet(comps, "schemas", schemasNode)
	ss := newMap()
	for _, n := range sortedKeys(secSchemes) {
		mapSet(ss, n, secSchemes[n])
	}
	mapSet(comps, "securitySchemes", ss)
	mapSet(doc, "components", comps)
	plainStyles(doc)
	return doc, rep, nil
}

// takeOperation checks that the fragment documents exactly the section's
// operation and returns it.
func takeOperation(frag *yaml.Node, s Section) (*yaml.Node, error) {
	p := mapGet(frag, "paths")
	if p == nil || len(p.Content) != 2 {
		return nil, fmt.Errorf("fragment must hold exactly one path")
	}
	if p.Content[0].Value != s.Path {
		return nil, fmt.Errorf("fragment path %q differs from heading path %q", p.Content[0].Value, s.Path)
	}
	item := p.Content[1]
	if len(item.Content) != 2 || item.Content[0].Value != strings.ToLower(s.Method) {
		return nil, fmt.Errorf("fragment must hold exactly the %s operation", s.Method)
	}
	return item.Content[1], nil
}

// operationID builds "<tag>_<operationId>" in snake case: tag
// subpackage_versionStacks and id create-local-upload give
// version_stacks_create_local_upload.
func operationID(op *yaml.Node) (string, error) {
	id := scalarOf(op, "operationId")
	tags := mapGet(op, "tags")
	if id == "" || tags == nil || len(tags.Content) != 1 {
		return "", fmt.Errorf("operation needs an operationId and exactly one tag")
	}
	tag := strings.TrimPrefix(tags.Content[0].Value, "subpackage_")
	return snake(tag) + "_" + snake(id), nil
}

// snake turns camelCase and kebab-case into snake_case.
func snake(s string) string {
	var b strings.Builder
	for i, r := range s {
		switch {
		case r == '-' || r == ' ':
			b.WriteByte('_')
		case unicode.IsUpper(r):
			if i > 0 {
				b.WriteByte('_')
			}
			b.WriteRune(unicode.ToLower(r))
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

func dropAuthorizationHeader(op *yaml.Node) {
	params := mapGet(op, "parameters")
	if params == nil {
		return
	}
	params.Content = slices.DeleteFunc(params.Content, func(p *yaml.Node) bool {
		return scalarOf(p, "in") == "header" && strings.EqualFold(scalarOf(p, "name"), "Authorization")
	})
	if len(params.Content) == 0 {
		mapDelete(op, "parameters")
	}
}

func sameOrConflict(prev, next *yaml.Node, what, where string, conflicts *[]string) *yaml.Node {
	if prev == nil {
		return next
	}
	if next != nil && !equalNodes(prev, next) {
		*conflicts = append(*conflicts, fmt.Sprintf("%s differs in %s", what, where))
	}
	return prev
}

// pairs yields the key/value pairs of a mapping node.
func pairs(n *yaml.Node) func(func(string, *yaml.Node) bool) {
	return func(yield func(string, *yaml.Node) bool) {
		if n == nil {
			return
		}
		for i := 0; i+1 < len(n.Content); i += 2 {
			if !yield(n.Content[i].Value, n.Content[i+1]) {
				return
			}
		}
	}
}

// equalNodes compares two nodes by meaning (kind, tag, value, children),
// ignoring presentation style.
func equalNodes(a, b *yaml.Node) bool {
	if a.Kind != b.Kind || a.Value != b.Value || len(a.Content) != len(b.Content) {
		return false
	}
	if a.Kind == yaml.ScalarNode && a.Tag != b.Tag {
		return false
	}
	for i := range a.Content {
		if !equalNodes(a.Content[i], b.Content[i]) {
			return false
		}
	}
	return true
}

// plainStyles drops the docs' presentation styles so the encoder chooses
// one deterministic style per value.
func plainStyles(n *yaml.Node) {
	if n.Kind == yaml.ScalarNode {
		n.Style = 0
	}
	for _, c := range n.Content {
		plainStyles(c)
	}
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
