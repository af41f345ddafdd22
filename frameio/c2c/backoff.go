package c2c

import (
	"context"
	"time"

	"github.com/frameio-go/frameio-go/internal/options"
	"github.com/frameio-go/frameio-go/internal/retry"
)

// This file holds the package's retry policy: its backoff parameters and
// jitter. The arithmetic (exponential growth, the cap, the context-aware
// wait) is the SDK's shared one, in internal/retry.

// Backoff parameters from the errors guide: delay = min(2^n / 2, 32) seconds
// for retry n = 0, 1, ...: 0.5 s, 1 s, 2 s, 4 s, 8 s, 16 s, 32 s, 32 s, ...
const (
	// BackoffBase is the wait before the first retry.
	BackoffBase = 500 * time.Millisecond
	// BackoffMax caps every wait before jitter.
	BackoffMax = 32 * time.Second
)

// Sleeper waits for d or until ctx is done, whichever comes first, and
// returns ctx.Err() in the latter case. Every wait of the package goes
// through one, so tests can record waits instead of waiting.
type Sleeper = options.Sleeper

// Sleep is the default Sleeper: a timer raced against ctx.
func Sleep(ctx context.Context, d time.Duration) error { return retry.Sleep(ctx, d) }

// Backoff returns the wait before retry n (n = 0 for the first retry):
// min(BackoffBase * 2^n, BackoffMax), moved by jitter. jitter returns a
// value in [0, 1); the wait is d/2 + jitter()*d (retry.Jitter(d/2, 2,
// jitter)), so it lands anywhere within half of the base value d in either
// direction, as in the guide's retry handler (delay += random(-delay,
// delay) / 2). A nil jitter gives the base value.
func Backoff(n int, jitter func() float64) time.Duration {
	d := retry.Backoff(BackoffBase, n, BackoffMax)
	if jitter == nil {
		return d
	}
	return retry.Jitter(d/2, 2, jitter)
}
