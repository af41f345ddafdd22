package transfer_test

import (
	"bytes"
	"context"
	"crypto/rand"
	"crypto/sha256"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/frameio-go/frameio-go/frameio"
	"github.com/frameio-go/frameio-go/frameio/transfer"
	"github.com/frameio-go/frameio-go/frameiotest"
	"github.com/frameio-go/frameio-go/gen"
)

// These tests run the helpers against frameiotest, the in-memory Frame.io
// server, which validates every request against the spec and checks the
// object store headers, part sizes and URL expiry itself.

type fioEnv struct {
	srv    *frameiotest.Server
	client *frameio.Client
	seed   frameiotest.Seed
}

func noWait(ctx context.Context, _ time.Duration) error { return ctx.Err() }

func newFioEnv(t *testing.T, opts ...frameiotest.Option) *fioEnv {
	t.Helper()
	srv := frameiotest.NewServer(t, opts...)
	return &fioEnv{srv: srv, client: srv.Client(), seed: srv.Seed()}
}

func (e *fioEnv) uploader(t *testing.T, opts ...transfer.Option) *transfer.Uploader {
	t.Helper()
	u, err := transfer.NewUploader(e.client, append([]transfer.Option{transfer.WithSleeper(noWait),
		transfer.WithHTTPClient(e.srv.HTTPClient())}, opts...)...)
	require.NoError(t, err)
	return u
}

func randomBytes(n int) []byte {
	b := make([]byte, n)
	_, _ = rand.Read(b)
	return b
}

func TestIntegrationUploadSizes(t *testing.T) {
	for _, size := range []int{0, 1, 4096, 4096 * 5, 4096*5 + 123} {
		e := newFioEnv(t, frameiotest.WithPartSize(4096))
		content := randomBytes(size)
		path := filepath.Join(t.TempDir(), "clip.mp4")
		require.NoError(t, os.WriteFile(path, content, 0o644))
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		res, err := e.uploader(t).UploadFile(ctx, e.seed.AccountID, e.seed.RootFolderID, path, transfer.WithWaitFor(transfer.StageTranscoded))
		require.NoError(t, err, "size %d", size)
		assert.Equal(t, sha256.Sum256(content), sha256.Sum256(e.srv.FileContent(res.FileID)), "size %d", size)
		assert.Equal(t, "transcoded", e.srv.FileStatus(res.FileID))
	}
}

func TestIntegrationRetriesFailedParts(t *testing.T) {
	e := newFioEnv(t, frameiotest.WithPartSize(1000))
	e.srv.FailUploadParts(2, 503)
	content := randomBytes(3500)
	res, err := e.uploader(t).Upload(context.Background(), e.seed.AccountID, e.seed.RootFolderID,
		bytes.NewReader(content), int64(len(content)), "a.bin")
	require.NoError(t, err)
	assert.Equal(t, content, e.srv.FileContent(res.FileID))
}

func TestIntegrationExpiredURLs(t *testing.T) {
	e := newFioEnv(t, frameiotest.WithPartSize(1000))
	created, err := e.client.Files.CreateLocalUpload(context.Background(), e.seed.AccountID, e.seed.RootFolderID,
		gen.FileCreateLocalUploadParamsData{Name: "a.bin", FileSize: 2000})
	require.NoError(t, err)
	e.srv.ExpireUploadURLs()
	err = e.uploader(t).UploadContent(context.Background(), created, bytes.NewReader(randomBytes(2000)), 2000)
	var pe *transfer.PartError
	require.ErrorAs(t, err, &pe)
	assert.True(t, pe.Expired)
	assert.Equal(t, 1, pe.Attempts)
}

func TestIntegrationDirVersionAndDownload(t *testing.T) {
	e := newFioEnv(t, frameiotest.WithPartSize(2048))
	dir := t.TempDir()
	files := map[string][]byte{"a.mov": randomBytes(5000), "sub/b.jpg": randomBytes(100), "sub/deep/c.wav": randomBytes(3000)}
	for name, b := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		require.NoError(t, os.MkdirAll(filepath.Dir(p), 0o755))
		require.NoError(t, os.WriteFile(p, b, 0o644))
	}
	up := e.uploader(t)
	res, err := up.UploadDir(context.Background(), e.seed.AccountID, e.seed.RootFolderID, dir)
	require.NoError(t, err)
	require.Len(t, res.Files, 3)
	ids := map[string]string{}
	for _, fr := range res.Files {
		assert.Equal(t, files[fr.RelPath], e.srv.FileContent(fr.FileID), fr.RelPath)
		ids[fr.RelPath] = fr.FileID
	}
	// Uploading again reuses the folders.
	folders := e.srv.Count("folder")
	_, err = up.UploadDir(context.Background(), e.seed.AccountID, e.seed.RootFolderID, dir)
	require.NoError(t, err)
	assert.Equal(t, folders, e.srv.Count("folder"))

	// A new version of a.mov.
	v2 := randomBytes(4000)
	vr, err := up.UploadVersion(context.Background(), e.seed.AccountID, ids["a.mov"], bytes.NewReader(v2), 4000, "a_v2.mov")
	require.NoError(t, err)
	assert.True(t, vr.CreatedStack)
	require.NotEmpty(t, vr.VersionStackID)
	// And a third, into the stack.
	vr3, err := up.UploadVersion(context.Background(), e.seed.AccountID, vr.VersionStackID, bytes.NewReader(v2), 4000, "a_v3.mov")
	require.NoError(t, err)
	assert.Equal(t, vr.VersionStackID, vr3.VersionStackID)

	// Download the original of the version.
	for _, id := range []string{vr.Upload.FileID, ids["sub/deep/c.wav"]} {
		_ = e.srv.Transcode(id)
	}
	dl, err := transfer.NewDownloader(e.client, transfer.WithHTTPClient(e.srv.HTTPClient()), transfer.WithSleeper(noWait))
	require.NoError(t, err)
	dst := filepath.Join(t.TempDir(), "out.mov")
	dres, err := dl.DownloadFile(context.Background(), e.seed.AccountID, vr.Upload.FileID, dst)
	require.NoError(t, err)
	got, err := os.ReadFile(dres.Path)
	require.NoError(t, err)
	assert.Equal(t, v2, got)
}

func TestIntegrationRemoteUpload(t *testing.T) {
	e := newFioEnv(t)
	res, err := e.uploader(t).UploadRemote(context.Background(), e.seed.AccountID, e.seed.RootFolderID,
		"https://example.com/media/clip.mp4", transfer.WithWaitFor(transfer.StageUploaded))
	require.NoError(t, err)
	assert.Equal(t, "clip.mp4", res.File.Name)
	require.NotNil(t, res.Status)
	assert.True(t, res.Status.UploadComplete)
}

func TestIntegrationExplicitMediaType(t *testing.T) {
	e := newFioEnv(t) // the server fails the test on any spec violation
	res, err := e.uploader(t).Upload(context.Background(), e.seed.AccountID, e.seed.RootFolderID,
		bytes.NewReader([]byte("hello")), 5, "notes", transfer.WithMediaType("text/plain"))
	require.NoError(t, err)
	assert.Equal(t, "text/plain", res.MediaType)
	assert.Equal(t, []byte("hello"), e.srv.FileContent(res.FileID))
}

// Downloads in ranges against frameiotest's object store (which checks the
// presigned signature and expiry of every GET): to a file and to an
// io.Writer, one GET per range.
func TestIntegrationParallelDownload(t *testing.T) {
	e := newFioEnv(t, frameiotest.WithPartSize(1<<20), frameiotest.WithTranscodeAfterPolls(0))
	content := randomBytes(3<<20 + 17)
	res, err := e.uploader(t).Upload(context.Background(), e.seed.AccountID, e.seed.RootFolderID,
		bytes.NewReader(content), int64(len(content)), "big.mov")
	require.NoError(t, err)
	dl, err := transfer.NewDownloader(e.client, transfer.WithHTTPClient(e.srv.HTTPClient()), transfer.WithSleeper(noWait),
		transfer.WithRangeSize(256<<10), transfer.WithBufferSize(256<<10), transfer.WithConcurrency(4))
	require.NoError(t, err)
	mediaGets := func() int {
		n := 0
		for _, r := range e.srv.Requests() {
			if r.Method == "GET" && strings.HasPrefix(r.Path, "/_objects/media/") {
				n++
			}
		}
		return n
	}

	dres, err := dl.DownloadFile(context.Background(), e.seed.AccountID, res.FileID, t.TempDir())
	require.NoError(t, err)
	got, err := os.ReadFile(dres.Path)
	require.NoError(t, err)
	assert.Equal(t, sha256.Sum256(content), sha256.Sum256(got))
	assert.Equal(t, 13, mediaGets(), "13 ranges of 256 KiB")

	var buf bytes.Buffer
	_, err = dl.Download(context.Background(), e.seed.AccountID, res.FileID, &buf)
	require.NoError(t, err)
	assert.Equal(t, sha256.Sum256(content), sha256.Sum256(buf.Bytes()))
	assert.Equal(t, 26, mediaGets())
}
