package transfer

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/frameio-go/frameio-go/frameio"

	"github.com/frameio-go/frameio-go/internal/testutil"
)

// lockedBuffer is a bytes.Buffer safe for the concurrent writes of slog.
type lockedBuffer = testutil.SyncBuffer

// debugLoggers returns a logger writing debug lines with both the text and
// the JSON handler into buf.
func debugLoggers(buf *lockedBuffer) *slog.Logger { return testutil.DebugLogger(buf) }

// printedError renders err and its whole chain with %v, %+v and %#v.
func printedError(err error) string { return testutil.PrintError(err) }

func assertNoPresignedSecret(t *testing.T, what, s string) {
	t.Helper()
	for _, secret := range presignedSecrets {
		assert.NotContains(t, s, secret, "%s leaks a presigned URL secret", what)
	}
}

// Transport-level failures of part PUTs (connection dropped mid-body) must
// not leak the presigned query through *url.Error into PartError,
// UploadError, FileError or the "retrying part" log line.
func TestPresignedSecretsNeverInUploadErrorsOrLogs(t *testing.T) {
	e := newEnv(t)
	e.store.fault = func(part, _ int) int {
		if part == 2 {
			return -1 // drop the connection on every attempt
		}
		return 0
	}
	logs := &lockedBuffer{}
	dir := t.TempDir()
	path, _ := randomFile(t, dir, "clip.bin", 2500)
	_, err := e.uploader(t, WithLogger(debugLoggers(logs)), WithMaxRetries(1)).UploadFile(t.Context(), "acc", "folder", path)
	require.Error(t, err)
	pe, ok := errors.AsType[*PartError](err)
	require.True(t, ok, "%v", err)
	assert.Equal(t, 2, pe.Part)
	_, ok = errors.AsType[*UploadError](err)
	require.True(t, ok)
	assertNoPresignedSecret(t, "upload error", printedError(err))
	assert.Contains(t, logs.String(), "retrying part")
	assertNoPresignedSecret(t, "upload logs", logs.String())

	_, err = e.uploader(t, WithLogger(debugLoggers(logs)), WithMaxRetries(0)).UploadDir(t.Context(), "acc", "folder", dir)
	require.Error(t, err)
	_, ok = errors.AsType[*FileError](err)
	require.True(t, ok)
	assertNoPresignedSecret(t, "folder upload error", printedError(err))
	assert.Contains(t, logs.String(), "file failed")
	assertNoPresignedSecret(t, "folder upload logs", logs.String())
}

// A download GET that cannot connect, or whose connection drops, must not
// leak the presigned query into DownloadError or the "resuming download"
// log line.
func TestPresignedSecretsNeverInDownloadErrorsOrLogs(t *testing.T) {
	e := newEnv(t)
	logs := &lockedBuffer{}
	d := e.downloader(t, WithLogger(debugLoggers(logs)), WithMaxRetries(1))

	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	closed := "http://" + ln.Addr().String() + "/dl/gone" + presignedQuery
	require.NoError(t, ln.Close()) // connection refused from now on
	_, err = d.DownloadURL(t.Context(), closed, -1, &bytes.Buffer{})
	require.Error(t, err)
	de, ok := errors.AsType[*DownloadError](err)
	require.True(t, ok, "%v", err)
	assert.Zero(t, de.Status)
	assertNoPresignedSecret(t, "download error", printedError(err))

	e.store.objects["obj"] = bytes.Repeat([]byte("x"), 4000)
	e.store.dropAfter["obj"] = 1000
	var out bytes.Buffer
	_, err = d.DownloadURL(t.Context(), e.store.srv.URL+"/dl/obj"+presignedQuery, 4000, &out)
	require.NoError(t, err)
	assert.Equal(t, 4000, out.Len())
	assert.Contains(t, logs.String(), "resuming download")
	assertNoPresignedSecret(t, "download logs", logs.String())
}

// A Link printed by mistake shows its URL without the presigned query.
func TestLinkNeverPrintsItsSignature(t *testing.T) {
	e := newEnv(t)
	id := e.uploaded(t, []byte("content"))
	l, err := e.downloader(t).Link(t.Context(), "acc", id)
	require.NoError(t, err)
	require.Contains(t, l.URL, testSignature, "the URL itself is usable")
	printed := testutil.PrintValue(l) + testutil.PrintValue(*l) + fmt.Sprintf("%s", l)
	assertNoPresignedSecret(t, "printed link", printed)
	assert.Contains(t, printed, "/dl/"+id)
}

// A remote upload's source may itself be a presigned URL: an API error that
// echoes it (as validation errors do) does not get its signature printed.
func TestRemoteSourceSecretsNeverInErrors(t *testing.T) {
	e := newEnv(t)
	e.api.srv.Config.Handler = http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		var body struct {
			Data struct {
				SourceURL string `json:"source_url"`
			} `json:"data"`
		}
		_ = json.NewDecoder(r.Body).Decode(&body)
		w.Header().Set("X-Echo", body.Data.SourceURL)
		writeJSON(w, 422, map[string]any{"errors": []any{map[string]any{"title": "Invalid value", "detail": "cannot fetch " + body.Data.SourceURL}}})
	})
	source := "https://bucket.s3.example/clip.mp4" + presignedQuery
	_, err := e.uploader(t).UploadRemote(t.Context(), "acc", "folder", source)
	require.Error(t, err)
	fe, ok := errors.AsType[*frameio.Error](err)
	require.True(t, ok, "%T %v", err, err)
	assert.Contains(t, fe.Errors[0].Detail, "cannot fetch https://bucket.s3.example/clip.mp4")
	assertNoPresignedSecret(t, "remote upload error", printedError(err)+string(fe.Body)+fe.Header.Get("X-Echo"))
}

// Upload and download results logged with slog (whose JSON handler would
// marshal the files' upload URLs and media links) show a summary.
func TestResultsLogWithoutPresignedURLs(t *testing.T) {
	e := newEnv(t)
	path, _ := randomFile(t, t.TempDir(), "a.bin", 2500)
	up, err := e.uploader(t).UploadFile(t.Context(), "acc", "folder", path)
	require.NoError(t, err)
	require.NotNil(t, up.File.UploadURLs)
	dl, err := e.downloader(t).Download(t.Context(), "acc", e.uploaded(t, []byte("content")), &bytes.Buffer{})
	require.NoError(t, err)
	logs := &lockedBuffer{}
	debugLoggers(logs).Info("done", "upload", up, "download", dl, "upload value", *up, "download value", *dl)
	assertNoPresignedSecret(t, "logged results", logs.String())
	assert.Contains(t, logs.String(), up.FileID)
}
