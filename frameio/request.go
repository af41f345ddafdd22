package frameio

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"

	"github.com/frameio-go/frameio-go/internal/redact"
)

// newRequest builds a request for Do: path (already escaped, optionally with
// a query) is appended to the base URL as written, and body, when not nil,
// is JSON-encoded into a rewindable reader.
func (c *Client) newRequest(ctx context.Context, method, path string, body any) (*http.Request, error) {
	if !strings.HasPrefix(path, "/") || strings.HasPrefix(path, "//") {
		return nil, &InvalidParamError{Param: "path", Reason: fmt.Sprintf("%q must start with a single /", path)}
	}
	var rd io.Reader
	if body != nil {
		b, err := json.Marshal(body)
		if err != nil {
			return nil, fmt.Errorf("frameio: encoding request body: %w", err)
		}
		rd = bytes.NewReader(b)
	}
	req, err := http.NewRequestWithContext(ctx, method, c.serverURL()+path, rd)
	if err != nil {
		if ue, ok := errors.AsType[*url.Error](err); ok { // it prints the query, which may hold a credential
			p, _, _ := strings.Cut(path, "?")
			return nil, &InvalidParamError{Param: "path", Reason: fmt.Sprintf("%q (query not shown) is not a valid URL path: %v", p, ue.Err)}
		}
		return nil, fmt.Errorf("frameio: %w", err)
	}
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	return req, nil
}

// nextPageRequest repeats first (method, headers, body: search pages are
// POSTs) at link, whose bytes are kept exactly as the server wrote them.
func (c *Client) nextPageRequest(ctx context.Context, first *http.Request, link string) (*http.Request, error) {
	full, err := c.resolveLink(link)
	if err != nil {
		return nil, err
	}
	u, err := url.Parse(full)
	if err != nil {
		return nil, fmt.Errorf("frameio: invalid next link: %w", err)
	}
	req := first.Clone(ctx)
	req.URL, req.Host = u, ""
	if first.GetBody != nil {
		if req.Body, err = first.GetBody(); err != nil {
			return nil, err
		}
	}
	return req, nil
}

// resolveLink returns the absolute URL of a link the server sent, such as
// links.next ("/v4/accounts/.../children?after=g3Q...%3D%3D"). A relative
// link (starting with one "/") is appended to the base URL; an absolute one
// must point at the same scheme and host as the base URL and carry no user
// information, so the token is never sent elsewhere. The path and query
// bytes are kept exactly as the server wrote them: the opaque cursor is not
// decoded or re-encoded.
func (c *Client) resolveLink(link string) (string, error) {
	switch {
	case link == "":
		return "", errors.New("frameio: empty link")
	case strings.HasPrefix(link, "/") && !strings.HasPrefix(link, "//"):
		return c.serverURL() + link, nil
	}
	u, err := url.Parse(link)
	if err != nil {
		return "", fmt.Errorf("frameio: invalid link: %w", err)
	}
	base, _ := url.Parse(c.serverURL())
	if !u.IsAbs() || u.Scheme != base.Scheme || u.Host != base.Host || u.User != nil {
		return "", fmt.Errorf("frameio: link %q is not on the API server %s", redact.URL(u), c.serverURL())
	}
	return link, nil
}

// mergeQuery adds extra to the raw query string raw. Parameters of raw whose
// name is in extra are dropped; all other bytes of raw are kept verbatim.
func mergeQuery(raw string, extra url.Values) string {
	if len(extra) == 0 {
		return raw
	}
	var parts []string
	for p := range strings.SplitSeq(raw, "&") {
		if p == "" {
			continue
		}
		if _, ok := extra[redact.ParamName(p)]; ok {
			continue
		}
		parts = append(parts, p)
	}
	parts = append(parts, extra.Encode())
	return strings.Join(parts, "&")
}

// attemptRequest is req as one attempt sends it, with ctx: a request of
// its own (a middleware may change it), with its own URL when it carries
// another query (rawQuery) or goes through middleware, and its own header: req's, the call's extra headers
// (WithHeader) over it, then User-Agent, Accept (when unset) and the
// token. The body is rewound for every attempt.
func (c *Client) attemptRequest(ctx context.Context, cfg *requestConfig, req *http.Request, rawQuery, token string) (*http.Request, error) {
	r := req.WithContext(ctx)
	if rawQuery != req.URL.RawQuery || len(cfg.middleware) > 0 {
		u := new(url.URL)
		*u = *req.URL
		u.RawQuery = rawQuery
		r.URL = u
	}
	if req.Trailer != nil {
		r.Trailer = req.Trailer.Clone()
	}
	r.Header = attemptHeader(req.Header, cfg.header, cfg.userAgent, c.bearer(token))
	if req.GetBody != nil && req.Body != nil && req.Body != http.NoBody {
		b, err := req.GetBody()
		if err != nil {
			return nil, fmt.Errorf("frameio: rewinding request body: %w", err)
		}
		r.Body = b
	}
	return r, nil
}

// attemptHeader builds the header of an attempt (see attemptRequest) as
// Header.Clone and Header.Set would, all its values in one array. It adds
// no Accept header: the API answers JSON only and its documentation's
// samples send none; one line less on every request is measurable on a
// fast link (BenchmarkCall). WithHeader("Accept", ...) sets one.
func attemptHeader(base, extra http.Header, userAgent, authorization string) http.Header {
	n := 2
	for _, vs := range base {
		n += len(vs)
	}
	for _, vs := range extra {
		n += len(vs)
	}
	b := headerBuilder{h: make(http.Header, len(base)+len(extra)+2), vals: make([]string, 0, n)}
	set := func(k string) bool { return k == "User-Agent" || k == "Authorization" }
	for k, vs := range base {
		if _, replaced := extra[k]; !replaced && !set(k) {
			b.put(k, vs...)
		}
	}
	for k, vs := range extra {
		if !set(k) && len(vs) > 0 {
			b.put(k, vs...)
		}
	}
	b.put("User-Agent", userAgent)
	b.put("Authorization", authorization)
	return b.h
}

// headerBuilder fills a header whose value slices share one array.
type headerBuilder struct {
	h    http.Header
	vals []string
}

// put sets k to vs, nil staying nil (a header not to send).
func (b *headerBuilder) put(k string, vs ...string) {
	if vs == nil {
		b.h[k] = nil
		return
	}
	i := len(b.vals)
	b.vals = append(b.vals, vs...)
	b.h[k] = b.vals[i:len(b.vals):len(b.vals)]
}

// bearerHeader is the Authorization value of one token.
type bearerHeader struct{ token, value string }

// bearer returns "Bearer " + token, built once per token: a static token
// (WithToken) costs no allocation per request.
func (c *Client) bearer(token string) string {
	if b := c.auth.Load(); b != nil && b.token == token {
		return b.value
	}
	b := &bearerHeader{token: token, value: "Bearer " + token}
	c.auth.Store(b)
	return b.value
}
