package frameio_test

import (
	"bytes"
	"encoding/json"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/stretchr/testify/require"

	"github.com/frameio-go/frameio-go/internal/fixtures"
	"github.com/frameio-go/frameio-go/internal/testutil"
	"github.com/frameio-go/frameio-go/internal/unions"
)

// legacyUnion is a union decoded as the generated code did before the
// one-pass reading (unions.Read): the whole object into a map, the
// discriminator and the property names from it, then the first variant
// whose values hold the discriminator (and, without a discriminator
// mapping, whose required properties are present), decoded from the
// object; no variant gives the Unknown value. Built from the spec.
type legacyUnion struct {
	unionCase
	prop          string
	discriminated bool
	variants      []legacyVariant
}

type legacyVariant struct {
	values, required []string
	typ              reflect.Type // the Go variant type (a pointer)
}

func legacyUnions(t *testing.T, doc *openapi3.T) []legacyUnion {
	t.Helper()
	var out []legacyUnion
	for _, c := range unionCases() {
		sc := doc.Components.Schemas[c.schema].Value
		u := legacyUnion{unionCase: c, prop: "type", discriminated: sc.Discriminator != nil}
		if u.discriminated {
			u.prop = sc.Discriminator.PropertyName
		}
		all := tags(t, sc)
		for _, alt := range sc.OneOf {
			if alt.Ref == "" {
				continue // the {type: null} of a nullable union
			}
			v := legacyVariant{required: alt.Value.Required}
			for _, tag := range all {
				if tag.variant == refName(alt.Ref) {
					v.values = append(v.values, tag.value)
				}
			}
			require.NotEmpty(t, v.values, alt.Ref)
			got, err := c.fromJSON(sample(t, doc, c.schema, tagged{value: v.values[0], variant: refName(alt.Ref), prop: u.prop}, fixtures.Full))
			require.NoError(t, err)
			v.typ = reflect.TypeOf(got)
			u.variants = append(u.variants, v)
		}
		out = append(out, u)
	}
	return out
}

// decode is the legacy decoding of data: a value, or nil, or an error
// (true when there is one; its text is the generated code's business).
func (u legacyUnion) decode(data []byte) (any, bool) {
	obj, err := unions.Object(data, u.schema)
	if err != nil {
		return nil, true
	}
	if obj == nil {
		return nil, false
	}
	kind := unions.StringProp(obj, u.prop)
	for _, v := range u.variants {
		present := func(p string) bool { _, ok := obj[p]; return ok }
		if slices.Contains(v.values, kind) && (u.discriminated || !slices.ContainsFunc(v.required, func(p string) bool { return !present(p) })) {
			p := reflect.New(v.typ.Elem())
			if err := json.Unmarshal(data, p.Interface()); err != nil {
				return nil, true
			}
			return p.Interface(), false
		}
	}
	return legacyUnknown{kind, bytes.TrimSpace(data)}, false
}

type legacyUnknown struct {
	kind string
	raw  []byte
}

// requireAsBefore checks that the union's FromJSON gives for data what
// the legacy decoding gives.
func (u legacyUnion) requireAsBefore(t *testing.T, data []byte) {
	t.Helper()
	want, wantErr := u.decode(data)
	got, err := u.fromJSON(data)
	if wantErr {
		require.Error(t, err, "%s: %q", u.schema, data)
		return
	}
	require.NoError(t, err, "%s: %q", u.schema, data)
	unknown, ok := want.(legacyUnknown)
	if !ok {
		require.Equal(t, want, got, "%s: %q", u.schema, data)
		return
	}
	rv := reflect.ValueOf(got).Elem()
	require.True(t, strings.HasPrefix(rv.Type().Name(), "Unknown"), "%s: %T for %q", u.schema, got, data)
	require.Equal(t, unknown.kind, rv.FieldByName("Type").String())
	require.Equal(t, unknown.raw, rv.FieldByName("Raw").Bytes())
}

// TestUnionsDecodeAsBefore decodes every object of every response fixture
// (nested ones included) as every union, and compares with the legacy
// decoding: the same variant and value, the same unknown values, errors
// for the same inputs.
func TestUnionsDecodeAsBefore(t *testing.T) {
	objects := testutil.FixtureObjects(t, "../testdata/responses")
	for _, u := range legacyUnions(t, loadCodegenDoc(t)) {
		t.Run(u.schema, func(t *testing.T) {
			for _, obj := range objects {
				u.requireAsBefore(t, obj)
			}
		})
	}
}

// FuzzUnionsFromJSON: no union's decoding panics, and each gives what the
// legacy decoding gives.
func FuzzUnionsFromJSON(f *testing.F) {
	for _, s := range []string{
		`{"type":"file","name":"a.mov"}`, `{"type":"folder","type":"hologram"}`, `{"field_type":"date","value":"x"}`,
		`{"source":"adobe"}`, `{"type":"name_match","name":"x","terms":["a"]}`, `{"type":"file","name":42}`, `{"type":"fi\u006ce"}`,
		`{"type":"file",`, `[]`, `null`,
	} {
		f.Add([]byte(s))
	}
	var us []legacyUnion
	f.Fuzz(func(t *testing.T, data []byte) {
		if us == nil {
			us = legacyUnions(t, loadCodegenDoc(t))
		}
		for _, u := range us {
			u.requireAsBefore(t, data)
		}
	})
}
