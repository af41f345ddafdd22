package c2c

import (
	"fmt"
	"math"
)

// The AWS multipart limits of the real-time upload guide.
const (
	// MinPartSize is the smallest part that may be followed by another.
	MinPartSize = 5_242_880
	// MaxParts is the highest part number.
	MaxParts = 10_000
	// MaxFileSize is the largest asset: 5 TiB.
	MaxFileSize = 5_497_558_138_880
	// MaxDataRate is the uniform part size that would reach MaxFileSize in
	// exactly MaxParts parts (about 549.8 MB); data rates are capped at it.
	MaxDataRate = MaxFileSize / MaxParts
)

// PartSizer is the guide's part-size calculator: part n of a stream with
// data rate r is floor(x*n^2) + r bytes, where
// x = -(2 (125 r - 68719476736)) / 8334583375 makes parts 1..10,000 sum to
// within 10 KB of 5 TiB. Small parts first keep short clips responsive;
// the rate is clamped to [MinPartSize, MaxDataRate].
type PartSizer struct {
	rate   int64
	scalar float64
}

// NewPartSizer returns the calculator for a stream expected to grow by
// bytesPerSecond on average.
func NewPartSizer(bytesPerSecond int64) PartSizer {
	r := min(max(bytesPerSecond, MinPartSize), MaxDataRate)
	return PartSizer{rate: r, scalar: -float64(2*(125*r-68_719_476_736)) / 8_334_583_375}
}

// Size returns the payload size of part n, 1 <= n <= MaxParts.
func (p PartSizer) Size(n int) (int64, error) {
	if n < 1 || n > MaxParts {
		return 0, fmt.Errorf("c2c: part number %d out of range 1..%d", n, MaxParts)
	}
	return int64(math.Floor(p.scalar*float64(n)*float64(n))) + p.rate, nil
}

// Rate returns the clamped data rate the sizes are based on.
func (p PartSizer) Rate() int64 { return p.rate }
