package main

import (
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/frameio-go/frameio-go/internal/sdknames"
	"github.com/getkin/kin-openapi/openapi3"
)

// union is one sum type to generate.
type union struct {
	sdknames.Union
	// Prop is the JSON name of the property that tags the variants: the
	// discriminator's propertyName, or for a union without discriminator the
	// required enum property every variant has (e.g. "type").
	Prop string
	// Discriminated is true when the spec gives a discriminator mapping.
	Discriminated bool
	Variants      []variant
}

// variant is one Go variant type of a union.
type variant struct {
	Schema string // component schema, and gen type name
	Name   string // Go type name in package frameio
	// Values are the tag values this variant stands for: its discriminator
	// mapping values (sorted), or the enum of its tag property.
	Values []string
	// Default is the tag value written when the tag field is unset; empty
	// when the variant stands for several values and has no configured default.
	Default string
	// Required lists the variant's required properties (structural unions).
	Required []string
}

// unionSchemas returns the component schemas that are unions the SDK
// types: a oneOf whose alternatives (a null one aside) are all component
// refs. The named ones come first, in table order; the others follow by
// name. A named schema the spec lacks, or that is no such union, is an
// error: the SDK's stable names must not silently disappear.
func unionSchemas(doc *openapi3.T, table []sdknames.Union) ([]sdknames.Union, error) {
	schemas := doc.Components.Schemas
	isUnion := func(s *openapi3.Schema) bool {
		n := 0
		for _, one := range s.OneOf {
			switch {
			case isNull(one):
			case one.Ref == "":
				return false
			default:
				n++
			}
		}
		return n > 0
	}
	var out []sdknames.Union
	named := map[string]bool{}
	for _, u := range table {
		ref, ok := schemas[u.Schema]
		if !ok || ref.Value == nil {
			return nil, fmt.Errorf("schema %s (the SDK's %s) not found in the spec: update internal/sdknames", u.Schema, u.Name)
		}
		if len(ref.Value.OneOf) == 0 {
			return nil, fmt.Errorf("schema %s (the SDK's %s) has no oneOf: update internal/sdknames", u.Schema, u.Name)
		}
		named[u.Schema] = true
		out = append(out, u)
	}
	for _, name := range slices.Sorted(maps.Keys(schemas)) {
		if s := schemas[name].Value; !named[name] && s != nil && isUnion(s) {
			u, _ := sdknames.UnionFor(name)
			out = append(out, u)
		}
	}
	return out, nil
}

// buildModel reads the unions of doc, named by table.
func buildModel(doc *openapi3.T, table []sdknames.Union) ([]union, error) {
	cfg, err := unionSchemas(doc, table)
	if err != nil {
		return nil, err
	}
	schemas := doc.Components.Schemas
	out := make([]union, 0, len(cfg))
	seen := map[string]string{} // Go name -> schema, to catch collisions
	for _, c := range cfg {
		s := schemas[c.Schema].Value
		u := union{Union: c}
		var err error
		if s.Discriminator != nil {
			err = discriminated(&u, s, schemas)
		} else {
			err = structural(&u, s, schemas)
		}
		if err == nil {
			err = checkNames(u)
		}
		if err != nil {
			return nil, fmt.Errorf("%s: %w", c.Schema, err)
		}
		for _, v := range u.Variants {
			if prev, dup := seen[v.Name]; dup && prev != v.Schema {
				return nil, fmt.Errorf("Go name %s given to %s and %s", v.Name, prev, v.Schema)
			}
			seen[v.Name] = v.Schema
		}
		out = append(out, u)
	}
	return out, nil
}

// unionsBySchema indexes the unions of the model by their component
// schema: the services take and return the sum types of exactly the unions
// whose sum types are generated.
func unionsBySchema(model []union) map[string]sdknames.Union {
	out := make(map[string]sdknames.Union, len(model))
	for _, u := range model {
		out[u.Schema] = u.Union
	}
	return out
}

// checkNames fails when the table names a tag value or a default the
// union's variants do not have.
func checkNames(u union) error {
	has := func(value string) bool {
		return slices.ContainsFunc(u.Variants, func(v variant) bool { return slices.Contains(v.Values, value) })
	}
	for value := range u.Union.Variants {
		if !has(value) {
			return fmt.Errorf("internal/sdknames names the variant for %q, which no variant stands for", value)
		}
	}
	for _, d := range u.Defaults {
		if !has(d) {
			return fmt.Errorf("internal/sdknames gives the default %q, which no variant stands for", d)
		}
	}
	return nil
}

// discriminated fills u from the discriminator mapping of s: one variant
// per distinct target schema, in oneOf order.
func discriminated(u *union, s *openapi3.Schema, schemas openapi3.Schemas) error {
	u.Discriminated = true
	u.Prop = s.Discriminator.PropertyName
	values := map[string][]string{} // schema -> mapping values
	for value, ref := range s.Discriminator.Mapping {
		name, ok := strings.CutPrefix(ref.Ref, "#/components/schemas/")
		if !ok {
			return fmt.Errorf("mapping %q -> %q is not a component ref", value, ref.Ref)
		}
		values[name] = append(values[name], value)
	}
	for _, one := range s.OneOf {
		if isNull(one) {
			continue
		}
		name := refName(one.Ref)
		vals := values[name]
		if len(vals) == 0 {
			return fmt.Errorf("variant %s has no mapping value", name)
		}
		slices.Sort(vals)
		v, err := newVariant(u.Union, name, vals, schemas)
		if err != nil {
			return err
		}
		u.Variants = append(u.Variants, v)
		delete(values, name)
	}
	if len(values) != 0 {
		return fmt.Errorf("mapping targets outside the oneOf: %v", values)
	}
	return nil
}

// structural fills u for a oneOf without discriminator: each variant is an
// object schema whose first required string-enum property is its tag.
func structural(u *union, s *openapi3.Schema, schemas openapi3.Schemas) error {
	for _, one := range s.OneOf {
		if isNull(one) {
			continue
		}
		if one.Ref == "" {
			return fmt.Errorf("inline variant: write this union by hand")
		}
		name := refName(one.Ref)
		vs := one.Value
		prop, vals := "", []string(nil)
		for _, r := range vs.Required {
			p := vs.Properties[r]
			if p == nil || p.Value == nil || len(p.Value.Enum) == 0 {
				continue
			}
			for _, e := range p.Value.Enum {
				str, ok := e.(string)
				if !ok {
					return fmt.Errorf("%s.%s: non-string enum value %v", name, r, e)
				}
				vals = append(vals, str)
			}
			prop = r
			break
		}
		if prop == "" {
			return fmt.Errorf("variant %s has no required enum property", name)
		}
		if u.Prop == "" {
			u.Prop = prop
		} else if u.Prop != prop {
			return fmt.Errorf("variant %s is tagged by %q, others by %q", name, prop, u.Prop)
		}
		v, err := newVariant(u.Union, name, vals, schemas)
		if err != nil {
			return err
		}
		v.Required = slices.Sorted(slices.Values(vs.Required))
		u.Variants = append(u.Variants, v)
	}
	return nil
}

func newVariant(c sdknames.Union, schema string, values []string, schemas openapi3.Schemas) (variant, error) {
	v := variant{Schema: schema, Name: schema, Values: values}
	for _, value := range values {
		n, ok := c.Variants[value]
		if !ok {
			continue
		}
		if v.Name != schema && v.Name != n {
			return v, fmt.Errorf("variant %s is named both %s and %s", schema, v.Name, n)
		}
		v.Name = n
	}
	if len(values) == 1 {
		v.Default = values[0]
	}
	for _, d := range c.Defaults {
		if slices.Contains(values, d) && len(values) > 1 {
			if v.Default != "" {
				return v, fmt.Errorf("variant %s has two defaults, %q and %q", schema, v.Default, d)
			}
			v.Default = d
		}
	}
	if _, ok := schemas[schema]; !ok {
		return v, fmt.Errorf("variant schema %s not found", schema)
	}
	return v, nil
}

// isNull reports whether a oneOf alternative is the {type: null} of a
// nullable union.
func isNull(one *openapi3.SchemaRef) bool {
	return one.Ref == "" && one.Value != nil && one.Value.Type.Is("null")
}

func refName(ref string) string { return ref[strings.LastIndexByte(ref, '/')+1:] }
