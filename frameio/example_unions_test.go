package frameio_test

import (
	"encoding/json"
	"fmt"

	"github.com/frameio-go/frameio-go/frameio"
	"github.com/frameio-go/frameio-go/gen"
)

// A folder's children are files, folders and version stacks; a type switch
// tells them apart, and a kind of asset added to the API later arrives as
// *frameio.UnknownAsset instead of failing the whole listing.
func ExampleFolderAssets() {
	body := `{"data": [
		{"type": "file", "id": "6f2b1c9e-3a4d-4e8f-9b0a-1c2d3e4f5a6b", "name": "Hero_Spot_30s_v3.mov", "file_size": 734003200},
		{"type": "folder", "id": "0c9d8e7f-6a5b-4c3d-8e2f-1a0b9c8d7e6f", "name": "Dailies"},
		{"type": "hologram", "id": "5e4d3c2b-1a09-4f8e-a7d6-c5b4a3928170", "name": "Stage capture"}
	], "links": {}}`
	var resp gen.FolderAssetsWithIncludesResponse
	if err := json.Unmarshal([]byte(body), &resp); err != nil {
		panic(err)
	}
	assets, err := frameio.FolderAssets(&resp)
	if err != nil {
		panic(err)
	}
	for _, a := range assets {
		switch a := a.(type) {
		case *frameio.File:
			fmt.Println("file", a.Name, a.FileSize)
		case *frameio.Folder:
			fmt.Println("folder", a.Name)
		case *frameio.VersionStack:
			fmt.Println("version stack", a.Name)
		case *frameio.UnknownAsset:
			fmt.Println("unknown", a.Type, len(a.Raw) > 0)
		}
	}
	// Output:
	// file Hero_Spot_30s_v3.mov 734003200
	// folder Dailies
	// unknown hologram true
}

// A request union is built from the typed variant; its discriminator is
