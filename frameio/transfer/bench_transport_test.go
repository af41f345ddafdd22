package transfer

import (
	"bytes"
	"context"
	"net"
	"net/http"
	"net/http/httptest"
	"runtime"
	"sync"
	"testing"
)

// BenchmarkTenUploads makes ten uploads of 5 MiB (five parts each) with
// one Uploader ("reused"), with a fresh Uploader each on the shared
// default transport ("fresh"), and with a fresh Uploader each on its own
// transport ("fresh-own-transport", what every Uploader had before the
// default transport was shared). It reports the object store connections
// still open afterwards (open-conns: idle in some pool) and the live heap
// they hold (live-heap-MiB, after a GC, over the heap before). Run it
// with -benchtime 1x.
func BenchmarkTenUploads(b *testing.B) {
	content := bytes.Repeat([]byte("x"), 5<<20)
	for _, variant := range []string{"reused", "fresh", "fresh-own-transport"} {
		b.Run(variant, func(b *testing.B) {
			e, open := newCountedEnv(b)
			e.api.partSize = 1 << 20
			ctx := context.Background()
			var clients []*http.Client
			b.Cleanup(func() {
				for _, c := range clients {
					c.CloseIdleConnections()
				}
				sharedHTTPClient().CloseIdleConnections()
			})
			reused, err := NewUploader(e.client)
			if err != nil {
				b.Fatal(err)
			}
			uploader := func() (*Uploader, error) {
				switch variant {
				case "fresh":
					return NewUploader(e.client)
				case "fresh-own-transport":
					c := &http.Client{Transport: sharedHTTPClient().Transport.(*http.Transport).Clone()}
					clients = append(clients, c)
					return NewUploader(e.client, WithHTTPClient(c))
				}
				return reused, nil
			}
			sharedHTTPClient().CloseIdleConnections()
			var ms runtime.MemStats
			runtime.GC()
			runtime.ReadMemStats(&ms)
			before := ms.HeapAlloc
			b.ResetTimer()
			for range b.N {
				for range 10 {
					up, err := uploader()
					if err != nil {
						b.Fatal(err)
					}
					if _, err := up.Upload(ctx, "acc", "folder", bytes.NewReader(content), int64(len(content)), "a.bin"); err != nil {
						b.Fatal(err)
					}
				}
			}
			b.StopTimer()
			runtime.GC()
			runtime.ReadMemStats(&ms)
			b.ReportMetric(float64(open()), "open-conns")
			b.ReportMetric((float64(ms.HeapAlloc)-float64(before))/(1<<20), "live-heap-MiB")
		})
	}
}

// newCountedEnv is an env whose object store counts its open connections.
func newCountedEnv(tb testing.TB) (*env, func() int) {
	tb.Helper()
	e := newEnv(tb)
	e.store.discard = true
	var mu sync.Mutex
	conns := map[net.Conn]bool{}
	e.store.restart(tb, http.HandlerFunc(e.store.serve), func(srv *httptest.Server) {
		srv.Config.ConnState = func(c net.Conn, st http.ConnState) {
			mu.Lock()
			defer mu.Unlock()
			switch st {
			case http.StateNew:
				conns[c] = true
			case http.StateClosed, http.StateHijacked:
				delete(conns, c)
			}
		}
	})
	return e, func() int {
		mu.Lock()
		defer mu.Unlock()
		return len(conns)
	}
}
