package frameiotest

import (
	"testing"
	"time"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestFillUsesTheSpecsExamples: a missing required property takes its own
// example, else the one of the object holding it, else a minimal value; an
// example that does not fit its schema is not used; what is set is kept.
func TestFillUsesTheSpecsExamples(t *testing.T) {
	doc, err := openapi3.NewLoader().LoadFromData([]byte(`
openapi: 3.1.0
info: {title: t, version: '1'}
paths: {}
components:
  schemas:
    Share:
      type: object
      required: [name, access, views, theme, note]
      properties:
        name: {type: string, examples: [Client review]}
        access: {type: string, enum: [public, secure], examples: [secure]}
        views: {type: integer}
        theme: {type: string}
        note: {type: string, examples: [42]}
      examples:
        - {name: ignored, views: 7, theme: dark}
`))
	require.NoError(t, err)
	f := &filler{now: time.Now, newID: newID, checks: newSchemaChecks()}
	got := f.fill(doc.Components.Schemas["Share"], nil).(map[string]any)
	assert.Equal(t, "Client review", got["name"], "the property's own example")
	assert.Equal(t, "secure", got["access"], "an example before the first enum value")
	assert.Equal(t, 7.0, got["views"], "the object's example")
	assert.Equal(t, "dark", got["theme"])
	assert.Equal(t, "", got["note"], "an example of the wrong type is not used")

	kept := f.fill(doc.Components.Schemas["Share"], map[string]any{"name": "Mine"}).(map[string]any)
	assert.Equal(t, "Mine", kept["name"])
}
