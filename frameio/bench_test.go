package frameio_test

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"runtime"
	"strconv"
	"strings"
	"testing"

	"github.com/frameio-go/frameio-go/frameio"
	"github.com/frameio-go/frameio-go/gen"
)

const fileJSON = `{"data":{"id":"3fa85f64-5717-4562-b3fc-2c963f66afa6","name":"clip.mov","type":"file","status":"transcoded",` +
	`"file_size":1048576,"media_type":"video/quicktime","parent_id":"6fa85f64-5717-4562-b3fc-2c963f66afa6",` +
	`"project_id":"7fa85f64-5717-4562-b3fc-2c963f66afa6","created_at":"2026-01-02T03:04:05Z","updated_at":"2026-01-02T03:04:05Z",` +
	`"view_url":"https://next.frame.io/project/x/view/y"}}`

func authorized(next http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("Authorization") != "Bearer tok" {
			http.Error(w, "unauthorized", http.StatusUnauthorized)
			return
		}
		next(w, r)
	}
}

// BenchmarkCall compares one call through frameio.Client with the same
// call written by hand over gen (its request builder, net/http and
// encoding/json into its model, as its generated client did), against the
// same local server.
func BenchmarkCall(b *testing.B) {
	srv := httptest.NewServer(authorized(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write([]byte(fileJSON))
	}))
	defer srv.Close()
	ctx := context.Background()

	b.Run("generated", func(b *testing.B) {
		hc := &http.Client{}
		b.ReportAllocs()
		for b.Loop() {
			req, err := gen.NewFilesShowRequest(srv.URL, "acc", "file", nil)
			if err != nil {
				b.Fatal(err)
			}
			var out gen.FileWithIncludesResponse
			if err := plainCall(ctx, hc, req, &out); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("frameio", func(b *testing.B) {
		c, err := frameio.NewClient(frameio.WithToken("tok"), frameio.WithBaseURL(srv.URL))
		if err != nil {
			b.Fatal(err)
		}
		b.ReportAllocs()
		for b.Loop() {
			if _, err := c.Files.Show(ctx, "acc", "file", nil); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// pageServer serves `pages` pages of `per` accounts each.
func pageServer(pages, per int) *httptest.Server {
	var item strings.Builder
	return httptest.NewServer(authorized(func(w http.ResponseWriter, r *http.Request) {
		page, _ := strconv.Atoi(r.URL.Query().Get("after"))
		item.Reset()
		item.WriteString(`{"data":[`)
		for i := range per {
			if i > 0 {
				item.WriteByte(',')
			}
			fmt.Fprintf(&item, `{"id":"acc-%d-%d","display_name":"Account %d","image":null,"storage_limit":null,"storage_usage":1,"created_at":"2026-01-02T03:04:05Z","updated_at":"2026-01-02T03:04:05Z"}`, page, i, i)
		}
		next := "null"
		if page+1 < pages {
			next = `"/v4/accounts?page_size=` + strconv.Itoa(per) + `&after=` + strconv.Itoa(page+1) + `"`
		}
		fmt.Fprintf(&item, `],"links":{"next":%s}}`, next)
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write([]byte(item.String()))
	}))
}

// BenchmarkPaginate10k iterates 10,000 accounts over 100 pages with the
// SDK's iterator and, in the same run, with a hand-written loop over gen's
// request builder and models. peak-heap-B is the largest live heap seen while
// iterating (sampled once per page in a separate, untimed pass).
func BenchmarkPaginate10k(b *testing.B) {
	const pages, per = 100, 100
	srv := pageServer(pages, per)
	defer srv.Close()
	ctx := context.Background()
	size := per

	handwritten := func(hc *http.Client, onPage func()) int {
		n := 0
		params := &gen.AccountsIndexParams{PageSize: &size}
		for {
			req, err := gen.NewAccountsIndexRequest(srv.URL, params)
			if err != nil {
				b.Fatal(err)
			}
			var page gen.AccountsResponse
			if err := plainCall(ctx, hc, req, &page); err != nil {
				b.Fatal(err)
			}
			n += len(page.Data)
			onPage()
			next := frameio.Value(page.Links.Next)
			if next == "" {
				return n
			}
			u, _ := url.Parse(next)
			after := u.Query().Get("after")
			params.After = &after
		}
	}
	sdk := func(c *frameio.Client, onPage func()) int {
		n := 0
		for p, err := range c.Accounts.IndexPages(ctx, &gen.AccountsIndexParams{PageSize: &size}) {
			if err != nil {
				b.Fatal(err)
			}
			n += len(p.Items)
			onPage()
		}
		return n
	}

	b.Run("handwritten", func(b *testing.B) {
		c := &http.Client{}
		b.ReportAllocs()
		for b.Loop() {
			if n := handwritten(c, func() {}); n != pages*per {
				b.Fatal(n)
			}
		}
		b.ReportMetric(peakHeap(func(onPage func()) { handwritten(c, onPage) }), "peak-heap-B")
	})
	b.Run("iterator", func(b *testing.B) {
		c, _ := frameio.NewClient(frameio.WithToken("tok"), frameio.WithBaseURL(srv.URL))
		b.ReportAllocs()
		for b.Loop() {
			if n := sdk(c, func() {}); n != pages*per {
				b.Fatal(n)
			}
		}
		b.ReportMetric(peakHeap(func(onPage func()) { sdk(c, onPage) }), "peak-heap-B")
	})
}

// plainCall sends req with the bearer token and decodes a 200 answer into
// out, as a client written by hand over gen's models would: the whole body
// read, then unmarshalled.
func plainCall(ctx context.Context, hc *http.Client, req *http.Request, out any) error {
	req = req.WithContext(ctx)
	req.Header.Set("Authorization", "Bearer tok")
	resp, err := hc.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		return err
	}
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("status %d: %s", resp.StatusCode, body)
	}
	return json.Unmarshal(body, out)
}

func peakHeap(run func(onPage func())) float64 {
	runtime.GC()
	var ms runtime.MemStats
	var peak uint64
	run(func() {
		runtime.ReadMemStats(&ms)
		peak = max(peak, ms.HeapAlloc)
	})
	return float64(peak)
}
