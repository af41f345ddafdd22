package transfer

import (
	"bytes"
	"errors"
	"net/http"
	"strconv"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// A store that stops reading a part, or stops sending a download, makes
// the attempt stall; after the stall timeout the attempt is abandoned and
// retried, so the transfer completes instead of hanging until the context
// (here: none) ends.
func TestStalledAttemptsAreRetried(t *testing.T) {
	e := newEnv(t)
	release := make(chan struct{})
	var once sync.Once
	t.Cleanup(func() { once.Do(func() { close(release) }) })
	var puts, gets atomic.Int32
	orig := e.store.srv.Config.Handler
	obj := bytes.Repeat([]byte("d"), 3000)
	e.store.srv.Config.Handler = http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch {
		case r.Method == http.MethodPut && puts.Add(1) == 1:
			// the first part attempt: never read the body, never answer
			select {
			case <-release:
			case <-r.Context().Done():
			}
			return
		case r.Method == http.MethodGet && r.URL.Path == "/dl/slow":
			if gets.Add(1) == 1 { // send a third, then go silent
				w.Header().Set("Content-Length", strconv.Itoa(len(obj)))
				_, _ = w.Write(obj[:1000])
				w.(http.Flusher).Flush()
				select {
				case <-release:
				case <-r.Context().Done():
				}
				return
			}
			http.ServeContent(w, r, "slow", time.Time{}, bytes.NewReader(obj))
			return
		}
		orig.ServeHTTP(w, r)
	})

	path, content := randomFile(t, t.TempDir(), "a.bin", 1000)
	start := time.Now()
	res, err := e.uploader(t, WithStallTimeout(50*time.Millisecond)).UploadFile(t.Context(), "acc", "folder", path)
	require.NoError(t, err)
	assert.Equal(t, sum(content), sum(e.store.assembled(res.FileID)))
	assert.EqualValues(t, 2, puts.Load(), "the stalled attempt was retried")
	assert.Len(t, e.sleeps.Waits(), 1)

	var out bytes.Buffer
	n, err := e.downloader(t, WithStallTimeout(50*time.Millisecond)).DownloadURL(t.Context(), e.store.srv.URL+"/dl/slow", 3000, &out)
	require.NoError(t, err)
	assert.EqualValues(t, 3000, n)
	assert.Equal(t, obj, out.Bytes())
	assert.EqualValues(t, 2, gets.Load())
	assert.Less(t, time.Since(start), 10*time.Second)

	// With no retries left, the stall is the reported cause.
	puts.Store(0)
	_, err = e.uploader(t, WithStallTimeout(50*time.Millisecond), WithMaxRetries(0)).UploadFile(t.Context(), "acc", "folder", path)
	require.ErrorIs(t, err, ErrStalled)
	pe, ok := errors.AsType[*PartError](err)
	require.True(t, ok)
	assert.Contains(t, pe.Error(), "no progress for 50ms")
}
