package transfer

import (
	"context"
	"errors"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestWaitUploadedPollsWithBackoff(t *testing.T) {
	e := newEnv(t)
	id := e.uploaded(t, []byte("x"))
	e.api.completeAt = 6
	st, err := e.uploader(t).WaitUploaded(context.Background(), "acc", id, WithPollInterval(100*time.Millisecond, 500*time.Millisecond))
	require.NoError(t, err)
	assert.True(t, st.UploadComplete)
	// never below 200 ms (5 calls/s), growing by half, capped
	assert.Equal(t, []time.Duration{200 * time.Millisecond, 300 * time.Millisecond, 450 * time.Millisecond, 500 * time.Millisecond, 500 * time.Millisecond}, e.sleeps.Waits())
}

func TestWaitUploadedFailed(t *testing.T) {
	e := newEnv(t)
	id := e.uploaded(t, []byte("x"))
	e.api.failUpload = true
	_, err := e.uploader(t).WaitUploaded(context.Background(), "acc", id)
	var fe *UploadFailedError
	require.ErrorAs(t, err, &fe)
	assert.Equal(t, id, fe.FileID)
}

func TestWaitRespectsDeadline(t *testing.T) {
	e := newEnv(t)
	id := e.uploaded(t, []byte("x"))
	e.api.transcodeAt = 1 << 30
	ctx, cancel := context.WithCancel(context.Background())
	n := 0
	sleeper := func(ctx context.Context, d time.Duration) error {
		if n++; n == 3 {
			cancel()
		}
		return ctx.Err()
	}
	f, err := e.uploader(t, WithSleeper(sleeper)).WaitTranscoded(ctx, "acc", id)
	require.ErrorIs(t, err, context.Canceled)
	require.NotNil(t, f)
	assert.Equal(t, "uploaded", string(f.Status))
}

func TestWaitAPIError(t *testing.T) {
	e := newEnv(t)
	_, err := e.uploader(t).WaitUploaded(context.Background(), "acc", "missing")
	require.Error(t, err)
	assert.Contains(t, err.Error(), "404")
}

func TestRemoteUpload(t *testing.T) {
	e := newEnv(t)
	res, err := e.uploader(t).UploadRemote(context.Background(), "acc", "folder", "https://example.com/media/clip.mp4?sig=1", WithWaitFor(StageUploaded))
	require.NoError(t, err)
	assert.Equal(t, "clip.mp4", res.File.Name)
	assert.Equal(t, "/v4/accounts/acc/files/"+res.File.ID+"/status", res.StatusLink)
	require.NotNil(t, res.Status)
	assert.True(t, res.Status.UploadComplete)

	_, err = e.uploader(t).UploadRemote(context.Background(), "acc", "folder", "https://example.com/")
	require.ErrorContains(t, err, "WithName")
	res, err = e.uploader(t).UploadRemote(context.Background(), "acc", "folder", "https://example.com/", WithName("x.mp4"))
	require.NoError(t, err)
	assert.Equal(t, "x.mp4", res.File.Name)
}

func TestStatusLink(t *testing.T) {
	assert.Equal(t, "a", statusLink(map[string]any{"status": "a", "self": "b"}))
	assert.Equal(t, "b", statusLink(map[string]any{"self": "b"}))
	assert.Equal(t, "c", statusLink(map[string]any{"self": "b", "operation": "c"}))
	assert.Empty(t, statusLink(nil))
}

// A file that is never transcoded must not keep a wait helper polling
// forever when the context has no deadline: the wait ends after
// DefaultWaitTimeout (WithWaitTimeout) with a *WaitTimeoutError.
func TestWaitIsBoundedWithoutDeadline(t *testing.T) {
	e := newEnv(t)
	id := e.uploaded(t, []byte("x"))
	e.api.transcodeAt = 1 << 30
	var mu sync.Mutex
	now := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	clock := func() time.Time { mu.Lock(); defer mu.Unlock(); return now }
	sleeper := func(ctx context.Context, d time.Duration) error { // time passes only here
		mu.Lock()
		now = now.Add(d)
		mu.Unlock()
		return ctx.Err()
	}
	up := e.uploader(t, WithSleeper(sleeper), WithClock(clock))
	start := clock()
	f, err := up.WaitTranscoded(context.Background(), "acc", id)
	wt, ok := errors.AsType[*WaitTimeoutError](err)
	require.True(t, ok, "%T %v", err, err)
	assert.Equal(t, id, wt.FileID)
	assert.Equal(t, DefaultWaitTimeout, wt.Timeout)
	assert.ErrorIs(t, err, context.DeadlineExceeded)
	assert.LessOrEqual(t, clock().Sub(start), DefaultWaitTimeout, "never slept past the bound")
	require.NotNil(t, f)

	start = clock()
	_, err = up.WaitUploaded(context.Background(), "acc", "never", WithWaitTimeout(time.Minute))
	require.Error(t, err) // 404: API errors still end the wait at once
	e.api.completeAt = 1 << 30
	_, err = up.WaitUploaded(context.Background(), "acc", id, WithWaitTimeout(time.Minute))
	wt, ok = errors.AsType[*WaitTimeoutError](err)
	require.True(t, ok, "%T %v", err, err)
	assert.Equal(t, time.Minute, wt.Timeout)
	assert.LessOrEqual(t, clock().Sub(start), time.Minute)
}
