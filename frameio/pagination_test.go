package frameio_test

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"reflect"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/frameio-go/frameio-go/frameio"
	"github.com/frameio-go/frameio-go/gen"
)

// cursorFor is an opaque cursor with bytes that change if re-encoded.
func cursorFor(page int) string { return "g3QAAAAB%2Bd2l0aA%3D%3D" + strconv.Itoa(page) }

// pagedServer answers any request with `pages` pages of `perPage` items.
// It records the raw query of each request and fails the test when a
// cursor does not arrive byte for byte. With keepParams false its
// links.next carries only the cursor, so the client must add back the
// caller's other parameters.
type pagedServer struct {
	t          *testing.T
	pages      int
	perPage    int
	keepParams bool
	mu         sync.Mutex
	queries    []string
	bodies     []string
	requests   atomic.Int32
}

func (s *pagedServer) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	s.requests.Add(1)
	b, _ := io.ReadAll(r.Body)
	s.mu.Lock()
	s.queries = append(s.queries, r.URL.RawQuery)
	s.bodies = append(s.bodies, string(b))
	s.mu.Unlock()
	page := 0
	for _, p := range strings.Split(r.URL.RawQuery, "&") {
		if v, ok := strings.CutPrefix(p, "after="); ok {
			n, err := strconv.Atoi(strings.TrimPrefix(v, cursorFor(0)[:len(cursorFor(0))-1]))
			if err != nil || v != cursorFor(n) {
				http.Error(w, `{"errors":[{"detail":"cursor was re-encoded: `+v+`"}]}`, http.StatusUnprocessableEntity)
				return
			}
			page = n
		}
	}
	var items []string
	for i := range s.perPage {
		items = append(items, fmt.Sprintf(`{"id":"item-%d-%d","name":"n"}`, page, i))
	}
	next := "null"
	if page+1 < s.pages {
		q := "after=" + cursorFor(page+1)
		if s.keepParams {
			q = strings.Join(removeAfter(r.URL.RawQuery), "&") + "&" + q
		}
		next = strconv.Quote(r.URL.Path + "?" + strings.TrimPrefix(q, "&"))
	}
	w.Header().Set("Content-Type", "application/json")
	fmt.Fprintf(w, `{"data":[%s],"links":{"next":%s},"total_count":%d}`, strings.Join(items, ","), next, s.pages*s.perPage)
}

func removeAfter(raw string) []string {
	var out []string
	for _, p := range strings.Split(raw, "&") {
		if p != "" && !strings.HasPrefix(p, "after=") {
			out = append(out, p)
		}
	}
	return out
}

func newPaged(t *testing.T, pages, perPage int, keepParams bool) (*pagedServer, *frameio.Client) {
	t.Helper()
	ps := &pagedServer{t: t, pages: pages, perPage: perPage, keepParams: keepParams}
	srv := httptest.NewServer(ps)
	t.Cleanup(srv.Close)
	c, err := frameio.NewClient(frameio.WithToken("tok"), frameio.WithBaseURL(srv.URL))
	require.NoError(t, err)
	return ps, c
}

// TestEveryListOperationPaginates drives the All iterator of every
// paginated operation across three pages.
func TestEveryListOperationPaginates(t *testing.T) {
	n, total := 0, 0
	for _, op := range frameio.Operations() {
		if !op.Paginated {
			continue
		}
		total++
		t.Run(op.ID, func(t *testing.T) {
			ps, c := newPaged(t, 3, 2, true)
			fn := reflect.ValueOf(c).Elem().FieldByName(op.Service).MethodByName(op.Func + "All")
			require.True(t, fn.IsValid(), "%s.%sAll", op.Service, op.Func)
			ft := fn.Type()
			args := []reflect.Value{reflect.ValueOf(context.Background())}
			for i := 1; i < ft.NumIn(); i++ {
				switch in := ft.In(i); {
				case ft.IsVariadic() && i == ft.NumIn()-1:
				case in.Kind() == reflect.String:
					args = append(args, reflect.ValueOf("id-"+strconv.Itoa(i)))
				default:
					args = append(args, reflect.Zero(in))
				}
			}
			seq := fn.Call(args)[0]
			yieldType := seq.Type().In(0)
			var iterErr error
			yield := reflect.MakeFunc(yieldType, func(in []reflect.Value) []reflect.Value {
				if e := in[1]; !e.IsNil() {
					iterErr = e.Interface().(error)
				}
				return []reflect.Value{reflect.ValueOf(true)}
			})
			seq.Call([]reflect.Value{yield})
			require.NoError(t, iterErr)
			count := int(ps.requests.Load())
			require.Equal(t, 3, count, "three pages fetched")
			for _, b := range ps.bodies[1:] {
				assert.Equal(t, ps.bodies[0], b, "every page repeats the request body")
			}
			n++
		})
	}
	fmt.Printf("paginated operations: %d/%d\n", n, total)
	assert.Equal(t, 26, total, "22 of the docs, 4 added from the published document")
}

func TestPaginationKeepsQueryAndCursorBytes(t *testing.T) {
	for _, keep := range []bool{true, false} {
		ps, c := newPaged(t, 3, 2, keep)
		size, count := 2, true
		include := gen.FileWithMediaLinksInclude("media_links.original")
		params := &gen.FilesListParams{PageSize: &size, IncludeTotalCount: &count, Include: &include}
		got, err := frameio.Collect(c.Files.ListAll(context.Background(), "acc", "folder", params), 0)
		require.NoError(t, err)
		assert.Len(t, got, 6)
		require.Len(t, ps.queries, 3)
		for i, q := range ps.queries {
			assert.Contains(t, q, "page_size=2", "page %d keeps page_size (server keeps params: %v)", i+1, keep)
			assert.Contains(t, q, "include_total_count=true")
			assert.Contains(t, q, "include=media_links.original")
			if i > 0 {
				assert.Contains(t, q, "after="+cursorFor(i), "cursor bytes unchanged")
			}
		}
	}
}

func TestPagesExposeTotalCountAndResponse(t *testing.T) {
	_, c := newPaged(t, 2, 3, true)
	var pages int
	for p, err := range c.Accounts.IndexPages(context.Background(), nil) {
		require.NoError(t, err)
		pages++
		require.NotNil(t, p.TotalCount)
		assert.Equal(t, 6, *p.TotalCount)
		assert.Equal(t, http.StatusOK, p.Response.StatusCode)
		assert.Len(t, p.Items, 3)
		assert.Equal(t, pages == 1, p.Next != "")
	}
	assert.Equal(t, 2, pages)
}

func TestBreakStopsFetching(t *testing.T) {
	ps, c := newPaged(t, 100, 5, true)
	n := 0
	for _, err := range c.Accounts.IndexAll(context.Background(), nil) {
		require.NoError(t, err)
		if n++; n == 7 {
			break
		}
	}
	assert.EqualValues(t, 2, ps.requests.Load())
	items, err := frameio.Collect(c.Accounts.IndexAll(context.Background(), nil), 12)
	require.NoError(t, err)
	assert.Len(t, items, 12)
}

func TestPageSizeOutOfRangeFailsBeforeAnyRequest(t *testing.T) {
	ps, c := newPaged(t, 1, 1, true)
	for _, size := range []int{0, 101, -1} {
		items, err := frameio.Collect(c.Workspaces.IndexAll(context.Background(), "acc", &gen.WorkspacesIndexParams{PageSize: &size}), 0)
		var pe *frameio.InvalidParamError
		require.ErrorAs(t, err, &pe, "page_size %d", size)
		assert.Equal(t, "page_size", pe.Param)
		assert.Empty(t, items)
	}
	assert.Zero(t, ps.requests.Load())
}

func TestRepeatedCursorIsReported(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, `{"data":[{"id":"x"}],"links":{"next":"/v4/accounts?after=same"}}`)
	}))
	defer srv.Close()
	c, err := frameio.NewClient(frameio.WithToken("tok"), frameio.WithBaseURL(srv.URL))
	require.NoError(t, err)
	items, err := frameio.Collect(c.Accounts.IndexAll(context.Background(), nil), 0)
	var pe *frameio.PaginationError
	require.ErrorAs(t, err, &pe)
	assert.Contains(t, pe.Reason, "repeated")
	assert.Len(t, items, 2, "two pages were read before the loop was detected")
}

func TestEmptyPagesThatNeverEndAreReported(t *testing.T) {
	var n atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprintf(w, `{"data":[],"links":{"next":"/v4/accounts?after=c%d"}}`, n.Add(1))
	}))
	defer srv.Close()
	c, err := frameio.NewClient(frameio.WithToken("tok"), frameio.WithBaseURL(srv.URL))
	require.NoError(t, err)
	_, err = frameio.Collect(c.Accounts.IndexAll(context.Background(), nil), 0)
	var pe *frameio.PaginationError
	require.ErrorAs(t, err, &pe)
	assert.EqualValues(t, 3, n.Load())
}

func TestPaginationErrorsEndTheIteration(t *testing.T) {
	var n atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch n.Add(1) {
		case 1:
			fmt.Fprint(w, `{"data":[{"id":"a"}],"links":{"next":"/v4/accounts?after=b"}}`)
		case 2:
			fmt.Fprint(w, `{"data":[{"id":"b"}`) // truncated
		}
	}))
	defer srv.Close()
	c, err := frameio.NewClient(frameio.WithToken("tok"), frameio.WithBaseURL(srv.URL), frameio.WithMaxRetries(0))
	require.NoError(t, err)
	items, err := frameio.Collect(c.Accounts.IndexAll(context.Background(), nil), 0)
	var de *frameio.DecodeError
	require.ErrorAs(t, err, &de)
	assert.Len(t, items, 1)

	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err = frameio.Collect(c.Accounts.IndexAll(ctx, nil), 0)
	assert.ErrorIs(t, err, context.Canceled)
}
