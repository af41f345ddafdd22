package frameio

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
)

// attempt sends one try of req. terr is a transport failure (including a
// body cut short or a per-attempt timeout), possibly with rep.resp set;
// fatal is an error that must end the call (token source, body rewind).
// The per-attempt timeout (WithAttemptTimeout) bounds the wait for the
// token too; it needs no context of its own when ctx's deadline comes
// first.
func (c *Client) attempt(ctx context.Context, cfg *requestConfig, req *http.Request, rawQuery string) (rep reply, terr, fatal error) {
	if cfg.tokenSource == nil {
		return reply{}, nil, ErrNoToken
	}
	actx := ctx
	if cfg.attemptTimeout > 0 && !passesDeadline(ctx, cfg.attemptTimeout) {
		var cancel context.CancelFunc
		actx, cancel = context.WithTimeout(ctx, cfg.attemptTimeout)
		defer cancel()
	}

	tok, err := fetchToken(actx, cfg.tokenSource)
	if err != nil {
		return reply{}, nil, fmt.Errorf("frameio: getting token: %w", err)
	}
	if tok == nil || tok.AccessToken == "" {
		return reply{}, nil, errors.New("frameio: token source returned an empty token")
	}
	rep = reply{token: tok.AccessToken, more: cfg.redact}

	r, err := c.attemptRequest(actx, cfg, req, rawQuery, tok.AccessToken)
	if err != nil {
		return reply{}, nil, err
	}
	rep.sent = r
	resp, err := cfg.send(r)
	if err != nil {
		if ue, ok := errors.AsType[*url.Error](err); ok {
			err = ue.Err // its message repeats the URL, which the caller adds
		}
		return rep, err, nil
	}
	rep.resp = resp

	ok := resp.StatusCode >= 200 && resp.StatusCode <= 299
	var rerr error
	if ok {
		rep.body, rerr = io.ReadAll(resp.Body)
	} else {
		// A token echoed across the limit is read whole, to be scrubbed
		// whole before the body is cut to maxErrorBody.
		rep.body, rerr = io.ReadAll(io.LimitReader(resp.Body, maxErrorRead+int64(len(tok.AccessToken))))
		_, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, maxDrain))
	}
	_ = resp.Body.Close()
	if rerr != nil && ok {
		// A success whose body is cut short is unusable: treat it like a
		// transport failure. An error body cut short still makes an *Error.
		return rep, fmt.Errorf("reading response body: %w", rerr), nil
	}
	return rep, nil, nil
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
// Header.Clone and Header.Set would, all its values in one array.
func attemptHeader(base, extra http.Header, userAgent, authorization string) http.Header {
	n := 3
	for _, vs := range base {
		n += len(vs)
	}
	for _, vs := range extra {
		n += len(vs)
	}
	b := headerBuilder{h: make(http.Header, len(base)+len(extra)+3), vals: make([]string, 0, n)}
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
	if a := b.h["Accept"]; len(a) == 0 || a[0] == "" {
		b.put("Accept", "application/json")
	}
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
