package frameio

import (
	"context"
	"errors"
	"sync/atomic"
)

// ErrNoToken is returned by NewClient when neither WithToken nor
// WithTokenSource is given.
var ErrNoToken = errors.New("frameio: no credentials: pass WithToken or WithTokenSource to NewClient")

// Client calls the Frame.io V4 API. Create it with NewClient. A Client is
// safe for concurrent use and cheap to share; its configuration does not
// change after NewClient returns. The per-resource services (c.Files, ...)
// are promoted from the embedded services struct.
type Client struct {
	services

	cfg   requestConfig                // defaults for every call
	pacer *pacer                       // shared rate-limit pacing state
	auth  atomic.Pointer[bearerHeader] // the Authorization value of the last token

	attemptCtxs attemptContexts // reusable attempt timeouts (attempt_context.go)
}

// NewClient returns a client configured by opts, applied in order over the
// defaults: base URL DefaultBaseURL, one HTTP client shared by all Clients
// (see WithHTTPClient), a 60 s per-attempt timeout and no bound on the
// whole call (WithTimeout), 2 retries with DefaultRetryPolicy, rate-limit
// pacing on (see WithRateLimitPacing), a silent logger. A token is
// required (WithToken or WithTokenSource); a malformed base URL or option
// argument is reported here rather than on the first call.
func NewClient(opts ...RequestOption) (*Client, error) {
	cfg := defaultConfig()
	cfg.building = true
	if err := cfg.apply(opts); err != nil {
		return nil, err
	}
	cfg.building = false
	if cfg.tokenSource == nil {
		return nil, ErrNoToken
	}
	c := &Client{cfg: cfg, pacer: newPacer()}
	c.services.init(c)
	return c, nil
}

// serverURL returns the base URL requests are built against, without a
// trailing slash, e.g. "https://api.frame.io".
func (c *Client) serverURL() string { return c.cfg.baseURL }

// Do sends a request to an API endpoint of your choice, with the client's
// authentication, retries, timeouts and error handling. It is the escape
// hatch for endpoints this SDK does not cover yet.
//
// path is relative to the base URL and must start with "/", e.g.
// "/v4/me"; it is used as written, so escape IDs with url.PathEscape and
// append any query string yourself (or use WithQuery). body, when not nil,
// is JSON-encoded (a json.RawMessage is sent as is). A 2xx JSON response is
// decoded into out when out is not nil. Errors are as for every call:
// *Error for a non-2xx status, *RequestError for transport failures and
// cancellation, *DecodeError for a malformed 2xx body.
func (c *Client) Do(ctx context.Context, method, path string, body, out any, opts ...RequestOption) error {
	req, err := c.newRequest(ctx, method, path, body)
	if err != nil {
		return err
	}
	return c.do(ctx, req, out, opts)
}
