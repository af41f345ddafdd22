package webhook_test

import (
	"regexp"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/frameio-go/frameio-go/frameio/webhook"
)

func TestEventTypes(t *testing.T) {
	all := webhook.EventTypes()
	require.Len(t, all, 30, "the API reference lists 30 valid events")

	// The exact list from the API reference (POST .../webhooks, "Valid events").
	want := []string{
		"file.created", "file.deleted", "file.ready", "file.updated", "file.upload.completed", "file.versioned", "file.copied",
		"folder.created", "folder.deleted", "folder.updated", "folder.copied",
		"comment.completed", "comment.created", "comment.deleted", "comment.uncompleted", "comment.updated",
		"customfield.created", "customfield.updated", "customfield.deleted",
		"metadata.value.updated",
		"project.created", "project.deleted", "project.updated",
		"collection.created", "collection.updated", "collection.deleted",
		"share.created", "share.updated", "share.deleted", "share.viewed",
	}
	got := make([]string, 0, len(all))
	seen := map[webhook.EventType]bool{}
	name := regexp.MustCompile(`^[a-z]+(\.[a-z]+)+$`)
	for _, e := range all {
		assert.False(t, seen[e], "duplicate %s", e)
		seen[e] = true
		assert.True(t, e.Known(), e.String())
		assert.Regexp(t, name, e.String())
		got = append(got, string(e))
	}
	assert.Equal(t, want, got)

	all[0] = "mutated"
	assert.Equal(t, webhook.FileCreated, webhook.EventTypes()[0], "EventTypes returns a fresh slice")
}

func TestEventTypeKnown(t *testing.T) {
	assert.True(t, webhook.FileCopied.Known())
	assert.True(t, webhook.FolderCopied.Known())
	assert.True(t, webhook.ShareViewed.Known())
	assert.False(t, webhook.EventType("asset.created").Known(), "legacy asset events are gone in V4")
	assert.False(t, webhook.EventType("upload.completed").Known())
	assert.False(t, webhook.EventType("").Known())
}
