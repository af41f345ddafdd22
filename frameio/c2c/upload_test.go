package c2c_test

import (
	"bytes"
	"context"
	"crypto/rand"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/frameio-go/frameio-go/frameio/c2c"
	"github.com/frameio-go/frameio-go/frameiotest/c2ctest"
)

func randomBytes(t *testing.T, n int) []byte {
	t.Helper()
	b := make([]byte, n)
	_, err := rand.Read(b)
	require.NoError(t, err)
	return b
}

func TestUploadFileSplitsIntoCeilChunks(t *testing.T) {
	r := newRig(t, []c2ctest.Option{c2ctest.WithChunkSize(6 << 20)}).paired(t)
	data := randomBytes(t, 15<<20+123)
	path := filepath.Join(t.TempDir(), "A001_C001.mp4")
	require.NoError(t, os.WriteFile(path, data, 0o600))
	var prog []c2c.Progress
	r.srv.FailParts(2, 503, "SlowDown")
	asset, err := r.dev.UploadFile(context.Background(), path, c2c.AssetParams{}, c2c.OnProgress(func(p c2c.Progress) { prog = append(prog, p) }))
	require.NoError(t, err)
	require.Len(t, asset.UploadUrls, 3)
	info, ok := r.srv.Asset(asset.ID)
	require.True(t, ok)
	assert.True(t, info.Complete)
	assert.True(t, bytes.Equal(data, info.Data), "assembled byte-identical")
	assert.Equal(t, "video/mp4", info.Filetype)
	assert.Equal(t, "A001_C001.mp4", info.Name)
	require.Len(t, prog, 3)
	assert.Equal(t, int64(len(data)), prog[2].Done)
}

func TestPausedMediaIsNeverRetriedAndOffsetIsRecomputed(t *testing.T) {
	r := newRig(t, nil).paired(t)
	created := r.time.Now()
	r.time.Advance(30 * time.Second)
	r.srv.Pause()
	r.time.Advance(30 * time.Second)
	p := c2c.AssetParams{Name: "during.mov", Filetype: "video/quicktime", Filesize: 10, CreatedAt: r.time.Now()}
	_, err := r.dev.CreateAsset(context.Background(), p)
	assert.ErrorIs(t, err, c2c.ErrChannelPaused)
	assert.Equal(t, 1, r.calls("devices_device_asset_create"), "fatal: one attempt")
	r.srv.Resume()

	// Media from before the pause: the first attempts fail with 500 while
	// the clock moves; each retry sends the offset of its own moment.
	r.srv.FailNext(2, 500, "", c2ctest.ForOperation("devices_device_asset_create"))
	before := c2c.AssetParams{Name: "before.mov", Filetype: "video/quicktime", Filesize: 10, CreatedAt: created}
	asset, err := r.dev.CreateAsset(context.Background(), before)
	require.NoError(t, err)
	info, _ := r.srv.Asset(asset.ID)
	// Offsets are whole seconds; a static offset would be 1.5 s off by now.
	assert.WithinDuration(t, created, info.CreatedAt, 500*time.Millisecond, "offset recomputed for the third attempt")
}

func TestInvalidAssetsFailBeforeAnyCall(t *testing.T) {
	r := newRig(t, nil).paired(t)
	_, err := r.dev.CreateAsset(context.Background(), c2c.AssetParams{Filesize: -1})
	require.Error(t, err)
	for _, want := range []string{"Filetype", "Name is required", "Filesize -1"} {
		assert.Contains(t, err.Error(), want)
	}
	_, err = r.dev.CreateRealtimeAsset(context.Background(), c2c.AssetParams{Name: "noext", Filetype: "video/mp4"})
	assert.ErrorContains(t, err, "needs Extension")
	_, err = r.dev.RequestParts(context.Background(), "a", c2c.PartsRequest{Parts: []c2c.Part{{Number: 1, Size: 10}}})
	assert.ErrorContains(t, err, "need at least 5242880")
	_, err = r.dev.RequestParts(context.Background(), "a", c2c.PartsRequest{Parts: []c2c.Part{{Number: 10_001, Size: 10, Final: true}}})
	assert.ErrorContains(t, err, "out of range")
	_, err = r.dev.RequestParts(context.Background(), "a", c2c.PartsRequest{Parts: []c2c.Part{{Number: 2, Size: 10, Final: true}}, Filesize: c2c.MaxFileSize + 1})
	assert.ErrorIs(t, err, c2c.ErrUploadTooLarge)
	assert.Empty(t, r.srv.Requests())
}

// A recording still being written: the writer appends in bursts while
// UploadStream uploads; the assembled asset is byte-identical.
func TestUploadStreamOfAGrowingFile(t *testing.T) {
	r := newRig(t, nil).paired(t)
	data := randomBytes(t, 3*c2c.MinPartSize+777_777)
	path := filepath.Join(t.TempDir(), "growing.mov")
	f, err := os.Create(path)
	require.NoError(t, err)
	s, err := c2c.OpenFileStream(path, time.Millisecond, nil)
	require.NoError(t, err)
	t.Cleanup(func() { _ = s.Close() })

	var wg sync.WaitGroup
	wg.Go(func() {
		for off := 0; off < len(data); off += 1 << 20 {
			_, _ = f.Write(data[off:min(off+1<<20, len(data))])
			time.Sleep(2 * time.Millisecond)
		}
		_ = f.Close()
		s.Finish()
	})
	r.srv.FailParts(1, 500, "InternalError")
	var prog []c2c.Progress
	asset, err := r.dev.UploadStream(context.Background(), s, c2c.AssetParams{Extension: ".mov", Name: "A002_C007.mov", Filetype: "video/quicktime"},
		c2c.OnProgress(func(p c2c.Progress) { prog = append(prog, p) }))
	wg.Wait()
	require.NoError(t, err)
	info, ok := r.srv.Asset(asset.ID)
	require.True(t, ok)
	assert.True(t, info.Complete)
	assert.True(t, bytes.Equal(data, info.Data), "byte-identical")
	assert.Equal(t, "A002_C007.mov", info.Name)
	assert.Equal(t, 4, info.Parts, "three 5 MiB parts, then the final remainder")
	require.NotEmpty(t, prog)
	assert.Equal(t, c2c.Progress{Done: int64(len(data)), Total: int64(len(data)), Parts: 4}, prog[len(prog)-1])
}

func TestUploadStreamNamesAnExtensionOnlyAsset(t *testing.T) {
	r := newRig(t, nil).paired(t)
	path := filepath.Join(t.TempDir(), "small.wav")
	require.NoError(t, os.WriteFile(path, []byte("RIFF tiny"), 0o600))
	s, err := c2c.OpenFileStream(path, time.Millisecond, nil)
	require.NoError(t, err)
	defer s.Close()
	s.Finish()
	asset, err := r.dev.CreateRealtimeAsset(context.Background(), c2c.AssetParams{Extension: ".wav", Filetype: "audio/wav"})
	require.NoError(t, err)
	assert.Equal(t, "[new file].wav", asset.Name)
	require.NoError(t, r.dev.UploadToAsset(context.Background(), asset.ID, s, c2c.AssetParams{Name: "Take 3.wav", Filetype: "audio/wav"}))
	info, _ := r.srv.Asset(asset.ID)
	assert.Equal(t, "Take 3.wav", info.Name)
	assert.Equal(t, []byte("RIFF tiny"), info.Data)
}

func TestUploadStreamStopsWhenCancelled(t *testing.T) {
	r := newRig(t, nil).paired(t)
	path := filepath.Join(t.TempDir(), "never.mov")
	require.NoError(t, os.WriteFile(path, nil, 0o600))
	s, err := c2c.OpenFileStream(path, time.Millisecond, nil)
	require.NoError(t, err)
	defer s.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	_, err = r.dev.UploadStream(ctx, s, c2c.AssetParams{Extension: ".mov", Filetype: "video/quicktime"})
	assert.ErrorIs(t, err, context.DeadlineExceeded)
}
