package specbuild

import (
	"errors"
	"fmt"
	"maps"
	"slices"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/frameio-go/frameio-go/internal/yamlnode"
)

// methodOrder is the order in which a path item's operations are written.
var methodOrder = []string{"get", "put", "post", "delete", "options", "head", "patch", "trace"}

// mode says how a source joins what is merged so far.
type mode int

const (
	// strict sources must agree with each other: a schema defined twice
	// differently is a conflict; an operation documented twice must be
	// documented identically (the repeat is merged).
	strict mode = iota
	// override sources (the published additions) win: what they define
	// replaces what the docs said, and each replacement that changes
	// something is recorded as a decision.
	override
)

// merger collects operations and components from fragments, documents and
// additions, and writes the document in the project's conventions.
type merger struct {
	api        API
	rep        *Report
	errs       []error
	conflicts  []string
	ops        map[string]*mergedOp             // "<method> <path>"
	opIDs      map[string]string                // operation id -> where
	components map[string]map[string]*yaml.Node // kind -> name -> definition
	compFrom   map[string]string                // "kind/name" -> where
	infos      []*yaml.Node
	servers    *yaml.Node
	puts       []put // from additions, applied to the merged document
}

type mergedOp struct {
	method, path, id, where, section string
	node                             *yaml.Node
}

func newMerger(api API) *merger {
	return &merger{
		api: api, rep: &Report{},
		ops: map[string]*mergedOp{}, opIDs: map[string]string{},
		components: map[string]map[string]*yaml.Node{}, compFrom: map[string]string{},
	}
}

// add merges one source: a docs fragment, a whole OpenAPI document or an
// additions file. where names it in errors, section in the report.
func (m *merger) add(src *yaml.Node, where, section string, md mode) {
	m.decide(section, normalizeSource(src)...)
	// The document's info and servers come from the main input; additions
	// bring operations and components only.
	if info := yamlnode.Get(src, "info"); info != nil && md == strict {
		m.infos = append(m.infos, info)
	}
	if s := yamlnode.Get(src, "servers"); s != nil && md == strict {
		if m.servers == nil {
			m.servers = s
		} else if !yamlnode.Equal(m.servers, s) {
			m.conflicts = append(m.conflicts, fmt.Sprintf("servers differ in %s", where))
		}
	}
	for path, item := range yamlnode.Pairs(yamlnode.Get(src, "paths")) {
		for method, op := range yamlnode.Pairs(item) {
			if !slices.Contains(methodOrder, method) {
				m.errs = append(m.errs, fmt.Errorf("%s: %s: %q is not an operation (path-level %s is not supported)", where, path, method, method))
				continue
			}
			m.addOperation(method, path, op, where, section, md)
		}
	}
	for kind, defs := range yamlnode.Pairs(yamlnode.Get(src, "components")) {
		for name, def := range yamlnode.Pairs(defs) {
			m.addComponent(kind, name, def, where, section, md)
		}
	}
}

func (m *merger) addOperation(method, path string, op *yaml.Node, where, section string, md mode) {
	if !strings.HasPrefix(path, m.api.pathPrefix()) {
		m.errs = append(m.errs, fmt.Errorf("%s: path %s is not under %s", where, path, m.api.pathPrefix()))
		return
	}
	where = fmt.Sprintf("%s [%s %s]", where, strings.ToUpper(method), path)
	source := takeSource(op)
	id, err := normalizeOperation(op, strings.ToUpper(method)+" "+path)
	if err != nil {
		m.errs = append(m.errs, fmt.Errorf("%s: %w", where, err))
		return
	}
	key := method + " " + path
	if prev, ok := m.ops[key]; ok {
		switch {
		case yamlnode.Equal(prev.node, op) && md == override:
			m.decide(section, Decision{Rule: "published", Detail: fmt.Sprintf("%s %s: the input already has it as published%s", strings.ToUpper(method), path, from(source))})
		case yamlnode.Equal(prev.node, op):
			m.decide(section, Decision{Rule: "repeat", Detail: fmt.Sprintf("%s %s documented again identically; merged", strings.ToUpper(method), path)})
		case md == override:
			m.decide(section, Decision{Rule: "published", Detail: fmt.Sprintf("%s %s replaced by the published definition (was %s)%s", strings.ToUpper(method), path, prev.where, from(source))})
			delete(m.opIDs, prev.id)
			m.ops[key] = &mergedOp{method: method, path: path, id: id, where: where, section: prev.section, node: op}
			m.opIDs[id] = where
		default:
			m.errs = append(m.errs, fmt.Errorf("%s %s documented twice, differently: %s and %s", strings.ToUpper(method), path, prev.where, where))
		}
		return
	}
	if prev, dup := m.opIDs[id]; dup {
		m.errs = append(m.errs, fmt.Errorf("%s: operationId %q already used by %s", where, id, prev))
		return
	}
	m.opIDs[id] = where
	m.ops[key] = &mergedOp{method: method, path: path, id: id, where: where, section: section, node: op}
	if md == override {
		m.decide(section, Decision{Rule: "published", Detail: fmt.Sprintf("%s %s added (%s)%s", strings.ToUpper(method), path, id, from(source))})
	}
}

// from formats an addition's source for the report.
func from(source string) string {
	if source == "" {
		return ""
	}
	return "; source: " + source
}

func (m *merger) addComponent(kind, name string, def *yaml.Node, where, section string, md mode) {
	defs := m.components[kind]
	if defs == nil {
		defs = map[string]*yaml.Node{}
		m.components[kind] = defs
	}
	k := kind + "/" + name
	source := ""
	if md == override {
		source = takeSource(def)
	}
	prev, ok := defs[name]
	switch {
	case !ok:
		defs[name], m.compFrom[k] = def, where
		if md == override {
			m.decide(section, Decision{Rule: "published", Detail: fmt.Sprintf("components.%s.%s added%s", kind, name, from(source))})
		}
	case yamlnode.Equal(prev, def):
	case md == override:
		m.decide(section, Decision{Rule: "published", Detail: fmt.Sprintf("components.%s.%s replaced by the published definition (was %s)%s", kind, name, m.compFrom[k], from(source))})
		defs[name], m.compFrom[k] = def, where
	default:
		what := "schema " + name
		if kind != "schemas" {
			what = kind + " " + name
		}
		m.conflicts = append(m.conflicts, fmt.Sprintf("%s: %s and %s differ", what, m.compFrom[k], where))
	}
}

func (m *merger) decide(section string, ds ...Decision) {
	for _, d := range ds {
		m.rep.Decisions = append(m.rep.Decisions, SectionDecision{Section: section, Decision: d})
	}
}

// finish writes the merged document in the project's conventions: OpenAPI
// 3.1.0, one info, servers and bearer scheme (the documented defaults when
// no source gives them), one global bearer requirement, paths and
// components sorted, presentation styles dropped.
func (m *merger) finish() (*yaml.Node, *Report, error) {
	if len(m.conflicts) > 0 {
		m.errs = append(m.errs, &ConflictError{Conflicts: m.conflicts})
	}
	if err := errors.Join(m.errs...); err != nil {
		return nil, m.rep, err
	}
	if len(m.ops) == 0 {
		return nil, m.rep, fmt.Errorf("no operations under %s", m.api.pathPrefix())
	}
	schemes := m.components["securitySchemes"]
	if schemes == nil {
		schemes = map[string]*yaml.Node{}
		m.components["securitySchemes"] = schemes
	}
	if _, ok := schemes["bearer"]; !ok {
		schemes["bearer"] = defaultBearerScheme()
		m.decide("", Decision{Rule: "default", Detail: "no source defines the bearer security scheme; the documented one (type: http, scheme: bearer) is used"})
	}
	servers := m.servers
	if servers == nil {
		servers = defaultServers()
		m.decide("", Decision{Rule: "default", Detail: "no source lists servers; the documented https://api.frame.io is used"})
	}

	doc := yamlnode.Map()
	yamlnode.Set(doc, "openapi", yamlnode.Str("3.1.0"))
	yamlnode.Set(doc, "info", m.info())
	yamlnode.Set(doc, "servers", servers)
	// Every operation documents a required "Authorization: Bearer" header;
	// the document says it once, as a global bearer requirement.
	sec := &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq"}
	req := yamlnode.Map()
	yamlnode.Set(req, "bearer", &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq", Style: yaml.FlowStyle})
	sec.Content = append(sec.Content, req)
	yamlnode.Set(doc, "security", sec)

	byPath := map[string]map[string]*mergedOp{}
	for _, op := range m.ops {
		if byPath[op.path] == nil {
			byPath[op.path] = map[string]*mergedOp{}
		}
		byPath[op.path][op.method] = op
	}
	pathsNode := yamlnode.Map()
	for _, p := range slices.Sorted(maps.Keys(byPath)) {
		item := yamlnode.Map()
		for _, method := range methodOrder {
			if op := byPath[p][method]; op != nil {
				yamlnode.Set(item, method, op.node)
				m.rep.Operations = append(m.rep.Operations, OperationRef{Method: strings.ToUpper(method), Path: p, OperationID: op.id, Section: op.section})
			}
		}
		yamlnode.Set(pathsNode, p, item)
	}
	yamlnode.Set(doc, "paths", pathsNode)

	comps := yamlnode.Map()
	kinds := slices.Sorted(maps.Keys(m.components))
	// schemas first, then securitySchemes, then any other kind by name.
	slices.SortStableFunc(kinds, func(a, b string) int { return kindRank(a) - kindRank(b) })
	for _, kind := range kinds {
		defs := m.components[kind]
		if len(defs) == 0 {
			continue
		}
		n := yamlnode.Map()
		for _, name := range slices.Sorted(maps.Keys(defs)) {
			yamlnode.Set(n, name, defs[name])
		}
		yamlnode.Set(comps, kind, n)
	}
	yamlnode.Set(doc, "components", comps)
	for _, p := range m.puts {
		lines, err := p.apply(doc)
		if err != nil {
			return nil, m.rep, err
		}
		switch {
		case len(lines) == 0:
			m.decide("", Decision{Rule: "published", Detail: "put " + describe(p.at) + ": the input already has it" + from(p.source)})
		case len(lines) <= 3:
			m.decide("", Decision{Rule: "published", Detail: "put " + strings.Join(lines, ", ") + from(p.source)})
		default:
			m.decide("", Decision{Rule: "published", Detail: fmt.Sprintf("put %s at %d places (%s, ...)%s", describe(p.at), len(lines), lines[0], from(p.source))})
		}
	}
	m.rep.Schemas = len(m.components["schemas"])
	plainStyles(doc)
	return doc, m.rep, nil
}

func kindRank(kind string) int {
	switch kind {
	case "schemas":
		return 0
	case "securitySchemes":
		return 1
	}
	return 2
}

// info is the document's info: the one every source shares, or the
// documented default when they differ (each page of the per-page docs
// carries its own title and version).
func (m *merger) info() *yaml.Node {
	if len(m.infos) == 0 {
		return defaultInfo(m.api)
	}
	first := m.infos[0]
	for _, i := range m.infos[1:] {
		if !yamlnode.Equal(first, i) {
			return defaultInfo(m.api)
		}
	}
	return first
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
