package transfer

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestOptionsReportEveryBadValue: options check their values when applied,
// and the constructor (or the call) reports all the bad ones at once.
func TestOptionsReportEveryBadValue(t *testing.T) {
	e := newEnv(t)
	_, err := NewUploader(e.client, WithConcurrency(0), WithClock(nil), WithSleeper(nil), WithHTTPClient(nil),
		WithJitter(2), WithRetryBackoff(-time.Second, 0), WithPollInterval(-1, 0), WithRangeSize(1))
	require.Error(t, err)
	for _, want := range []string{
		"transfer: WithConcurrency: 0 is less than 1",
		"transfer: WithClock: clock is nil",
		"transfer: WithSleeper: sleeper is nil",
		"transfer: WithHTTPClient: client is nil",
		"transfer: WithJitter: 2 is outside [0, 1]",
		"transfer: WithRetryBackoff: negative duration (-1s, 0s)",
		"transfer: WithPollInterval: negative duration (-1ns, 0s)",
		"transfer: WithRangeSize: 1 is less than MinRangeSize (65536)",
	} {
		assert.ErrorContains(t, err, want)
	}
	_, err = NewDownloader(e.client, WithMaxResumes(-1), WithRendition("poster"))
	assert.ErrorContains(t, err, "transfer: WithMaxResumes: -1 is negative")
	assert.ErrorContains(t, err, `transfer: WithRendition: unknown rendition "poster"`)

	_, err = NewUploader(e.client, WithLogger(nil), WithProgress(nil), Option(nil))
	assert.NoError(t, err, "a nil logger or callback means none; a nil option is skipped")
}
