package c2c_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/frameio-go/frameio-go/frameio/c2c"
)

func TestNewClientValidatesEveryOption(t *testing.T) {
	creds := c2c.WithCredentials("serial", "secret")
	for name, tc := range map[string]struct {
		opts []c2c.Option
		want string
	}{
		"no version":       {[]c2c.Option{creds}, "WithClientVersion is required"},
		"not semver":       {[]c2c.Option{creds, c2c.WithClientVersion("v1.2")}, `client version "v1.2" is not a semantic version`},
		"leading zero":     {[]c2c.Option{creds, c2c.WithClientVersion("01.2.3")}, "not a semantic version"},
		"no credentials":   {[]c2c.Option{c2c.WithClientVersion("1.0.0")}, "WithCredentials or WithCredentialStore is required"},
		"empty secret":     {[]c2c.Option{c2c.WithClientVersion("1.0.0"), c2c.WithCredentials("serial", "")}, "client secret is empty"},
		"empty client id":  {[]c2c.Option{c2c.WithClientVersion("1.0.0"), c2c.WithCredentials("", "s")}, "client id is empty"},
		"plain http":       {[]c2c.Option{creds, c2c.WithClientVersion("1.0.0"), c2c.WithBaseURL("http://api.frame.io")}, "must use https"},
		"relative URL":     {[]c2c.Option{creds, c2c.WithClientVersion("1.0.0"), c2c.WithBaseURL("/v2")}, "not an absolute URL"},
		"zero attempts":    {[]c2c.Option{creds, c2c.WithClientVersion("1.0.0"), c2c.WithMaxAttempts(0)}, "need at least 1"},
		"long heartbeat":   {[]c2c.Option{creds, c2c.WithClientVersion("1.0.0"), c2c.WithHeartbeat(61e9)}, "between 0 and 60 s"},
		"negative timeout": {[]c2c.Option{creds, c2c.WithClientVersion("1.0.0"), c2c.WithTimeouts(c2c.Timeouts{Default: -1})}, "negative timeout"},
		"nil store":        {[]c2c.Option{creds, c2c.WithClientVersion("1.0.0"), c2c.WithTokenStore(nil)}, "nil store"},
	} {
		t.Run(name, func(t *testing.T) {
			_, err := c2c.NewClient(tc.opts...)
			require.Error(t, err)
			assert.Contains(t, err.Error(), tc.want)
			assert.NotContains(t, err.Error(), "secret\"", "the secret never appears")
		})
	}
}

func TestNewClientReportsEveryProblemAtOnce(t *testing.T) {
	_, err := c2c.NewClient(c2c.WithBaseURL("ftp://x"))
	require.Error(t, err)
	for _, want := range []string{"must use https", "WithClientVersion is required", "WithCredentials or WithCredentialStore is required"} {
		assert.Contains(t, err.Error(), want)
	}
}

func TestValidVersionAcceptsTheGuidesExamples(t *testing.T) {
	for _, v := range []string{"0.1.2", "2.1.3-preview.01", "2.1.3-preview.01+build_19770504.01", "2.0.0", "10.20.30"} {
		assert.NoError(t, c2c.ValidVersion(v), v)
	}
	for _, v := range []string{"", "1.0", "1.0.0.0", "v1.0.0", "1.0.0-", "1.0.0+", " 1.0.0"} {
		assert.Error(t, c2c.ValidVersion(v), v)
	}
	dev, err := c2c.NewClient(c2c.WithClientVersion("2.1.3-preview.01"), c2c.WithCredentials("a", "b"), c2c.WithBaseURL("http://127.0.0.1:1"))
	require.NoError(t, err)
	assert.Equal(t, "2.1.3-preview.01", dev.ClientVersion())
}

// TestNewClientRefusesWhatItUsedToClamp: a nil dependency or an out of
// range count is reported, like every other bad value, not silently fixed.
func TestNewClientRefusesWhatItUsedToClamp(t *testing.T) {
	_, err := c2c.NewClient(c2c.WithClientVersion("1.0.0"), c2c.WithCredentials("serial", "secret"),
		c2c.WithSleeper(nil), c2c.WithClock(nil), c2c.WithJitter(nil), c2c.WithRefreshBefore(-1),
		c2c.WithMaxHold(-1), c2c.WithPairingCodes(0), c2c.WithConcurrency(0))
	require.Error(t, err)
	for _, want := range []string{"c2c: WithSleeper: nil sleeper", "c2c: WithClock: nil clock", "c2c: WithJitter: nil jitter source",
		"c2c: WithRefreshBefore(-1ns): negative", "c2c: WithMaxHold(-1ns): negative",
		"c2c: WithPairingCodes(0): need at least 1", "c2c: WithConcurrency(0): need at least 1"} {
		assert.ErrorContains(t, err, want)
	}
	_, err = c2c.NewClient(c2c.WithClientVersion("1.0.0"), c2c.WithCredentials("serial", "secret"),
		c2c.WithLogger(nil), c2c.WithConnectivityFunc(nil), c2c.WithRefreshBefore(0), c2c.WithMaxHold(0))
	assert.NoError(t, err, "a nil logger or callback means none; zero durations are valid")
}
