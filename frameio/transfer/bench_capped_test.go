package transfer

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// The capped network of these benchmarks (capped_test.go): each
// connection to the object store moves at most cappedRate bytes per
// second each way and answers after cappedLatency.
const (
	cappedRate     = 40e6 // bytes per second per connection
	cappedLatency  = 20 * time.Millisecond
	cappedSize     = 256 << 20
	cappedPartSize = 8 << 20 // upload_urls part size for BenchmarkUploadCapped
)

// BenchmarkDownloadCapped downloads a 256 MiB original over the capped
// network with the default settings: DownloadFile ("sdk"), Download to a
// file seen as a plain io.Writer ("writer", the ordered path), and one GET
// copied to a file ("single", what a hand-written client does). The files
// go to TMPDIR; DownloadFile alone fsyncs its file before renaming it.
func BenchmarkDownloadCapped(b *testing.B) {
	e := newCappedEnv(b, cappedRate, cappedLatency, cappedSize)
	url := e.store.srv.URL + "/obj" + presignedQuery
	id := e.uploadedAs(b, cappedSize, url)
	dir := b.TempDir()
	dl, err := NewDownloader(e.client)
	if err != nil {
		b.Fatal(err)
	}
	hc := handClient(b)
	ctx := context.Background()
	sdk := func() error {
		_, err := dl.DownloadFile(ctx, "acc", id, filepath.Join(dir, "sdk.bin"))
		return err
	}
	writer := func() error {
		f, err := os.Create(filepath.Join(dir, "writer.bin"))
		if err != nil {
			return err
		}
		defer f.Close()
		_, err = dl.Download(ctx, "acc", id, struct{ io.Writer }{f})
		return err
	}
	single := func() error { return singleGet(ctx, hc, url, filepath.Join(dir, "single.bin"), cappedSize) }
	b.Run("sdk", func(b *testing.B) { alternate(b, cappedSize, sdk, single, "x-single") })
	b.Run("writer", func(b *testing.B) { alternate(b, cappedSize, writer, single, "x-single") })
	b.Run("single", func(b *testing.B) { alternate(b, cappedSize, single, sdk, "") })
}

// singleGet is one GET copied to a file.
func singleGet(ctx context.Context, hc *http.Client, url, path string, size int64) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return err
	}
	resp, err := hc.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	n, err := io.Copy(f, resp.Body)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil && n != size {
		err = fmt.Errorf("got %d bytes, want %d", n, size)
	}
	return err
}

// BenchmarkUploadCapped uploads a 256 MiB file in 8 MiB parts over the
// capped network with the default settings: UploadFile ("sdk") and the
// same parts PUT one after the other ("single").
func BenchmarkUploadCapped(b *testing.B) {
	path := writeBenchFile(b, b.TempDir(), cappedSize)
	e := newCappedEnv(b, cappedRate, cappedLatency, 0)
	e.api.partSize = cappedPartSize
	up, err := NewUploader(e.client)
	if err != nil {
		b.Fatal(err)
	}
	sdk, single := uploadVariants(e, up, handClient(b), path, cappedSize, 1)
	b.Run("sdk", func(b *testing.B) { alternate(b, cappedSize, sdk, single, "x-single") })
	b.Run("single", func(b *testing.B) { alternate(b, cappedSize, single, sdk, "") })
	e.store.noViolations(b)
}
