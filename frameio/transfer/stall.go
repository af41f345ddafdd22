package transfer

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"time"
)

// ErrStalled is matched (errors.Is) by the error of a part upload or
// download attempt abandoned because it moved no byte for the stall timeout
// (WithStallTimeout). Such attempts are retried like a dropped connection.
var ErrStalled = errors.New("transfer: no progress")

// stallWatch cancels the context of one attempt when the attempt reports no
// progress for d, so that a store that stops reading a part, or stops
// sending a download, cannot hold the transfer until the caller's context
// ends. A nil *stallWatch watches nothing.
type stallWatch struct {
	d      time.Duration
	mu     sync.Mutex
	timer  *time.Timer
	cancel context.CancelCauseFunc
}

// watchStall returns the context of an attempt under ctx, its watch and
// the function that ends both. d <= 0 disables the watch.
func watchStall(ctx context.Context, d time.Duration) (context.Context, *stallWatch, func()) {
	if d <= 0 {
		return ctx, nil, func() {}
	}
	actx, cancel := context.WithCancelCause(ctx)
	w := &stallWatch{d: d, cancel: cancel}
	w.timer = time.AfterFunc(d, func() { cancel(fmt.Errorf("%w for %s", ErrStalled, d)) })
	return actx, w, func() {
		w.mu.Lock()
		w.timer.Stop()
		w.mu.Unlock()
		cancel(nil)
	}
}

// progress restarts the countdown.
func (w *stallWatch) progress() {
	if w == nil {
		return
	}
	w.mu.Lock()
	w.timer.Reset(w.d)
	w.mu.Unlock()
}

// stalled returns err, or the stall error when the attempt's context actx
// was cancelled by the watch (the transport then reports a plain
// cancellation, which would not be retried).
func stalled(actx context.Context, err error) error {
	if err == nil {
		return nil
	}
	if cause := context.Cause(actx); errors.Is(cause, ErrStalled) {
		return cause
	}
	return err
}
