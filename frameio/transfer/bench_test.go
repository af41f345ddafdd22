package transfer

import (
	"context"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"runtime"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"golang.org/x/sync/errgroup"

	"github.com/frameio-go/frameio-go/frameio"
	"github.com/frameio-go/frameio-go/gen"
)

const (
	benchSize     = 256 << 20
	benchPartSize = 32 << 20
	benchConc     = DefaultConcurrency
)

// heapSampler records the peak HeapInuse while running.
type heapSampler struct {
	peak atomic.Uint64
	stop chan struct{}
	wg   sync.WaitGroup
}

func sampleHeap() *heapSampler {
	h := &heapSampler{stop: make(chan struct{})}
	h.wg.Add(1)
	go func() {
		defer h.wg.Done()
		var ms runtime.MemStats
		tick := time.NewTicker(5 * time.Millisecond)
		defer tick.Stop()
		for {
			runtime.ReadMemStats(&ms)
			if ms.HeapInuse > h.peak.Load() {
				h.peak.Store(ms.HeapInuse)
			}
			select {
			case <-h.stop:
				return
			case <-tick.C:
			}
		}
	}()
	return h
}

func (h *heapSampler) done(b *testing.B) {
	close(h.stop)
	h.wg.Wait()
	b.ReportMetric(float64(h.peak.Load())/(1<<20), "peak-heap-MiB")
}

// BenchmarkUpload256MiB uploads a 256 MiB file in 32 MiB parts to a local
// object store that discards the bytes, through the Uploader ("sdk") and
// through plain parallel net/http PUTs ("baseline"), both with
// DefaultConcurrency parts in flight.
func BenchmarkUpload256MiB(b *testing.B) {
	dir := b.TempDir()
	path := filepath.Join(dir, "big.bin")
	f, err := os.Create(path)
	if err != nil {
		b.Fatal(err)
	}
	chunk := make([]byte, 1<<20)
	for i := range chunk {
		chunk[i] = byte(i * 7)
	}
	for range benchSize / len(chunk) {
		if _, err := f.Write(chunk); err != nil {
			b.Fatal(err)
		}
	}
	if err := f.Close(); err != nil {
		b.Fatal(err)
	}

	e := newEnv(b)
	e.store.discard = true
	e.api.partSize = benchPartSize

	b.Run("sdk", func(b *testing.B) {
		up, err := NewUploader(e.client, WithConcurrency(benchConc))
		if err != nil {
			b.Fatal(err)
		}
		runtime.GC()
		h := sampleHeap()
		b.SetBytes(benchSize)
		b.ResetTimer()
		for range b.N {
			if _, err := up.UploadFile(context.Background(), "acc", "folder", path); err != nil {
				b.Fatal(err)
			}
		}
		b.StopTimer()
		h.done(b)
	})

	b.Run("baseline", func(b *testing.B) {
		tr := http.DefaultTransport.(*http.Transport).Clone()
		tr.MaxIdleConnsPerHost = benchConc
		hc := &http.Client{Transport: tr}
		defer hc.CloseIdleConnections()
		runtime.GC()
		h := sampleHeap()
		b.SetBytes(benchSize)
		b.ResetTimer()
		for range b.N {
			created, err := e.client.Files.CreateLocalUpload(context.Background(), "acc", "folder", localUploadParams("big.bin", benchSize))
			if err != nil {
				b.Fatal(err)
			}
			if err := baselineUpload(hc, path, frameio.Value(created.MediaType), created.UploadURLs); err != nil {
				b.Fatal(err)
			}
		}
		b.StopTimer()
		h.done(b)
	})
	e.store.noViolations(b)
}

// baselineUpload is what a caller would write by hand with net/http.
func baselineUpload(hc *http.Client, path, mediaType string, urls []gen.UploadURL) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	var g errgroup.Group
	g.SetLimit(benchConc)
	var off int64
	for _, u := range urls {
		start, size := off, int64(u.Size)
		off += size
		g.Go(func() error {
			req, err := http.NewRequest(http.MethodPut, u.URL, io.NewSectionReader(f, start, size))
			if err != nil {
				return err
			}
			req.ContentLength = size
			req.Header.Set("x-amz-acl", "private")
			req.Header.Set("Content-Type", mediaType)
			resp, err := hc.Do(req)
			if err != nil {
				return err
			}
			_, _ = io.Copy(io.Discard, resp.Body)
			return resp.Body.Close()
		})
	}
	return g.Wait()
}

func localUploadParams(name string, size int) gen.FileCreateLocalUploadParamsData {
	return gen.FileCreateLocalUploadParamsData{Name: name, FileSize: size}
}
