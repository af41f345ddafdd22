package frameio_test

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/oapi-codegen/nullable"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/frameio-go/frameio-go/frameio"
	"github.com/frameio-go/frameio-go/gen"
)

func TestValue(t *testing.T) {
	assert.Equal(t, "", frameio.Value[string](nil))
	assert.Equal(t, "x", frameio.Value(new("x")))
	assert.Equal(t, 0, frameio.Value[int](nil))
	assert.Equal(t, gen.User{}, frameio.Value[gen.User](nil))
}

// TestOptionalFieldsOnTheWire: an optional field left nil is not sent; a
// PATCH field typed nullable.Nullable sends nothing, null or a value; a
// data method wraps the {"data": ...} envelope.
func TestOptionalFieldsOnTheWire(t *testing.T) {
	var bodies []map[string]any
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		raw, _ := io.ReadAll(r.Body)
		var b map[string]any
		_ = json.Unmarshal(raw, &b)
		bodies = append(bodies, b)
		w.Header().Set("Content-Type", "application/json")
		_, _ = io.WriteString(w, `{"data":{"id":"s1","name":null,"short_url":null,"access":"public"}}`)
	}))
	t.Cleanup(srv.Close)
	c, err := frameio.NewClient(frameio.WithToken("t"), frameio.WithBaseURL(srv.URL))
	require.NoError(t, err)
	ctx := context.Background()

	share, err := c.Shares.Update(ctx, "acc", "s1", gen.UpdateShareParamsData{
		Description: nullable.NewNullNullable[string](),
		Name:        nullable.NewNullableWithValue("Review"),
	})
	require.NoError(t, err)
	assert.Equal(t, map[string]any{"data": map[string]any{"description": nil, "name": "Review"}}, bodies[0])
	assert.Equal(t, "", frameio.Value(share.Name), "null reads as the zero value")

	_, err = c.Shares.Create(ctx, "acc", "p1", &frameio.AssetShare{Name: "Review", Access: gen.ShareAccessSecure})
	require.NoError(t, err)
	assert.Equal(t, map[string]any{"data": map[string]any{"name": "Review", "access": "secure", "type": "asset"}}, bodies[1],
		"unset optional fields are left out; the union's type comes from the Go type")
}
