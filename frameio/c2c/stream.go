package c2c

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"sync/atomic"
	"time"
)

// Stream is media that is still being written: a recording, a render.
// UploadStream reads it with ReadAt as it grows.
type Stream interface {
	io.ReaderAt
	// Wait blocks until the stream holds at least n bytes or is complete,
	// and returns its current size and whether it is complete (no more
	// bytes will come). It returns ctx.Err() when ctx is done first.
	Wait(ctx context.Context, n int64) (size int64, complete bool, err error)
}

// DefaultStreamPoll is how often FileStream.Wait checks the file size.
const DefaultStreamPoll = 100 * time.Millisecond

// FileStream is a file another process or goroutine is still writing. The
// writer calls Finish once the file is complete; until then Wait polls the
// file size.
type FileStream struct {
	f     *os.File
	poll  time.Duration
	sleep Sleeper
	done  atomic.Bool
}

// OpenFileStream opens a growing file. poll is how often Wait checks its
// size (DefaultStreamPoll when 0); sleep replaces the waits between checks
// (nil: real time).
func OpenFileStream(path string, poll time.Duration, sleep Sleeper) (*FileStream, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("c2c: OpenFileStream: %w", err)
	}
	if poll <= 0 {
		poll = DefaultStreamPoll
	}
	if sleep == nil {
		sleep = Sleep
	}
	return &FileStream{f: f, poll: poll, sleep: sleep}, nil
}

// Finish marks the file complete: its size at the next check is final.
// Call it after the writer's last write (and fsync) returned.
func (s *FileStream) Finish() { s.done.Store(true) }

// ReadAt reads from the file.
func (s *FileStream) ReadAt(p []byte, off int64) (int, error) { return s.f.ReadAt(p, off) }

// Close closes the file.
func (s *FileStream) Close() error { return s.f.Close() }

// Wait implements Stream.
func (s *FileStream) Wait(ctx context.Context, n int64) (int64, bool, error) {
	for {
		done := s.done.Load() // read before the size: a finished file's size is final
		st, err := s.f.Stat()
		if err != nil {
			return 0, false, fmt.Errorf("c2c: stream: %w", err)
		}
		if done || st.Size() >= n {
			return st.Size(), done, nil
		}
		if err := s.sleep(ctx, s.poll); err != nil {
			return st.Size(), false, err
		}
	}
}

var errEmptyStream = errors.New("c2c: the stream completed without any data")
