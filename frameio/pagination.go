package frameio

import (
	"context"
	"encoding/json"
	"fmt"
	"iter"
	"net/http"
	"net/url"
	"strings"

	"github.com/frameio-go/frameio-go/internal/redact"
)

// Page is one page of a list operation.
type Page[T any] struct {
	// Items are the page's entries, in the server's order.
	Items []T
	// TotalCount is the number of entries of the whole listing, present
	// when the request asked for include_total_count.
	TotalCount *int
	// Next is the page's links.next (a relative URL carrying the opaque
	// after cursor), "" on the last page.
	Next string
	// Response is the HTTP response the page came in (status, headers,
	// rate-limit headers); its body has been read.
	Response *http.Response
}

// PaginationError reports a server that does not advance through a
// listing: it repeats a cursor, or keeps answering empty pages that still
// point to a next one. Iteration stops instead of looping forever.
type PaginationError struct {
	// Link is the links.next that would have been followed, with the
	// values of sensitive query parameters (tokens, signatures) redacted.
	Link string
	// Reason says what went wrong.
	Reason string
}

// Error implements the error interface.
func (e *PaginationError) Error() string {
	return fmt.Sprintf("frameio: pagination stopped: %s (next link %q)", e.Reason, e.Link)
}

// maxEmptyPages is how many empty pages in a row with a next link a
// listing may return before the iteration reports it as not advancing.
const maxEmptyPages = 3

// pageBody is the shape every Frame.io list response shares.
type pageBody[T any] struct {
	Data  []T `json:"data"`
	Links struct {
		Next *string `json:"next"`
	} `json:"links"`
	TotalCount *int `json:"total_count"`
}

// checkPageSize validates page_size before any request: the API accepts 1 to 100.
func checkPageSize(size *int) error {
	if size != nil && (*size < 1 || *size > 100) {
		return &InvalidParamError{Param: "page_size", Reason: fmt.Sprintf("%d is outside 1-100", *size)}
	}
	return nil
}

// pages walks a listing page by page: first builds the request of the
// first page; every following page is the server's links.next, sent
// byte for byte (the cursor is never re-encoded), with any query parameter
// of the first request the link lacks added back. Only one page is held at
// a time; stopping the loop stops fetching. The options are applied once,
// for every page.
func pages[T any](ctx context.Context, c *Client, first func() (*http.Request, error), opts []RequestOption) iter.Seq2[*Page[T], error] {
	return func(yield func(*Page[T], error) bool) {
		req, err := first()
		if err != nil {
			yield(nil, err)
			return
		}
		cfg, err := c.config(opts)
		if err != nil {
			yield(nil, err)
			return
		}
		req = req.WithContext(ctx)
		first := req
		original := req.URL.Query()
		seen := map[string]bool{}
		empty := 0
		for {
			var resp *http.Response
			rep, err := c.exec(ctx, req, cfg, &resp) // a WithResponseInto of opts is not used
			if err != nil {
				yield(nil, err)
				return
			}
			var pb pageBody[T]
			if err := json.Unmarshal(rep.body, &pb); err != nil {
				yield(nil, rep.decodeError(req, err))
				return
			}
			p := &Page[T]{Items: pb.Data, TotalCount: pb.TotalCount, Response: resp}
			if pb.Links.Next != nil {
				p.Next = *pb.Links.Next
			}
			if !yield(p, nil) || p.Next == "" {
				return
			}
			switch {
			case seen[p.Next]:
				yield(nil, &PaginationError{Link: redact.RawURL(p.Next), Reason: "the server repeated a cursor"})
				return
			case len(p.Items) == 0:
				if empty++; empty >= maxEmptyPages {
					yield(nil, &PaginationError{Link: redact.RawURL(p.Next), Reason: fmt.Sprintf("%d empty pages in a row", empty)})
					return
				}
			default:
				empty = 0
			}
			seen[p.Next] = true
			if req, err = c.nextPageRequest(ctx, first, keepQuery(p.Next, original)); err != nil {
				yield(nil, err)
				return
			}
		}
	}
}

// items flattens pages into their items.
func items[T any](pages iter.Seq2[*Page[T], error]) iter.Seq2[T, error] {
	return func(yield func(T, error) bool) {
		for p, err := range pages {
			if err != nil {
				var zero T
				yield(zero, err)
				return
			}
			for _, it := range p.Items {
				if !yield(it, nil) {
					return
				}
			}
		}
	}
}

// decodeItems flattens pages and turns each raw item into a typed value;
// an item that cannot be decoded ends the iteration with its error.
func decodeItems[R, T any](pages iter.Seq2[*Page[R], error], decode func(R) (T, error)) iter.Seq2[T, error] {
	return func(yield func(T, error) bool) {
		for raw, err := range items(pages) {
			var v T
			if err == nil {
				v, err = decode(raw)
			}
			if !yield(v, err) || err != nil {
				return
			}
		}
	}
}

// keepQuery appends to link the parameters of the first request (other
// than the cursor) that the link does not carry; the link's own bytes are
// kept as they are.
func keepQuery(link string, original url.Values) string {
	path, raw, _ := strings.Cut(link, "?")
	have := map[string]bool{}
	for p := range strings.SplitSeq(raw, "&") {
		have[redact.ParamName(p)] = true
	}
	missing := url.Values{}
	for k, v := range original {
		if k != "after" && !have[k] {
			missing[k] = v
		}
	}
	if len(missing) == 0 {
		return link
	}
	if raw == "" {
		return path + "?" + missing.Encode()
	}
	return link + "&" + missing.Encode()
}

// Collect gathers the items of an iterator into a slice, stopping at the
// first error (returned with the items gathered so far) or after max items
// when max > 0.
func Collect[T any](seq iter.Seq2[T, error], max int) ([]T, error) {
	var out []T
	for v, err := range seq {
		if err != nil {
			return out, err
		}
		out = append(out, v)
		if max > 0 && len(out) >= max {
			break
		}
	}
	return out, nil
}
