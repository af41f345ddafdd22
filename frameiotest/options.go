package frameiotest

import (
	"errors"
	"fmt"
	"time"

	"github.com/frameio-go/frameio-go/internal/options"
)

// DefaultToken is the bearer token a Server accepts unless WithToken is used.
const DefaultToken = "frameiotest-token"

// DefaultPartSize is the upload part size used unless WithPartSize is used.
const DefaultPartSize int64 = 5 << 20

// config holds the settings chosen with Options.
type config struct {
	token           string
	partSize        int64
	transcodePolls  int
	transcodeDelay  time.Duration
	manualTranscode bool
	uploadURLTTL    time.Duration
	allowViolations bool
	latency         time.Duration
	now             Clock
	remoteFetch     func(url string) ([]byte, error)
}

func defaultConfig() config {
	return config{
		token:          DefaultToken,
		partSize:       DefaultPartSize,
		transcodePolls: 1,
		uploadURLTTL:   time.Hour,
		now:            time.Now,
	}
}

// Option configures a Server. An option reports a bad value when it is
// applied: Start returns every such error at once, and NewServer fails the
// test with them.
type Option func(*config) error

// Clock returns the current time (time.Now unless WithClock replaces it).
// It is the one clock type of the SDK's packages: transfer.Clock,
// auth.Clock, webhook.Clock and c2c.Clock are the same type.
type Clock = options.Clock

// WithToken sets the bearer token the server accepts; it must not be empty.
func WithToken(token string) Option {
	return func(c *config) error {
		if token == "" {
			return errors.New("frameiotest: WithToken: empty token")
		}
		c.token = token
		return nil
	}
}

// WithPartSize sets the maximum size of one upload part; a local upload of
// n bytes gets ceil(n/size) upload URLs of equal size (the last one smaller),
// as in the docs' example. It must be at least 1.
func WithPartSize(size int64) Option {
	return func(c *config) error {
		if size < 1 {
			return fmt.Errorf("frameiotest: WithPartSize: %d is less than 1", size)
		}
		c.partSize = size
		return nil
	}
}

// WithTranscodeAfterPolls makes an uploaded file report status "uploaded" to
// the first n polls (files_show, files_show_file_upload_status, files_list)
// and "transcoded" afterwards. n = 0 transcodes as soon as the upload
// completes; n must not be negative. The default is 1.
func WithTranscodeAfterPolls(n int) Option {
	return func(c *config) error {
		if n < 0 {
			return fmt.Errorf("frameiotest: WithTranscodeAfterPolls: %d is negative", n)
		}
		c.transcodePolls = n
		c.transcodeDelay = 0
		c.manualTranscode = false
		return nil
	}
}

// WithTranscodeDelay makes an uploaded file become "transcoded" d (not
// negative) after its upload completed, whatever the number of polls.
func WithTranscodeDelay(d time.Duration) Option {
	return func(c *config) error {
		if d < 0 {
			return fmt.Errorf("frameiotest: WithTranscodeDelay: %v is negative", d)
		}
		c.transcodeDelay = d
		c.manualTranscode = false
		return nil
	}
}

// WithManualTranscode keeps uploaded files in status "uploaded" until
// Server.Transcode is called.
func WithManualTranscode() Option {
	return func(c *config) error { c.manualTranscode = true; return nil }
}

// WithUploadURLTTL sets how long presigned upload URLs stay valid (default
// 1h; 0 makes them expire at once, a negative d is refused).
func WithUploadURLTTL(d time.Duration) Option {
	return func(c *config) error {
		if d < 0 {
			return fmt.Errorf("frameiotest: WithUploadURLTTL: %v is negative", d)
		}
		c.uploadURLTTL = d
		return nil
	}
}

// WithAllowViolations stops NewServer from failing the test when requests or
// responses broke the spec; Violations still reports them.
func WithAllowViolations() Option {
	return func(c *config) error { c.allowViolations = true; return nil }
}

// WithLatency delays every API and object-store response by d (not
// negative).
func WithLatency(d time.Duration) Option {
	return func(c *config) error {
		if d < 0 {
			return fmt.Errorf("frameiotest: WithLatency: %v is negative", d)
		}
		c.latency = d
		return nil
	}
}

// WithClock sets the clock used for timestamps, URL expiry and transcode
// delays (default time.Now).
func WithClock(now Clock) Option {
	return func(c *config) error {
		if now == nil {
			return errors.New("frameiotest: WithClock: nil clock")
		}
		c.now = now
		return nil
	}
}

// WithRemoteFetch sets how a remote upload obtains its bytes from its
// source_url. By default (and with nil) nothing is fetched and the file
// holds the bytes of the source URL string itself.
func WithRemoteFetch(fetch func(url string) ([]byte, error)) Option {
	return func(c *config) error { c.remoteFetch = fetch; return nil }
}
