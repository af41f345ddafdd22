package transfer

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Fault paths of downloads in ranges: a range dropped, failing or
// truncated, a server ignoring Range or giving no size, a size that
// changes, a cancelled context, a failing destination.

// A range whose connection drops mid-way resumes on its own from the byte
// it reached; the other ranges are not fetched again.
func TestParallelDownloadRangeResumes(t *testing.T) {
	for _, mode := range []string{"file", "writer"} {
		t.Run(mode, func(t *testing.T) {
			e := newEnv(t)
			obj := pattern(int(6*testRange + 99))
			rs := newRangeStore(e, obj)
			rs.fault = func(w http.ResponseWriter, r *http.Request, start int64, n int) bool {
				switch {
				case start == 2*testRange && n == 1: // cut after 1000 bytes
					cut(w, r, obj, start, 1000)
					return true
				case start == 4*testRange && n == 1: // a 503 first
					w.WriteHeader(http.StatusServiceUnavailable)
					return true
				}
				return false
			}
			got, resumes := downloadBoth(t, e, mode, rs.url(e), int64(len(obj)))
			assert.Equal(t, sum(obj), sum(got))
			assert.Equal(t, 1, resumes)
			gets := rs.ranges()
			assert.Contains(t, gets, fmt.Sprintf("bytes=%d-%d", 2*testRange+1000, 3*testRange-1), "the cut range resumes where it stopped")
			assert.Len(t, gets, 7+2, "one resume and one retry, nothing else fetched again")
			assert.Len(t, e.sleeps.Waits(), 2)
		})
	}
}

// downloadBoth downloads url with ranges of testRange, to a file (mode
// "file") or to an io.Writer, and returns the bytes and the resumes.
func downloadBoth(t *testing.T, e *env, mode, url string, size int64, opts ...Option) ([]byte, int) {
	t.Helper()
	d := e.downloader(t, append([]Option{WithRangeSize(testRange), WithBufferSize(testRange), WithConcurrency(3), WithJitter(0)}, opts...)...)
	if mode == "writer" {
		var buf bytes.Buffer
		n, resumes, err := fetch(t.Context(), &d.cfg, url, size, &buf)
		require.NoError(t, err)
		assert.EqualValues(t, buf.Len(), n)
		return buf.Bytes(), resumes
	}
	dst := filepath.Join(t.TempDir(), "out")
	_, resumes, err := writeAtomically(dst, func(f *os.File) (int64, int, error) { return fetchAt(t.Context(), &d.cfg, url, size, f) })
	require.NoError(t, err)
	b, err := os.ReadFile(dst)
	require.NoError(t, err)
	return b, resumes
}

// A server that ignores Range answers the probe with the whole object
// (200): it becomes the one stream, no other GET is made.
func TestParallelDownloadServerIgnoresRange(t *testing.T) {
	for _, mode := range []string{"file", "writer"} {
		t.Run(mode, func(t *testing.T) {
			e := newEnv(t)
			obj := pattern(int(4*testRange + 1))
			rs := newRangeStore(e, obj)
			rs.fault = func(w http.ResponseWriter, r *http.Request, _ int64, _ int) bool {
				r.Header.Del("Range")
				http.ServeContent(w, r, "obj", time.Time{}, bytes.NewReader(obj))
				return true
			}
			got, _ := downloadBoth(t, e, mode, rs.url(e), int64(len(obj)))
			assert.Equal(t, sum(obj), sum(got))
			assert.Equal(t, []string{fmt.Sprintf("bytes=0-%d", testRange-1)}, rs.ranges())
		})
	}
}

// A server that gives no size (Content-Range ".../*") gets one plain GET.
func TestParallelDownloadWithoutSizeIsOneStream(t *testing.T) {
	e := newEnv(t)
	obj := pattern(int(3 * testRange))
	rs := newRangeStore(e, obj)
	rs.fault = func(w http.ResponseWriter, r *http.Request, _ int64, _ int) bool {
		if r.Header.Get("Range") == "" {
			return false
		}
		w.Header().Set("Content-Range", fmt.Sprintf("bytes 0-%d/*", testRange-1))
		w.WriteHeader(http.StatusPartialContent)
		_, _ = w.Write(obj[:testRange])
		return true
	}
	got, _ := downloadBoth(t, e, "writer", rs.url(e), -1)
	assert.Equal(t, obj, got)
	assert.Equal(t, []string{fmt.Sprintf("bytes=0-%d", testRange-1), ""}, rs.ranges())
}

// A range that fails for good (a 403: the link expired) fails the
// download at once with a typed error, stops the other ranges and leaves
// no file behind; a truncated range that keeps failing exhausts its
// retries.
func TestParallelDownloadRangeFailureStopsAll(t *testing.T) {
	for _, tc := range []struct {
		name    string
		fault   func(w http.ResponseWriter, r *http.Request, obj []byte, start int64)
		expired bool
	}{
		{"expired", func(w http.ResponseWriter, _ *http.Request, _ []byte, _ int64) { w.WriteHeader(http.StatusForbidden) }, true},
		{"truncated", func(w http.ResponseWriter, r *http.Request, obj []byte, start int64) { cut(w, r, obj, start, 0) }, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			e := newEnv(t)
			obj := pattern(int(8 * testRange))
			rs := newRangeStore(e, obj)
			rs.fault = func(w http.ResponseWriter, r *http.Request, start int64, _ int) bool {
				if start == 3*testRange {
					tc.fault(w, r, obj, start)
					return true
				}
				return false
			}
			dir := t.TempDir()
			res, err := e.downloader(t, WithRangeSize(testRange), WithConcurrency(2), WithMaxRetries(1)).
				DownloadFile(t.Context(), "acc", e.uploadedAs(t, len(obj), rs.url(e)), dir)
			de, ok := errors.AsType[*DownloadError](err)
			require.True(t, ok, "%T %v", err, err)
			assert.Equal(t, tc.expired, de.Expired)
			assert.NotContains(t, err.Error(), testSignature)
			assert.Less(t, res.Size, int64(len(obj)))
			entries, _ := os.ReadDir(dir)
			assert.Empty(t, entries, "nothing is left behind")
			assert.Less(t, len(rs.ranges()), 8+2, "the ranges after the failure are not all fetched")
		})
	}
}

// uploadedAs registers a file of size bytes in the fake API whose media
// link is url.
func (e *env) uploadedAs(t testing.TB, size int, url string) string {
	t.Helper()
	a := e.api
	a.mu.Lock()
	defer a.mu.Unlock()
	id := a.newID("file")
	a.files[id] = map[string]any{"id": id, "name": "movie.mp4", "file_size": size, "media_type": "video/mp4",
		"status": "transcoded", "type": "file", "parent_id": "folder"}
	if a.links == nil {
		a.links = map[string]string{}
	}
	a.links[id] = url
	return id
}

// The object changing size between two ranges is an error, not a mix of
// two objects; a size other than the expected one is a *SizeMismatchError
// before anything is downloaded.
func TestParallelDownloadSizeChecks(t *testing.T) {
	e := newEnv(t)
	obj := pattern(int(4 * testRange))
	rs := newRangeStore(e, obj)
	rs.fault = func(w http.ResponseWriter, r *http.Request, start int64, _ int) bool {
		if start == 2*testRange {
			http.ServeContent(w, r, "obj", time.Time{}, bytes.NewReader(append(obj, 'x')))
			return true
		}
		return false
	}
	d := e.downloader(t, WithBufferSize(testRange), WithConcurrency(2), WithMaxRetries(0))
	_, err := d.DownloadURL(t.Context(), rs.url(e), -1, io.Discard)
	require.Error(t, err)
	assert.Contains(t, err.Error(), "size changed")

	rs.mu.Lock()
	rs.fault = nil // handlers of the failed download may still run
	rs.mu.Unlock()
	_, err = d.DownloadURL(t.Context(), rs.url(e), int64(len(obj))+1, io.Discard)
	sm, ok := errors.AsType[*SizeMismatchError](err)
	require.True(t, ok, "%T %v", err, err)
	assert.Equal(t, int64(len(obj)), sm.Got)
}

// Cancelling the context ends every range at once; nothing is left
// behind, no goroutine keeps running.
func TestParallelDownloadCancelled(t *testing.T) {
	for _, mode := range []string{"file", "writer"} {
		t.Run(mode, func(t *testing.T) {
			e := newEnv(t)
			obj := pattern(int(8 * testRange))
			rs := newRangeStore(e, obj)
			ctx, cancel := context.WithCancel(t.Context())
			rs.fault = func(w http.ResponseWriter, r *http.Request, start int64, _ int) bool {
				if start == 2*testRange {
					cancel()
					<-r.Context().Done()
					return true
				}
				return false
			}
			base := runtimeGoroutines()
			d := e.downloader(t, WithRangeSize(testRange), WithBufferSize(testRange), WithConcurrency(3))
			dir := t.TempDir()
			var err error
			if mode == "writer" {
				_, err = d.DownloadURL(ctx, rs.url(e), int64(len(obj)), io.Discard)
			} else {
				_, err = d.DownloadFile(ctx, "acc", e.uploadedAs(t, len(obj), rs.url(e)), filepath.Join(dir, "out"))
			}
			require.ErrorIs(t, err, context.Canceled)
			entries, _ := os.ReadDir(dir)
			assert.Empty(t, entries)
			e.closeIdle()
			settleGoroutines(t, base)
		})
	}
}

// A destination that fails is not retried: the download stops with its
// error.
func TestParallelDownloadWriterFails(t *testing.T) {
	e := newEnv(t)
	obj := pattern(int(6 * testRange))
	rs := newRangeStore(e, obj)
	d := e.downloader(t, WithBufferSize(testRange), WithConcurrency(2))
	boom := errors.New("disk full")
	_, err := d.DownloadURL(t.Context(), rs.url(e), int64(len(obj)), failingWriter{boom})
	require.ErrorIs(t, err, boom)
	assert.Empty(t, e.sleeps.Waits())
}

type failingWriter struct{ err error }

func (f failingWriter) Write([]byte) (int, error) { return 0, f.err }

// An object longer than the expected size is a *SizeMismatchError too,
// in one stream (a small object) as in ranges.
func TestDownloadLongerThanExpected(t *testing.T) {
	e := newEnv(t)
	obj := pattern(int(3 * testRange))
	rs := newRangeStore(e, obj)
	d := e.downloader(t, WithBufferSize(testRange))
	for _, want := range []int64{testRange / 2, 2 * testRange} {
		_, err := d.DownloadURL(t.Context(), rs.url(e), want, io.Discard)
		sm, ok := errors.AsType[*SizeMismatchError](err)
		require.True(t, ok, "%d: %T %v", want, err, err)
		assert.Equal(t, want, sm.Want)
	}
}
