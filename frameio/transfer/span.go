package transfer

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"strings"
	"sync"

	"github.com/frameio-go/frameio-go/internal/redact"
)

// getter makes the GETs of one download: every range of it, or its one
// stream, shares the URL, the configuration and the progress.
type getter struct {
	cfg     *config
	url     string
	secrets redact.Secrets // of url's query, hidden from errors and logs
	safeURL string         // url without its query, as errors and logs show it
	t       *tracker       // nil: no progress reported
	bufs    sync.Pool      // copy buffers of copyBufferSize, shared by the ranges
	mu      sync.Mutex
	total   int64 // the object's size once a response told it, else -1
}

func newGetter(cfg *config, rawURL string, t *tracker) *getter {
	g := &getter{cfg: cfg, url: rawURL, secrets: redact.FromURL(rawURL), safeURL: redact.StripQuery(rawURL), t: t, total: -1}
	g.bufs.New = func() any { return new([copyBufferSize]byte) }
	return g
}

// size returns the object's size as last learnt, or -1.
func (g *getter) size() int64 {
	g.mu.Lock()
	defer g.mu.Unlock()
	return g.total
}

// learn records the size a response gave and reports whether it agrees
// with what was known (a changed size means the object changed).
func (g *getter) learn(size int64) bool {
	g.mu.Lock()
	defer g.mu.Unlock()
	if size < 0 || g.total < 0 {
		g.total = max(g.total, size)
		return true
	}
	return g.total == size
}

// attempt is one GET whose headers arrived: its body is positioned at pos.
type attempt struct {
	body   io.Reader // watched by the stall timer
	pos    int64     // the object offset of the body's next byte
	ranged bool      // the server answered 206 (it honours Range)
	done   func()    // releases the body and the stall watch
	ctx    context.Context
}

func (a *attempt) close() {
	if a != nil {
		a.done()
	}
}

// open sends a GET for [pos, end) (end < 0: to the end of the object) and
// returns it once the headers are in. A status it cannot use is returned
// with the attempt nil; status 0 means no response arrived.
func (g *getter) open(ctx context.Context, pos, end int64) (*attempt, int, error) {
	actx, watch, stop := watchStall(ctx, g.cfg.stallTimeout)
	req, err := http.NewRequestWithContext(actx, http.MethodGet, g.url, nil)
	if err != nil {
		stop()
		return nil, 0, g.secrets.Err(err)
	}
	switch {
	case end >= 0:
		req.Header.Set("Range", fmt.Sprintf("bytes=%d-%d", pos, end-1))
	case pos > 0:
		req.Header.Set("Range", fmt.Sprintf("bytes=%d-", pos))
	}
	resp, err := g.cfg.httpClient.Do(req)
	if err != nil {
		stop()
		return nil, 0, g.secrets.Err(stalled(actx, err))
	}
	a := &attempt{body: watchedReader{r: resp.Body, watch: watch}, pos: pos, ctx: actx,
		done: func() { resp.Body.Close(); stop() }}
	fail := func(err error) (*attempt, int, error) {
		_, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, 4<<10))
		a.close()
		return nil, resp.StatusCode, g.secrets.Err(err)
	}
	switch resp.StatusCode {
	case http.StatusOK: // the whole object: Range was ignored, or not sent
		if !g.learn(resp.ContentLength) {
			return fail(fmt.Errorf("the object's size changed to %d during the download", resp.ContentLength))
		}
		a.pos = 0
	case http.StatusPartialContent:
		start, size, ok := parseContentRange(resp.Header.Get("Content-Range"))
		if !ok || start != pos {
			return fail(fmt.Errorf("unexpected Content-Range %q for offset %d", resp.Header.Get("Content-Range"), pos))
		}
		if !g.learn(size) {
			return fail(fmt.Errorf("the object's size changed to %d during the download", size))
		}
		a.ranged = true
	default:
		return fail(fmt.Errorf("unexpected status %s", resp.Status))
	}
	return a, resp.StatusCode, nil
}

// copyTo copies the attempt's body to w until end (< 0: until the body or
// the object ends), skipping first what lies before pos when the server
// sent more than was asked. It returns the bytes written and whether it
// reached end (or the end of the object).
func (a *attempt) copyTo(g *getter, w io.Writer, pos, end int64, buf []byte) (int64, bool, error) {
	if skip := pos - a.pos; skip > 0 {
		if _, err := io.CopyN(io.Discard, a.body, skip); err != nil {
			return 0, false, g.secrets.Err(stalled(a.ctx, fmt.Errorf("skipping %d bytes already written: %w", skip, err)))
		}
		a.pos = pos
	}
	if end < 0 {
		end = g.size()
	}
	src := a.body
	if end >= 0 {
		src = io.LimitReader(a.body, end-pos)
	}
	n, err := io.CopyBuffer(w, src, buf)
	a.pos += n
	if err != nil {
		return n, false, g.secrets.Err(stalled(a.ctx, err))
	}
	if end >= 0 && pos+n < end {
		return n, false, io.ErrUnexpectedEOF
	}
	return n, true, nil
}

// parseContentRange parses "bytes start-end/size" (size may be "*", -1).
func parseContentRange(h string) (start, size int64, ok bool) {
	rest, found := strings.CutPrefix(h, "bytes ")
	if !found {
		return 0, 0, false
	}
	rng, sz, found := strings.Cut(rest, "/")
	if !found {
		return 0, 0, false
	}
	first, _, found := strings.Cut(rng, "-")
	if !found {
		return 0, 0, false
	}
	start, err := strconv.ParseInt(first, 10, 64)
	if err != nil {
		return 0, 0, false
	}
	size = -1
	if sz != "*" {
		if size, err = strconv.ParseInt(sz, 10, 64); err != nil {
			return 0, 0, false
		}
	}
	return start, size, true
}
