package frameiotest

import (
	"encoding/json"
	"errors"
	"math"
	"slices"
	"strings"
	"sync"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/santhosh-tekuri/jsonschema/v6"
)

// schemaChecks validates values against the schemas of the document and
// remembers, per schema, how.
//
// kin-openapi's OpenAPI 3.1 path (VisitJSON with EnableJSONSchema2020)
// builds and compiles a JSON Schema 2020-12 validator on every call, and
// then, for a schema holding a reference to a component and none of the
// 2020-only keywords, drops it and runs its own visitor instead: that is
// every request and response body of this document and almost every union
// the filler tries, so the fake paid a compile per value for a verdict the
// compile did not give. schemaChecks applies kin-openapi's test once per
// schema and caches the outcome: such schemas go straight to the visitor;
// a schema without references gets the same 2020-12 validator kin-openapi
// would build, compiled once. (A schema with both references and 2020-only
// keywords, which this document has none of, still goes through
// kin-openapi on every call.)
//
// Every Server shares one schemaChecks (the spec is loaded once), so no
// lock is held while a check is worked out: the map only hands out each
// schema's entry, and an entry works itself out once, holding up only the
// callers asking for that schema meanwhile.
type schemaChecks struct {
	m sync.Map // *openapi3.Schema → *schemaCheck
}

// schemaCheck is how one schema is validated, and what the filler
// learnt of it (each worked out on first use, once).
type schemaCheck struct {
	once     sync.Once          // works out visitor and compiled (settle)
	visitor  bool               // kin-openapi's visitor gives the verdict
	compiled *jsonschema.Schema // else, when not nil, the 2020-12 validator

	exampleOnce sync.Once
	example     any  // the first scalar example that fits (filler.example)
	hasExample  bool // whether there is one

	membersOnce sync.Once
	members     map[string]any // filler.memberExamples; read only
}

func newSchemaChecks() *schemaChecks {
	return &schemaChecks{}
}

// visit validates v against s as VisitJSON(v, EnableJSONSchema2020(),
// opts...) would, with the same errors.
func (c *schemaChecks) visit(s *openapi3.Schema, v any, opts ...openapi3.SchemaValidationOption) error {
	switch chk := c.of(s); {
	case chk.visitor:
		return s.VisitJSON(v, opts...)
	case chk.compiled != nil && chk.compiled.Validate(v) == nil:
		return nil
	} // an invalid value: kin-openapi builds the error it would have returned
	return s.VisitJSON(v, append(slices.Clip(opts), openapi3.EnableJSONSchema2020())...)
}

// valid reports whether v is valid for s, the verdict of visit without
// its error: a value the compiled validator refuses is not handed to
// kin-openapi to build one.
func (c *schemaChecks) valid(s *openapi3.Schema, v any, opts ...openapi3.SchemaValidationOption) bool {
	switch chk := c.of(s); {
	case chk.visitor:
		return s.VisitJSON(v, opts...) == nil
	case chk.compiled != nil:
		return chk.compiled.Validate(v) == nil
	}
	return s.VisitJSON(v, append(slices.Clip(opts), openapi3.EnableJSONSchema2020())...) == nil
}

// of returns the check of s, working it out on first use.
func (c *schemaChecks) of(s *openapi3.Schema) *schemaCheck {
	chk := c.entry(s)
	chk.once.Do(func() { chk.settle(s) })
	return chk
}

// entry returns the entry of s, how s is validated not yet worked out
// (what the filler keeps there needs no validator for s itself).
func (c *schemaChecks) entry(s *openapi3.Schema) *schemaCheck {
	v, ok := c.m.Load(s)
	if !ok {
		v, _ = c.m.LoadOrStore(s, &schemaCheck{})
	}
	return v.(*schemaCheck)
}

// settle works out how s is validated.
func (chk *schemaCheck) settle(s *openapi3.Schema) {
	doc := schemaDocument(s)
	switch refs := holdsComponentRef(doc); {
	case refs && !uses2020Keywords(s):
		chk.visitor = true
	case !refs && doc != nil:
		chk.compiled = compile2020(doc)
	}
}

// schemaDocument returns s as kin-openapi serialises it for its 2020-12
// validator, or nil.
func schemaDocument(s *openapi3.Schema) any {
	b, err := json.Marshal(s)
	if err != nil {
		return nil
	}
	var doc any
	if json.Unmarshal(b, &doc) != nil {
		return nil
	}
	return doc
}

// compile2020 compiles doc as kin-openapi does for a schema without
// references: draft 2020-12, and every format it names asserted with
// kin-openapi's format validators. It returns nil when doc does not
// compile (kin-openapi then falls back to its visitor, and so does visit).
func compile2020(doc any) *jsonschema.Schema {
	c := jsonschema.NewCompiler()
	c.DefaultDraft(jsonschema.Draft2020)
	formats := map[string]bool{}
	collectFormats(doc, formats)
	for name := range formats {
		c.RegisterFormat(&jsonschema.Format{Name: name, Validate: formatCheck(name)})
	}
	if len(formats) > 0 {
		c.AssertFormat()
	}
	const loc = "mem://frameiotest/schema.json"
	if c.AddResource(loc, doc) != nil {
		return nil
	}
	sch, err := c.Compile(loc)
	if err != nil {
		return nil
	}
	return sch
}

func collectFormats(node any, into map[string]bool) {
	switch n := node.(type) {
	case map[string]any:
		if f, ok := n["format"].(string); ok && f != "" {
			into[f] = true
		}
		for _, v := range n {
			collectFormats(v, into)
		}
	case []any:
		for _, v := range n {
			collectFormats(v, into)
		}
	}
}

// formatCheck validates a value of format name with kin-openapi's
// registered format validators; unknown formats accept everything.
func formatCheck(name string) func(any) error {
	return func(v any) error {
		var num float64
		switch x := v.(type) {
		case string:
			if f, ok := openapi3.SchemaStringFormats[name]; ok {
				return f.Validate(x)
			}
			return nil
		case json.Number:
			n, err := x.Float64()
			if err != nil {
				return nil
			}
			num = n
		case float64:
			num = x
		case int:
			num = float64(x)
		case int64:
			num = float64(x)
		default:
			return nil
		}
		if num == math.Trunc(num) && !math.IsInf(num, 0) {
			if f, ok := openapi3.SchemaIntegerFormats[name]; ok {
				return f.Validate(int64(num))
			}
		}
		if f, ok := openapi3.SchemaNumberFormats[name]; ok {
			return f.Validate(num)
		}
		return nil
	}
}

// holdsComponentRef reports whether a serialised schema holds a "$ref"
// to "#/components/schemas/...".
func holdsComponentRef(node any) bool {
	switch n := node.(type) {
	case map[string]any:
		if ref, ok := n["$ref"].(string); ok && strings.HasPrefix(ref, "#/components/schemas/") {
			return true
		}
		for _, v := range n {
			if holdsComponentRef(v) {
				return true
			}
		}
	case []any:
		return slices.ContainsFunc(n, holdsComponentRef)
	}
	return false
}

var errFound = errors.New("found")

// uses2020Keywords reports whether s or a schema below it uses one of the
// keywords for which kin-openapi keeps its JSON Schema 2020-12 validator.
func uses2020Keywords(s *openapi3.Schema) bool {
	err := openapi3.NewSchemaRef("", s).WalkSubtree(func(_ string, ref *openapi3.SchemaRef) error {
		if v := ref.Value; v != nil && has2020Keyword(v) {
			return errFound
		}
		return nil
	})
	return errors.Is(err, errFound)
}

// has2020Keyword lists the keywords kin-openapi (v0.153) checks before
// falling back to its visitor, and nullable, the one keyword its visitor
// reads differently under the 3.1 setting (it ignores it there).
func has2020Keyword(s *openapi3.Schema) bool {
	return s.Nullable || s.Const != nil ||
		len(s.PrefixItems) != 0 || s.Contains != nil ||
		len(s.PatternProperties) != 0 ||
		len(s.DependentSchemas) != 0 || s.PropertyNames != nil ||
		s.UnevaluatedItems.Has != nil || s.UnevaluatedItems.Schema != nil ||
		s.UnevaluatedProperties.Has != nil || s.UnevaluatedProperties.Schema != nil ||
		s.If != nil || s.Then != nil || s.Else != nil ||
		len(s.DependentRequired) != 0 || len(s.Defs) != 0 ||
		s.ContentSchema != nil
}
