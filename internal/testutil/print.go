package testutil

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"log/slog"
	"strings"
	"sync"
)

// SyncBuffer is a bytes.Buffer safe for concurrent writes, such as those of
// a logger shared by goroutines.
type SyncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

// Write appends p.
func (s *SyncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

// String returns everything written so far.
func (s *SyncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// DebugLogger returns a logger that writes every record, from debug level
// up, to w with both slog's text and JSON handlers: the two ways a program
// usually renders attributes.
func DebugLogger(w io.Writer) *slog.Logger {
	opts := &slog.HandlerOptions{Level: slog.LevelDebug}
	return slog.New(tee{slog.NewTextHandler(w, opts), slog.NewJSONHandler(w, opts)})
}

// tee sends every record to each of its handlers.
type tee []slog.Handler

func (t tee) Enabled(ctx context.Context, l slog.Level) bool { return t[0].Enabled(ctx, l) }

func (t tee) Handle(ctx context.Context, r slog.Record) error {
	for _, h := range t {
		if err := h.Handle(ctx, r.Clone()); err != nil {
			return err
		}
	}
	return nil
}

func (t tee) WithAttrs(as []slog.Attr) slog.Handler {
	out := make(tee, len(t))
	for i, h := range t {
		out[i] = h.WithAttrs(as)
	}
	return out
}

func (t tee) WithGroup(name string) slog.Handler {
	out := make(tee, len(t))
	for i, h := range t {
		out[i] = h.WithGroup(name)
	}
	return out
}

// PrintError renders err, and every error of its chain (Unwrap, single or
// joined), with %v, %+v and %#v: everything a program could print of it,
// so that a secret kept anywhere in it shows.
func PrintError(err error) string {
	var b strings.Builder
	var walk func(error)
	walk = func(e error) {
		if e == nil {
			return
		}
		fmt.Fprintf(&b, "%v\n%+v\n%#v\n", e, e, e)
		switch u := e.(type) {
		case interface{ Unwrap() error }:
			walk(u.Unwrap())
		case interface{ Unwrap() []error }:
			for _, x := range u.Unwrap() {
				walk(x)
			}
		}
	}
	walk(err)
	return b.String()
}

// PrintValue renders v with fmt's %v, %+v and %#v and as an attribute of
// a record of DebugLogger.
func PrintValue(v any) string {
	var b bytes.Buffer
	fmt.Fprintf(&b, "%v\n%+v\n%#v\n", v, v, v)
	DebugLogger(&b).Info("value", "v", v)
	return b.String()
}
