// Package testutil holds helpers the SDK's tests share: a recording
// sleeper, a concurrency-safe buffer, a debug logger with the text and JSON
// handlers, and renderings of errors and values for leak checks.
package testutil

import (
	"context"
	"sync"
	"time"
)

// SleepRecorder is a sleeper for tests: it records every wait asked of it
// and returns at once, with the context's error if it is done. It is safe
// for concurrent use.
type SleepRecorder struct {
	mu    sync.Mutex
	waits []time.Duration
}

// Sleep records d and returns ctx.Err().
func (s *SleepRecorder) Sleep(ctx context.Context, d time.Duration) error {
	s.mu.Lock()
	s.waits = append(s.waits, d)
	s.mu.Unlock()
	return ctx.Err()
}

// Waits returns a copy of the waits recorded so far, in order.
func (s *SleepRecorder) Waits() []time.Duration {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]time.Duration(nil), s.waits...)
}
