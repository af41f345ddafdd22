package frameio_test

import (
	"encoding/json"
	"os"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/frameio-go/frameio-go/frameio"
	"github.com/frameio-go/frameio-go/frameio/metadata"
	"github.com/frameio-go/frameio-go/frameio/search"
	"github.com/frameio-go/frameio-go/gen"
)

// readFixture decodes a testdata/responses fixture into a gen type.
func readFixture[T any](t *testing.T, name string) *T {
	t.Helper()
	data, err := os.ReadFile("../testdata/responses/" + name)
	require.NoError(t, err)
	var v T
	require.NoError(t, json.Unmarshal(data, &v))
	return &v
}

func TestFolderAssets(t *testing.T) {
	resp := readFixture[gen.FolderAssetsWithIncludesResponse](t, "folders_index_200.json")
	assets, err := frameio.FolderAssets(resp)
	require.NoError(t, err)
	require.Len(t, assets, 3)
	var kinds []string
	for _, a := range assets {
		switch a := a.(type) {
		case *frameio.File:
			require.NotEmpty(t, a.Name)
			require.NotZero(t, a.FileSize)
			values, err := a.MetadataValues()
			require.NoError(t, err)
			require.NotEmpty(t, values)
			for _, v := range values {
				require.NotContains(t, v.Kind(), "unknown")
			}
		case *frameio.Folder:
			_, err := a.MetadataValues()
			require.NoError(t, err)
		case *frameio.VersionStack:
			_, err := a.MetadataValues()
			require.NoError(t, err)
		default:
			t.Fatalf("unexpected %T", a)
		}
		kinds = append(kinds, a.Kind())
	}
	require.Equal(t, []string{"file", "folder", "version_stack"}, kinds)

	none, err := frameio.FolderAssets(nil)
	require.NoError(t, err)
	require.Nil(t, none)
}

func TestListHelpers(t *testing.T) {
	vs, err := frameio.VersionStackAssets(readFixture[gen.VersionStackAssetsWithIncludesResponse](t, "version_stacks_index_200.json"))
	require.NoError(t, err)
	require.Len(t, vs, 3)

	fs, err := frameio.FileAssets(readFixture[gen.FileAssetsWithIncludesResponse](t, "files_list_200.json"))
	require.NoError(t, err)
	require.Len(t, fs, 3)

	groups, err := frameio.GroupsOf(readFixture[gen.GroupsWithIncludesResponse](t, "groups_index_200.json"))
	require.NoError(t, err)
	require.Len(t, groups, 3)
	require.IsType(t, &frameio.SyncGroup{}, groups[0])

	defs, err := metadata.DefinitionsOf(readFixture[gen.FieldDefinitionsWithIncludesResponse](t, "metadata_fields_metadata_field_definitions_index_200.json"))
	require.NoError(t, err)
	require.Len(t, defs, 10)

	results, err := search.ResultsOf(readFixture[gen.SearchResponse](t, "search_search_200.json"))
	require.NoError(t, err)
	require.Len(t, results, 2)
	asset := results[0].(*search.AssetResult)
	matches, err := asset.TypedMatches()
	require.NoError(t, err)
	require.Len(t, matches, 33)
	project := results[1].(*search.ProjectResult)
	_, err = project.TypedMatches()
	require.NoError(t, err)

	meta, err := metadata.ValuesOf(&readFixture[gen.MetadataResponse](t, "metadata_show_200.json").Data)
	require.NoError(t, err)
	require.Len(t, meta, 11)

	for _, f := range []func() (int, error){
		func() (int, error) { v, err := frameio.VersionStackAssets(nil); return len(v), err },
		func() (int, error) { v, err := frameio.FileAssets(nil); return len(v), err },
		func() (int, error) { v, err := frameio.GroupsOf(nil); return len(v), err },
		func() (int, error) { v, err := metadata.DefinitionsOf(nil); return len(v), err },
		func() (int, error) { v, err := search.ResultsOf(nil); return len(v), err },
		func() (int, error) { v, err := metadata.ValuesOf(nil); return len(v), err },
	} {
		n, err := f()
		require.NoError(t, err)
		require.Zero(t, n)
	}
}
