package frameiotest

import "time"

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
	now             func() time.Time
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

// Option configures a Server.
type Option func(*config)

// WithToken sets the bearer token the server accepts.
func WithToken(token string) Option { return func(c *config) { c.token = token } }

// WithPartSize sets the maximum size of one upload part; a local upload of
// n bytes gets ceil(n/size) upload URLs of equal size (the last one smaller),
// as in the docs' example. Values below 1 are ignored.
func WithPartSize(size int64) Option {
	return func(c *config) {
		if size > 0 {
			c.partSize = size
		}
	}
}

// WithTranscodeAfterPolls makes an uploaded file report status "uploaded" to
// the first n polls (files_show, files_show_file_upload_status, files_list)
// and "transcoded" afterwards. n = 0 transcodes as soon as the upload
// completes. The default is 1.
func WithTranscodeAfterPolls(n int) Option {
	return func(c *config) {
		c.transcodePolls = max(n, 0)
		c.transcodeDelay = 0
		c.manualTranscode = false
	}
}

// WithTranscodeDelay makes an uploaded file become "transcoded" d after its
// upload completed, whatever the number of polls.
func WithTranscodeDelay(d time.Duration) Option {
	return func(c *config) {
		c.transcodeDelay = d
		c.manualTranscode = false
	}
}

// WithManualTranscode keeps uploaded files in status "uploaded" until
// Server.Transcode is called.
func WithManualTranscode() Option { return func(c *config) { c.manualTranscode = true } }

// WithUploadURLTTL sets how long presigned upload URLs stay valid (default 1h).
func WithUploadURLTTL(d time.Duration) Option { return func(c *config) { c.uploadURLTTL = d } }

// WithAllowViolations stops NewServer from failing the test when requests or
// responses broke the spec; Violations still reports them.
func WithAllowViolations() Option { return func(c *config) { c.allowViolations = true } }

// WithLatency delays every API and object-store response by d.
func WithLatency(d time.Duration) Option { return func(c *config) { c.latency = d } }

// WithClock sets the clock used for timestamps, URL expiry and transcode
// delays (default time.Now).
func WithClock(now func() time.Time) Option {
	return func(c *config) {
		if now != nil {
			c.now = now
		}
	}
}

// WithRemoteFetch sets how a remote upload obtains its bytes from its
// source_url. By default nothing is fetched and the file holds the bytes of
// the source URL string itself.
func WithRemoteFetch(fetch func(url string) ([]byte, error)) Option {
	return func(c *config) { c.remoteFetch = fetch }
}
