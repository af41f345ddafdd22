package main

import (
	"bytes"
	"context"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestDeviceRunsOnTheFake runs `go run ./examples/c2cdevice` the way a new
// user does, without credentials, against the embedded fake.
func TestDeviceRunsOnTheFake(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	var out bytes.Buffer
	start := time.Now()
	require.NoError(t, run(ctx, config{ClientID: "test-device-1", ClipSize: 11 << 20, Record: 300 * time.Millisecond, Dir: t.TempDir()}, &out))
	t.Logf("ran in %v:\n%s", time.Since(start), out.String())
	for _, want := range []string{
		"embedded fake C2C server", "PAIRING CODE: ", `Paired: project "Example Shoot", authorized by A. Producer`,
		"Status socket connected", "(recording still running: true)", "Uploaded A001_C001.mov",
		"Fake server check: complete=true, 11534336 bytes in 3 parts, identical to the file: true",
		"Device PAUSED", "409 Channel Paused", "Device RESUMED", "Uploaded A001_C002.mov", "Done.",
	} {
		assert.Contains(t, out.String(), want)
	}
	code := strings.SplitN(strings.SplitN(out.String(), "PAIRING CODE: ", 2)[1], " ", 2)[0]
	assert.Len(t, code, 6, "the six-digit code a user would type")
}
