package specfix

import (
	"fmt"
	"maps"
	"slices"
	"sort"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/frameio-go/frameio-go/internal/sdknames"
	"github.com/frameio-go/frameio-go/internal/yamlnode"
)

// Step short-enum-names: every enum the generator would otherwise name after
// its place (V4AccountsAccountIdFilesFileIdCommentsGetParametersInclude,
// CreateShareParamsDataDiscriminatorMappingAssetAccess, FoldersIndexParamsSort)
// becomes a component with a short name derived from the spec:
//
//   - a parameter's enum (or object) is <Resource><Param>: comments include ->
//     CommentInclude, folders sort -> FolderSort. Resource is the singular of
//     the operation's tag.
//   - an enum in a request body is <Resource><Field>: a share's access ->
//     ShareAccess. A generic field name (type) is qualified by the field
//     holding it (member_options.type -> MemberOptionsType); the items of an
//     array field take the field's singular (custom_members[].type ->
//     CustomMemberType). An enum several tags reach takes their common suffix
//     (project, workspace and folder permissions -> PermissionRole).
//
// Then, in that order of precedence:
//
//  1. A name the published document gives the schema (its title) wins, and
//     every enum with the same values and description takes it too (all the
//     media-links includes are FileWithMediaLinksInclude).
//  2. A name internal/sdknames pins for the parameter wins.
//  3. Identical enums (the same values) that get the same name share it; when
//     different enums would get the same name, each gets its operation in the
//     name as well (ShareIndexSort, ShareListReviewersSort).
//  4. A component enum of a response with the same values and field as a named
//     request enum is merged into it (FieldDefinitionDiscriminatorMapping...
//     DisplayFormat -> MetadataFieldDisplayFormat), so a value read can be sent
//     back.
//
// Union discriminator fields are left alone: the union types set them.
func shortEnumNames(root *yaml.Node) ([]string, error) {
	return nameEnums(root, sdknames.EnumNames())
}

// nameEnums is shortEnumNames with the names pinned by parameter
// ("<operation id> <parameter>" -> name) given.
func nameEnums(root *yaml.Node, pinned map[string]string) ([]string, error) {
	schemas, err := yamlnode.Lookup(root, "components", "schemas")
	if err != nil {
		return nil, err
	}
	n := &namer{root: root, schemas: schemas, sites: map[string]*site{}, pinned: pinned, pinnedUsed: map[string]bool{}}
	if err := n.collect(); err != nil {
		return nil, err
	}
	for key := range pinned {
		if !n.pinnedUsed[key] {
			return nil, fmt.Errorf("internal/sdknames names the enum of %q, which no operation has", key)
		}
	}
	if err := n.name(); err != nil {
		return nil, err
	}
	log, err := n.apply()
	if err != nil {
		return log, err
	}
	return append(log, n.mergeResponses()...), nil
}

// site is one schema to name: a component, or an inline schema.
type site struct {
	key       string           // identity: "#Component", or the inline node's address
	where     string           // the place, for the log
	component string           // component name, "" when inline
	node      *yaml.Node       // the schema
	replace   func(*yaml.Node) // inline: puts a $ref in its place
	param     bool             // a parameter's schema (else a request body field)
	prop      string           // CamelCase field or parameter name, qualified
	resources []string         // singular tags of the operations reaching it, sorted
	ops       []string         // "<Resource><Method>" of those operations, sorted
	pinned    string           // the published title or internal/sdknames' name
	name      string           // result
}

// namer finds and names the sites of one document (see shortEnumNames).
type namer struct {
	root, schemas *yaml.Node
	sites         map[string]*site
	order         []string          // site keys in discovery order
	pinned        map[string]string // names pinned by "<operation id> <parameter>"
	pinnedUsed    map[string]bool   // the pinned entries that matched
}

// add records that operation (resource, method) reaches the schema s (at
// s.key).
func (n *namer) add(s *site, resource, method string) {
	key := s.key
	have, ok := n.sites[key]
	if !ok {
		have = s
		n.sites[key] = s
		n.order = append(n.order, key)
	}
	if !slices.Contains(have.resources, resource) {
		have.resources = append(have.resources, resource)
		slices.Sort(have.resources)
	}
	if op := resource + method; !slices.Contains(have.ops, op) {
		have.ops = append(have.ops, op)
		slices.Sort(have.ops)
	}
}

// collect finds the parameter and request body enums of every operation.
func (n *namer) collect() error {
	return operations(n.root, func(method, path string, op *yaml.Node) error {
		tags := yamlnode.Get(op, "tags")
		if tags == nil || len(tags.Content) != 1 {
			return fmt.Errorf("%s %s: want exactly one tag", method, path)
		}
		tag := sdknames.Tag(tags.Content[0].Value)
		resource := singular(sdknames.Service(tag))
		verb := sdknames.Method(tag, yamlnode.Scalar(op, "operationId"))
		for _, p := range yamlnode.Items(yamlnode.Get(op, "parameters")) {
			n.param(op, p, resource, verb, method, path)
		}
		w := &schemaWalk{schemas: n.schemas, placed: true, seen: map[*yaml.Node]bool{},
			add: func(st *site) { n.add(st, resource, verb) }}
		for _, media := range yamlnode.Pairs(yamlnode.Get(yamlnode.Get(op, "requestBody"), "content")) {
			w.walk(yamlnode.Get(media, "schema"), setKey(media, "schema"), nil, "", "", "")
		}
		return nil
	})
}

// param records the schema of one parameter when the generator would name
// it after its place: a component named after the URL path, or an inline
// enum or object.
func (n *namer) param(op, p *yaml.Node, resource, verb, method, path string) {
	name, sch := yamlnode.Scalar(p, "name"), yamlnode.Get(p, "schema")
	if sch == nil {
		return
	}
	s := &site{param: true, prop: sdknames.Camel(name)}
	key := yamlnode.Scalar(op, "operationId") + " " + name
	pin, pinned := n.pinned[key]
	if pinned {
		n.pinnedUsed[key] = true
	}
	if ref := yamlnode.Scalar(sch, "$ref"); ref != "" {
		comp := strings.TrimPrefix(ref, schemaRef)
		if !strings.HasPrefix(comp, pathName(path, method)) {
			return // a schema with a name of its own (FrameOrAdobeId, ShareActivityInclude)
		}
		s.key, s.where, s.component, s.node = "#"+comp, comp, comp, yamlnode.Get(n.schemas, comp)
	} else {
		if yamlnode.Get(sch, "enum") == nil && yamlnode.Scalar(sch, "type") != "object" {
			return
		}
		s.key, s.node, s.replace = fmt.Sprintf("%s %s %s", method, path, name), sch, setKey(p, "schema")
		s.where = strings.ToUpper(method) + " " + path + " " + name
		s.pinned = yamlnode.Scalar(sch, "title")
	}
	if pinned {
		s.pinned = pin
	}
	n.add(s, resource, verb)
}

// name gives every site its name (see shortEnumNames for the rules).
func (n *namer) name() error {
	// 1. published titles propagate to identical schemas.
	for _, k := range n.order {
		s := n.sites[k]
		if s.pinned != "" || !s.param {
			continue
		}
		for _, k2 := range n.order {
			o := n.sites[k2]
			if o.pinned != "" && o.param && sameEnum(s.node, o.node) &&
				yamlnode.Scalar(s.node, "description") == yamlnode.Scalar(o.node, "description") {
				s.pinned = o.pinned
				break
			}
		}
	}
	// 2-3. derived names; colliding different enums get their operation.
	groups := map[string][]*site{}
	var names []string
	for _, k := range n.order {
		s := n.sites[k]
		s.name = s.pinned
		if s.name == "" {
			s.name = commonSuffix(s.resources) + s.prop
		}
		if _, ok := groups[s.name]; !ok {
			names = append(names, s.name)
		}
		groups[s.name] = append(groups[s.name], s)
	}
	for _, name := range names {
		g := groups[name]
		distinct := 0
		for i, s := range g {
			if !slices.ContainsFunc(g[:i], func(o *site) bool { return sameEnum(o.node, s.node) }) {
				distinct++
			}
		}
		if distinct < 2 {
			continue
		}
		for _, s := range g {
			if s.pinned != "" {
				if slices.ContainsFunc(g, func(o *site) bool { return o.pinned == s.pinned && !sameEnum(o.node, s.node) }) {
					return fmt.Errorf("%s names different schemas", s.pinned)
				}
				continue
			}
			s.name = s.ops[0] + s.prop
		}
	}
	return nil
}

// apply renames the components and hoists the inline schemas.
func (n *namer) apply() ([]string, error) {
	var log []string
	done := map[string]string{} // new name -> the site key that took it
	for _, k := range n.order {
		s := n.sites[k]
		if s.component == s.name {
			done[s.name] = k
			continue
		}
		if prev, taken := done[s.name]; taken || yamlnode.Get(n.schemas, s.name) != nil {
			existing := yamlnode.Get(n.schemas, s.name)
			if existing == nil || !sameEnum(existing, s.node) {
				return log, fmt.Errorf("%s: %s is taken by another schema (previous %s)", s.where, s.name, prev)
			}
			// The same enum already has the name: point this one at it.
			if s.component != "" {
				refs := renameRefs(n.root, s.component, s.name)
				yamlnode.Delete(n.schemas, s.component)
				log = append(log, fmt.Sprintf("%s -> %s (merged, %d refs)", s.component, s.name, refs))
			} else {
				s.replace(yamlnode.SchemaRef(s.name))
				log = append(log, fmt.Sprintf("%s (inline) -> %s (merged)", s.where, s.name))
			}
			continue
		}
		done[s.name] = k
		if s.component != "" {
			refs := renameComponent(n.root, n.schemas, s.component, s.name)
			log = append(log, fmt.Sprintf("%s -> %s (%d refs)", s.component, s.name, refs))
			continue
		}
		hoisted := s.node
		yamlnode.Set(hoisted, "title", yamlnode.Str(s.name))
		yamlnode.Set(n.schemas, s.name, hoisted)
		s.replace(yamlnode.SchemaRef(s.name))
		log = append(log, fmt.Sprintf("%s (inline) -> %s", s.where, s.name))
	}
	return log, nil
}

// mergeResponses merges into each named request enum the component enums
// with the same values held by a field of the same name.
func (n *namer) mergeResponses() []string {
	named := map[string]string{} // field -> name, for body enums
	for _, k := range n.order {
		if s := n.sites[k]; !s.param {
			named[s.name] = s.prop
		}
	}
	held := n.responseFields()
	var log []string
	for _, target := range slices.Sorted(maps.Keys(named)) {
		want := yamlnode.Get(n.schemas, target)
		for i := 0; i+1 < len(n.schemas.Content); i += 2 {
			comp, s := n.schemas.Content[i].Value, n.schemas.Content[i+1]
			if comp == target || named[comp] != "" || !sameEnum(s, want) || !slices.Contains(held[comp], named[target]) {
				continue
			}
			refs := renameRefs(n.root, comp, target)
			yamlnode.Delete(n.schemas, comp)
			i -= 2
			log = append(log, fmt.Sprintf("%s -> %s (same values and field, %d refs)", comp, target, refs))
		}
	}
	return log
}

// responseFields maps each component enum of a response body to the
// field names (as schemaWalk names them) of the fields holding it.
func (n *namer) responseFields() map[string][]string {
	out := map[string][]string{}
	w := &schemaWalk{schemas: n.schemas, seen: map[*yaml.Node]bool{}, add: func(st *site) {
		if st.component != "" && !slices.Contains(out[st.component], st.prop) {
			out[st.component] = append(out[st.component], st.prop)
		}
	}}
	_ = operations(n.root, func(method, _ string, op *yaml.Node) error {
		for _, r := range yamlnode.Pairs(yamlnode.Get(op, "responses")) {
			for _, media := range yamlnode.Pairs(yamlnode.Get(r, "content")) {
				w.walk(yamlnode.Get(media, "schema"), nil, nil, "", "", "")
			}
		}
		return nil
	})
	return out
}

// sameEnum reports whether a and b are the same enum (the same type and
// set of values) or, for other schemas, equal.
func sameEnum(a, b *yaml.Node) bool {
	if a == nil || b == nil {
		return false
	}
	ea, eb := yamlnode.Get(a, "enum"), yamlnode.Get(b, "enum")
	if ea == nil || eb == nil {
		return ea == nil && eb == nil && yamlnode.Equal(withoutDocs(a), withoutDocs(b))
	}
	values := func(e *yaml.Node) []string {
		var out []string
		for _, c := range e.Content {
			out = append(out, c.Value)
		}
		sort.Strings(out)
		return slices.Compact(out)
	}
	return yamlnode.Scalar(a, "type") == yamlnode.Scalar(b, "type") && slices.Equal(values(ea), values(eb))
}

// withoutDocs is s without title and description.
func withoutDocs(s *yaml.Node) *yaml.Node {
	cp := *s
	cp.Content = nil
	for i := 0; i+1 < len(s.Content); i += 2 {
		if k := s.Content[i].Value; k != "title" && k != "description" {
			cp.Content = append(cp.Content, s.Content[i], s.Content[i+1])
		}
	}
	return &cp
}
