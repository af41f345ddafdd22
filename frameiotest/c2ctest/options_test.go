package c2ctest_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/frameio-go/frameio-go/frameiotest/c2ctest"
)

// TestStartReportsEveryBadOption: options check their values, and Start
// reports all the bad ones at once instead of ignoring or clamping them.
func TestStartReportsEveryBadOption(t *testing.T) {
	_, err := c2ctest.Start(c2ctest.WithClientSecret(""), c2ctest.WithClock(nil), c2ctest.WithTokenLifetime(0),
		c2ctest.WithCodeLifetime(-1), c2ctest.WithPollInterval(0), c2ctest.WithAutoApprove(0), c2ctest.WithChunkSize(0))
	require.Error(t, err)
	for _, want := range []string{"c2ctest: WithClientSecret: empty secret", "c2ctest: WithClock: nil clock",
		"c2ctest: WithTokenLifetime: 0s is not positive", "c2ctest: WithCodeLifetime: -1ns is not positive",
		"c2ctest: WithPollInterval: 0s is not positive", "c2ctest: WithAutoApprove: 0 is less than 1",
		"c2ctest: WithChunkSize: 0 is less than 1"} {
		assert.ErrorContains(t, err, want)
	}
}
