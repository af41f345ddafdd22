package main

import (
	"fmt"
	"slices"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"
)

// union is one sum type to generate.
type union struct {
	unionConfig
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
	// Field is the Go name of the tag property's field in the gen struct.
	Field string
	// Required lists the variant's required properties (structural unions).
	Required []string
}

// buildModel reads the unions of cfg from doc.
func buildModel(doc *openapi3.T, cfg []unionConfig) ([]union, error) {
	schemas := doc.Components.Schemas
	out := make([]union, 0, len(cfg))
	seen := map[string]string{} // Go name -> schema, to catch collisions
	for _, c := range cfg {
		ref, ok := schemas[c.Schema]
		if !ok || ref.Value == nil {
			return nil, fmt.Errorf("schema %s not found", c.Schema)
		}
		s := ref.Value
		if len(s.OneOf) == 0 {
			return nil, fmt.Errorf("schema %s has no oneOf", c.Schema)
		}
		u := union{unionConfig: c}
		var err error
		if s.Discriminator != nil {
			err = discriminated(&u, s, schemas)
		} else {
			err = structural(&u, s, schemas)
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
		for name := range c.Defaults {
			if !slices.ContainsFunc(u.Variants, func(v variant) bool { return v.Schema == name }) {
				return nil, fmt.Errorf("%s: default given for %s, which is not a variant", c.Schema, name)
			}
		}
		out = append(out, u)
	}
	return out, nil
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
		name := refName(one.Ref)
		vals := values[name]
		if len(vals) == 0 {
			return fmt.Errorf("variant %s has no mapping value", name)
		}
		slices.Sort(vals)
		v, err := newVariant(u.unionConfig, name, vals, schemas)
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
		v, err := newVariant(u.unionConfig, name, vals, schemas)
		if err != nil {
			return err
		}
		v.Required = slices.Sorted(slices.Values(vs.Required))
		u.Variants = append(u.Variants, v)
	}
	return nil
}

func newVariant(c unionConfig, schema string, values []string, schemas openapi3.Schemas) (variant, error) {
	v := variant{Schema: schema, Name: schema, Values: values}
	if n, ok := c.Rename[schema]; ok {
		v.Name = n
	}
	if len(values) == 1 {
		v.Default = values[0]
	}
	if d, ok := c.Defaults[schema]; ok {
		if !slices.Contains(values, d) {
			return v, fmt.Errorf("default %q of %s is not one of %v", d, schema, values)
		}
		v.Default = d
	}
	if _, ok := schemas[schema]; !ok {
		return v, fmt.Errorf("variant schema %s not found", schema)
	}
	return v, nil
}

func refName(ref string) string { return ref[strings.LastIndexByte(ref, '/')+1:] }

// goField converts a JSON property name to the field name oapi-codegen
// gives it ("field_type" -> "FieldType").
func goField(prop string) string {
	var b strings.Builder
	for part := range strings.SplitSeq(prop, "_") {
		if part != "" {
			b.WriteString(strings.ToUpper(part[:1]) + part[1:])
		}
	}
	return b.String()
}
