package frameio

import (
	"github.com/frameio-go/frameio-go/frameio/metadata"
	"github.com/frameio-go/frameio-go/gen"
)

// FolderAssets decodes the children of a folder, as listed by the folder
// children endpoint, into files, folders and version stacks.
func FolderAssets(resp *gen.FolderAssetsWithIncludesResponse) ([]Asset, error) {
	if resp == nil {
		return nil, nil
	}
	return DecodeAssets(resp.Data)
}

// VersionStackAssets decodes the children of a version stack.
func VersionStackAssets(resp *gen.VersionStackAssetsWithIncludesResponse) ([]Asset, error) {
	if resp == nil {
		return nil, nil
	}
	return DecodeAssets(resp.Data)
}

// FileAssets decodes a list of assets returned as a FileAssetsWithIncludesResponse.
func FileAssets(resp *gen.FileAssetsWithIncludesResponse) ([]Asset, error) {
	if resp == nil {
		return nil, nil
	}
	return DecodeAssets(resp.Data)
}

// GroupsOf decodes a list of account user groups.
func GroupsOf(resp *gen.GroupsWithIncludesResponse) ([]Group, error) {
	if resp == nil {
		return nil, nil
	}
	return DecodeGroups(resp.Data)
}

// MetadataValues decodes the file's metadata, present when requested with
// include=metadata; nil when absent.
func (v *File) MetadataValues() ([]metadata.Value, error) { return metadata.DecodeValues(v.Metadata) }

// MetadataValues decodes the folder's metadata, present when requested with
// include=metadata; nil when absent.
func (v *Folder) MetadataValues() ([]metadata.Value, error) { return metadata.DecodeValues(v.Metadata) }

// MetadataValues decodes the version stack's metadata, present when
// requested with include=metadata; nil when absent.
func (v *VersionStack) MetadataValues() ([]metadata.Value, error) {
	return metadata.DecodeValues(v.Metadata)
}
