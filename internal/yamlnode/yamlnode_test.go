package yamlnode

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"gopkg.in/yaml.v3"
)

func parse(t *testing.T, src string) *yaml.Node {
	t.Helper()
	var doc yaml.Node
	require.NoError(t, yaml.Unmarshal([]byte(src), &doc))
	return doc.Content[0]
}

func TestReadAndEdit(t *testing.T) {
	n := parse(t, "a: 1\nb: {c: [x, {d: 2}]}\ne: text\n")
	assert.Equal(t, "text", Scalar(n, "e"))
	assert.Equal(t, "", Scalar(n, "b"), "not a scalar")
	assert.True(t, Has(n, "a"))
	assert.Nil(t, Get(nil, "a"))
	assert.Nil(t, Get(Str("x"), "a"), "not a mapping")

	c, err := Lookup(n, "b", "c")
	require.NoError(t, err)
	assert.Len(t, Items(c), 2)
	assert.Nil(t, Items(n), "not a sequence")
	_, err = Lookup(n, "b", "z", "y")
	assert.EqualError(t, err, "[b z] not found")

	Set(n, "a", Str("one"))
	Set(n, "f", Map())
	assert.True(t, Delete(n, "e"))
	assert.False(t, Delete(n, "e"), "already gone")
	assert.False(t, Delete(nil, "e"))
	Rename(n, "b", "g", SchemaRef("X"))
	var keys []string
	for k := range Pairs(n) {
		keys = append(keys, k)
	}
	assert.Equal(t, []string{"a", "g", "f"}, keys)
	assert.Equal(t, "#/components/schemas/X", Scalar(Get(n, "g"), "$ref"))
	assert.True(t, IsOnly(Get(n, "g"), "$ref"))

	SortKeys(n)
	keys = keys[:0]
	for k := range Pairs(n) {
		keys = append(keys, k)
	}
	assert.Equal(t, []string{"a", "f", "g"}, keys)
}

func TestEqualCloneWalk(t *testing.T) {
	a := parse(t, "x: [1, {y: z}]\n")
	b := Clone(a)
	assert.True(t, Equal(a, b))
	Get(b, "x").Content[1].Content[1].Value = "w"
	assert.False(t, Equal(a, b))
	assert.Equal(t, "z", Scalar(Get(a, "x").Content[1], "y"), "the clone is deep")
	assert.False(t, Equal(parse(t, "x: 1\n"), parse(t, "x: '1'\n")), "a number is not a string")

	var paths []string
	Walk(a, func(_ *yaml.Node, path string) { paths = append(paths, path) })
	assert.Equal(t, []string{"", "/x[]"}, paths)
}
