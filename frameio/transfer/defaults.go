package transfer

import "time"

// The values the options start from, and the bounds they keep to. The
// options themselves are in options.go.

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

// Download defaults, chosen by measurement: BenchmarkDownloadTuning, a
// 256 MiB original over connections capped at 40 MB/s each with a 20 ms
// first byte (one connection: 38 MB/s), to tmpfs, three passes (MB/s):
//
//	to a file     range:  4 MiB    8 MiB    16 MiB   32 MiB
//	concurrency 4         122-126  134-137  143-144  146-148
//	concurrency 5         152-154  155-156  143-145  145-148
//	concurrency 8         238-242  252-259  267-272  273-278
//	concurrency 12        286-312  328-338  266-273  268-284
//	to a writer   buffer: 1 MiB    2 MiB    4 MiB
//	concurrency 4          82-84   105-107  122-125
//	concurrency 8         157-161  200-209  226-241  (heap 11, 18, 34 MiB)
//	concurrency 12        224-235  273-297  295-322
//
// Eight ranges at a time give 6-7 times one connection while opening eight
// connections per download. Ranges of 8 MiB lose 4% to 16 MiB on that
// file but keep every slot busy on smaller ones: a 64 MiB original took
// 240-248 MB/s in 8 MiB ranges, 137-139 in 16 MiB ones (four ranges for
// eight slots). Buffers of 2 MiB keep a download to a writer within 18 MiB
// at 5 times one connection.
const (
	// DefaultDownloadConcurrency is the number of ranges a Downloader
	// fetches at once, each on its own connection.
	DefaultDownloadConcurrency = 8
	// DefaultRangeSize is the size of each ranged GET of a download to a
	// file (DownloadFile): large enough that the first-byte wait of each
	// request is a small part of its time.
	DefaultRangeSize int64 = 8 << 20
	// DefaultBufferSize is the size of each ranged GET of a download to an
	// io.Writer (Download, DownloadURL); each range is held in memory until
	// the ranges before it are written, so such a download holds at most
	// the concurrency times this.
	DefaultBufferSize int64 = 2 << 20
	// DefaultMaxResumes bounds how many times a download (each range of
	// it) resumes after a dropped connection that had made progress
	// (attempts that move no byte count toward DefaultMaxRetries instead),
	// so that a server trickling a few bytes per connection cannot keep it
	// looping.
	DefaultMaxResumes = 20
)

// MinRangeSize is the smallest range WithRangeSize and WithBufferSize
// accept.
const MinRangeSize int64 = 64 << 10
