package transfer

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"testing"
)

// BenchmarkDownloadTuning is how the download defaults were chosen (see
// defaults.go): a 256 MiB original over the capped network
// (capped_test.go) for a grid of concurrencies and range sizes, to a file
// (DownloadFile, WithRangeSize) and to an io.Writer (Download,
// WithBufferSize). Run each pass on its own, so that the grid is
// interleaved across passes, with the temporary files on tmpfs (on a disk,
// the fsync that ends DownloadFile can dominate):
//
//	for i in 1 2 3; do TMPDIR=/dev/shm go test -run '^$' -bench DownloadTuning -benchtime 1x ./frameio/transfer; done | tee tuning.txt
func BenchmarkDownloadTuning(b *testing.B) {
	e := newCappedEnv(b, cappedRate, cappedLatency, cappedSize)
	id := e.uploadedAs(b, cappedSize, e.store.srv.URL+"/obj"+presignedQuery)
	dir := b.TempDir()
	ctx := context.Background()
	for _, conc := range []int{2, 4, 5, 8, 12} {
		for _, rs := range []int64{4 << 20, 8 << 20, 16 << 20, 32 << 20} {
			b.Run(fmt.Sprintf("file/conc=%d/range=%dMiB", conc, rs>>20), func(b *testing.B) {
				dl, err := NewDownloader(e.client, WithConcurrency(conc), WithRangeSize(rs))
				if err != nil {
					b.Fatal(err)
				}
				alternate(b, cappedSize, func() error {
					_, err := dl.DownloadFile(ctx, "acc", id, filepath.Join(dir, "out.bin"))
					return err
				}, func() error { return nil }, "")
			})
		}
	}
	for _, conc := range []int{4, 8, 12} {
		for _, bs := range []int64{1 << 20, 2 << 20, 4 << 20} {
			b.Run(fmt.Sprintf("writer/conc=%d/buffer=%dMiB", conc, bs>>20), func(b *testing.B) {
				dl, err := NewDownloader(e.client, WithConcurrency(conc), WithBufferSize(bs))
				if err != nil {
					b.Fatal(err)
				}
				f, err := os.Create(filepath.Join(dir, "writer.bin"))
				if err != nil {
					b.Fatal(err)
				}
				defer f.Close()
				alternate(b, cappedSize, func() error {
					if _, err := f.Seek(0, io.SeekStart); err != nil {
						return err
					}
					_, err := dl.Download(ctx, "acc", id, struct{ io.Writer }{f})
					return err
				}, func() error { return nil }, "")
			})
		}
	}
}
