package webhook_test

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/frameio-go/frameio-go/frameio/webhook"
)

// docEventPayload is the example payload of the V4 webhooks guide.
const docEventPayload = `{ "account": { "id": "6f70f1bd-7e89-4a7e-b4d3-7e576585a181" }, "project": { "id": "7e46e495-4444-4555-8649-bee4d391a997" }, "resource": { "id": "d3075547-4e64-45f0-ad12-d075660eddd2", "type": "file" }, "type": "file.ready", "user": { "id": "56556a3f-859f-4b38-b6c6-e8625b5da8a5" }, "workspace": { "id": "378fcbf7-6f88-4224-8139-6a743ed940b2" } }`

func TestDecodeEventDocExample(t *testing.T) {
	e, err := webhook.DecodeEvent([]byte(docEventPayload))
	require.NoError(t, err)
	assert.Equal(t, webhook.FileReady, e.Type)
	assert.Equal(t, webhook.Resource{ID: "d3075547-4e64-45f0-ad12-d075660eddd2", Type: webhook.ResourceFile}, e.Resource)
	assert.Equal(t, "6f70f1bd-7e89-4a7e-b4d3-7e576585a181", e.Account.ID)
	assert.Equal(t, "7e46e495-4444-4555-8649-bee4d391a997", e.Project.ID)
	assert.Equal(t, "56556a3f-859f-4b38-b6c6-e8625b5da8a5", e.User.ID)
	assert.Equal(t, "378fcbf7-6f88-4224-8139-6a743ed940b2", e.Workspace.ID)
	assert.True(t, e.Timestamp.IsZero())
	assert.JSONEq(t, docEventPayload, string(e.Raw))
	assert.Equal(t, "file.ready|file|d3075547-4e64-45f0-ad12-d075660eddd2", e.IdempotencyKey())
}

func TestDecodeEventLenient(t *testing.T) {
	e, err := webhook.DecodeEvent([]byte(`{"type":"future.event","resource":{"id":"r1","type":"widget"},"extra":{"x":1}}`))
	require.NoError(t, err)
	assert.Equal(t, webhook.EventType("future.event"), e.Type)
	assert.False(t, e.Type.Known())
	assert.Equal(t, webhook.ResourceType("widget"), e.Resource.Type)
	assert.Empty(t, e.Project.ID)

	var raw map[string]any
	require.NoError(t, json.Unmarshal(e.Raw, &raw))
	assert.Contains(t, raw, "extra")
}

func TestDecodeEventMalformed(t *testing.T) {
	for name, body := range map[string]string{
		"empty":            ``,
		"not json":         `type=file.ready`,
		"null":             `null`,
		"array":            `[]`,
		"string":           `"file.ready"`,
		"truncated":        `{"type":"file.ready","resource":{"id":"x"`,
		"trailing data":    `{"type":"file.ready","resource":{"id":"x"}} {}`,
		"missing type":     `{"resource":{"id":"x","type":"file"}}`,
		"missing resource": `{"type":"file.ready"}`,
		"empty resource":   `{"type":"file.ready","resource":{}}`,
		"type not string":  `{"type":1,"resource":{"id":"x"}}`,
		"resource array":   `{"type":"file.ready","resource":[{"id":"x"}]}`,
		"id not string":    `{"type":"file.ready","resource":{"id":7}}`,
	} {
		t.Run(name, func(t *testing.T) {
			e, err := webhook.DecodeEvent([]byte(body))
			assert.ErrorIs(t, err, webhook.ErrMalformedPayload)
			assert.Nil(t, e)
		})
	}
}
