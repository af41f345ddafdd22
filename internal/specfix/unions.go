package specfix

import (
	"fmt"
	"sort"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/frameio-go/frameio-go/internal/yamlnode"
)

// Variant is one member of a discriminated union after hoisting.
type Variant struct {
	Value  string // discriminator value
	Schema string // component name
}

// UnionVariants derives, for a union schema, the discriminator value of
// each inline variant. The docs' generator lists variants in the
// alphabetical order of their discriminator values, so the sorted, distinct
// values that the variants' discriminator property allows pair with the
// variants in order. Variants that pin their value (enum of one value) are
// checked against that pairing; any disagreement is an error.
func UnionVariants(schemas *yaml.Node, union *yaml.Node) ([]string, error) {
	prop := yamlnode.Scalar(yamlnode.Get(union, "discriminator"), "propertyName")
	variants := yamlnode.Get(union, "oneOf")
	if prop == "" || variants == nil {
		return nil, fmt.Errorf("not a discriminated oneOf")
	}
	set := map[string]bool{}
	for _, v := range variants.Content {
		for _, val := range enumOf(schemas, yamlnode.Get(yamlnode.Get(v, "properties"), prop)) {
			set[val] = true
		}
	}
	values := make([]string, 0, len(set))
	for v := range set {
		values = append(values, v)
	}
	sort.Strings(values)
	if len(values) != len(variants.Content) {
		return nil, fmt.Errorf("%d discriminator values %v for %d variants", len(values), values, len(variants.Content))
	}
	for i, v := range variants.Content {
		if own := enumOf(schemas, yamlnode.Get(yamlnode.Get(v, "properties"), prop)); len(own) == 1 && own[0] != values[i] {
			return nil, fmt.Errorf("variant %d pins %q but sorts as %q", i, own[0], values[i])
		}
	}
	return values, nil
}

// hoistUnions is step hoist-union-variants: the inline variants of every
// discriminated union become named components, and the mapping is written
// with full refs (see UnionVariants for the values).
func hoistUnions(schemas *yaml.Node) ([]string, error) {
	var log []string
	for i := 0; i+1 < len(schemas.Content); i += 2 {
		name, union := schemas.Content[i].Value, schemas.Content[i+1]
		disc := yamlnode.Get(union, "discriminator")
		variants := yamlnode.Get(union, "oneOf")
		if disc == nil || variants == nil || yamlnode.Get(disc, "mapping") != nil {
			continue
		}
		values, err := UnionVariants(schemas, union)
		if err != nil {
			return log, fmt.Errorf("%s: %w", name, err)
		}
		mapping := yamlnode.Map()
		var refs []*yaml.Node
		hoisted := map[string]*yaml.Node{}
		for j, v := range variants.Content {
			vname := variantName(schemas, name, v, hoisted)
			if _, done := hoisted[vname]; !done {
				hoisted[vname] = v
				yamlnode.Set(schemas, vname, v)
				refs = append(refs, yamlnode.SchemaRef(vname))
			}
			yamlnode.Set(mapping, values[j], yamlnode.Str("#/components/schemas/"+vname))
			log = append(log, fmt.Sprintf("%s: %q -> %s", name, values[j], vname))
		}
		variants.Content = refs
		yamlnode.Set(disc, "mapping", mapping)
	}
	return log, nil
}

// variantName names a hoisted variant after its description ("DateValue
// variant" -> DateValue). An identical variant already hoisted reuses its
// name; a name taken by another schema gets the union's name as prefix.
func variantName(schemas *yaml.Node, union string, v *yaml.Node, hoisted map[string]*yaml.Node) string {
	base := strings.TrimSuffix(yamlnode.Scalar(v, "description"), " variant")
	if base == "" || strings.ContainsAny(base, " .") {
		base = union + "Variant"
	}
	for n, h := range hoisted {
		if yamlnode.Equal(h, v) {
			return n
		}
	}
	name := base
	if yamlnode.Get(schemas, name) != nil && hoisted[name] == nil {
		name = union + base
	}
	for k := 2; yamlnode.Get(schemas, name) != nil || hoisted[name] != nil; k++ {
		name = fmt.Sprintf("%s%s%d", union, base, k)
	}
	return name
}
