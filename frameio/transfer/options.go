package transfer

import (
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"slices"
	"time"

	"github.com/frameio-go/frameio-go/frameio"
	"github.com/frameio-go/frameio-go/internal/options"
)

// Option configures an Uploader or a Downloader. Options given to
// NewUploader or NewDownloader are defaults; options given to a call are
// applied after them and win for that call only. An option reports a bad
// value when it is applied: NewUploader, NewDownloader or the call return
// every such error at once. nil is a bad value for a dependency (the HTTP
// client, the sleeper, the clock); a nil logger or progress callback
// means none.
type Option func(*config) error

// Clock returns the current time (time.Now unless WithClock replaces it).
// It is the one clock type of the SDK's packages: auth.Clock,
// webhook.Clock, c2c.Clock and frameiotest.Clock are the same type.
type Clock = options.Clock

// config is the resolved configuration of one call.
type config struct {
	concurrency  int
	maxRetries   int
	maxResumes   int
	retryBase    time.Duration
	retryMax     time.Duration
	jitter       float64
	httpClient   *http.Client
	sleep        frameio.Sleeper
	now          Clock
	logger       *slog.Logger
	progress     ProgressFunc
	barWriter    io.Writer
	barOpts      []ProgressBarOption
	name         string
	mediaType    string
	waitFor      Stage
	pollInitial  time.Duration
	pollMax      time.Duration
	waitTimeout  time.Duration // 0: only the context bounds a wait
	stallTimeout time.Duration // 0: no stall detection
	rendition    Rendition
	rangeSize    int64 // downloads to a file: bytes per ranged GET
	bufferSize   int64 // downloads to an io.Writer: bytes per ranged GET, held until written
	apiOpts      []frameio.RequestOption
	onlyParts    []int // UploadContent: the part numbers to send; nil means all
}

func defaultConfig(hc *http.Client) config {
	return config{
		concurrency:  DefaultConcurrency,
		maxRetries:   DefaultMaxRetries,
		maxResumes:   DefaultMaxResumes,
		retryBase:    DefaultRetryBase,
		retryMax:     DefaultRetryMax,
		jitter:       DefaultJitter,
		httpClient:   hc,
		sleep:        frameio.Sleep,
		now:          time.Now,
		logger:       options.Logger(nil),
		pollInitial:  DefaultPollInterval,
		pollMax:      DefaultPollMax,
		waitTimeout:  DefaultWaitTimeout,
		stallTimeout: DefaultStallTimeout,
		rendition:    RenditionOriginal,
		rangeSize:    DefaultRangeSize,
		bufferSize:   DefaultBufferSize,
	}
}

// with returns c with opts applied after its own settings, reporting
// every bad value at once (see internal/options).
func (c config) with(opts []Option) (config, error) {
	c.apiOpts = append([]frameio.RequestOption(nil), c.apiOpts...)
	c.barOpts = append([]ProgressBarOption(nil), c.barOpts...)
	c.onlyParts = slices.Clone(c.onlyParts)
	return c, options.Apply(&c, opts)
}

// WithConcurrency sets how many parts (or, for UploadDir, parts of all
// files together) are sent at once, or how many ranges of a download are
// fetched at once. Upload memory does not depend on it: parts are
// streamed. Defaults: DefaultConcurrency (5) for an Uploader,
// DefaultDownloadConcurrency for a Downloader.
func WithConcurrency(n int) Option {
	return func(c *config) error {
		if n < 1 {
			return fmt.Errorf("transfer: WithConcurrency: %d is less than 1", n)
		}
		c.concurrency = n
		return nil
	}
}

// WithMaxRetries sets how many times a failed part upload, or a dropped
// download (each range of it), is retried. Zero disables retries. Default:
// DefaultMaxRetries (3).
func WithMaxRetries(n int) Option {
	return func(c *config) error {
		if n < 0 {
			return fmt.Errorf("transfer: WithMaxRetries: %d is negative", n)
		}
		c.maxRetries = n
		return nil
	}
}

// WithRetryBackoff sets the wait before the first retry (doubled on each
// further retry) and its cap. Defaults: 1 s and 30 s.
func WithRetryBackoff(base, maxDelay time.Duration) Option {
	return func(c *config) error {
		if base < 0 || maxDelay < 0 {
			return fmt.Errorf("transfer: WithRetryBackoff: negative duration (%v, %v)", base, maxDelay)
		}
		c.retryBase, c.retryMax = base, maxDelay
		return nil
	}
}

// WithJitter sets the largest random extra added to a retry wait, as a
// fraction in [0, 1] of it. Zero makes waits deterministic. Default: 0.2.
func WithJitter(f float64) Option {
	return func(c *config) error {
		if f < 0 || f > 1 {
			return fmt.Errorf("transfer: WithJitter: %v is outside [0, 1]", f)
		}
		c.jitter = f
		return nil
	}
}

// WithHTTPClient sets the client used for the presigned object store URLs
// (part uploads and downloads). It must not add credentials: presigned URLs
// carry their own. The default is the package's one shared client: HTTP/1.1
// (one connection per part or range in flight), MaxIdleConnsPerHost idle
// connections per host; above that concurrency, pass a client of your own.
func WithHTTPClient(hc *http.Client) Option {
	return func(c *config) error {
		if hc == nil {
			return errors.New("transfer: WithHTTPClient: client is nil")
		}
		c.httpClient = hc
		return nil
	}
}

// WithSleeper replaces the function used for every wait (retry backoff,
// status polling), so tests can record waits instead of waiting. It must
// return ctx.Err() promptly once ctx is done. Default: frameio.Sleep.
func WithSleeper(s frameio.Sleeper) Option {
	return func(c *config) error {
		if s == nil {
			return errors.New("transfer: WithSleeper: sleeper is nil")
		}
		c.sleep = s
		return nil
	}
}

// WithClock replaces time.Now where the current time matters (the wait
// helpers' timeout, the progress bar's throttling and rate display).
func WithClock(now Clock) Option {
	return func(c *config) error {
		if now == nil {
			return errors.New("transfer: WithClock: clock is nil")
		}
		c.now = now
		return nil
	}
}

// WithLogger sets the logger for debug lines (part retries, polls, folder
// creation). Presigned URLs are logged without their query string. Silent
// by default.
func WithLogger(l *slog.Logger) Option {
	return func(c *config) error {
		c.logger = options.Logger(l)
		return nil
	}
}

// WithProgress registers fn to receive the cumulative bytes moved and the
// total, as bytes move. Calls are serialised, never go back, start with
// (0, total) and end with (total, total) on success. fn runs on the
// transfer's goroutines: keep it fast.
func WithProgress(fn ProgressFunc) Option {
	return func(c *config) error {
		c.progress = fn
		return nil
	}
}

// WithProgressBar draws a one-line progress bar on w (typically os.Stderr)
// for every transfer, redrawn with a carriage return at most every
// DefaultBarInterval. It can be combined with WithProgress.
func WithProgressBar(w io.Writer, opts ...ProgressBarOption) Option {
	return func(c *config) error {
		c.barWriter = w
		c.barOpts = append(c.barOpts, opts...)
		return nil
	}
}

// WithName sets the Frame.io file name of an upload. Default: the base name
// of the local path, or of the source URL's path for remote uploads.
func WithName(name string) Option {
	return func(c *config) error {
		c.name = name
		return nil
	}
}

// WithMediaType sets the media type of a local upload. It is sent to
// files.create-local-upload as media_type and, unless the API answers with
// another one, used as the parts' Content-Type. By default no media type is
// sent, the API derives one from the name, and the parts use the media type
// the API returns (or, when it returns none, mime.TypeByExtension of the
// name, or DefaultMediaType).
func WithMediaType(mediaType string) Option {
	return func(c *config) error {
		c.mediaType = mediaType
		return nil
	}
}

// WithWaitFor makes the upload helpers wait, after sending the content,
// until the upload reaches stage. Default: StageSent (no waiting).
func WithWaitFor(stage Stage) Option {
	return func(c *config) error {
		if stage < StageSent || stage > StageTranscoded {
			return fmt.Errorf("transfer: WithWaitFor: unknown stage %d", stage)
		}
		c.waitFor = stage
		return nil
	}
}

// WithPollInterval sets the first wait between status polls and its cap;
// waits grow by half on each poll. Values below MinPollInterval are raised
// to it (the status endpoints' rate limit); negative ones are refused.
// Defaults: 1 s and 10 s.
func WithPollInterval(initial, maxDelay time.Duration) Option {
	return func(c *config) error {
		if initial < 0 || maxDelay < 0 {
			return fmt.Errorf("transfer: WithPollInterval: negative duration (%v, %v)", initial, maxDelay)
		}
		c.pollInitial = max(initial, MinPollInterval)
		c.pollMax = max(maxDelay, c.pollInitial)
		return nil
	}
}

// WithOnlyParts makes UploadContent send only the parts numbered nums
// (1-based, as PartError.Part), for instance those of
// UploadError.PartErrors after a failure, rather than every part. Other
// calls refuse it: they create a new file, which needs all its parts.
func WithOnlyParts(nums ...int) Option {
	return func(c *config) error {
		for _, n := range nums {
			if n < 1 {
				return fmt.Errorf("transfer: WithOnlyParts: part %d: part numbers start at 1", n)
			}
		}
		c.onlyParts = slices.Clone(nums)
		return nil
	}
}

// allParts refuses WithOnlyParts for calls that create files.
func (c *config) allParts() error {
	if c.onlyParts != nil {
		return errors.New("transfer: WithOnlyParts applies to UploadContent only: a new upload needs all its parts")
	}
	return nil
}

// WithStallTimeout sets how long a part upload or a download attempt may
// move no byte, waiting for the response included, before it is abandoned
// (its error matches ErrStalled) and retried like a dropped connection.
// Zero disables the check, leaving the context and the HTTP client's own
// timeouts. Default: DefaultStallTimeout (2 min).
func WithStallTimeout(d time.Duration) Option {
	return func(c *config) error {
		if d < 0 {
			return fmt.Errorf("transfer: WithStallTimeout: %v is negative", d)
		}
		c.stallTimeout = d
		return nil
	}
}

// WithWaitTimeout bounds how long WaitUploaded, WaitTranscoded and
// WithWaitFor wait for a file in all; the wait then ends with a
// *WaitTimeoutError. Zero leaves only the context to end it. Default:
// DefaultWaitTimeout (1 h).
func WithWaitTimeout(d time.Duration) Option {
	return func(c *config) error {
		if d < 0 {
			return fmt.Errorf("transfer: WithWaitTimeout: %v is negative", d)
		}
		c.waitTimeout = d
		return nil
	}
}

// WithRequestOptions adds options to every Frame.io API call the helpers
// make (e.g. frameio.WithTimeout, frameio.WithHeader).
func WithRequestOptions(opts ...frameio.RequestOption) Option {
	return func(c *config) error {
		c.apiOpts = append(c.apiOpts, opts...)
		return nil
	}
}

// WithRangeSize sets the size of each ranged GET of a download to a file
// (DownloadFile), each written at its offset in the file. Objects no
// larger are fetched in one GET. Default: DefaultRangeSize.
func WithRangeSize(n int64) Option {
	return rangeOption("WithRangeSize", n, func(c *config) *int64 { return &c.rangeSize })
}

// WithBufferSize sets the size of each ranged GET of a download to an
// io.Writer (Download, DownloadURL). Each range is held in memory until the
// ranges before it are written, so such a download holds at most the
// concurrency times n bytes. Objects no larger are fetched in one GET.
// Default: DefaultBufferSize.
func WithBufferSize(n int64) Option {
	return rangeOption("WithBufferSize", n, func(c *config) *int64 { return &c.bufferSize })
}

// rangeOption sets the range size field of the option name to n, refusing
// sizes below MinRangeSize.
func rangeOption(name string, n int64, field func(*config) *int64) Option {
	return func(c *config) error {
		if n < MinRangeSize {
			return fmt.Errorf("transfer: %s: %d is less than MinRangeSize (%d)", name, n, MinRangeSize)
		}
		*field(c) = n
		return nil
	}
}

// WithMaxResumes sets how many times a download may resume (with a Range
// request) after a dropped connection that had made progress. Attempts that
// move no byte count toward WithMaxRetries instead. Zero makes any drop
// after progress fatal. Default: DefaultMaxResumes (20).
func WithMaxResumes(n int) Option {
	return func(c *config) error {
		if n < 0 {
			return fmt.Errorf("transfer: WithMaxResumes: %d is negative", n)
		}
		c.maxResumes = n
		return nil
	}
}

// WithRendition chooses which media link a download fetches. Default:
// RenditionOriginal.
func WithRendition(r Rendition) Option {
	return func(c *config) error {
		if _, ok := r.include(); !ok {
			return fmt.Errorf("transfer: WithRendition: unknown rendition %q", r)
		}
		c.rendition = r
		return nil
	}
}
