// Package options holds what the option files of the SDK's packages share
// (frameio/transfer, frameio/auth, frameio/webhook, frameio/c2c,
// frameiotest and frameiotest/c2ctest; frameio's own options follow the
// same rule):
//
//   - the one validation rule, Apply: an option is a func(*config) error
//     that checks its own argument when it is applied and reports a bad
//     value as an error naming the package, the option and the value; the
//     constructor applies every option and reports all their errors at
//     once, with those of the checks between options (a required option
//     missing, two that contradict each other). nil is a bad value for a
//     dependency (a clock, a sleeper, an HTTP client, a store) and means
//     "none" for an optional hook (a logger is then silent, a callback not
//     called). An option that accepts every value (webhook's handler
//     options) may return nothing.
//   - the one clock type, Clock, which every package names as its own
//     (transfer.Clock, auth.Clock, ...) with a type alias.
package options

import (
	"context"
	"errors"
	"log/slog"
	"time"

	"golang.org/x/oauth2"
)

// Clock returns the current time: time.Now, or a test's fake.
type Clock func() time.Time

// Sleeper waits for d or until ctx is done, whichever comes first, and
// returns ctx.Err() in the second case: internal/retry.Sleep, or a test's
// recorder. It is the one sleeper type every package names as its own
// (frameio.Sleeper, c2c.Sleeper, auth.Sleeper).
type Sleeper func(ctx context.Context, d time.Duration) error

// Apply applies opts to cfg in order, skipping nil options, and returns
// the errors they report joined (nil when there is none): every bad
// value is reported at once.
func Apply[C any, O ~func(*C) error](cfg *C, opts []O) error {
	var errs []error
	for _, o := range opts {
		if o == nil {
			continue
		}
		if err := o(cfg); err != nil {
			errs = append(errs, err)
		}
	}
	return errors.Join(errs...)
}

// Logger returns l, or a logger that discards everything when l is nil:
// the one reading of "nil means silent" for every package's WithLogger and
// default configuration.
func Logger(l *slog.Logger) *slog.Logger {
	if l == nil {
		return slog.New(slog.DiscardHandler)
	}
	return l
}

// ContextTokenSource is an oauth2.TokenSource whose wait for a token can be
// cut short by a context: the one definition behind frameio's and auth's
// (every auth credential implements it; frameio.Client calls TokenContext
// with the call's context).
type ContextTokenSource interface {
	oauth2.TokenSource
	// TokenContext returns a valid access token, fetching or refreshing it
	// first when needed, or ctx's error once ctx is done. It must not keep
	// ctx, or wait for it to end, after it returns: frameio.Client may hand
	// the same context to later attempts (see its per-attempt timeout). A
	// fetch that outlives the call keeps only ctx's values
	// (context.WithoutCancel), as auth's credentials do.
	TokenContext(ctx context.Context) (*oauth2.Token, error)
}
