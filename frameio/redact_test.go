package frameio

import (
	"net/url"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestRedactURL(t *testing.T) {
	u, _ := url.Parse("https://user:pw@h/p?token=abc&keep=1&X-Amz-Signature=s&flag")
	assert.Equal(t, "https://h/p?token=REDACTED&keep=1&X-Amz-Signature=REDACTED&flag", redactURL(u))
	assert.Equal(t, "", redactURL(nil))
}
