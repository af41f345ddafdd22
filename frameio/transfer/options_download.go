package transfer

import "fmt"

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
