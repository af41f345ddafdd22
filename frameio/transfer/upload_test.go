package transfer

import (
	"bytes"
	"context"
	"errors"
	"io"
	"net/http"
	"os"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/frameio-go/frameio-go/gen"
)

func TestUploadFileAssemblesExactBytes(t *testing.T) {
	for _, tc := range []struct {
		name string
		size int
	}{
		{"empty", 0},
		{"one byte", 1},
		{"exactly one part", 1000},
		{"many parts", 8000},
		{"non-divisible last part", 7321},
	} {
		t.Run(tc.name, func(t *testing.T) {
			e := newEnv(t)
			path, content := randomFile(t, t.TempDir(), "clip.mov", tc.size)
			var prog progressLog
			res, err := e.uploader(t, WithConcurrency(3)).UploadFile(context.Background(), "acc", "folder", path, WithProgress(prog.fn))
			require.NoError(t, err)
			assert.Equal(t, sum(content), sum(e.store.assembled(res.FileID)))
			assert.Equal(t, int64(tc.size), res.Size)
			assert.Equal(t, "video/quicktime", res.MediaType)
			assert.Equal(t, max(1, (tc.size+999)/1000), res.Parts)
			e.store.noViolations(t)
			prog.check(t, int64(tc.size))
			require.Len(t, e.api.bodies, 1)
			assert.Equal(t, "clip.mov", e.api.bodies[0]["name"])
			assert.Equal(t, float64(tc.size), e.api.bodies[0]["file_size"])
			assert.NotContains(t, e.api.bodies[0], "media_type")
		})
	}
}

func TestUploadReaderAtWithMediaType(t *testing.T) {
	e := newEnv(t)
	content := bytes.Repeat([]byte("frame.io"), 700)
	res, err := e.uploader(t).Upload(context.Background(), "acc", "folder", bytes.NewReader(content), int64(len(content)), "notes",
		WithMediaType("text/plain"), WithName("notes.txt"))
	require.NoError(t, err)
	assert.Equal(t, content, e.store.assembled(res.FileID))
	assert.Equal(t, "text/plain", res.MediaType)
	assert.Equal(t, "text/plain", e.api.bodies[0]["media_type"])
	assert.Equal(t, "notes.txt", e.api.bodies[0]["name"])
	e.store.noViolations(t)
}

func TestPartMediaType(t *testing.T) {
	assert.Equal(t, "image/jpeg", partMediaType("image/jpeg", "text/plain", "a.png"))
	assert.Equal(t, "text/plain", partMediaType("", "text/plain", "a.png"))
	assert.Equal(t, "image/png", partMediaType("", "", "a.png"))
	assert.Equal(t, DefaultMediaType, partMediaType("", "", "README"))
	assert.Equal(t, "image/png", MediaTypeOf("x.PNG"))
}

func TestUploadRetriesFailingParts(t *testing.T) {
	e := newEnv(t)
	// part 2 fails twice with 503, part 3 loses its connection once.
	e.store.fault = func(part, attempt int) int {
		switch {
		case part == 2 && attempt <= 2:
			return http.StatusServiceUnavailable
		case part == 3 && attempt == 1:
			return -1
		}
		return 0
	}
	path, content := randomFile(t, t.TempDir(), "a.bin", 4500)
	var prog progressLog
	res, err := e.uploader(t, WithJitter(0)).UploadFile(context.Background(), "acc", "folder", path, WithProgress(prog.fn))
	require.NoError(t, err)
	assert.Equal(t, sum(content), sum(e.store.assembled(res.FileID)))
	prog.check(t, 4500) // monotonic although parts were resent
	waits := e.sleeps.Waits()
	assert.ElementsMatch(t, []time.Duration{time.Second, 2 * time.Second, time.Second}, waits)
	e.store.noViolations(t)
}

func TestUploadGivesUpAfterMaxRetries(t *testing.T) {
	e := newEnv(t)
	e.store.fault = func(part, attempt int) int {
		if part == 1 {
			return http.StatusInternalServerError
		}
		return 0
	}
	path, _ := randomFile(t, t.TempDir(), "a.bin", 2500)
	_, err := e.uploader(t, WithMaxRetries(2)).UploadFile(context.Background(), "acc", "folder", path)
	var pe *PartError
	require.ErrorAs(t, err, &pe)
	assert.Equal(t, 1, pe.Part)
	assert.Equal(t, 500, pe.Status)
	assert.Equal(t, 3, pe.Attempts)
	assert.False(t, pe.Expired)
	var ue *UploadError
	require.ErrorAs(t, err, &ue)
	assert.Equal(t, "file-1", ue.FileID)
	waits := e.sleeps.Waits()
	require.Len(t, waits, 2)
	assert.GreaterOrEqual(t, waits[0], time.Second)
	assert.LessOrEqual(t, waits[0], 1200*time.Millisecond) // 20 % jitter
	assert.GreaterOrEqual(t, waits[1], 2*time.Second)
	assert.Contains(t, err.Error(), "part 1")
}

func TestUploadExpiredURLIsNotRetried(t *testing.T) {
	e := newEnv(t)
	e.store.fault = func(part, attempt int) int {
		if part == 2 {
			return http.StatusForbidden
		}
		return 0
	}
	path, _ := randomFile(t, t.TempDir(), "a.bin", 3000)
	_, err := e.uploader(t).UploadFile(context.Background(), "acc", "folder", path)
	var pe *PartError
	require.ErrorAs(t, err, &pe)
	assert.True(t, pe.Expired)
	assert.Equal(t, 2, pe.Part)
	assert.Equal(t, 403, pe.Status)
	assert.Equal(t, 1, pe.Attempts)
	assert.Contains(t, pe.Message, "Request has expired")
	assert.Contains(t, err.Error(), "expired")
	assert.Empty(t, e.sleeps.Waits())
}

func TestUploadClientErrorIsNotRetried(t *testing.T) {
	e := newEnv(t)
	e.store.fault = func(part, attempt int) int { return http.StatusBadRequest }
	path, _ := randomFile(t, t.TempDir(), "a.bin", 10)
	_, err := e.uploader(t).UploadFile(context.Background(), "acc", "folder", path)
	var pe *PartError
	require.ErrorAs(t, err, &pe)
	assert.Equal(t, 400, pe.Status)
	assert.Equal(t, 1, pe.Attempts)
}

func TestUploadPartSizesMustAddUp(t *testing.T) {
	for name, hook := range map[string]func(int) []int{
		"too small": func(size int) []int { return []int{size / 2, size/2 - 1} },
		"too large": func(size int) []int { return []int{size, 1} },
		"negative":  func(size int) []int { return []int{size + 1, -1} },
		"none":      func(int) []int { return nil },
	} {
		t.Run(name, func(t *testing.T) {
			e := newEnv(t)
			e.api.sizeHook = hook
			path, _ := randomFile(t, t.TempDir(), "a.bin", 2000)
			_, err := e.uploader(t).UploadFile(context.Background(), "acc", "folder", path)
			var se *PartSizeError
			require.ErrorAs(t, err, &se)
			assert.Equal(t, int64(2000), se.FileSize)
			assert.Contains(t, err.Error(), "upload_urls")
			e.store.mu.Lock()
			assert.Empty(t, e.store.attempts, "no part may be sent")
			e.store.mu.Unlock()
		})
	}
}

func TestUploadCancelStopsAllWorkers(t *testing.T) {
	e := newEnv(t)
	started := make(chan struct{}, 16)
	release := make(chan struct{})
	var blocked atomic.Int32
	orig := e.store.srv.Config.Handler
	// Every PUT blocks until the test ends or its request is cancelled.
	e.store.srv.Config.Handler = http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		blocked.Add(1)
		started <- struct{}{}
		select {
		case <-release:
		case <-r.Context().Done():
		}
		orig.ServeHTTP(w, r)
	})
	var once sync.Once
	unblock := func() { once.Do(func() { close(release) }) }
	defer unblock()
	path, _ := randomFile(t, t.TempDir(), "a.bin", 20000)
	before := runtimeGoroutines()
	ctx, cancel := context.WithCancel(context.Background())
	errc := make(chan error, 1)
	up := e.uploader(t, WithConcurrency(4))
	go func() {
		_, err := up.UploadFile(ctx, "acc", "folder", path)
		errc <- err
	}()
	for range 4 {
		<-started
	}
	cancel()
	select {
	case err := <-errc:
		require.ErrorIs(t, err, context.Canceled)
		var ue *UploadError
		require.ErrorAs(t, err, &ue)
	case <-time.After(5 * time.Second):
		t.Fatal("upload did not stop after cancel")
	}
	assert.Equal(t, int32(4), blocked.Load(), "no part may start after cancel")
	unblock() // let the test server's handlers return
	e.closeIdle()
	settleGoroutines(t, before)
}

func TestUploadCancelLeavesNoGoroutine(t *testing.T) {
	e := newEnv(t)
	e.store.fault = func(part, attempt int) int { return http.StatusServiceUnavailable }
	path, _ := randomFile(t, t.TempDir(), "a.bin", 9000)
	before := runtimeGoroutines()
	ctx, cancel := context.WithCancel(context.Background())
	// The sleeper cancels on the first retry wait: every worker is then
	// either sending or waiting.
	sleeper := func(ctx context.Context, d time.Duration) error {
		cancel()
		<-ctx.Done()
		return ctx.Err()
	}
	_, err := e.uploader(t, WithSleeper(sleeper), WithConcurrency(4)).UploadFile(ctx, "acc", "folder", path)
	require.ErrorIs(t, err, context.Canceled)
	e.closeIdle()
	settleGoroutines(t, before)
}

func TestUploadContentLowLevel(t *testing.T) {
	e := newEnv(t)
	created, err := e.client.Files.CreateLocalUpload(context.Background(), "acc", "folder", gen.FileCreateLocalUploadParamsData{Name: "x.jpg", FileSize: 2500})
	require.NoError(t, err)
	content := bytes.Repeat([]byte{7}, 2500)
	require.NoError(t, e.uploader(t).UploadContent(context.Background(), created, bytes.NewReader(content), 2500))
	assert.Equal(t, content, e.store.assembled(created.ID))
	e.store.noViolations(t)
}

func TestUploadWaitsForStages(t *testing.T) {
	e := newEnv(t)
	e.api.completeAt = 3
	e.api.transcodeAt = 2
	path, _ := randomFile(t, t.TempDir(), "a.mp4", 10)
	res, err := e.uploader(t, WithJitter(0)).UploadFile(context.Background(), "acc", "folder", path, WithWaitFor(StageTranscoded))
	require.NoError(t, err)
	require.NotNil(t, res.Status)
	assert.True(t, res.Status.UploadComplete)
	require.NotNil(t, res.Ready)
	assert.Equal(t, gen.FileWithIncludesStatusTranscoded, res.Ready.Status)
	// two polls of the status, one of the file, growing by half
	assert.Equal(t, []time.Duration{time.Second, 1500 * time.Millisecond, time.Second}, e.sleeps.Waits())
}

func TestUploadBadArguments(t *testing.T) {
	e := newEnv(t)
	_, err := NewUploader(nil)
	require.Error(t, err)
	_, err = NewUploader(e.client, WithConcurrency(0))
	require.Error(t, err)
	up := e.uploader(t)
	_, err = up.UploadFile(context.Background(), "acc", "folder", t.TempDir())
	require.ErrorContains(t, err, "not a regular file")
	_, err = up.Upload(context.Background(), "acc", "folder", bytes.NewReader(nil), 0, "")
	require.ErrorContains(t, err, "empty file name")
	_, err = up.Upload(context.Background(), "acc", "folder", bytes.NewReader(nil), 0, "a", WithMaxRetries(-1))
	require.Error(t, err)
	_, err = up.UploadFile(context.Background(), "acc", "folder", "/does/not/exist")
	require.Error(t, err)
	require.True(t, errors.Is(err, errNotExist()))
}

// A source file that shrinks after the upload was created cannot succeed on
// retry: the upload fails at once with a *SourceError naming the file and
// the sizes, without any retry wait.
func TestUploadOfShrinkingFileFailsAtOnce(t *testing.T) {
	e := newEnv(t)
	path, _ := randomFile(t, t.TempDir(), "shrinks.bin", 2500)
	e.api.sizeHook = func(size int) []int {
		require.NoError(t, os.Truncate(path, 1500)) // shrinks once the upload exists
		return []int{1000, 1000, 500}
	}
	_, err := e.uploader(t, WithConcurrency(1)).UploadFile(t.Context(), "acc", "folder", path)
	se, ok := errors.AsType[*SourceError](err)
	require.True(t, ok, "%T %v", err, err)
	assert.Equal(t, "shrinks.bin", se.Name)
	assert.EqualValues(t, 2500, se.Size)
	assert.EqualValues(t, 1500, se.Offset)
	assert.Equal(t, 2, se.Part)
	assert.ErrorIs(t, err, io.ErrUnexpectedEOF)
	_, ok = errors.AsType[*UploadError](err)
	assert.True(t, ok, "the created file is still reported")
	assert.Contains(t, err.Error(), `"shrinks.bin"`)
	assert.Contains(t, err.Error(), "1500")
	assert.Contains(t, err.Error(), "2500")
	assert.NotContains(t, err.Error(), "ContentLength")
	assert.Empty(t, e.sleeps.Waits(), "no retry")

	// A reader shorter than the size given to Upload is the same mistake.
	_, err = e.uploader(t).Upload(t.Context(), "acc", "folder", bytes.NewReader(make([]byte, 10)), 2500, "short")
	se, ok = errors.AsType[*SourceError](err)
	require.True(t, ok, "%T %v", err, err)
	assert.Equal(t, "short", se.Name)
	assert.Empty(t, e.sleeps.Waits())
}

// Every failed part is reported, each with its cause, while the other parts
// complete; the caller can then send just the failed ones again.
func TestUploadReportsEveryFailedPart(t *testing.T) {
	e := newEnv(t)
	var broken atomic.Bool
	broken.Store(true)
	e.store.fault = func(part, attempt int) int {
		switch {
		case !broken.Load():
			return 0
		case part == 2:
			return http.StatusInternalServerError
		case part == 4:
			return -1 // connection dropped
		}
		return 0
	}
	path, content := randomFile(t, t.TempDir(), "a.bin", 4500)
	res, err := e.uploader(t, WithMaxRetries(1)).UploadFile(t.Context(), "acc", "folder", path)
	ue, ok := errors.AsType[*UploadError](err)
	require.True(t, ok, "%T %v", err, err)
	failed := ue.PartErrors()
	require.Len(t, failed, 2, "%v", err)
	assert.Equal(t, 2, failed[0].Part)
	assert.Equal(t, 500, failed[0].Status)
	assert.Equal(t, 2, failed[0].Attempts)
	assert.Equal(t, 4, failed[1].Part)
	assert.Zero(t, failed[1].Status)
	assert.Error(t, failed[1].Err)
	assert.Contains(t, err.Error(), "part 2")
	assert.Contains(t, err.Error(), "part 4")
	for _, n := range []int{1, 3, 5} {
		e.store.mu.Lock()
		_, stored := e.store.parts[res.FileID][n]
		e.store.mu.Unlock()
		assert.True(t, stored, "part %d was sent although others failed", n)
	}

	// Send only the failed parts again.
	broken.Store(false)
	f, err := os.Open(path)
	require.NoError(t, err)
	defer f.Close()
	require.NoError(t, e.uploader(t).UploadContent(t.Context(), &res.File, f, 4500, WithOnlyParts(2, 4)))
	assert.Equal(t, sum(content), sum(e.store.assembled(res.FileID)))
	e.store.mu.Lock()
	assert.Equal(t, 1, e.store.attempts[res.FileID+"/1"], "part 1 was not sent again")
	e.store.mu.Unlock()

	err = e.uploader(t).UploadContent(t.Context(), &res.File, f, 4500, WithOnlyParts(9))
	assert.ErrorContains(t, err, "part 9")
	_, err = e.uploader(t).UploadFile(t.Context(), "acc", "folder", path, WithOnlyParts(1))
	assert.ErrorContains(t, err, "UploadContent")
}

// A part or a download that cannot succeed on retry (501 from the store, an
// https URL served without TLS) fails after one attempt.
func TestPermanentTransferFailuresNotRetried(t *testing.T) {
	e := newEnv(t)
	e.store.fault = func(part, attempt int) int { return http.StatusNotImplemented }
	path, _ := randomFile(t, t.TempDir(), "a.bin", 500)
	_, err := e.uploader(t).UploadFile(t.Context(), "acc", "folder", path)
	pe, ok := errors.AsType[*PartError](err)
	require.True(t, ok, "%T %v", err, err)
	assert.Equal(t, 1, pe.Attempts)

	tlsless := strings.Replace(e.store.srv.URL, "http://", "https://", 1) + "/dl/x"
	_, err = e.downloader(t).DownloadURL(t.Context(), tlsless, -1, &bytes.Buffer{})
	de, ok := errors.AsType[*DownloadError](err)
	require.True(t, ok, "%T %v", err, err)
	assert.Equal(t, 1, de.Attempts)
	assert.ErrorIs(t, err, http.ErrSchemeMismatch)
	assert.Empty(t, e.sleeps.Waits())
}
