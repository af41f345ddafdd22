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
	"github.com/frameio-go/frameio-go/internal/testutil"
)

// How the transfer benchmarks compare: every sub-benchmark runs b.N timed
// operations of its variant, each right after an untimed operation of the
// variant it is compared with, so that under -count the variants
// alternate (rather than all passes of one, then all of the other) and
// see the same machine: the same page cache, the same neighbours' load,
// the connections each keeps. Clients, uploaders and downloaders are built
// once, before the timed loop. Each reports MB/s, the peak heap in use
// above the heap before its timed operations (peak-heap-MiB) and, for the
// SDK's variant, the speed ratio of each pair (x-<other>). Run them with,
// for instance,
//
//	go test -run '^$' -bench Capped -benchtime 1x -count 6 ./frameio/transfer | tee capped.txt
//	go test -run '^$' -bench Upload256 -benchtime 3x -count 10 ./frameio/transfer | tee loopback.txt
//	go run golang.org/x/perf/cmd/benchstat@latest capped.txt loopback.txt

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
	h.wg.Go(func() {
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
	})
	return h
}

// done stops the sampler and returns the peak.
func (h *heapSampler) done() uint64 {
	close(h.stop)
	h.wg.Wait()
	return h.peak.Load()
}

// alternate runs b.N timed operations of this, each after an untimed one
// of other (see the top of this file), moving size bytes each. With
// ratio set, it also reports other's time over this one's, pair by pair,
// in the unit ratio.
func alternate(b *testing.B, size int64, this, other func() error, ratio string) {
	b.Helper()
	var (
		ms   runtime.MemStats
		base uint64
		peak uint64
		h    *heapSampler
	)
	b.SetBytes(size)
	before := func() {
		runtime.GC()
		runtime.ReadMemStats(&ms)
		base = ms.HeapInuse
		h = sampleHeap()
	}
	after := func() {
		if p := h.done(); p > base {
			peak = max(peak, p-base)
		}
	}
	thisT, otherT := testutil.Alternate(b, this, other, before, after)
	b.ReportMetric(float64(peak)/(1<<20), "peak-heap-MiB")
	if ratio != "" {
		b.ReportMetric(float64(otherT)/float64(thisT), ratio)
	}
}

// writeBenchFile writes size bytes of patternAt to a file in dir.
func writeBenchFile(b *testing.B, dir string, size int64) string {
	b.Helper()
	path := filepath.Join(dir, "big.bin")
	f, err := os.Create(path)
	if err != nil {
		b.Fatal(err)
	}
	if _, err := io.Copy(f, io.NewSectionReader(patternAt{}, 0, size)); err != nil {
		b.Fatal(err)
	}
	if err := f.Close(); err != nil {
		b.Fatal(err)
	}
	return path
}

// BenchmarkUpload256MiB uploads a 256 MiB file in 32 MiB parts to a local
// object store that discards the bytes, through the Uploader ("sdk") and
// through plain parallel net/http PUTs ("baseline"), both with
// DefaultConcurrency parts in flight.
func BenchmarkUpload256MiB(b *testing.B) {
	path := writeBenchFile(b, b.TempDir(), benchSize)
	e := newEnv(b)
	e.store.discard = true
	e.api.partSize = benchPartSize
	up, err := NewUploader(e.client, WithConcurrency(benchConc))
	if err != nil {
		b.Fatal(err)
	}
	hc := handClient(b)
	hc.Transport.(*http.Transport).MaxIdleConnsPerHost = benchConc
	sdk, baseline := uploadVariants(e, up, hc, path, benchSize, benchConc)
	b.Run("sdk", func(b *testing.B) { alternate(b, benchSize, sdk, baseline, "x-baseline") })
	b.Run("baseline", func(b *testing.B) { alternate(b, benchSize, baseline, sdk, "") })
	e.store.noViolations(b)
}

// handClient is the client of a hand-written variant: net/http's default
// transport settings.
func handClient(b *testing.B) *http.Client {
	hc := &http.Client{Transport: http.DefaultTransport.(*http.Transport).Clone()}
	b.Cleanup(hc.CloseIdleConnections)
	return hc
}

// uploadVariants returns an upload of the size bytes at path through up,
// and the same upload by hand through hc (baselineUpload, conc parts at a
// time).
func uploadVariants(e *env, up *Uploader, hc *http.Client, path string, size, conc int) (sdk, hand func() error) {
	ctx := context.Background()
	sdk = func() error {
		_, err := up.UploadFile(ctx, "acc", "folder", path)
		return err
	}
	hand = func() error {
		created, err := e.client.Files.CreateLocalUpload(ctx, "acc", "folder", localUploadParams(filepath.Base(path), size))
		if err != nil {
			return err
		}
		return baselineUpload(hc, path, frameio.Value(created.MediaType), created.UploadURLs, conc)
	}
	return sdk, hand
}

// baselineUpload is what a caller would write by hand with net/http: the
// parts PUT conc at a time (1: one after the other).
func baselineUpload(hc *http.Client, path, mediaType string, urls []gen.UploadURL, conc int) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	var g errgroup.Group
	g.SetLimit(conc)
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
