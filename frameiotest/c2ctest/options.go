package c2ctest

import (
	"errors"
	"fmt"
	"time"

	"github.com/frameio-go/frameio-go/internal/options"
)

// Defaults of a Server.
const (
	// DefaultClientSecret is the device model secret the server accepts.
	DefaultClientSecret = "c2ctest-client-secret"
	// DefaultChunkSize sizes regular uploads: ceil(filesize / chunk) URLs,
	// about 25 MB each as in the guides.
	DefaultChunkSize int64 = 25_000_000
)

type config struct {
	clientSecret    string
	now             Clock
	tokenLifetime   time.Duration
	codeLifetime    time.Duration
	pollInterval    time.Duration
	autoApprove     int
	chunkSize       int64
	allowViolations bool
	deviceName      string
	projectName     string
	creatorName     string
}

func defaultConfig() config {
	return config{
		clientSecret: DefaultClientSecret, now: time.Now, tokenLifetime: 8 * time.Hour,
		codeLifetime: 2 * time.Minute, pollInterval: 5 * time.Second, autoApprove: -1,
		chunkSize: DefaultChunkSize, deviceName: "c2ctest camera", projectName: "c2ctest project",
		creatorName: "c2ctest user",
	}
}

// Option configures a Server. An option reports a bad value when it is
// applied: Start returns every such error at once, and NewServer fails the
// test with them.
type Option func(*config) error

// Clock returns the current time (time.Now unless WithClock replaces it).
// It is the one clock type of the SDK's packages (frameiotest.Clock,
// c2c.Clock, ... are the same type).
type Clock = options.Clock

// WithClientSecret sets the device model secret the server accepts; it must
// not be empty.
func WithClientSecret(s string) Option {
	return func(c *config) error {
		if s == "" {
			return errors.New("c2ctest: WithClientSecret: empty secret")
		}
		c.clientSecret = s
		return nil
	}
}

// WithClock replaces time.Now: code and token expiry, pause windows.
func WithClock(now Clock) Option {
	return func(c *config) error {
		if now == nil {
			return errors.New("c2ctest: WithClock: nil clock")
		}
		c.now = now
		return nil
	}
}

// WithTokenLifetime sets expires_in of issued access tokens (default 8 h;
// positive).
func WithTokenLifetime(d time.Duration) Option {
	return positive("WithTokenLifetime", d, func(c *config) *time.Duration { return &c.tokenLifetime })
}

// WithCodeLifetime sets expires_in of pairing codes (default 120 s;
// positive).
func WithCodeLifetime(d time.Duration) Option {
	return positive("WithCodeLifetime", d, func(c *config) *time.Duration { return &c.codeLifetime })
}

// WithPollInterval sets the interval of pairing codes (default 5 s;
// positive).
func WithPollInterval(d time.Duration) Option {
	return positive("WithPollInterval", d, func(c *config) *time.Duration { return &c.pollInterval })
}

// positive sets the duration field of the option name to d, refusing
// durations that are not positive.
func positive(name string, d time.Duration, field func(*config) *time.Duration) Option {
	return func(c *config) error {
		if d <= 0 {
			return fmt.Errorf("c2ctest: %s: %v is not positive", name, d)
		}
		*field(c) = d
		return nil
	}
}

// WithAutoApprove approves every pairing code on its n-th poll (n >= 1);
// without it codes wait for Approve.
func WithAutoApprove(n int) Option {
	return func(c *config) error {
		if n < 1 {
			return fmt.Errorf("c2ctest: WithAutoApprove: %d is less than 1", n)
		}
		c.autoApprove = n
		return nil
	}
}

// WithChunkSize sets the chunk size of regular uploads (at least 1).
func WithChunkSize(n int64) Option {
	return func(c *config) error {
		if n < 1 {
			return fmt.Errorf("c2ctest: WithChunkSize: %d is less than 1", n)
		}
		c.chunkSize = n
		return nil
	}
}

// WithAllowViolations keeps spec violations from failing the test.
func WithAllowViolations() Option {
	return func(c *config) error { c.allowViolations = true; return nil }
}

// WithNames sets the device, project and authorizing user names.
func WithNames(device, project, creator string) Option {
	return func(c *config) error {
		c.deviceName, c.projectName, c.creatorName = device, project, creator
		return nil
	}
}
