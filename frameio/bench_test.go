package frameio_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/frameio-go/frameio-go/frameio"
	"github.com/frameio-go/frameio-go/gen"
	"github.com/frameio-go/frameio-go/internal/testutil"
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

// alternate times this b.N times and runs other, untimed, before each
// run, so that both variants of a comparison share the machine's state
// (other agents, CPU frequency, GC) over the same stretch of time. It
// reports this's time over other's as ratio (when not ""): the figure to
// read on a noisy machine. Allocations are this's alone.
func alternate(b *testing.B, this, other func() error, ratio string) {
	b.Helper()
	thisT, otherT := testutil.Alternate(b, this, other, nil, nil)
	if ratio != "" {
		b.ReportMetric(float64(thisT)/float64(otherT), ratio)
	}
}

// bareClient is what a hand-written caller of the generated request
// builders sends with: net/http's default transport settings.
func bareClient(b *testing.B) *http.Client {
	hc := &http.Client{Transport: http.DefaultTransport.(*http.Transport).Clone()}
	b.Cleanup(hc.CloseIdleConnections)
	return hc
}

// bareDo is the bare generated client by hand: the request built by gen's
// builder, the token set, net/http's Do, the body read and decoded.
func bareDo(ctx context.Context, hc *http.Client, req *http.Request, out any) error {
	req = req.WithContext(ctx)
	req.Header.Set("Authorization", "Bearer tok")
	resp, err := hc.Do(req)
	if err != nil {
		return err
	}
	body, err := io.ReadAll(resp.Body)
	_ = resp.Body.Close()
	if err != nil {
		return err
	}
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("status %d", resp.StatusCode)
	}
	return json.Unmarshal(body, out)
}

// BenchmarkCall compares one call (files show) through frameio.Client
// ("sdk", its defaults) with the same call through the bare generated
// request builder and net/http ("gen", see bareDo), against the same
// loopback server, the two alternating (see alternate): ratio-to-gen is
// sdk's time over gen's, measured in the same run. With its defaults and
// context.Background, sdk bounds each attempt by DefaultAttemptTimeout
// where gen has no bound at all; the attempt's context comes from the
// client's pool (attempt_context.go), so it costs no allocation.
// sdk-untimed is sdk with WithAttemptTimeout(0), doing what gen does (no
// timeout): the difference from sdk is the price of the bound. The
// -deadline variants make each call under a context with a 30 s deadline,
// as a caller bounding its calls does: earlier than the attempt timeout,
// which then needs no context of its own.
func BenchmarkCall(b *testing.B) {
	srv := httptest.NewServer(authorized(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write([]byte(fileJSON))
	}))
	defer srv.Close()
	c, err := frameio.NewClient(frameio.WithToken("tok"), frameio.WithBaseURL(srv.URL))
	if err != nil {
		b.Fatal(err)
	}
	untimed, err := frameio.NewClient(frameio.WithToken("tok"), frameio.WithBaseURL(srv.URL), frameio.WithAttemptTimeout(0))
	if err != nil {
		b.Fatal(err)
	}
	hc := bareClient(b)
	show := func(c *frameio.Client) func(ctx context.Context) error {
		return func(ctx context.Context) error {
			f, err := c.Files.Show(ctx, "acc", "file", nil)
			if err == nil && f.Name != "clip.mov" {
				err = errors.New("wrong file")
			}
			return err
		}
	}
	sdk := show(c)
	bare := func(ctx context.Context) error {
		req, err := gen.NewFilesShowRequest(srv.URL, "acc", "file", nil)
		if err != nil {
			return err
		}
		var out gen.FileWithIncludesResponse
		if err := bareDo(ctx, hc, req, &out); err != nil {
			return err
		}
		if out.Data.Name != "clip.mov" {
			return errors.New("wrong file")
		}
		return nil
	}
	background := func(call func(context.Context) error) func() error {
		return func() error { return call(context.Background()) }
	}
	deadline := func(call func(context.Context) error) func() error {
		return func() error {
			ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
			defer cancel()
			return call(ctx)
		}
	}
	b.Run("sdk", func(b *testing.B) { alternate(b, background(sdk), background(bare), "ratio-to-gen") })
	b.Run("gen", func(b *testing.B) { alternate(b, background(bare), background(sdk), "") })
	b.Run("sdk-untimed", func(b *testing.B) { alternate(b, background(show(untimed)), background(bare), "ratio-to-gen") })
	b.Run("sdk-deadline", func(b *testing.B) { alternate(b, deadline(sdk), deadline(bare), "ratio-to-gen") })
	b.Run("gen-deadline", func(b *testing.B) { alternate(b, deadline(bare), deadline(sdk), "") })
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
// SDK's iterator and, alternating with it (see alternate), with a
// hand-written loop over the generated request builder. peak-heap-B is the
// largest live heap seen while iterating (sampled once per page in a
// separate, untimed pass).
func BenchmarkPaginate10k(b *testing.B) {
	const pages, per = 100, 100
	srv := pageServer(pages, per)
	defer srv.Close()
	ctx := context.Background()
	size := per
	hc := bareClient(b)
	c, err := frameio.NewClient(frameio.WithToken("tok"), frameio.WithBaseURL(srv.URL))
	if err != nil {
		b.Fatal(err)
	}

	handwritten := func(onPage func()) error {
		n := 0
		params := &gen.AccountsIndexParams{PageSize: &size}
		for {
			req, err := gen.NewAccountsIndexRequest(srv.URL, params)
			if err != nil {
				return err
			}
			var page gen.AccountsResponse
			if err := bareDo(ctx, hc, req, &page); err != nil {
				return err
			}
			n += len(page.Data)
			onPage()
			next := frameio.Value(page.Links.Next)
			if next == "" {
				break
			}
			u, _ := url.Parse(next)
			after := u.Query().Get("after")
			params.After = &after
		}
		if n != pages*per {
			return fmt.Errorf("listed %d accounts", n)
		}
		return nil
	}
	sdk := func(onPage func()) error {
		n := 0
		for p, err := range c.Accounts.IndexPages(ctx, &gen.AccountsIndexParams{PageSize: &size}) {
			if err != nil {
				return err
			}
			n += len(p.Items)
			onPage()
		}
		if n != pages*per {
			return fmt.Errorf("listed %d accounts", n)
		}
		return nil
	}
	noop := func() {}
	hand := func() error { return handwritten(noop) }
	iter := func() error { return sdk(noop) }

	b.Run("handwritten", func(b *testing.B) {
		alternate(b, hand, iter, "")
		b.ReportMetric(peakHeap(b, handwritten), "peak-heap-B")
	})
	b.Run("iterator", func(b *testing.B) {
		alternate(b, iter, hand, "ratio-to-handwritten")
		b.ReportMetric(peakHeap(b, sdk), "peak-heap-B")
	})
}

func peakHeap(b *testing.B, run func(onPage func()) error) float64 {
	runtime.GC()
	var ms runtime.MemStats
	var peak uint64
	if err := run(func() {
		runtime.ReadMemStats(&ms)
		peak = max(peak, ms.HeapAlloc)
	}); err != nil {
		b.Fatal(err)
	}
	return float64(peak)
}
