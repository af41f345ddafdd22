package transfer

import (
	"bytes"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// rangeStore serves one object with Range support (http.ServeContent) at
// /obj, records the Range header of every GET, and lets a test take over
// any answer: fault returns true when it wrote the response itself.
type rangeStore struct {
	obj   []byte
	mu    sync.Mutex
	gets  []string
	fault func(w http.ResponseWriter, r *http.Request, start int64, n int) bool // n: GETs of that start so far
	seen  map[int64]int
	// GETs in flight, now and at most
	active, peak atomic.Int32
}

func newRangeStore(e *env, obj []byte) *rangeStore {
	rs := &rangeStore{obj: obj, seen: map[int64]int{}}
	e.store.srv.Config.Handler = http.HandlerFunc(rs.serve)
	return rs
}

func (rs *rangeStore) url(e *env) string { return e.store.srv.URL + "/obj" + presignedQuery }

func (rs *rangeStore) serve(w http.ResponseWriter, r *http.Request) {
	n := rs.active.Add(1)
	for p := rs.peak.Load(); n > p && !rs.peak.CompareAndSwap(p, n); p = rs.peak.Load() {
	}
	defer rs.active.Add(-1)
	rng := r.Header.Get("Range")
	first, _, _ := strings.Cut(strings.TrimPrefix(rng, "bytes="), "-")
	start, _ := strconv.ParseInt(first, 10, 64) // 0 without a Range
	rs.mu.Lock()
	rs.gets = append(rs.gets, rng)
	rs.seen[start]++
	seen, fault := rs.seen[start], rs.fault
	rs.mu.Unlock()
	if fault != nil && fault(w, r, start, seen) {
		return
	}
	http.ServeContent(w, r, "obj", time.Time{}, bytes.NewReader(rs.obj))
}

func (rs *rangeStore) ranges() []string {
	rs.mu.Lock()
	defer rs.mu.Unlock()
	return append([]string(nil), rs.gets...)
}

// cut answers a ranged GET with the right headers but only n bytes of the
// body, then drops the connection.
func cut(w http.ResponseWriter, r *http.Request, obj []byte, start, n int64) {
	end := int64(len(obj)) - 1
	if _, last, ok := strings.Cut(strings.TrimPrefix(r.Header.Get("Range"), "bytes="), "-"); ok && last != "" {
		end, _ = strconv.ParseInt(last, 10, 64)
	}
	w.Header().Set("Content-Range", fmt.Sprintf("bytes %d-%d/%d", start, end, len(obj)))
	w.Header().Set("Content-Length", strconv.FormatInt(end-start+1, 10))
	w.WriteHeader(http.StatusPartialContent)
	_, _ = w.Write(obj[start : start+n])
	w.(http.Flusher).Flush()
	dropConn(w)
}

const testRange = MinRangeSize // 64 KiB

// pattern returns n bytes that differ at every offset modulo 251.
func pattern(n int) []byte {
	b := make([]byte, n)
	for i := range b {
		b[i] = byte(i % 251)
	}
	return b
}

func TestParallelDownloadFileWritesRanges(t *testing.T) {
	e := newEnv(t)
	obj := pattern(int(10*testRange + 123))
	rs := newRangeStore(e, obj)
	dir := t.TempDir()
	dst := filepath.Join(dir, "out.bin")
	d := e.downloader(t, WithRangeSize(testRange), WithConcurrency(3))
	n, resumes, err := writeAtomically(dst, func(f *os.File) (int64, int, error) {
		return fetchAt(t.Context(), labelled(&d.cfg, ""), rs.url(e), int64(len(obj)), f)
	})
	require.NoError(t, err)
	assert.EqualValues(t, len(obj), n)
	assert.Zero(t, resumes)
	got, err := os.ReadFile(dst)
	require.NoError(t, err)
	assert.Equal(t, sum(obj), sum(got))
	gets := rs.ranges()
	require.Len(t, gets, 11)
	assert.Equal(t, fmt.Sprintf("bytes=0-%d", testRange-1), gets[0], "the first GET probes the first range")
	assert.ElementsMatch(t, wantRanges(len(obj), testRange), gets)
	assert.LessOrEqual(t, rs.peak.Load(), int32(3), "at most the concurrency in flight")
	entries, _ := os.ReadDir(dir)
	assert.Len(t, entries, 1, "no temporary file may remain")
}

// wantRanges lists the Range headers of a download of size bytes in
// ranges of rs.
func wantRanges(size int, rs int64) []string {
	var out []string
	for start := int64(0); start < int64(size); start += rs {
		out = append(out, fmt.Sprintf("bytes=%d-%d", start, min(start+rs, int64(size))-1))
	}
	return out
}

func TestParallelDownloadFileThroughTheAPI(t *testing.T) {
	e := newEnv(t)
	content := pattern(int(5*testRange + 7))
	id := e.uploaded(t, content)
	dir := t.TempDir()
	var prog progressLog
	res, err := e.downloader(t, WithRangeSize(testRange)).DownloadFile(t.Context(), "acc", id, dir, WithProgress(prog.fn))
	require.NoError(t, err)
	got, err := os.ReadFile(res.Path)
	require.NoError(t, err)
	assert.Equal(t, sum(content), sum(got))
	prog.check(t, int64(len(content)))
	e.store.mu.Lock()
	assert.Len(t, e.store.gets, 6)
	e.store.mu.Unlock()
}

// A download to an io.Writer fetches ranges of WithBufferSize in parallel
// and writes them in order; a range starts only once a buffer is free: when
// range k is asked for, ranges 0..k-concurrency are already written.
func TestParallelDownloadWriterKeepsOrderAndBoundsMemory(t *testing.T) {
	e := newEnv(t)
	const conc = 3
	obj := pattern(int(12*testRange + 5))
	rs := newRangeStore(e, obj)
	w := &countingWriter{}
	firstWrite := make(chan struct{})
	w.block = firstWrite
	var violations atomic.Int32
	var served atomic.Int32
	rs.fault = func(_ http.ResponseWriter, r *http.Request, start int64, _ int) bool {
		k := start / testRange
		if written := w.n.Load(); k >= conc && written < (k-conc+1)*testRange {
			violations.Add(1)
		}
		if k >= 1 && k < conc && served.Add(1) == conc-1 {
			defer close(firstWrite) // the other ranges of the window are being served: let the writer go
		}
		return false
	}
	d := e.downloader(t, WithBufferSize(testRange), WithConcurrency(conc))
	var prog progressLog
	n, err := d.DownloadURL(t.Context(), rs.url(e), int64(len(obj)), w, WithProgress(prog.fn))
	require.NoError(t, err)
	assert.EqualValues(t, len(obj), n)
	assert.Equal(t, sum(obj), sum(w.buf.Bytes()))
	assert.Zero(t, violations.Load(), "a range started before a buffer was free")
	assert.ElementsMatch(t, wantRanges(len(obj), testRange), rs.ranges())
	prog.check(t, int64(len(obj)))
}

// countingWriter counts what it is given; its first Write waits for block.
type countingWriter struct {
	buf   bytes.Buffer
	n     atomic.Int64
	block chan struct{}
	once  sync.Once
}

func (c *countingWriter) Write(p []byte) (int, error) {
	c.once.Do(func() {
		if c.block != nil {
			<-c.block
		}
	})
	c.buf.Write(p)
	c.n.Add(int64(len(p)))
	return len(p), nil
}

func TestRangeOptionsAreValidated(t *testing.T) {
	e := newEnv(t)
	for _, o := range []Option{WithRangeSize(MinRangeSize - 1), WithBufferSize(0)} {
		_, err := NewDownloader(e.client, o)
		require.Error(t, err)
		assert.Contains(t, err.Error(), "MinRangeSize")
	}
	d, err := NewDownloader(e.client, WithRangeSize(MinRangeSize), WithBufferSize(3<<20))
	require.NoError(t, err)
	assert.Equal(t, MinRangeSize, d.cfg.rangeSize)
	assert.EqualValues(t, 3<<20, d.cfg.bufferSize)
}
