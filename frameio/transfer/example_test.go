package transfer_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/frameio-go/frameio-go/frameio"
	"github.com/frameio-go/frameio-go/frameio/transfer"
)

// exampleServer is a tiny stand-in for Frame.io and its object store:
// create-local-upload answers with two upload URLs on the same server, the
// parts are kept in memory, and files.show returns a download link.
func exampleServer() *httptest.Server {
	var mu sync.Mutex
	parts := map[string][]byte{}
	var srv *httptest.Server
	mux := http.NewServeMux()
	mux.HandleFunc("POST /v4/accounts/{a}/folders/{f}/files/local_upload", func(w http.ResponseWriter, r *http.Request) {
		var body struct {
			Data struct {
				Name     string `json:"name"`
				FileSize int    `json:"file_size"`
			} `json:"data"`
		}
		_ = json.NewDecoder(r.Body).Decode(&body)
		half := body.Data.FileSize / 2
		w.Header().Set("Content-Type", "application/json")
		_ = json.NewEncoder(w).Encode(map[string]any{"data": map[string]any{
			"id": "f1", "name": body.Data.Name, "file_size": body.Data.FileSize, "media_type": "video/quicktime", "status": "created",
			"upload_urls": []any{
				map[string]any{"size": half, "url": srv.URL + "/store/1"},
				map[string]any{"size": body.Data.FileSize - half, "url": srv.URL + "/store/2"},
			},
		}})
	})
	mux.HandleFunc("PUT /store/{n}", func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		mu.Lock()
		parts[r.PathValue("n")] = b
		mu.Unlock()
	})
	mux.HandleFunc("GET /v4/accounts/{a}/files/{id}", func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		size := len(parts["1"]) + len(parts["2"])
		mu.Unlock()
		w.Header().Set("Content-Type", "application/json")
		_ = json.NewEncoder(w).Encode(map[string]any{"data": map[string]any{
			"id": "f1", "name": "clip.mov", "file_size": size, "status": "transcoded",
			"media_links": map[string]any{"original": map[string]any{"download_url": srv.URL + "/object"}},
		}})
	})
	mux.HandleFunc("GET /object", func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		obj := append(append([]byte(nil), parts["1"]...), parts["2"]...)
		mu.Unlock()
		http.ServeContent(w, r, "clip.mov", time.Time{}, bytes.NewReader(obj))
	})
	srv = httptest.NewServer(mux)
	return srv
}

// Upload a file with a terminal progress bar. A real CLI passes os.Stderr
// and the real clock; here the clock is frozen so that only the first and
// the final state are drawn, and carriage returns are shown as new lines.
func ExampleUploader_UploadFile() {
	srv := exampleServer()
	defer srv.Close()
	client, err := frameio.NewClient(frameio.WithToken("token"), frameio.WithBaseURL(srv.URL))
	if err != nil {
		log.Fatal(err)
	}
	path := filepath.Join(os.TempDir(), "clip.mov")
	if err := os.WriteFile(path, bytes.Repeat([]byte("frame"), 512), 0o644); err != nil {
		log.Fatal(err)
	}
	defer os.Remove(path)

	var bar strings.Builder
	frozen := func() time.Time { return time.Unix(0, 0) }
	up, err := transfer.NewUploader(client, transfer.WithProgressBar(&bar, transfer.BarWidth(20), transfer.BarClock(frozen)))
	if err != nil {
		log.Fatal(err)
	}
	res, err := up.UploadFile(context.Background(), "account-id", "folder-id", path)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Print(strings.ReplaceAll(bar.String(), "\r", "\n"))
	fmt.Printf("uploaded %s: %d bytes in %d parts as %s\n", res.FileID, res.Size, res.Parts, res.MediaType)
	// Output:
	// clip.mov [>                   ]   0%  0 B / 2.5 KiB
	// clip.mov [====================] 100%  2.5 KiB / 2.5 KiB
	// uploaded f1: 2560 bytes in 2 parts as video/quicktime
}

// Download a file's original to a local path. The content is written to a
// temporary file and renamed only once complete and size-checked.
func ExampleDownloader_DownloadFile() {
	srv := exampleServer()
	defer srv.Close()
	client, err := frameio.NewClient(frameio.WithToken("token"), frameio.WithBaseURL(srv.URL))
	if err != nil {
		log.Fatal(err)
	}
	up, _ := transfer.NewUploader(client)
	if _, err := up.Upload(context.Background(), "account-id", "folder-id", strings.NewReader("hello, review"), 13, "clip.mov"); err != nil {
		log.Fatal(err)
	}

	dl, err := transfer.NewDownloader(client)
	if err != nil {
		log.Fatal(err)
	}
	dir, _ := os.MkdirTemp("", "example")
	defer os.RemoveAll(dir)
	res, err := dl.DownloadFile(context.Background(), "account-id", "f1", dir)
	if err != nil {
		log.Fatal(err)
	}
	b, _ := os.ReadFile(res.Path)
	fmt.Printf("%s: %d bytes: %s\n", filepath.Base(res.Path), res.Size, b)
	// Output:
	// clip.mov: 13 bytes: hello, review
}

// Download a large original in parallel ranges: DownloadFile asks for the
// first range, learns the size from the answer, fetches the other ranges
// (WithRangeSize bytes each, WithConcurrency at a time, each on its own
// connection), writes each at its offset in a temporary file and renames
// it once complete. The defaults (DefaultRangeSize, DefaultDownloadConcurrency)
// suit real originals; this one is small, so the ranges are too.
func ExampleDownloader_DownloadFile_parallel() {
	srv := exampleServer()
	defer srv.Close()
	var ranged atomic.Int32
	store := srv.Config.Handler
	srv.Config.Handler = http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("Range") != "" {
			ranged.Add(1)
		}
		store.ServeHTTP(w, r)
	})
	client, err := frameio.NewClient(frameio.WithToken("token"), frameio.WithBaseURL(srv.URL))
	if err != nil {
		log.Fatal(err)
	}
	ctx := context.Background()
	content := bytes.Repeat([]byte("0123456789abcdef"), 1<<16) // 1 MiB
	up, _ := transfer.NewUploader(client)
	if _, err := up.Upload(ctx, "account-id", "folder-id", bytes.NewReader(content), int64(len(content)), "clip.mov"); err != nil {
		log.Fatal(err)
	}

	dl, err := transfer.NewDownloader(client, transfer.WithConcurrency(4), transfer.WithRangeSize(256<<10))
	if err != nil {
		log.Fatal(err)
	}
	dir, _ := os.MkdirTemp("", "example")
	defer os.RemoveAll(dir)
	res, err := dl.DownloadFile(ctx, "account-id", "f1", dir)
	if err != nil {
		log.Fatal(err)
	}
	got, _ := os.ReadFile(res.Path)
	fmt.Printf("%s: %d bytes in %d ranges, intact: %v\n", filepath.Base(res.Path), res.Size, ranged.Load(), bytes.Equal(got, content))
	// Output:
	// clip.mov: 1048576 bytes in 4 ranges, intact: true
}
