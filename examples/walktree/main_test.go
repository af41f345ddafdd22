package main

import (
	"bytes"
	"context"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/frameio-go/frameio-go/examples/internal/env"
)

func TestWalkTreeOnTheFake(t *testing.T) {
	var out bytes.Buffer
	require.NoError(t, run(context.Background(), env.Config{Fake: true}, &out))
	s := out.String()
	assert.Contains(t, s, "Dailies/\n  Day 1/\n    A001_C001.mov")
	assert.Contains(t, s, "brief.pdf")
	assert.Contains(t, s, "3 files, 3500 bytes")
}
