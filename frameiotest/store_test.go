package frameiotest

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func ids(recs []*record) []string {
	out := make([]string, len(recs))
	for i, r := range recs {
		out[i] = r.id
	}
	return out
}

// The index of children keeps creation order through moves, stacking and
// deletes, and forgets removed subtrees.
func TestStoreChildrenIndex(t *testing.T) {
	st := newStore()
	st.put(kindFolder, "root", "", map[string]any{})
	st.put(kindFolder, "other", "", map[string]any{})
	a := st.put(kindFile, "a", "root", map[string]any{})
	st.put(kindFolder, "b", "root", map[string]any{})
	c := st.put(kindFile, "c", "root", map[string]any{})
	st.put(kindFile, "b1", "b", map[string]any{})
	assert.Equal(t, []string{"a", "b", "c"}, ids(st.children("root", kindFile, kindFolder)))
	assert.Equal(t, []string{"a", "c"}, ids(st.children("root", kindFile)))

	st.setParent(a, "other", false)
	st.setParent(a, "root", false) // back in its place: it keeps its creation order
	assert.Equal(t, []string{"a", "b", "c"}, ids(st.children("root", kindFile, kindFolder)))

	st.setParent(a, "root", true) // stacked: it becomes the newest
	assert.Equal(t, []string{"b", "c", "a"}, ids(st.children("root", kindFile, kindFolder)))

	st.setParent(c, "b", false) // created before b1: it lists first, as by creation order
	assert.Equal(t, []string{"c", "b1"}, ids(st.children("b", kindFile)))

	st.remove("b")
	assert.Equal(t, []string{"a"}, ids(st.children("root", kindFile, kindFolder)))
	assert.Nil(t, st.get("c"))
	assert.Nil(t, st.get("b1"))
	assert.NotContains(t, st.kids, "b")
	st.remove("a")
	assert.NotContains(t, st.kids, "root", "an empty parent leaves no entry")
}
