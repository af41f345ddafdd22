package webhook

// EventType is the name of a webhook event, such as "file.ready". It is the
// payload's "type" field and the name used when subscribing a webhook.
type EventType string

// Webhook event types accepted by the V4 API (POST .../webhooks, "Valid
// events"). The webhooks guide lists all of them except [FileCopied] and
// [FolderCopied], which only the API reference mentions.
const (
	// FileCreated fires when a file is created; it triggers before the upload
	// finishes (listen for [FileUploadCompleted] to get the complete file).
	FileCreated EventType = "file.created"
	// FileDeleted fires when a file is deleted (manually or otherwise).
	FileDeleted EventType = "file.deleted"
	// FileReady fires when all transcodes of an uploaded file have completed.
	FileReady EventType = "file.ready"
	// FileUpdated fires when a file's name or other information changes.
	FileUpdated EventType = "file.updated"
	// FileUploadCompleted fires when a file has been uploaded.
	FileUploadCompleted EventType = "file.upload.completed"
	// FileVersioned fires when a file version is created.
	FileVersioned EventType = "file.versioned"
	// FileCopied fires when a file is copied.
	FileCopied EventType = "file.copied"

	// FolderCreated fires when a folder is created.
	FolderCreated EventType = "folder.created"
	// FolderDeleted fires when a folder is deleted.
	FolderDeleted EventType = "folder.deleted"
	// FolderUpdated fires when a folder's settings are updated.
	FolderUpdated EventType = "folder.updated"
	// FolderCopied fires when a folder is copied.
	FolderCopied EventType = "folder.copied"

	// CommentCompleted fires when a comment is marked as completed.
	CommentCompleted EventType = "comment.completed"
	// CommentCreated fires when a comment or reply is created.
	CommentCreated EventType = "comment.created"
	// CommentDeleted fires when a comment is deleted.
	CommentDeleted EventType = "comment.deleted"
	// CommentUncompleted fires when a comment is marked as uncompleted.
	CommentUncompleted EventType = "comment.uncompleted"
	// CommentUpdated fires when a comment is updated.
	CommentUpdated EventType = "comment.updated"

	// CustomFieldCreated fires when a custom field is created.
	CustomFieldCreated EventType = "customfield.created"
	// CustomFieldUpdated fires when a custom field is updated.
	CustomFieldUpdated EventType = "customfield.updated"
	// CustomFieldDeleted fires when a custom field is deleted.
	CustomFieldDeleted EventType = "customfield.deleted"

	// MetadataValueUpdated fires when metadata fields of an asset are updated.
	MetadataValueUpdated EventType = "metadata.value.updated"

	// ProjectCreated fires when a project is created.
	ProjectCreated EventType = "project.created"
	// ProjectDeleted fires when a project is deleted.
	ProjectDeleted EventType = "project.deleted"
	// ProjectUpdated fires when a project's settings are updated.
	ProjectUpdated EventType = "project.updated"

	// CollectionCreated fires when a collection is created.
	CollectionCreated EventType = "collection.created"
	// CollectionUpdated fires when a collection is updated.
	CollectionUpdated EventType = "collection.updated"
	// CollectionDeleted fires when a collection is deleted.
	CollectionDeleted EventType = "collection.deleted"

	// ShareCreated fires when a share is created.
	ShareCreated EventType = "share.created"
	// ShareUpdated fires when a share is updated.
	ShareUpdated EventType = "share.updated"
	// ShareDeleted fires when a share is deleted.
	ShareDeleted EventType = "share.deleted"
	// ShareViewed fires when a share is viewed.
	ShareViewed EventType = "share.viewed"
)

// EventTypes returns every documented event type, in the order of the API
// reference. The slice is freshly allocated on each call.
func EventTypes() []EventType {
	return []EventType{
		FileCreated, FileDeleted, FileReady, FileUpdated, FileUploadCompleted, FileVersioned, FileCopied,
		FolderCreated, FolderDeleted, FolderUpdated, FolderCopied,
		CommentCompleted, CommentCreated, CommentDeleted, CommentUncompleted, CommentUpdated,
		CustomFieldCreated, CustomFieldUpdated, CustomFieldDeleted,
		MetadataValueUpdated,
		ProjectCreated, ProjectDeleted, ProjectUpdated,
		CollectionCreated, CollectionUpdated, CollectionDeleted,
		ShareCreated, ShareUpdated, ShareDeleted, ShareViewed,
	}
}

// Known reports whether t is one of the documented event types.
func (t EventType) Known() bool {
	switch t {
	case FileCreated, FileDeleted, FileReady, FileUpdated, FileUploadCompleted, FileVersioned, FileCopied,
		FolderCreated, FolderDeleted, FolderUpdated, FolderCopied,
		CommentCompleted, CommentCreated, CommentDeleted, CommentUncompleted, CommentUpdated,
		CustomFieldCreated, CustomFieldUpdated, CustomFieldDeleted,
		MetadataValueUpdated,
		ProjectCreated, ProjectDeleted, ProjectUpdated,
		CollectionCreated, CollectionUpdated, CollectionDeleted,
		ShareCreated, ShareUpdated, ShareDeleted, ShareViewed:
		return true
	}
	return false
}

// String returns the event name.
func (t EventType) String() string { return string(t) }
