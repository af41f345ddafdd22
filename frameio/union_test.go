package frameio_test

import (
	"context"
	"encoding/json"
	"maps"
	"os"
	"reflect"
	"slices"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/stretchr/testify/require"

	"github.com/frameio-go/frameio-go/frameio"
	"github.com/frameio-go/frameio-go/frameio/metadata"
	"github.com/frameio-go/frameio-go/frameio/search"
	"github.com/frameio-go/frameio-go/gen"
	"github.com/frameio-go/frameio-go/internal/fixtures"
	"github.com/frameio-go/frameio-go/internal/testutil"
)

// unionCase drives the table tests of one union through untyped functions.
type unionCase struct {
	schema   string                    // component schema holding the oneOf
	fromJSON func([]byte) (any, error) // <Union>FromJSON
	encode   func(any) ([]byte, error) // Encode<Union>, then the wrapper's JSON
	// byGen decodes with gen's ValueByDiscriminator (nil without discriminator).
	byGen func([]byte) (any, error)
}

type wrapper interface {
	MarshalJSON() ([]byte, error)
}

type discriminated interface {
	ValueByDiscriminator() (interface{}, error)
}

// caseOf builds a unionCase for the sum type U over the gen wrapper W.
func caseOf[U any, W wrapper, PW interface {
	*W
	UnmarshalJSON([]byte) error
}](schema string, from func([]byte) (U, error), enc func(U) (W, error)) unionCase {
	c := unionCase{
		schema:   schema,
		fromJSON: func(b []byte) (any, error) { return from(b) },
		encode: func(v any) ([]byte, error) {
			w, err := enc(v.(U))
			if err != nil {
				return nil, err
			}
			return w.MarshalJSON()
		},
	}
	var w W
	if _, ok := any(w).(discriminated); ok {
		c.byGen = func(b []byte) (any, error) {
			var w W
			if err := PW(&w).UnmarshalJSON(b); err != nil {
				return nil, err
			}
			return any(w).(discriminated).ValueByDiscriminator()
		}
	}
	return c
}

func unionCases() []unionCase {
	return []unionCase{
		caseOf("AssetWithIncludes", frameio.AssetFromJSON, frameio.EncodeAsset),
		caseOf("MetadataField", metadata.ValueFromJSON, metadata.EncodeValue),
		caseOf("FieldDefinition", metadata.FieldDefinitionFromJSON, metadata.EncodeFieldDefinition),
		caseOf("FieldDefinitionWithIncludes", metadata.FieldDefinitionWithIncludesFromJSON, metadata.EncodeFieldDefinitionWithIncludes),
		caseOf("CreateFieldDefinitionParamsData", metadata.FieldDefinitionParamsFromJSON, metadata.EncodeFieldDefinitionParams),
		caseOf("UpdateFieldDefinitionParamsData", metadata.UpdateFieldDefinitionParamsFromJSON, metadata.EncodeUpdateFieldDefinitionParams),
		caseOf("GroupWithIncludes", frameio.GroupFromJSON, frameio.EncodeGroup),
		caseOf("CreateShareParamsData", frameio.ShareParamsFromJSON, frameio.EncodeShareParams),
		caseOf("SearchMatch", search.MatchFromJSON, search.EncodeMatch),
		caseOf("SearchResponseDataItems", search.ResultFromJSON, search.EncodeResult),
	}
}

// goNames are the variants whose Go name is not their schema name.
func goNames() map[string]string {
	return map[string]string{
		"AssetWithIncludesFileWithIncludes":         "File",
		"AssetWithIncludesFolderWithIncludes":       "Folder",
		"AssetWithIncludesVersionStackWithIncludes": "VersionStack",
		"GroupCommonWithIncludes":                   "StandardGroup",
		"SyncGroupWithIncludes":                     "SyncGroup",
		"AssetShareParams":                          "AssetShare",
		"AssetSearchResult":                         "AssetResult",
		"ProjectSearchResult":                       "ProjectResult",
	}
}

func goName(schema string) string {
	if n, ok := goNames()[schema]; ok {
		return n
	}
	return schema
}

func loadCodegenDoc(t *testing.T) *openapi3.T {
	t.Helper()
	data, err := os.ReadFile("../api/frameio.codegen.yaml")
	require.NoError(t, err)
	doc, err := openapi3.NewLoader().LoadFromData(data)
	require.NoError(t, err)
	require.NoError(t, doc.Validate(context.Background()))
	return doc
}

// tagged is one tag value of a union and the variant schema it selects.
type tagged struct {
	value, variant string
	prop           string
}

// tags lists every tag value of the union sc: the discriminator mapping, or
// for a union without one, the enum of each variant's "type".
func tags(t *testing.T, sc *openapi3.Schema) []tagged {
	t.Helper()
	var out []tagged
	if d := sc.Discriminator; d != nil {
		for _, v := range slices.Sorted(maps.Keys(d.Mapping)) {
			out = append(out, tagged{value: v, variant: refName(d.Mapping[v].Ref), prop: d.PropertyName})
		}
		return out
	}
	for _, alt := range sc.OneOf {
		typ := alt.Value.Properties["type"]
		require.NotNil(t, typ, "%s has no type", alt.Ref)
		for _, e := range typ.Value.Enum {
			out = append(out, tagged{value: e.(string), variant: refName(alt.Ref), prop: "type"})
		}
	}
	return out
}

func refName(ref string) string { return ref[len("#/components/schemas/"):] }

// sample makes a valid JSON body of the variant for tag.
func sample(t *testing.T, doc *openapi3.T, union string, tag tagged, mode fixtures.Mode) []byte {
	t.Helper()
	s := fixtures.NewSampler(mode, union+"/"+tag.value)
	s.Force(union, tag.value)
	v := s.Value(doc.Components.Schemas[tag.variant], "")
	v.(map[string]any)[tag.prop] = tag.value
	b, err := json.Marshal(v)
	require.NoError(t, err)
	return b
}

func visit(t *testing.T, sc *openapi3.SchemaRef, data []byte) error {
	t.Helper()
	var v any
	require.NoError(t, json.Unmarshal(data, &v))
	return sc.Value.VisitJSON(v, openapi3.EnableJSONSchema2020(), openapi3.MultiErrors())
}

// TestUnionVariantsRoundTrip decodes a sample of every tag value of every
// union (with every property set, then with nullable ones null), checks the
// Go type and Kind, and that encoding gives the same JSON back and decodes
// to the same value.
func TestUnionVariantsRoundTrip(t *testing.T) {
	doc := loadCodegenDoc(t)
	for _, c := range unionCases() {
		sc := doc.Components.Schemas[c.schema]
		for _, tag := range tags(t, sc.Value) {
			for _, mode := range []fixtures.Mode{fixtures.Full, fixtures.Nulls} {
				t.Run(c.schema+"/"+tag.value+"/"+modeName(mode), func(t *testing.T) {
					data := sample(t, doc, c.schema, tag, mode)
					require.NoError(t, visit(t, sc, data), "sample is not a valid %s", c.schema)

					got, err := c.fromJSON(data)
					require.NoError(t, err)
					require.Equal(t, goName(tag.variant), reflect.TypeOf(got).Elem().Name())
					require.Equal(t, tag.value, got.(interface{ Kind() string }).Kind())

					enc, err := c.encode(got)
					require.NoError(t, err)
					testutil.JSONEqNullAbsent(t, data, enc)

					again, err := c.fromJSON(enc)
					require.NoError(t, err)
					require.Equal(t, got, again)
				})
			}
		}
	}
}

// TestUnionMappingsMatchVariantSchemas checks each discriminator value
// against the schema it maps to: the variant's own discriminator property
// must accept the value (else a response would decode silently into the
// wrong variant), a sample of it must validate against that schema, and
// gen's own ValueByDiscriminator must pick the same variant as this package.
func TestUnionMappingsMatchVariantSchemas(t *testing.T) {
	doc := loadCodegenDoc(t)
	for _, c := range unionCases() {
		sc := doc.Components.Schemas[c.schema]
		for _, tag := range tags(t, sc.Value) {
			t.Run(c.schema+"/"+tag.value, func(t *testing.T) {
				variant := doc.Components.Schemas[tag.variant]
				require.NotNil(t, variant, "mapping target %s", tag.variant)
				prop := variant.Value.Properties[tag.prop]
				require.NotNil(t, prop, "%s has no %s", tag.variant, tag.prop)
				require.Contains(t, variant.Value.Required, tag.prop)
				require.NoError(t, prop.Value.VisitJSON(tag.value, openapi3.EnableJSONSchema2020()),
					"%s.%s does not accept %q", tag.variant, tag.prop, tag.value)

				data := sample(t, doc, c.schema, tag, fixtures.Full)
				require.NoError(t, visit(t, variant, data))

				if c.byGen != nil {
					g, err := c.byGen(data)
					require.NoError(t, err)
					require.Equal(t, tag.variant, reflect.TypeOf(g).Name(), "gen picks another variant")
				}
			})
		}
	}
}

// TestUnionUnknownVariants checks that a value no variant matches decodes
// into the Unknown variant with its JSON intact, and encodes back to it.
func TestUnionUnknownVariants(t *testing.T) {
	doc := loadCodegenDoc(t)
	for _, c := range unionCases() {
		prop := "type"
		if d := doc.Components.Schemas[c.schema].Value.Discriminator; d != nil {
			prop = d.PropertyName
		}
		inputs := map[string]string{
			"hologram_v9": `{"` + prop + `": "hologram_v9", "id": "0f8e4c2a-9b1d-4e7f-a3c5-6d2b8e1f4a90", "extra": {"nested": [1, 2.5, null]}}`,
			"":            `{"id": "0f8e4c2a-9b1d-4e7f-a3c5-6d2b8e1f4a90"}`,
		}
		for typ, in := range inputs {
			t.Run(c.schema+"/"+typ, func(t *testing.T) {
				got, err := c.fromJSON([]byte(in))
				require.NoError(t, err)
				rv := reflect.ValueOf(got).Elem()
				require.Equal(t, "Unknown", rv.Type().Name()[:7])
				require.Equal(t, typ, rv.FieldByName("Type").String())
				require.Equal(t, in, string(rv.FieldByName("Raw").Bytes()), "raw JSON altered")
				require.Equal(t, typ, got.(interface{ Kind() string }).Kind())

				enc, err := c.encode(got)
				require.NoError(t, err)
				require.Equal(t, in, string(enc))
			})
		}
	}
}

// TestUnionDecodeErrors covers null, non-objects and known variants with
// ill-typed properties.
func TestUnionDecodeErrors(t *testing.T) {
	for _, c := range unionCases() {
		t.Run(c.schema, func(t *testing.T) {
			got, err := c.fromJSON([]byte(" null "))
			require.NoError(t, err)
			require.Nil(t, got)

			for _, bad := range []string{`[]`, `"file"`, `42`, `{"type":`} {
				_, err := c.fromJSON([]byte(bad))
				require.Error(t, err, bad)
			}
		})
	}
	_, err := frameio.AssetFromJSON([]byte(`{"type": "file", "name": 42}`))
	require.ErrorContains(t, err, `decode Asset "file"`)
	_, err = search.MatchFromJSON([]byte(`{"type": "name_match", "name": "x", "terms": "not a list"}`))
	require.ErrorContains(t, err, `decode Match "name_match"`)
}

// TestUnionStructuralRule shows the rule for unions without discriminator:
// a known "type" is not enough, the variant's required properties must be
// present too; otherwise the value stays unknown.
func TestUnionStructuralRule(t *testing.T) {
	got, err := search.MatchFromJSON([]byte(`{"type": "name_match", "name": "Hero_Spot_30s_v3.mov"}`))
	require.NoError(t, err)
	unknown, ok := got.(*search.UnknownMatch)
	require.True(t, ok, "%T", got)
	require.Equal(t, "name_match", unknown.Type)

	got, err = search.MatchFromJSON([]byte(`{"type": "name_match", "name": "Hero_Spot_30s_v3.mov", "terms": ["hero"]}`))
	require.NoError(t, err)
	require.IsType(t, &search.NameMatch{}, got)

	res, err := search.ResultFromJSON([]byte(`{"type": "folder_result", "matches": [], "result": {"id": "x"}}`))
	require.NoError(t, err)
	require.IsType(t, &search.AssetResult{}, res)
	require.Equal(t, "folder_result", res.Kind())
}

// TestDecodeWrappers decodes through the gen wrapper types and lists.
func TestDecodeWrappers(t *testing.T) {
	var w gen.AssetWithIncludes
	require.NoError(t, w.FromAssetWithIncludesFolderWithIncludes(gen.AssetWithIncludesFolderWithIncludes{Name: "Dailies", Type: "folder"}))
	a, err := frameio.DecodeAsset(w)
	require.NoError(t, err)
	require.Equal(t, "Dailies", a.(*frameio.Folder).Name)

	var zero gen.AssetWithIncludes
	a, err = frameio.DecodeAsset(zero)
	require.NoError(t, err)
	require.Nil(t, a)

	list, err := frameio.DecodeAssets([]gen.AssetWithIncludes{w, w})
	require.NoError(t, err)
	require.Len(t, list, 2)

	var bad gen.AssetWithIncludes
	require.NoError(t, bad.UnmarshalJSON([]byte(`{"type":"file","file_size":"big"}`)))
	_, err = frameio.DecodeAssets([]gen.AssetWithIncludes{w, bad})
	require.ErrorContains(t, err, "element 1")

	none, err := frameio.DecodeAssets(nil)
	require.NoError(t, err)
	require.Nil(t, none)

	_, err = frameio.EncodeAsset(nil)
	require.Error(t, err)
	_, err = frameio.EncodeAsset((*frameio.File)(nil))
	require.ErrorContains(t, err, "nil *frameio.File")
}

func modeName(m fixtures.Mode) string {
	if m == fixtures.Nulls {
		return "nulls"
	}
	return "full"
}
