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
)

// Defaults used unless an option says otherwise.
const (
	// DefaultConcurrency is the number of parts sent at once. Five matches
	// the Python SDK's FrameioUploader; it saturates most links while
	// keeping few connections open to the object store.
	DefaultConcurrency = 5
	// DefaultMaxRetries is the number of retries of a failed part (or of a
	// dropped download), as in the Python SDK.
	DefaultMaxRetries = 3
	// DefaultRetryBase is the wait before the first retry; it doubles on
	// each further retry (1 s, 2 s, 4 s), plus up to DefaultJitter of it.
	DefaultRetryBase = time.Second
	// DefaultRetryMax caps the wait between retries.
	DefaultRetryMax = 30 * time.Second
	// DefaultJitter is the largest random extra added to a retry wait, as
	// a fraction of it, so that parallel parts do not retry in lockstep.
	DefaultJitter = 0.2
	// DefaultPollInterval is the first wait between two status polls of
	// the wait helpers; it grows by half on each poll up to DefaultPollMax.
	DefaultPollInterval = time.Second
	// DefaultPollMax caps the wait between two status polls.
	DefaultPollMax = 10 * time.Second
	// DefaultStallTimeout is how long a part upload or a download attempt
	// may move no byte (including the wait for the response) before it is
	// abandoned and retried like a dropped connection.
	DefaultStallTimeout = 2 * time.Minute
	// DefaultWaitTimeout bounds how long the wait helpers wait for a file
	// to reach a stage when the context has no earlier deadline.
	DefaultWaitTimeout = time.Hour
	// MinPollInterval is the shortest wait between status polls: the status
	// endpoints allow 5 calls per second per user.
	MinPollInterval = 200 * time.Millisecond
	// DefaultMediaType is sent when no media type is known.
	DefaultMediaType = "application/octet-stream"
)

// Stage is how far an upload helper waits after sending the content.
type Stage int

// Stages, in order.
const (
	// StageSent returns as soon as every part was accepted by the object
	// store (the default).
	StageSent Stage = iota
	// StageUploaded also waits until Frame.io reports the upload complete
	// (files.show-file-upload-status upload_complete).
	StageUploaded
	// StageTranscoded also waits until the file's status is "transcoded".
	// Files Frame.io cannot transcode may never get there: the wait ends
	// with the context, or after WithWaitTimeout (default 1 h).
	StageTranscoded
)

// Option configures an Uploader or a Downloader. Options given to
// NewUploader or NewDownloader are defaults; options given to a call are
// applied after them and win for that call only.
type Option func(*config) error

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
	now          func() time.Time
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
		logger:       slog.New(slog.DiscardHandler),
		pollInitial:  DefaultPollInterval,
		pollMax:      DefaultPollMax,
		waitTimeout:  DefaultWaitTimeout,
		stallTimeout: DefaultStallTimeout,
		rendition:    RenditionOriginal,
		rangeSize:    DefaultRangeSize,
		bufferSize:   DefaultBufferSize,
	}
}

func (c config) with(opts []Option) (config, error) {
	c.apiOpts = append([]frameio.RequestOption(nil), c.apiOpts...)
	c.barOpts = append([]ProgressBarOption(nil), c.barOpts...)
	c.onlyParts = slices.Clone(c.onlyParts)
	for _, o := range opts {
		if o == nil {
			continue
		}
		if err := o(&c); err != nil {
			return c, err
		}
	}
	return c, nil
}

// progressFunc returns the callback of one operation: the WithProgress
// callback and, with WithProgressBar, a fresh bar. It is nil when neither
// was given.
func (c config) progressFunc() ProgressFunc {
	var fns []ProgressFunc
	if c.progress != nil {
		fns = append(fns, c.progress)
	}
	if c.barWriter != nil {
		bopts := append([]ProgressBarOption{BarClock(c.now)}, c.barOpts...)
		fns = append(fns, NewProgressBar(c.barWriter, bopts...).Update)
	}
	switch len(fns) {
	case 0:
		return nil
	case 1:
		return fns[0]
	}
	return func(done, total int64) {
		for _, f := range fns {
			f(done, total)
		}
	}
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
			return errors.New("transfer: WithRetryBackoff: negative duration")
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
// return ctx.Err() promptly once ctx is done.
func WithSleeper(s frameio.Sleeper) Option {
	return func(c *config) error {
		if s == nil {
			s = frameio.Sleep
		}
		c.sleep = s
		return nil
	}
}

// WithClock replaces time.Now where the current time matters (the
// progress bar's throttling and rate display).
func WithClock(now func() time.Time) Option {
	return func(c *config) error {
		if now == nil {
			now = time.Now
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
		if l == nil {
			l = slog.New(slog.DiscardHandler)
		}
		c.logger = l
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
// to it. Defaults: 1 s and 10 s.
func WithPollInterval(initial, maxDelay time.Duration) Option {
	return func(c *config) error {
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
