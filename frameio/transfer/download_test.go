package transfer

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// uploaded puts content into the fake API and store as a downloadable file.
func (e *env) uploaded(t *testing.T, content []byte) string {
	t.Helper()
	res, err := e.uploader(t).Upload(context.Background(), "acc", "folder", bytes.NewReader(content), int64(len(content)), "movie.mp4")
	require.NoError(t, err)
	e.store.mu.Lock()
	e.store.objects[res.FileID] = content
	e.store.mu.Unlock()
	return res.FileID
}

func TestDownloadFileWritesExactBytes(t *testing.T) {
	e := newEnv(t)
	content := bytes.Repeat([]byte("0123456789"), 5000)
	id := e.uploaded(t, content)
	dir := t.TempDir()
	var prog progressLog
	res, err := e.downloader(t).DownloadFile(context.Background(), "acc", id, dir, WithProgress(prog.fn))
	require.NoError(t, err)
	assert.Equal(t, filepath.Join(dir, "movie.mp4"), res.Path)
	got, err := os.ReadFile(res.Path)
	require.NoError(t, err)
	assert.Equal(t, sum(content), sum(got))
	assert.Equal(t, int64(len(content)), res.Size)
	assert.Zero(t, res.Resumes)
	prog.check(t, int64(len(content)))
	entries, _ := os.ReadDir(dir)
	assert.Len(t, entries, 1, "no temporary file may remain")
	e.store.noViolations(t) // no Authorization on the download
}

func TestDownloadResumesWithRange(t *testing.T) {
	e := newEnv(t)
	content := bytes.Repeat([]byte("abcdefghij"), 10000)
	id := e.uploaded(t, content)
	e.store.dropAfter[id] = 40000
	dst := filepath.Join(t.TempDir(), "out.mp4")
	var prog progressLog
	res, err := e.downloader(t, WithJitter(0)).DownloadFile(context.Background(), "acc", id, dst, WithProgress(prog.fn))
	require.NoError(t, err)
	got, err := os.ReadFile(dst)
	require.NoError(t, err)
	assert.Equal(t, sum(content), sum(got))
	assert.Equal(t, 1, res.Resumes)
	e.store.mu.Lock()
	assert.Equal(t, []string{"", "bytes=40000-"}, e.store.gets)
	e.store.mu.Unlock()
	prog.check(t, int64(len(content)))
}

func TestDownloadResumeWhenServerIgnoresRange(t *testing.T) {
	e := newEnv(t)
	content := bytes.Repeat([]byte("xyz"), 9000)
	id := e.uploaded(t, content)
	e.store.dropAfter[id] = 1000
	e.store.ignoreRng = true
	var buf bytes.Buffer
	res, err := e.downloader(t).Download(context.Background(), "acc", id, &buf)
	require.NoError(t, err)
	assert.Equal(t, content, buf.Bytes())
	assert.Equal(t, 1, res.Resumes)
}

func TestDownloadNullLinkIsTyped(t *testing.T) {
	e := newEnv(t)
	id := e.uploaded(t, []byte("abc"))
	e.api.noLink = true
	e.api.transcodeAt = 100 // still "uploaded"
	dst := filepath.Join(t.TempDir(), "x")
	_, err := e.downloader(t).DownloadFile(context.Background(), "acc", id, dst)
	var le *LinkUnavailableError
	require.ErrorAs(t, err, &le)
	assert.ErrorIs(t, err, ErrLinkUnavailable)
	assert.Equal(t, "uploaded", le.FileStatus)
	assert.Equal(t, RenditionOriginal, le.Rendition)
	assert.Contains(t, err.Error(), "not transcoded yet")
	assert.NoFileExists(t, dst)
}

func TestDownloadForbiddenIsTyped(t *testing.T) {
	e := newEnv(t)
	id := e.uploaded(t, []byte("abc"))
	e.api.forbidden = true
	_, err := e.downloader(t).Download(context.Background(), "acc", id, &bytes.Buffer{})
	var le *LinkUnavailableError
	require.ErrorAs(t, err, &le)
	require.Error(t, le.Err)
	assert.Contains(t, err.Error(), "permission")
}

func TestDownloadFailureLeavesNothing(t *testing.T) {
	e := newEnv(t)
	content := bytes.Repeat([]byte("a"), 5000)
	id := e.uploaded(t, content)
	e.store.mu.Lock()
	e.store.objects[id] = content[:4000] // shorter than file_size
	e.store.mu.Unlock()
	dir := t.TempDir()
	dst := filepath.Join(dir, "out")
	_, err := e.downloader(t).DownloadFile(context.Background(), "acc", id, dst)
	var sm *SizeMismatchError
	require.ErrorAs(t, err, &sm)
	assert.Equal(t, int64(5000), sm.Want)
	assert.Equal(t, int64(4000), sm.Got)
	entries, _ := os.ReadDir(dir)
	assert.Empty(t, entries)
}

func TestDownloadExpiredLink(t *testing.T) {
	e := newEnv(t)
	srv := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(http.StatusForbidden) })
	e.store.srv.Config.Handler = srv
	_, err := e.downloader(t).DownloadURL(context.Background(), e.store.srv.URL+"/dl/x?X-Amz-Signature=secret", -1, &bytes.Buffer{})
	var de *DownloadError
	require.ErrorAs(t, err, &de)
	assert.True(t, de.Expired)
	assert.NotContains(t, err.Error(), "secret")
	assert.Empty(t, e.sleeps.Waits())
}

func TestDownloadGivesUpAfterRetries(t *testing.T) {
	e := newEnv(t)
	e.store.srv.Config.Handler = http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(http.StatusBadGateway) })
	_, err := e.downloader(t, WithMaxRetries(2)).DownloadURL(context.Background(), e.store.srv.URL+"/dl/x", 10, &bytes.Buffer{})
	var de *DownloadError
	require.ErrorAs(t, err, &de)
	assert.Equal(t, 502, de.Status)
	assert.Equal(t, 3, de.Attempts)
	assert.Len(t, e.sleeps.Waits(), 2)
}

func TestParseContentRange(t *testing.T) {
	s, n, ok := parseContentRange("bytes 10-19/100")
	assert.True(t, ok)
	assert.Equal(t, int64(10), s)
	assert.Equal(t, int64(100), n)
	_, n, ok = parseContentRange("bytes 0-1/*")
	assert.True(t, ok)
	assert.Equal(t, int64(-1), n)
	for _, bad := range []string{"", "bytes", "items 0-1/2", "bytes x-1/2", "bytes 0-1/y", "bytes 01/2"} {
		_, _, ok := parseContentRange(bad)
		assert.False(t, ok, bad)
	}
}

func TestRenditionValidation(t *testing.T) {
	e := newEnv(t)
	_, err := NewDownloader(e.client, WithRendition("nope"))
	require.Error(t, err)
	_, err = NewDownloader(nil)
	require.Error(t, err)
	for _, r := range []Rendition{RenditionOriginal, RenditionHighQuality, RenditionEfficient, RenditionVideoH264180,
		RenditionThumbnail, RenditionThumbnailHighQuality, RenditionScrubSheet} {
		_, ok := r.include()
		assert.True(t, ok, r)
		assert.Empty(t, r.downloadURL(nil))
	}
}

// trickle serves obj in responses of n bytes each, honouring
// "Range: bytes=<start>-", and drops every connection after them.
func trickle(obj []byte, n int) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		start := 0
		if rng, ok := strings.CutPrefix(r.Header.Get("Range"), "bytes="); ok {
			start, _ = strconv.Atoi(strings.TrimSuffix(rng, "-"))
			w.Header().Set("Content-Range", fmt.Sprintf("bytes %d-%d/%d", start, len(obj)-1, len(obj)))
		}
		w.Header().Set("Content-Length", strconv.Itoa(len(obj)-start))
		if start > 0 {
			w.WriteHeader(http.StatusPartialContent)
		} else {
			w.WriteHeader(http.StatusOK)
		}
		_, _ = w.Write(obj[start:min(start+n, len(obj))])
		w.(http.Flusher).Flush()
		dropConn(w)
	}
}

// A server that trickles a few bytes per connection makes progress on every
// attempt; the number of resumes is still bounded (DefaultMaxResumes,
// WithMaxResumes), so the download cannot loop until the context ends.
func TestDownloadResumesAreBounded(t *testing.T) {
	e := newEnv(t)
	obj := bytes.Repeat([]byte("x"), 1000)
	e.store.srv.Config.Handler = trickle(obj, 10)
	_, err := e.downloader(t).DownloadURL(t.Context(), e.store.srv.URL+"/dl/x", 1000, &bytes.Buffer{})
	de, ok := errors.AsType[*DownloadError](err)
	require.True(t, ok, "%T %v", err, err)
	assert.Equal(t, DefaultMaxResumes+1, de.Attempts)
	assert.EqualValues(t, 10*(DefaultMaxResumes+1), de.Written)
	assert.Contains(t, err.Error(), "resumes")
	assert.Len(t, e.sleeps.Waits(), DefaultMaxResumes)

	e.sleeps = &sleepRecorder{}
	_, err = e.downloader(t, WithMaxResumes(2)).DownloadURL(t.Context(), e.store.srv.URL+"/dl/x", 1000, &bytes.Buffer{})
	de, ok = errors.AsType[*DownloadError](err)
	require.True(t, ok, "%T %v", err, err)
	assert.Equal(t, 3, de.Attempts)

	// Enough resumes allowed: the trickle completes.
	var out bytes.Buffer
	n, err := e.downloader(t, WithMaxResumes(100)).DownloadURL(t.Context(), e.store.srv.URL+"/dl/x", 1000, &out)
	require.NoError(t, err)
	assert.EqualValues(t, 1000, n)
	assert.Equal(t, obj, out.Bytes())
}
