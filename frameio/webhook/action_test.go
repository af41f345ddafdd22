package webhook_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/frameio-go/frameio-go/frameio/webhook"
)

// Payload examples of the custom actions guide.
const (
	docActionMultiAsset = `{ "account_id": "1a94720e-f7f5-4c41-ab62-d11eebe3d504", "action_id": "0aeb9feb-f8eb-4100-a8c2-b39b66d354ab", "data": { "description": "Pretty cool video.", "title": "Hey there!" }, "interaction_id": "985559de-865a-40e5-a687-2bbed4497eaa", "project": { "id": "3e34e7cb-5c21-49f5-8ca9-a1419584c2ea" }, "resources": [ { "id": "fe41c5a8-1b8d-417d-a7df-0b88bc19b476", "type": "file" }, { "id": "fe81fb2b-1316-4a76-9cf6-0630f474fc39", "type": "file" } ], "type": "some.event", "user": { "id": "68093c1c-4b05-41ce-a3c9-e64d195b1935" }, "workspace": { "id": "629086c0-f6aa-4d63-a284-f39bcd415b9f" } }`
	docActionLegacy     = `{ "account_id": "1a94720e-f7f5-4c41-ab62-d11eebe3d504", "action_id": "0e38b93a-9f10-4bc7-90bc-bd07a16e510a", "data": { "description": "Wow look at this.", "title": "Hey there!!" }, "interaction_id": "dff6d369-7150-41f9-8e6f-4f0895f6b416", "project": { "id": "3e34e7cb-5c21-49f5-8ca9-a1419584c2ea" }, "resource": { "id": "fe81fb2b-1316-4a76-9cf6-0630f474fc39", "type": "file" }, "type": "some.event", "user": { "id": "68093c1c-4b05-41ce-a3c9-e64d195b1935" }, "workspace": { "id": "629086c0-f6aa-4d63-a284-f39bcd415b9f" } }`
	docActionSubmission = `{ "type": "your-specified-event-name", "interaction_id": "the-same-id-as-before", "action_id": "unique-id-for-this-custom-action", "data":{ "title": "MyVideo.mp4", "captions": "off" } }`
)

func TestDecodeActionMultiAsset(t *testing.T) {
	e, err := webhook.DecodeAction([]byte(docActionMultiAsset))
	require.NoError(t, err)
	assert.Equal(t, "some.event", e.Type)
	assert.Equal(t, "985559de-865a-40e5-a687-2bbed4497eaa", e.InteractionID)
	assert.Equal(t, "0aeb9feb-f8eb-4100-a8c2-b39b66d354ab", e.ActionID)
	assert.Equal(t, "1a94720e-f7f5-4c41-ab62-d11eebe3d504", e.Account.ID)
	assert.Equal(t, "3e34e7cb-5c21-49f5-8ca9-a1419584c2ea", e.Project.ID)
	assert.Equal(t, "629086c0-f6aa-4d63-a284-f39bcd415b9f", e.Workspace.ID)
	assert.Equal(t, "68093c1c-4b05-41ce-a3c9-e64d195b1935", e.User.ID)
	assert.Equal(t, []webhook.Resource{
		{ID: "fe41c5a8-1b8d-417d-a7df-0b88bc19b476", Type: webhook.ResourceFile},
		{ID: "fe81fb2b-1316-4a76-9cf6-0630f474fc39", Type: webhook.ResourceFile},
	}, e.Resources)
	assert.False(t, e.Legacy)
	assert.Equal(t, "Hey there!", e.Data.String("title"))
	assert.True(t, e.IsSubmission())
}

func TestDecodeActionLegacyNormalised(t *testing.T) {
	e, err := webhook.DecodeAction([]byte(docActionLegacy))
	require.NoError(t, err)
	assert.True(t, e.Legacy)
	assert.Equal(t, []webhook.Resource{{ID: "fe81fb2b-1316-4a76-9cf6-0630f474fc39", Type: webhook.ResourceFile}}, e.Resources)
	assert.Equal(t, "dff6d369-7150-41f9-8e6f-4f0895f6b416", e.InteractionID)
}

func TestDecodeActionSubmission(t *testing.T) {
	e, err := webhook.DecodeAction([]byte(docActionSubmission))
	require.NoError(t, err)
	assert.True(t, e.IsSubmission())
	assert.Equal(t, "the-same-id-as-before", e.InteractionID)
	assert.Equal(t, "MyVideo.mp4", e.Data.String("title"))
	assert.Equal(t, "off", e.Data.String("captions"))
	assert.Empty(t, e.Resources)
	assert.False(t, e.Legacy)
}

func TestDecodeActionFirstClick(t *testing.T) {
	e, err := webhook.DecodeAction([]byte(`{"type":"x","interaction_id":"i1","action_id":"a1","resources":[{"id":"f","type":"folder"}]}`))
	require.NoError(t, err)
	assert.False(t, e.IsSubmission())
	assert.NotNil(t, e.Data, "Data is never nil")
	assert.False(t, e.Data.Has("anything"))

	e, err = webhook.DecodeAction([]byte(`{"interaction_id":"i1","data":null}`))
	require.NoError(t, err)
	assert.False(t, e.IsSubmission())
	e, err = webhook.DecodeAction([]byte(`{"interaction_id":"i1","data":{}}`))
	require.NoError(t, err)
	assert.False(t, e.IsSubmission())
}

func TestDecodeActionAlternateSpellings(t *testing.T) {
	// The guide's field table says "project_id"; its examples use "project": {"id"}
	// and "account_id". Webhooks use "account": {"id"}. All are accepted.
	e, err := webhook.DecodeAction([]byte(`{"interaction_id":"i","account":{"id":"acc"},"project_id":"proj"}`))
	require.NoError(t, err)
	assert.Equal(t, "acc", e.Account.ID)
	assert.Equal(t, "proj", e.Project.ID)
}

func TestDecodeActionBothResourceShapes(t *testing.T) {
	e, err := webhook.DecodeAction([]byte(`{"interaction_id":"i","resource":{"id":"one"},"resources":[{"id":"many"}]}`))
	require.NoError(t, err)
	assert.Equal(t, []webhook.Resource{{ID: "many"}}, e.Resources)
	assert.False(t, e.Legacy)
}

func TestDecodeActionMalformed(t *testing.T) {
	for name, body := range map[string]string{
		"empty":                  ``,
		"null":                   `null`,
		"array":                  `[]`,
		"missing interaction_id": `{"action_id":"a","data":{"x":"y"}}`,
		"data not object":        `{"interaction_id":"i","data":"x"}`,
		"resources not list":     `{"interaction_id":"i","resources":{"id":"x"}}`,
		"resource not object":    `{"interaction_id":"i","resource":"x"}`,
	} {
		t.Run(name, func(t *testing.T) {
			e, err := webhook.DecodeAction([]byte(body))
			assert.ErrorIs(t, err, webhook.ErrMalformedPayload)
			assert.Nil(t, e)
		})
	}
}

func TestFormData(t *testing.T) {
	e, err := webhook.DecodeAction([]byte(`{"interaction_id":"i","data":{
		"title":"MyVideo.mp4","enabled":"false","on":"true","flag":true,"n":2.5,"big":12345678,
		"tags":["a","b",true],"empty":null,"obj":{"k":"v"}}}`))
	require.NoError(t, err)
	d := e.Data

	assert.True(t, d.Has("title"))
	assert.True(t, d.Has("empty"))
	assert.False(t, d.Has("missing"))

	assert.Equal(t, "MyVideo.mp4", d.String("title"))
	assert.Equal(t, "true", d.String("flag"))
	assert.Equal(t, "2.5", d.String("n"))
	assert.Equal(t, "12345678", d.String("big"))
	assert.Equal(t, `["a","b",true]`, d.String("tags"))
	assert.Equal(t, `{"k":"v"}`, d.String("obj"))
	assert.Empty(t, d.String("empty"))
	assert.Empty(t, d.String("missing"))

	assert.False(t, d.Bool("enabled"), `boolean fields are sent as "false"`)
	assert.True(t, d.Bool("on"))
	assert.True(t, d.Bool("flag"))
	assert.False(t, d.Bool("title"))
	assert.False(t, d.Bool("n"))
	assert.False(t, d.Bool("missing"))

	assert.Equal(t, []string{"a", "b", "true"}, d.Strings("tags"))
	assert.Equal(t, []string{"MyVideo.mp4"}, d.Strings("title"))
	assert.Nil(t, d.Strings("empty"))
	assert.Nil(t, d.Strings("missing"))
}
