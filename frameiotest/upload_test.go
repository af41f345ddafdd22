package frameiotest_test

import (
	"bytes"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/frameio-go/frameio-go/frameio"
	"github.com/frameio-go/frameio-go/frameiotest"
	"github.com/frameio-go/frameio-go/gen"
)

type part struct {
	url  string
	size int
}

// startUpload creates a local upload of name with size bytes.
func startUpload(t *testing.T, srv *frameiotest.Server, name string, size int) (string, string, []part) {
	t.Helper()
	c := plainClient{t, srv}
	seed := srv.Seed()
	status, body := c.send(gen.NewFilesCreateLocalUploadRequest(srv.URL(), seed.AccountID, seed.RootFolderID,
		gen.FileCreateLocalUploadParams{Data: gen.FileCreateLocalUploadParamsData{Name: name, FileSize: size}}))
	require.Equal(t, http.StatusCreated, status, string(body))
	d := mustDecode[gen.FileWithUploadURLsResponse](t, body).Data
	require.NotNil(t, d.UploadURLs)
	var parts []part
	for _, u := range d.UploadURLs {
		parts = append(parts, part{url: u.URL, size: u.Size})
	}
	return d.ID, frameio.Value(d.MediaType), parts
}

// put sends one upload part.
func put(t *testing.T, srv *frameiotest.Server, url string, body []byte, header map[string]string) (int, string) {
	t.Helper()
	req, err := http.NewRequest(http.MethodPut, url, bytes.NewReader(body))
	require.NoError(t, err)
	for k, v := range header {
		req.Header.Set(k, v)
	}
	resp, err := srv.HTTPClient().Do(req)
	require.NoError(t, err)
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

func fileStatus(t *testing.T, srv *frameiotest.Server, fileID string) map[string]any {
	t.Helper()
	resp, body := do(t, srv, http.MethodGet, "/v4/accounts/"+srv.Seed().AccountID+"/files/"+fileID+"?include=media_links.original", nil)
	require.Equal(t, http.StatusOK, resp.StatusCode, body)
	return dataOf(t, body)
}

func TestLocalUpload(t *testing.T) {
	srv := frameiotest.NewServer(t, frameiotest.WithPartSize(10), frameiotest.WithTranscodeAfterPolls(2))
	content := []byte("0123456789abcdefghijklmnopqrstuvwxy") // 35 bytes
	fileID, mediaType, parts := startUpload(t, srv, "clip.mp4", len(content))
	assert.Equal(t, "video/mp4", mediaType)
	require.Len(t, parts, 4, "ceil(35/10) parts")
	assert.Equal(t, []int{9, 9, 9, 8}, []int{parts[0].size, parts[1].size, parts[2].size, parts[3].size})
	for _, p := range parts {
		assert.Contains(t, p.url, "X-Amz-Expires=")
		assert.True(t, strings.HasPrefix(p.url, srv.URL()+"/_objects/"))
	}
	good := map[string]string{"x-amz-acl": "private", "Content-Type": mediaType}

	// Rules of the docs, enforced.
	code, msg := put(t, srv, parts[0].url, content[:9], map[string]string{"Content-Type": mediaType})
	assert.Equal(t, http.StatusForbidden, code, "x-amz-acl missing: %s", msg)
	code, msg = put(t, srv, parts[0].url, content[:9], map[string]string{"x-amz-acl": "private", "Content-Type": "application/octet-stream"})
	assert.Equal(t, http.StatusForbidden, code, "wrong Content-Type: %s", msg)
	code, msg = put(t, srv, parts[0].url, content[:9], map[string]string{"x-amz-acl": "private", "Content-Type": mediaType, "Authorization": "Bearer " + srv.Token()})
	assert.Equal(t, http.StatusBadRequest, code, "Authorization must not be sent: %s", msg)
	code, msg = put(t, srv, parts[0].url, content[:8], good)
	assert.Equal(t, http.StatusBadRequest, code, "short part: %s", msg)
	code, msg = put(t, srv, parts[0].url+"x", content[:9], good)
	assert.Equal(t, http.StatusForbidden, code, "tampered signature: %s", msg)

	assert.Equal(t, "created", fileStatus(t, srv, fileID)["status"])
	off := 0
	for i, p := range parts {
		code, msg := put(t, srv, p.url, content[off:off+p.size], good)
		require.Equal(t, http.StatusOK, code, "part %d: %s", i+1, msg)
		off += p.size
	}
	assert.Equal(t, content, srv.FileContent(fileID))

	// Upload status reports completion.
	resp, body := do(t, srv, http.MethodGet, "/v4/accounts/"+srv.Seed().AccountID+"/files/"+fileID+"/status", nil)
	require.Equal(t, http.StatusOK, resp.StatusCode, body)
	assert.Equal(t, true, dataOf(t, body)["upload_complete"])

	// Two polls (the status call above and this one) see "uploaded", with null links.
	d := fileStatus(t, srv, fileID)
	assert.Equal(t, "uploaded", d["status"])
	assert.Nil(t, d["media_links"].(map[string]any)["original"].(map[string]any)["download_url"])
	d = fileStatus(t, srv, fileID)
	require.Equal(t, "transcoded", d["status"])
	orig := d["media_links"].(map[string]any)["original"].(map[string]any)
	dl := orig["download_url"].(string)
	require.True(t, strings.HasPrefix(dl, srv.URL()))

	// Download with and without Range.
	get := func(rng string) (*http.Response, []byte) {
		req, err := http.NewRequest(http.MethodGet, dl, nil)
		require.NoError(t, err)
		if rng != "" {
			req.Header.Set("Range", rng)
		}
		resp, err := srv.HTTPClient().Do(req)
		require.NoError(t, err)
		defer resp.Body.Close()
		b, err := io.ReadAll(resp.Body)
		require.NoError(t, err)
		return resp, b
	}
	r, b := get("")
	assert.Equal(t, http.StatusOK, r.StatusCode)
	assert.Equal(t, content, b)
	assert.Contains(t, r.Header.Get("Content-Disposition"), "attachment")
	r, b = get("bytes=10-19")
	assert.Equal(t, http.StatusPartialContent, r.StatusCode)
	assert.Equal(t, content[10:20], b)
	assert.Equal(t, "bytes 10-19/35", r.Header.Get("Content-Range"))
}

func TestUploadTranscodeModes(t *testing.T) {
	t.Run("immediate", func(t *testing.T) {
		srv := frameiotest.NewServer(t, frameiotest.WithTranscodeAfterPolls(0))
		id, mt, parts := startUpload(t, srv, "a.png", 3)
		code, _ := put(t, srv, parts[0].url, []byte("abc"), map[string]string{"x-amz-acl": "private", "Content-Type": mt})
		require.Equal(t, http.StatusOK, code)
		assert.Equal(t, "transcoded", srv.FileStatus(id))
	})
	t.Run("manual", func(t *testing.T) {
		srv := frameiotest.NewServer(t, frameiotest.WithManualTranscode())
		id, mt, parts := startUpload(t, srv, "a.png", 3)
		code, _ := put(t, srv, parts[0].url, []byte("abc"), map[string]string{"x-amz-acl": "private", "Content-Type": mt})
		require.Equal(t, http.StatusOK, code)
		for range 3 {
			assert.Equal(t, "uploaded", fileStatus(t, srv, id)["status"])
		}
		require.NoError(t, srv.Transcode(id))
		assert.Equal(t, "transcoded", fileStatus(t, srv, id)["status"])
	})
	t.Run("delay", func(t *testing.T) {
		now := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
		var clock struct{ t time.Time }
		clock.t = now
		srv := frameiotest.NewServer(t, frameiotest.WithTranscodeDelay(time.Minute), frameiotest.WithClock(func() time.Time { return clock.t }))
		id, mt, parts := startUpload(t, srv, "a.png", 3)
		code, _ := put(t, srv, parts[0].url, []byte("abc"), map[string]string{"x-amz-acl": "private", "Content-Type": mt})
		require.Equal(t, http.StatusOK, code)
		assert.Equal(t, "uploaded", srv.FileStatus(id))
		clock.t = now.Add(2 * time.Minute) // no request in flight: no race
		assert.Equal(t, "transcoded", srv.FileStatus(id))
	})
}

func TestRemoteUpload(t *testing.T) {
	srv := frameiotest.NewServer(t, frameiotest.WithRemoteFetch(func(url string) ([]byte, error) {
		return []byte("remote bytes from " + url), nil
	}))
	seed := srv.Seed()
	resp, body := do(t, srv, http.MethodPost, "/v4/accounts/"+seed.AccountID+"/folders/"+seed.RootFolderID+"/files/remote_upload",
		map[string]any{"data": map[string]any{"name": "pixel.jpg", "source_url": "https://example.com/p.jpg"}})
	require.Equal(t, http.StatusAccepted, resp.StatusCode, body)
	d := dataOf(t, body)
	assert.Equal(t, "created", d["status"])
	assert.Equal(t, "image/jpeg", d["media_type"])
	id := d["id"].(string)
	assert.Equal(t, "uploaded", fileStatus(t, srv, id)["status"])
	assert.Equal(t, "transcoded", fileStatus(t, srv, id)["status"])
	assert.Equal(t, []byte("remote bytes from https://example.com/p.jpg"), srv.FileContent(id))
}

// TestLocalUploadMediaType: the local upload body's optional media_type
// (specfix step local-upload-media-type) is the file's media type; without
// it the name's is.
func TestLocalUploadMediaType(t *testing.T) {
	srv := frameiotest.NewServer(t)
	seed := srv.Seed()
	client := srv.Client()
	f, err := client.Files.CreateLocalUpload(t.Context(), seed.AccountID, seed.RootFolderID,
		gen.FileCreateLocalUploadParamsData{Name: "take.bin", FileSize: 3, MediaType: new("video/quicktime")})
	require.NoError(t, err)
	assert.Equal(t, "video/quicktime", frameio.Value(f.MediaType))
	f, err = client.Files.CreateLocalUpload(t.Context(), seed.AccountID, seed.RootFolderID,
		gen.FileCreateLocalUploadParamsData{Name: "still.png", FileSize: 3})
	require.NoError(t, err)
	assert.Equal(t, "image/png", frameio.Value(f.MediaType))
}
