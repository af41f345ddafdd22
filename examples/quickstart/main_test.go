package main

import (
	"bytes"
	"context"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/frameio-go/frameio-go/examples/internal/env"
)

// TestQuickstartRunsOnTheFake runs the README's first command the way a
// new user does, without credentials, against the embedded fake.
func TestQuickstartRunsOnTheFake(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	var out, progress bytes.Buffer
	require.NoError(t, run(ctx, config{Config: env.Config{Fake: true}, FileSize: 6<<20 + 123}, &out, &progress))
	for _, want := range []string{
		"embedded fake Frame.io", "Signed in as", "Account ", "Workspace ", "Project ",
		"<- using this one", "Created folder", "Uploaded quickstart-clip.mp4: 6291579 bytes in 2 parts, status transcoded",
		"  file ", "Commented on the file", "Share link: https://", "Done.",
	} {
		assert.Contains(t, out.String(), want)
	}
	assert.Contains(t, progress.String(), "100%")
}
