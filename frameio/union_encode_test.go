package frameio_test

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/frameio-go/frameio-go/frameio"
	"github.com/frameio-go/frameio-go/frameio/metadata"
	"github.com/frameio-go/frameio-go/frameio/search"
	"github.com/frameio-go/frameio-go/gen"
)

// TestEncodeSelectFieldDefinition builds the request of the Python SDK's
// metadata_field_definitions_create example from a typed value: the
// field_type comes from the Go type.
func TestEncodeSelectFieldDefinition(t *testing.T) {
	enableAddNew := false
	data, err := metadata.EncodeFieldDefinitionParams(&metadata.SelectDefinitionParams{
		Name: "Fields definition name",
		FieldConfiguration: metadata.SelectFieldConfiguration{
			EnableAddNew: &enableAddNew,
			Options: []metadata.SelectFieldOption{
				{DisplayName: "Option 1"},
				{DisplayName: "Option 2"},
			},
		},
	})
	require.NoError(t, err)
	body, err := json.Marshal(gen.CreateFieldDefinitionParams{Data: &data})
	require.NoError(t, err)
	require.JSONEq(t, `{"data": {
		"field_type": "select",
		"name": "Fields definition name",
		"field_configuration": {
			"enable_add_new": false,
			"options": [{"display_name": "Option 1"}, {"display_name": "Option 2"}]
		}
	}}`, string(body))

	// gen sees the variant the discriminator names.
	v, err := data.ValueByDiscriminator()
	require.NoError(t, err)
	require.IsType(t, gen.SelectDefinitionParams{}, v)
}

func TestEncodeUpdateSelectFieldDefinition(t *testing.T) {
	data, err := metadata.EncodeUpdateFieldDefinitionParams(&metadata.UpdateSelectDefinitionParams{
		Name: new("Updated-Field-Name"),
		FieldConfiguration: &metadata.UpdateSelectFieldConfiguration{
			Options: []metadata.UpdateSelectFieldOption{{DisplayName: "Option 1"}},
		},
	})
	require.NoError(t, err)
	b, err := data.MarshalJSON()
	require.NoError(t, err)
	require.JSONEq(t, `{"field_type": "select", "name": "Updated-Field-Name",
		"field_configuration": {"options": [{"display_name": "Option 1"}]}}`, string(b))
}

func TestEncodeShareParams(t *testing.T) {
	data, err := frameio.EncodeShareParams(&frameio.AssetShare{
		Name:               "Client Review – Cut 2",
		Access:             gen.ShareAccessSecure,
		AssetIDs:           []string{"1f7e2c1a-8d3b-4f6a-9c2e-5b7d0a9e3f14"},
		DownloadingEnabled: new(true),
	})
	require.NoError(t, err)
	kind, err := data.Discriminator()
	require.NoError(t, err)
	require.Equal(t, "asset", kind)
}

// TestEncodeOverridesWrongDiscriminator: a single-value variant always
// writes its own value, whatever its field holds.
func TestEncodeOverridesWrongDiscriminator(t *testing.T) {
	b, err := metadata.EncodeValue(&metadata.DateValue{FieldType: "text"})
	require.NoError(t, err)
	kind, err := b.Discriminator()
	require.NoError(t, err)
	require.Equal(t, "date", kind)
}

// TestSharedVariants covers variants that stand for several values: they
// keep the value they hold, default it when unset, and refuse a foreign one.
func TestSharedVariants(t *testing.T) {
	tests := []struct {
		name    string
		v       interface{ Kind() string }
		want    string
		wantErr bool
	}{
		{"text default", &metadata.TextValue{}, "text", false},
		{"long_text kept", &metadata.TextValue{FieldType: "long_text"}, "long_text", false},
		{"text refuses date", &metadata.TextValue{FieldType: "date"}, "", true},
		{"users kept", &metadata.MultiUserValue{FieldType: "users"}, "users", false},
		{"user_multi default", &metadata.MultiUserValue{}, "user_multi", false},
		{"workfront kept", &frameio.StandardGroup{Source: "workfront"}, "workfront", false},
		{"frame default", &frameio.StandardGroup{}, "frame", false},
		{"adobe is a SyncGroup", &frameio.StandardGroup{Source: "adobe"}, "", true},
		{"search result needs a type", &search.AssetResult{}, "", true},
		{"search result type kept", &search.AssetResult{Type: "version_stack_result"}, "version_stack_result", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b, err := tt.v.(json.Marshaler).MarshalJSON()
			if tt.wantErr {
				require.Error(t, err)
				return
			}
			require.NoError(t, err)
			require.Equal(t, tt.want, tt.v.Kind())
			var obj map[string]any
			require.NoError(t, json.Unmarshal(b, &obj))
			found := false
			for _, prop := range []string{"field_type", "source", "type"} {
				if obj[prop] == tt.want {
					found = true
				}
			}
			require.True(t, found, "%s not in %s", tt.want, b)
		})
	}
}

// TestVariantConversions: a variant converts to and from its gen struct.
func TestVariantConversions(t *testing.T) {
	g := gen.AssetWithIncludesFileWithIncludes{Name: "Hero_Spot_30s_v3.mov", FileSize: 734003200}
	f := frameio.File(g)
	require.Equal(t, g, gen.AssetWithIncludesFileWithIncludes(f))
	a, err := frameio.EncodeAsset(&f)
	require.NoError(t, err)
	back, err := a.AsAssetWithIncludesFileWithIncludes()
	require.NoError(t, err)
	require.Equal(t, "Hero_Spot_30s_v3.mov", back.Name)
	require.Equal(t, gen.AssetCommonWithIncludesType("file"), back.Type)
}
