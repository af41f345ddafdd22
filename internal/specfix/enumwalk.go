package specfix

import (
	"fmt"
	"slices"
	"strings"

	"github.com/frameio-go/frameio-go/internal/sdknames"
	"gopkg.in/yaml.v3"

	"github.com/frameio-go/frameio-go/internal/yamlnode"
)

// schemaWalk finds the enums below a request or response body schema and
// hands each to add, as a site with its prop set (see walk).
type schemaWalk struct {
	schemas *yaml.Node
	add     func(*site)
	// placed limits component enums to those the docs named after their
	// place (their name starts with an owner's: SearchParamsEngine in
	// SearchParams, CreateShareParamsDataDiscriminatorMappingAssetAccess in
	// a variant of CreateShareParamsData); one with a name of its own
	// (WorkspaceRole) is not a site.
	placed bool
	seen   map[*yaml.Node]bool
}

// walk visits s. owners are the components s sits in, outermost first,
// parent the field holding
// s ("" at the top), prop the name an enum at s gets, skip a field of s to
// leave alone (a union's discriminator), replace puts another schema in the
// place of s.
func (w *schemaWalk) walk(s *yaml.Node, replace func(*yaml.Node), owners []string, parent, prop, skip string) {
	if s == nil {
		return
	}
	if ref := yamlnode.Scalar(s, "$ref"); ref != "" {
		comp := strings.TrimPrefix(ref, schemaRef)
		target := yamlnode.Get(w.schemas, comp)
		if target == nil {
			return
		}
		if yamlnode.Get(target, "enum") != nil {
			placed := slices.ContainsFunc(owners, func(o string) bool { return strings.HasPrefix(comp, o) })
			if prop != "" && (!w.placed || placed) {
				w.add(&site{key: "#" + comp, where: comp, component: comp, node: target, prop: prop})
			}
			return
		}
		s, replace, owners = target, nil, append(slices.Clip(owners), comp)
	}
	if yamlnode.Get(s, "enum") != nil {
		if prop != "" && replace != nil {
			w.add(&site{key: fmt.Sprintf("%p", s), where: strings.Join(owners, ">") + "." + parent, node: s, replace: replace, prop: prop})
		}
		return
	}
	if w.seen[s] {
		return
	}
	w.seen[s] = true
	defer delete(w.seen, s)
	discriminator := yamlnode.Scalar(yamlnode.Get(s, "discriminator"), "propertyName")
	for _, alt := range []string{"oneOf", "anyOf", "allOf"} {
		seq := yamlnode.Get(s, alt)
		for i, v := range yamlnode.Items(seq) {
			// A union's variants carry its discriminator: skip that field.
			w.walk(v, setItem(seq, i), owners, parent, prop, discriminator)
		}
	}
	if items := yamlnode.Get(s, "items"); items != nil {
		w.walk(items, setKey(s, "items"), owners, singular(parent), fieldName(singular(parent), ""), "")
	}
	props := yamlnode.Get(s, "properties")
	for field, p := range yamlnode.Pairs(props) {
		if field == skip {
			continue
		}
		f := sdknames.Camel(field)
		w.walk(p, setKey(props, field), owners, f, fieldName(f, parent), "")
	}
}

// setKey returns a function that sets key of the mapping m.
func setKey(m *yaml.Node, key string) func(*yaml.Node) {
	return func(v *yaml.Node) { yamlnode.Set(m, key, v) }
}

// setItem returns a function that sets item i of the sequence seq.
func setItem(seq *yaml.Node, i int) func(*yaml.Node) {
	return func(v *yaml.Node) { seq.Content[i] = v }
}

// genericFields are field names that say nothing alone: the name of the
// field holding them comes first.
var genericFields = []string{"Type", "Kind", "Value"}

// fieldName is the name part an enum field contributes: the field, or the
// parent field and the field for a generic one.
func fieldName(field, parent string) string {
	if slices.Contains(genericFields, field) || field == "" {
		return parent + field
	}
	return field
}
