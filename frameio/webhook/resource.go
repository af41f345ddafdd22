package webhook

// ResourceType is the type of a Frame.io resource referenced by an event, as
// found in "resource.type". Values other than the constants below may occur.
type ResourceType string

// Resource types of files, folders and version stacks (the API's FileType
// enum). A custom action on a version stack carries the ID of its head file.
const (
	// ResourceFile is a file.
	ResourceFile ResourceType = "file"
	// ResourceFolder is a folder.
	ResourceFolder ResourceType = "folder"
	// ResourceVersionStack is a version stack.
	ResourceVersionStack ResourceType = "version_stack"
)

// Resource identifies the Frame.io resource an event is about:
// {"id": "...", "type": "file"}.
type Resource struct {
	// ID is the resource's UUID.
	ID string `json:"id"`
	// Type is the kind of resource, such as "file".
	Type ResourceType `json:"type"`
}

// Ref is a reference to an account, workspace, project or user: {"id": "..."}.
type Ref struct {
	// ID is the referenced entity's UUID.
	ID string `json:"id"`
}
