package frameiotest

import (
	"encoding/json"
	"slices"
	"time"

	"github.com/getkin/kin-openapi/openapi3"
)

// filler completes partial JSON values so that they satisfy a schema:
// missing required properties get the spec's value where it has one (the
// schema's const or default, its example, or the example of the object
// holding it) and minimal values otherwise (null where the type allows it,
// the first enum value, zero, "", false, [] or {}); the branch of a oneOf
// is chosen by trying each in turn against the schema. Examples that do
// not fit their schema (some of the published document's) are ignored.
type filler struct {
	now    Clock
	newID  func() string
	checks *schemaChecks // the spec's (spec.checks)
}

// generic converts v to its JSON-generic form (maps, slices, float64...).
func generic(v any) any {
	if v == nil {
		return nil
	}
	b, err := json.Marshal(v)
	if err != nil {
		return nil
	}
	var out any
	if err := json.Unmarshal(b, &out); err != nil {
		return nil
	}
	return out
}

// conforms reports whether v is valid for s (as a response value).
func (f *filler) conforms(s *openapi3.Schema, v any) bool {
	return f.checks.valid(s, v, openapi3.VisitAsResponse())
}

// clone returns a deep copy of a JSON-generic value.
func clone(v any) any {
	switch x := v.(type) {
	case map[string]any:
		m := make(map[string]any, len(x))
		for k, e := range x {
			m[k] = clone(e)
		}
		return m
	case []any:
		a := make([]any, len(x))
		for i, e := range x {
			a[i] = clone(e)
		}
		return a
	}
	return v
}

// fill returns v completed for ref. v must be JSON-generic; it may be
// modified in place.
func (f *filler) fill(ref *openapi3.SchemaRef, v any) any {
	if ref == nil || ref.Value == nil {
		return v
	}
	s := ref.Value
	for _, sub := range s.AllOf {
		v = f.fill(sub, v)
	}
	alts := make(openapi3.SchemaRefs, 0, len(s.OneOf)+len(s.AnyOf))
	alts = append(append(alts, s.OneOf...), s.AnyOf...)
	if len(alts) > 0 {
		if f.conforms(s, v) {
			return v
		}
		for _, alt := range alts {
			if c := f.fill(alt, generic(v)); f.conforms(s, c) {
				return c
			}
		}
		return f.fill(alts[0], v)
	}
	if v == nil {
		switch {
		case s.Const != nil:
			return s.Const
		case s.Default != nil && !s.Type.Permits(openapi3.TypeObject):
			return s.Default
		}
		if ex, ok := f.example(s); ok {
			return ex
		}
		if len(s.Enum) > 0 {
			return s.Enum[0]
		}
	}
	switch f.kind(s, v) {
	case openapi3.TypeNull:
		return nil
	case openapi3.TypeObject:
		m, _ := v.(map[string]any)
		if m == nil {
			m = map[string]any{}
		}
		members := f.memberExamples(s)
		for _, name := range s.Required {
			if _, ok := m[name]; !ok {
				if ex, ok := members[name]; ok {
					m[name] = clone(ex) // the example of the object holding it
					continue
				}
				m[name] = f.fill(s.Properties[name], nil)
			}
		}
		for name, pv := range m {
			if ps := s.Properties[name]; ps != nil {
				m[name] = f.fill(ps, pv)
			}
		}
		return m
	case openapi3.TypeArray:
		a, _ := v.([]any)
		if a == nil {
			a = []any{}
		}
		for i := range a {
			a[i] = f.fill(s.Items, a[i])
		}
		for uint64(len(a)) < s.MinItems {
			a = append(a, f.fill(s.Items, nil))
		}
		return a
	case openapi3.TypeString:
		if v != nil {
			return v
		}
		return f.minString(s)
	case openapi3.TypeInteger, openapi3.TypeNumber:
		if v != nil {
			return v
		}
		if s.Min != nil {
			return *s.Min
		}
		return 0.0
	case openapi3.TypeBoolean:
		if v != nil {
			return v
		}
		return false
	}
	return v
}

// kind picks the JSON type to produce for s, given the current value.
func (f *filler) kind(s *openapi3.Schema, v any) string {
	switch v.(type) {
	case map[string]any:
		return openapi3.TypeObject
	case []any:
		return openapi3.TypeArray
	case string:
		return openapi3.TypeString
	case float64:
		return openapi3.TypeNumber
	case bool:
		return openapi3.TypeBoolean
	}
	types := s.Type.Slice()
	if len(types) == 0 {
		switch {
		case len(s.Properties) > 0:
			return openapi3.TypeObject
		case s.Items != nil:
			return openapi3.TypeArray
		}
		return openapi3.TypeNull
	}
	if s.Type.IncludesNull() {
		return openapi3.TypeNull
	}
	return types[0]
}

// minString returns a short string valid for s's format.
func (f *filler) minString(s *openapi3.Schema) string {
	switch s.Format {
	case "uuid":
		return f.newID()
	case "date-time", "datetime":
		return f.now().UTC().Format(time.RFC3339)
	case "date":
		return f.now().UTC().Format(time.DateOnly)
	case "HH:MM:SS:FF":
		return "00:00:00:00"
	case "email":
		return "user@example.com"
	case "uri", "url":
		return "https://example.com"
	}
	return ""
}

// example returns the first example of a scalar schema that fits it.
// Object and array examples are used member by member (memberExamples),
// so that what a handler sets is kept. The answer is worked out once per
// schema.
func (f *filler) example(s *openapi3.Schema) (any, bool) {
	chk := f.checks.entry(s)
	chk.exampleOnce.Do(func() { chk.example, chk.hasExample = f.findExample(s) })
	return clone(chk.example), chk.hasExample
}

func (f *filler) findExample(s *openapi3.Schema) (any, bool) {
	if s.Type.Permits(openapi3.TypeObject) || s.Type.Permits(openapi3.TypeArray) {
		return nil, false
	}
	for _, ex := range append(slices.Clip(s.Examples), s.Example) {
		if ex != nil && f.conforms(s, ex) {
			return generic(ex), true
		}
	}
	return nil, false
}

// ownValue reports whether s gives its own value: a const, a default or an
// example that fits.
func (f *filler) ownValue(s *openapi3.Schema) bool {
	if s.Const != nil || s.Default != nil {
		return true
	}
	_, ok := f.example(s)
	return ok
}

// memberExamples returns, by name, the required properties of object
// schema s that take their value from s's first object example: those
// the example gives, whose schema has no value of its own (ownValue) and
// which the given value fits. The values are JSON-generic and shared:
// callers copy them (clone) before use. The answer is worked out once per
// schema.
func (f *filler) memberExamples(s *openapi3.Schema) map[string]any {
	chk := f.checks.entry(s)
	chk.membersOnce.Do(func() { chk.members = f.findMemberExamples(s) })
	return chk.members
}

func (f *filler) findMemberExamples(s *openapi3.Schema) map[string]any {
	ex, _ := exampleObject(s)
	var members map[string]any
	for _, name := range s.Required {
		if p := s.Properties[name]; ex[name] != nil && p != nil && p.Value != nil && !f.ownValue(p.Value) && f.conforms(p.Value, ex[name]) {
			if members == nil {
				members = map[string]any{}
			}
			members[name] = ex[name]
		}
	}
	return members
}

// exampleObject returns the first object example of s.
func exampleObject(s *openapi3.Schema) (map[string]any, bool) {
	for _, ex := range append(slices.Clip(s.Examples), s.Example) {
		if m, ok := generic(ex).(map[string]any); ok {
			return m, true
		}
	}
	return nil, false
}
