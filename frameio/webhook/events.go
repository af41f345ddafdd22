package webhook

import (
	"encoding/json"
	"fmt"
	"time"
)

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

// Event is a decoded webhook delivery, for example:
//
//	{
//	  "account":   {"id": "6f70f1bd-7e89-4a7e-b4d3-7e576585a181"},
//	  "project":   {"id": "7e46e495-4444-4555-8649-bee4d391a997"},
//	  "resource":  {"id": "d3075547-4e64-45f0-ad12-d075660eddd2", "type": "file"},
//	  "type":      "file.ready",
//	  "user":      {"id": "56556a3f-859f-4b38-b6c6-e8625b5da8a5"},
//	  "workspace": {"id": "378fcbf7-6f88-4224-8139-6a743ed940b2"}
//	}
//
// Frame.io includes nothing beyond these IDs; call the API for details.
type Event struct {
	// Type is the event name, such as [FileReady].
	Type EventType `json:"type"`
	// Resource is the resource the event is about.
	Resource Resource `json:"resource"`
	// Account is the account the event belongs to.
	Account Ref `json:"account"`
	// Workspace is the workspace the webhook is scoped to.
	Workspace Ref `json:"workspace"`
	// Project is the project containing the resource, if any.
	Project Ref `json:"project"`
	// User is the user who caused the event, if any.
	User Ref `json:"user"`

	// Timestamp is the verified X-Frameio-Request-Timestamp of the delivery.
	// It is set by [Handler]; [DecodeEvent] leaves it zero.
	Timestamp time.Time `json:"-"`
	// Raw is the undecoded body, for fields this package does not model.
	Raw json.RawMessage `json:"-"`
}

// DecodeEvent decodes a webhook body. It fails with an error wrapping
// [ErrMalformedPayload] if body is not a JSON object, or lacks "type" or
// "resource.id". Unknown event types and unknown fields are accepted. The
// returned Event's Raw field aliases body.
func DecodeEvent(body []byte) (*Event, error) {
	var e Event
	if err := json.Unmarshal(body, &e); err != nil {
		return nil, fmt.Errorf("%w: %w", ErrMalformedPayload, err)
	}
	switch {
	case e.Type == "":
		return nil, fmt.Errorf("%w: missing \"type\"", ErrMalformedPayload)
	case e.Resource.ID == "":
		return nil, fmt.Errorf("%w: missing \"resource.id\"", ErrMalformedPayload)
	}
	e.Raw = body
	return &e, nil
}

// IdempotencyKey identifies the event for deduplication:
// "<event type>|<resource type>|<resource id>". Retries of a delivery share
// the key. Distinct occurrences of the same event on the same resource (two
// successive "file.updated") share it too, so keep seen keys only for a
// window longer than Frame.io's retry horizon (a few minutes).
func (e *Event) IdempotencyKey() string {
	return string(e.Type) + "|" + string(e.Resource.Type) + "|" + e.Resource.ID
}

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
