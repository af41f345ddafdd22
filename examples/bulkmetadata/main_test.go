package main

import (
	"bytes"
	"context"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/frameio-go/frameio-go/examples/internal/env"
)

func TestBulkMetadataOnTheFake(t *testing.T) {
	var out bytes.Buffer
	require.NoError(t, run(context.Background(), env.Config{Fake: true}, "", &out))
	assert.Contains(t, out.String(), "Set Approved and Approval notes on 3 files")
}
