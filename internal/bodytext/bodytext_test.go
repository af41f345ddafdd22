package bodytext

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestExcerpt(t *testing.T) {
	assert.Equal(t, "a b c", Excerpt([]byte(" a\n b\tc "), 10))
	assert.Equal(t, "abc…", Excerpt([]byte("abcdef"), 3))
	assert.Equal(t, "é…", Excerpt([]byte("éé"), 3), "never cuts inside a rune")
	assert.Equal(t, "", Excerpt(nil, 3))
}
