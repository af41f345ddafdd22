package sdknames

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestWords(t *testing.T) {
	for in, want := range map[string][]string{
		"createLocalUpload":   {"create", "local", "upload"},
		"create-local-upload": {"create", "local", "upload"},
		"Version Stacks":      {"version", "stacks"},
		"files.show":          {"files", "show"},
		"auditlog_index":      {"auditlog", "index"},
	} {
		assert.Equal(t, want, Words(in), in)
	}
}
