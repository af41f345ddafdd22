package webhook_test

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/frameio-go/frameio-go/frameio/webhook"
)

func marshal(t *testing.T, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	require.NoError(t, err)
	return string(b)
}

func TestMessageJSON(t *testing.T) {
	m := webhook.Message("Success!", "The thing worked! Nice.")
	assert.False(t, m.IsForm())
	require.NoError(t, m.Validate())
	assert.JSONEq(t, `{ "title": "Success!", "description": "The thing worked! Nice." }`, marshal(t, m))
}

func TestFormJSONMatchesDocs(t *testing.T) {
	f := webhook.Form("Need some more info!", "Getting ready to submit this file!",
		webhook.TextField("title", "Title", "MyVideo.mp4"),
		webhook.SelectField("captions", "Captions", "",
			webhook.SelectOption{Name: "Off", Value: "off"},
			webhook.SelectOption{Name: "On", Value: "on"}),
	)
	assert.True(t, f.IsForm())
	require.NoError(t, f.Validate())
	assert.JSONEq(t, `{ "title": "Need some more info!", "description": "Getting ready to submit this file!", "fields": [ { "type": "text", "label": "Title", "name": "title", "value": "MyVideo.mp4" }, { "type": "select", "label": "Captions", "name": "captions", "options": [ { "name": "Off", "value": "off" }, { "name": "On", "value": "on" } ] } ] }`, marshal(t, f))
}

func TestFieldJSONMatchesDocs(t *testing.T) {
	tests := map[string]struct {
		field webhook.Field
		want  string
	}{
		"text": {webhook.TextField("title", "Title", "MyVideo.mp4"),
			`{ "type": "text", "label": "Title", "name": "title", "value": "MyVideo.mp4" }`},
		"textarea": {webhook.TextAreaField("description", "Description", "This video is really, really popular."),
			`{ "type": "textarea", "label": "Description", "name": "description", "value": "This video is really, really popular." }`},
		"select": {webhook.SelectField("captions", "Captions", "off",
			webhook.SelectOption{Name: "Off", Value: "off"}, webhook.SelectOption{Name: "On", Value: "on"}),
			`{ "type": "select", "label": "Captions", "name": "captions", "value": "off", "options": [ { "name": "Off", "value": "off" }, { "name": "On", "value": "on" } ] }`},
		"boolean": {webhook.BooleanField("enabled", "Enabled", false),
			`{ "type": "boolean", "name": "enabled", "label": "Enabled", "value": "false" }`},
		"boolean true": {webhook.BooleanField("enabled", "Enabled", true),
			`{ "type": "boolean", "name": "enabled", "label": "Enabled", "value": "true" }`},
		"link": {webhook.LinkField("videoLink", "Video Link", "https://www.youtube.com/watch?v=XtX1zv9CEVc"),
			`{ "type": "link", "name": "videoLink", "label": "Video Link", "value": "https://www.youtube.com/watch?v=XtX1zv9CEVc" }`},
		"text without value": {webhook.TextField("t", "T", ""),
			`{ "type": "text", "label": "T", "name": "t" }`},
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			assert.JSONEq(t, tt.want, marshal(t, tt.field))
			assert.NoError(t, webhook.Form("t", "d", tt.field).Validate())
		})
	}
}

func TestResponseValidate(t *testing.T) {
	opt := webhook.SelectOption{Name: "A", Value: "a"}
	for name, tt := range map[string]struct {
		fields []webhook.Field
		msg    string
	}{
		"empty name":         {[]webhook.Field{webhook.TextField("", "T", "")}, "empty name"},
		"select no options":  {[]webhook.Field{webhook.SelectField("s", "S", "")}, "without options"},
		"options on text":    {[]webhook.Field{{Type: webhook.FieldText, Name: "t", Options: []webhook.SelectOption{opt}}}, "only allowed"},
		"unknown type":       {[]webhook.Field{{Type: "date", Name: "d"}}, `unknown field type "date"`},
		"duplicate names":    {[]webhook.Field{webhook.TextField("x", "X", ""), webhook.LinkField("x", "X", "")}, `duplicate name "x"`},
		"several, all shown": {[]webhook.Field{webhook.TextField("", "", ""), {Type: "date", Name: "d"}}, "field 1"},
	} {
		t.Run(name, func(t *testing.T) {
			err := webhook.Form("t", "d", tt.fields...).Validate()
			require.Error(t, err)
			assert.Contains(t, err.Error(), tt.msg)
		})
	}
}
