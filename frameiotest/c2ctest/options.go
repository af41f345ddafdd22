package c2ctest

import "time"

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
	now             func() time.Time
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

// Option configures a Server.
type Option func(*config)

// WithClientSecret sets the device model secret the server accepts.
func WithClientSecret(s string) Option { return func(c *config) { c.clientSecret = s } }

// WithClock replaces time.Now: code and token expiry, pause windows.
func WithClock(now func() time.Time) Option { return func(c *config) { c.now = now } }

// WithTokenLifetime sets expires_in of issued access tokens (default 8 h).
func WithTokenLifetime(d time.Duration) Option { return func(c *config) { c.tokenLifetime = d } }

// WithCodeLifetime sets expires_in of pairing codes (default 120 s).
func WithCodeLifetime(d time.Duration) Option { return func(c *config) { c.codeLifetime = d } }

// WithPollInterval sets the interval of pairing codes (default 5 s).
func WithPollInterval(d time.Duration) Option { return func(c *config) { c.pollInterval = d } }

// WithAutoApprove approves every pairing code on its n-th poll (n >= 1);
// without it codes wait for Approve.
func WithAutoApprove(n int) Option { return func(c *config) { c.autoApprove = max(n, 1) } }

// WithChunkSize sets the chunk size of regular uploads.
func WithChunkSize(n int64) Option {
	return func(c *config) {
		if n > 0 {
			c.chunkSize = n
		}
	}
}

// WithAllowViolations keeps spec violations from failing the test.
func WithAllowViolations() Option { return func(c *config) { c.allowViolations = true } }

// WithNames sets the device, project and authorizing user names.
func WithNames(device, project, creator string) Option {
	return func(c *config) { c.deviceName, c.projectName, c.creatorName = device, project, creator }
}
