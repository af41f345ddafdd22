package main

import (
	"bytes"
	"context"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/frameio-go/frameio-go/examples/internal/env"
)

func TestShareFolderOnTheFake(t *testing.T) {
	var out bytes.Buffer
	require.NoError(t, run(context.Background(), env.Config{Fake: true}, "", []string{"ana@example.com", "bo@example.com"}, &out))
	assert.Contains(t, out.String(), `as "Review: cut v2" with ana@example.com, bo@example.com`)
	assert.Contains(t, out.String(), "Link: https://")
}
