package main

import (
	"crypto/rand"
	"os"
	"time"

	"github.com/frameio-go/frameio-go/frameio/c2c"
)

// recording is a clip being written by a simulated camera.
type recording struct {
	stream  *c2c.FileStream
	done    chan error
	stopped time.Time
}

// startRecording writes size random bytes to path in 64 slices over d and
// marks the stream finished afterwards.
func startRecording(path string, size int64, d time.Duration) (*recording, error) {
	f, err := os.Create(path)
	if err != nil {
		return nil, err
	}
	s, err := c2c.OpenFileStream(path, 20*time.Millisecond, nil)
	if err != nil {
		_ = f.Close()
		return nil, err
	}
	r := &recording{stream: s, done: make(chan error, 1)}
	go func() {
		const slices = 64
		buf := make([]byte, (size+slices-1)/slices)
		var err error
		for written := int64(0); written < size && err == nil; {
			n := min(int64(len(buf)), size-written)
			_, _ = rand.Read(buf[:n])
			_, err = f.Write(buf[:n])
			written += n
			time.Sleep(d / slices)
		}
		if cerr := f.Close(); err == nil {
			err = cerr
		}
		r.stopped = time.Now()
		s.Finish()
		r.done <- err
	}()
	return r, nil
}

// wait returns the recorder's error and closes the stream.
func (r *recording) wait() error {
	err := <-r.done
	if cerr := r.stream.Close(); err == nil {
		err = cerr
	}
	return err
}
