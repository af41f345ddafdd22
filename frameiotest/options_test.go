package frameiotest_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/frameio-go/frameio-go/frameiotest"
)

// TestStartReportsEveryBadOption: options check their values, and Start
// reports all the bad ones at once instead of ignoring them.
func TestStartReportsEveryBadOption(t *testing.T) {
	_, err := frameiotest.Start(frameiotest.WithToken(""), frameiotest.WithPartSize(0), frameiotest.WithClock(nil),
		frameiotest.WithTranscodeAfterPolls(-1), frameiotest.WithTranscodeDelay(-time.Second), frameiotest.WithLatency(-1),
		frameiotest.WithUploadURLTTL(-time.Minute))
	require.Error(t, err)
	for _, want := range []string{"frameiotest: WithToken: empty token", "frameiotest: WithPartSize: 0 is less than 1",
		"frameiotest: WithClock: nil clock", "frameiotest: WithTranscodeAfterPolls: -1 is negative",
		"frameiotest: WithTranscodeDelay: -1s is negative", "frameiotest: WithLatency: -1ns is negative",
		"frameiotest: WithUploadURLTTL: -1m0s is negative"} {
		assert.ErrorContains(t, err, want)
	}
	srv, err := frameiotest.Start(frameiotest.WithRemoteFetch(nil), frameiotest.WithUploadURLTTL(0), frameiotest.Option(nil))
	require.NoError(t, err, "a nil hook means none, a zero TTL expires URLs at once, a nil option is skipped")
	srv.Close()
}
