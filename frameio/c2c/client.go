package c2c

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/frameio-go/frameio-go/internal/redact"
)

// maxBody bounds what the client reads of a response body.
const maxBody = 8 << 20

// Client is a Camera-to-Cloud device: it pairs, keeps its token fresh,
// makes the device calls and uploads. It is safe for concurrent use. Close
// stops its background health probe.
type Client struct {
	cfg  config
	conn *connectivity
	auth *tokenSource

	bg     context.Context
	stop   context.CancelFunc
	wg     sync.WaitGroup
	closed sync.Once
}

// NewClient validates the options and returns a client. WithClientVersion
// and WithCredentials (or WithCredentialStore) are required.
func NewClient(opts ...Option) (*Client, error) {
	cfg, err := buildConfig(opts)
	if err != nil {
		return nil, err
	}
	c := &Client{cfg: cfg}
	c.bg, c.stop = context.WithCancel(context.Background())
	c.conn = &connectivity{c: c}
	c.auth = &tokenSource{c: c, sem: make(chan struct{}, 1)}
	return c, nil
}

// Close stops background work (the health probe). Calls in flight are not
// interrupted; a closed client can still make calls.
func (c *Client) Close() error {
	c.closed.Do(func() { c.stop(); c.wg.Wait() })
	return nil
}

// ClientVersion returns the x-client-version the client sends.
func (c *Client) ClientVersion() string { return c.cfg.version }

type class int

const (
	classDefault class = iota
	classToken
	classUpload
)

func (c *Client) timeout(k class) time.Duration {
	switch k {
	case classToken:
		return c.cfg.timeouts.TokenRefresh
	case classUpload:
		return c.cfg.timeouts.PartUpload
	}
	return c.cfg.timeouts.Default
}

// call describes one API operation.
type call struct {
	method, path string
	query        url.Values
	auth         bool            // sends the bearer token
	class        class           // which timeout applies
	form         url.Values      // form body (auth endpoints)
	json         func() any      // JSON body, rebuilt on every attempt
	header       http.Header     // extra headers
	expect       int             // the documented success status
	out          any             // decodes the success body
	probe        bool            // GET /health: never held while disconnected, one attempt
	poll         bool            // a token poll: API errors go back to the pairing loop as they are
	fresh        bool            // a new TCP connection (device code requests)
	secrets      func() []string // values scrubbed from error strings
}

// do runs cl with the guide's retry policy.
func (c *Client) do(ctx context.Context, cl *call) error {
	attempts := c.cfg.maxAttempts
	if cl.probe {
		attempts = 1
	}
	return c.retry(ctx, cl.method+" "+cl.path, attempts, cl.probe, func(ctx context.Context, n int) (string, error) {
		tok, err := c.attempt(ctx, cl, n)
		var api *APIError
		if cl.poll && errors.As(err, &api) {
			return tok, &final{err}
		}
		return tok, err
	})
}

// final marks an error the retry loop returns without classifying it.
type final struct{ error }

func (f *final) Unwrap() error { return f.error }

// retry runs fn up to attempts times. Between attempts it waits
// Backoff(n), and before each attempt (unless probe) it waits while Frame.io
// is unreachable. fn returns the access token it used, so a 401 refreshes
// only a token nobody refreshed yet.
func (c *Client) retry(ctx context.Context, op string, attempts int, probe bool, fn func(ctx context.Context, n int) (string, error)) error {
	var err error
	refreshed := false
	for n := 0; n < attempts; n++ {
		if n > 0 {
			d := Backoff(n-1, c.cfg.jitter)
			c.cfg.logger.DebugContext(ctx, "c2c retry", "op", op, "attempt", n+1, "delay", d, "error", err)
			if serr := c.cfg.sleep(ctx, d); serr != nil {
				return fmt.Errorf("%w (after: %w)", serr, err)
			}
		}
		if !probe {
			if werr := c.conn.wait(ctx); werr != nil {
				return werr
			}
		}
		var used string
		used, err = fn(ctx, n+1)
		if err == nil {
			return nil
		}
		var f *final
		if errors.As(err, &f) {
			return f.error
		}
		if cerr := ctx.Err(); cerr != nil {
			return fmt.Errorf("%w (after: %w)", cerr, err)
		}
		switch RetryOf(err) {
		case RetryNo:
			return err
		case RetryOnce:
			if n > 0 {
				return err
			}
		case RetryRefresh:
			if used == "" || refreshed {
				return err
			}
			refreshed = true
			if _, rerr := c.auth.refresh(ctx, used); rerr != nil {
				return rerr
			}
		case RetryYes:
			var ne *NetworkError
			if errors.As(err, &ne) && !probe {
				c.conn.lost()
			}
		}
	}
	c.cfg.logger.WarnContext(ctx, "c2c call failed", "op", op, "attempts", attempts, "error", err)
	return err
}

// attempt makes one HTTP exchange of cl and returns the token it sent.
func (c *Client) attempt(ctx context.Context, cl *call, n int) (string, error) {
	actx, cancel := context.WithTimeout(ctx, c.timeout(cl.class))
	defer cancel()
	req, err := c.newRequest(actx, cl)
	if err != nil {
		return "", err
	}
	var tok string
	if cl.auth {
		if tok, err = c.auth.access(ctx); err != nil {
			return "", err
		}
		req.Header.Set("Authorization", "Bearer "+tok)
	}
	start := time.Now()
	resp, err := c.cfg.hc.Do(req)
	if err != nil {
		return tok, c.networkError(ctx, actx, cl.method+" "+cl.path, err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(io.LimitReader(resp.Body, maxBody))
	c.cfg.logger.DebugContext(ctx, "c2c request", "method", cl.method, "path", cl.path, "status", resp.StatusCode, "attempt", n, "elapsed", time.Since(start))
	if err != nil {
		return tok, c.networkError(ctx, actx, cl.method+" "+cl.path, err)
	}
	if resp.StatusCode >= 400 {
		e := parseAPIError(cl.method, cl.path, resp, body, c.scrubber(cl, tok))
		e.Attempts = n
		return tok, e
	}
	if resp.StatusCode != cl.expect {
		return tok, &StatusError{Method: cl.method, Path: cl.path, Expected: cl.expect, Received: resp.StatusCode}
	}
	if cl.out != nil {
		if err := json.Unmarshal(body, cl.out); err != nil {
			return tok, fmt.Errorf("%w: %s %s: %d-byte body does not decode (%v)", ErrMalformedResponse, cl.method, cl.path, len(body), jsonErrorOnly(err))
		}
	}
	return tok, nil
}

// jsonErrorOnly keeps the kind of a decoding error without quoting data.
func jsonErrorOnly(err error) string {
	var syn *json.SyntaxError
	var typ *json.UnmarshalTypeError
	switch {
	case errors.As(err, &syn):
		return fmt.Sprintf("syntax error at byte %d", syn.Offset)
	case errors.As(err, &typ):
		return fmt.Sprintf("field %q: want %s", typ.Field, typ.Type)
	}
	return "invalid JSON"
}

func (c *Client) newRequest(ctx context.Context, cl *call) (*http.Request, error) {
	u := *c.cfg.baseURL
	u.Path = strings.TrimRight(u.Path, "/") + cl.path
	u.RawQuery = cl.query.Encode()
	var body io.Reader
	ctype := ""
	switch {
	case cl.form != nil:
		body, ctype = strings.NewReader(cl.form.Encode()), "application/x-www-form-urlencoded"
	case cl.json != nil:
		b, err := json.Marshal(cl.json())
		if err != nil {
			return nil, fmt.Errorf("c2c: %s %s: encoding body: %w", cl.method, cl.path, err)
		}
		body, ctype = bytes.NewReader(b), "application/json"
	}
	req, err := http.NewRequestWithContext(ctx, cl.method, u.String(), body)
	if err != nil {
		return nil, fmt.Errorf("c2c: %s %s: %w", cl.method, cl.path, err)
	}
	if ctype != "" {
		req.Header.Set("Content-Type", ctype)
	}
	req.Header.Set("Accept", "application/json")
	req.Header.Set("x-client-version", c.cfg.version)
	for k, v := range cl.header {
		req.Header[k] = v
	}
	req.Close = cl.fresh
	return req, nil
}

// networkError wraps a transport failure without the request URL (which
// may hold a presigned query or a token).
func (c *Client) networkError(parent, attempt context.Context, op string, err error) error {
	var ue *url.Error
	if errors.As(err, &ue) {
		err = ue.Err
	}
	if parent.Err() == nil && errors.Is(attempt.Err(), context.DeadlineExceeded) {
		err = fmt.Errorf("timed out: %w", context.DeadlineExceeded)
	} else if perr := parent.Err(); perr != nil {
		return perr
	}
	return &NetworkError{Op: op, Err: err}
}

// scrubber hides credentials an error body might echo back: the call's
// token, the client's known secrets and the call's own, each at least 4
// bytes long (a shorter one would match ordinary text). Overlapping
// secrets are hidden whole (redact.Secrets).
func (c *Client) scrubber(cl *call, tok string) func(string) string {
	all := append([]string{tok}, c.knownSecrets()...)
	if cl.secrets != nil {
		all = append(all, cl.secrets()...)
	}
	return redact.Secrets(slices.DeleteFunc(all, func(v string) bool { return len(v) < 4 })).Scrub
}

// knownSecrets are the client secret and the current tokens, whatever the
// call: any of them may be echoed back in an error body.
func (c *Client) knownSecrets() []string {
	var out []string
	if s, ok := c.cfg.creds.(StaticCredentials); ok {
		out = append(out, s.ClientSecret)
	}
	c.auth.mu.Lock()
	if t := c.auth.cur; t != nil {
		out = append(out, t.AccessToken, t.RefreshToken)
	}
	c.auth.mu.Unlock()
	return out
}
