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
)

// newRequestFromLink builds the GET request for a pagination link such as
// links.next ("/v4/accounts/.../children?after=g3Q...%3D%3D"). A relative
// link (starting with one "/") is appended to the base URL; an absolute one
// must point at the same scheme and host as the base URL, so the token is
// never sent elsewhere. The path and query bytes are kept exactly as the
// server wrote them: the opaque cursor is not decoded or re-encoded.
func (c *Client) newRequestFromLink(ctx context.Context, link string) (*http.Request, error) {
	full, err := c.resolveLink(link)
	if err != nil {
		return nil, err
	}
	return http.NewRequestWithContext(ctx, http.MethodGet, full, nil)
}

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
		return "", fmt.Errorf("frameio: link %q is not on the API server %s", redactURL(u), c.serverURL())
	}
	return link, nil
}

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
		if _, ok := extra[queryParamName(p)]; ok {
			continue
		}
		parts = append(parts, p)
	}
	parts = append(parts, extra.Encode())
	return strings.Join(parts, "&")
}

// queryParamName returns the decoded name of one "name=value" part of a
// raw query string (the name as written when it does not decode).
func queryParamName(part string) string {
	k, _, _ := strings.Cut(part, "=")
	if uk, err := url.QueryUnescape(k); err == nil {
		return uk
	}
	return k
}
