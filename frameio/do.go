package frameio

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/url"
	"time"

	"github.com/frameio-go/frameio-go/internal/redact"
)

// maxErrorRead bounds how much of an error body is read; the rest is drained
// (up to maxDrain) so the connection can be reused.
const (
	maxErrorRead = maxErrorBody
	maxDrain     = 256 << 10
)

// do executes req, built against c.serverURL() with a rewindable body (see
// the package's request builders), and decodes a 2xx JSON body into out.
// out may be nil; an empty body or a 204 leaves it untouched. Client options
// then opts apply. On a non-2xx response it returns *Error; on transport
// failure or cancellation *RequestError; on malformed 2xx JSON *DecodeError.
func (c *Client) do(ctx context.Context, req *http.Request, out any, opts []RequestOption) error {
	rep, err := c.doRaw(ctx, req, opts)
	if err != nil {
		return err
	}
	return rep.decode(req, out)
}

// reply is the last response of a call, its body read into body
// (resp.Body is replaced by a re-readable copy), and the credentials that
// attempt sent, to be scrubbed from any error built from the body.
type reply struct {
	resp    *http.Response
	body    []byte
	secrets redact.Secrets
}

// decode decodes a successful response body into out.
func (r reply) decode(req *http.Request, out any) error {
	if out == nil || r.resp.StatusCode == http.StatusNoContent || len(bytes.TrimSpace(r.body)) == 0 {
		return nil
	}
	if err := json.Unmarshal(r.body, out); err != nil {
		return r.decodeError(req, err)
	}
	return nil
}

// decodeError reports a 2xx body that is not the expected JSON.
func (r reply) decodeError(req *http.Request, err error) *DecodeError {
	return &DecodeError{
		StatusCode: r.resp.StatusCode,
		Method:     req.Method,
		URL:        redactURL(req.URL),
		Body:       r.secrets.ScrubBytes(r.body),
		Err:        err,
	}
}

// requestError reports an attempt that ended with err, keeping the status,
// headers and partial body of a response whose body was cut off.
func (r reply) requestError(req *http.Request, safeURL string, attempt int, err error) *RequestError {
	e := &RequestError{Method: req.Method, URL: safeURL, Attempts: attempt, Err: err}
	if r.resp != nil {
		e.StatusCode = r.resp.StatusCode
		e.Header = scrubHeader(r.resp.Header, r.secrets)
		e.Body = r.secrets.ScrubCut(r.body)
	}
	return e
}

// doRaw executes req with retries and returns the last response. On a
// non-2xx final response it returns the response, its body (bounded) and an
// *Error. Pagination uses it to reach links and headers.
func (c *Client) doRaw(ctx context.Context, req *http.Request, opts []RequestOption) (reply, error) {
	// The client's configuration is shared and never changed: a call with
	// options works on a copy (with its own header and query maps).
	cfg := c.cfg
	cfg.responseInto = nil
	if len(opts) > 0 {
		cfg = c.cfg.clone()
		if err := cfg.apply(opts); err != nil {
			return reply{}, err
		}
	}
	if ctx == nil {
		ctx = req.Context()
	}
	// WithTimeout bounds everything below: pacing, attempts, token waits
	// and retry waits (which are not started when they would end after it).
	if cfg.callTimeout > 0 {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, cfg.callTimeout)
		defer cancel()
	}
	rawQuery := mergeQuery(req.URL.RawQuery, cfg.query)
	// safeURL (for errors) and the logger's attributes are built only when
	// needed: the success path of a call with logging off allocates neither.
	var safe string
	safeURL := func() string {
		if safe == "" {
			safe = redactURL(&url.URL{Scheme: req.URL.Scheme, Host: req.URL.Host, Path: req.URL.Path, RawPath: req.URL.RawPath, RawQuery: rawQuery})
		}
		return safe
	}
	maxAttempts := cfg.maxRetries + 1
	if !canRewind(req) {
		maxAttempts = 1
	}
	log := cfg.logger
	debug := log.Enabled(ctx, slog.LevelDebug)
	if debug {
		log = log.With(slog.String("method", req.Method), slog.String("path", req.URL.Path))
	}

	if err := c.pace(ctx, &cfg, req, safeURL, log); err != nil {
		return reply{}, err
	}
	for attempt := 1; ; attempt++ {
		start := time.Now()
		resp, body, token, terr, fatal := cfg.attempt(ctx, req, rawQuery)
		if fatal != nil {
			if cerr := ctx.Err(); cerr != nil { // cancelled while waiting for a token
				return reply{}, &RequestError{Method: req.Method, URL: safeURL(), Attempts: attempt - 1, Err: cerr}
			}
			return reply{}, fatal
		}
		rep := reply{resp: resp, body: body, secrets: redact.Secrets{}.Add(token).Add(cfg.redact...)}
		if resp != nil && cfg.responseInto != nil {
			*cfg.responseInto = resp
		}
		var attrs []slog.Attr
		if debug {
			attrs = []slog.Attr{slog.Int("attempt", attempt), slog.Duration("elapsed", time.Since(start))}
			if resp != nil {
				attrs = append(attrs, slog.Int("status", resp.StatusCode))
			}
		}

		var (
			status  int
			header  http.Header
			lastErr error
		)
		switch {
		case terr != nil:
			if cerr := ctx.Err(); cerr != nil {
				log.LogAttrs(ctx, slog.LevelDebug, "frameio: request cancelled", attrs...)
				return rep, rep.requestError(req, safeURL(), attempt, cerr)
			}
			terr = rep.secrets.Err(terr)
			attrs = append(attrs, slog.String("error", terr.Error()))
			lastErr = rep.requestError(req, safeURL(), attempt, terr)
		case resp.StatusCode >= 200 && resp.StatusCode <= 299:
			if cfg.pacing && c.pacer != nil {
				c.pacer.observe(req.URL.Path, resp.Header, cfg.now())
			}
			if debug {
				log.LogAttrs(ctx, slog.LevelDebug, "frameio: response", attrs...)
			}
			return rep, nil
		default:
			status, header = resp.StatusCode, resp.Header
			lastErr = newAPIError(req.Method, safeURL(), resp, body, attempt, rep.secrets)
		}

		retryable := cfg.retry.shouldRetry(req.Method, status, terr)
		retry := retryable && attempt < maxAttempts
		var d time.Duration
		if retry {
			d, retry = cfg.retry.delay(attempt-1, status, header, cfg.now())
		}
		if !retry {
			reason := "not retryable"
			switch {
			case !retryable:
			case !canRewind(req):
				reason = "body cannot be rewound"
			case attempt >= maxAttempts:
				reason = "retries exhausted"
			default:
				reason = "server asked to wait longer than MaxRetryAfter"
			}
			attrs = append(attrs, slog.String("reason", reason))
			log.LogAttrs(ctx, slog.LevelDebug, "frameio: giving up", attrs...)
			return rep, lastErr
		}
		attrs = append(attrs, slog.Duration("wait", d))
		if passesDeadline(ctx, d) {
			attrs = append(attrs, slog.String("reason", "the wait would pass the context deadline"))
			log.LogAttrs(ctx, slog.LevelDebug, "frameio: giving up", attrs...)
			err := fmt.Errorf("not retrying: the %s wait would pass the deadline: %w", d.Round(time.Millisecond), context.DeadlineExceeded)
			return rep, &RequestError{Method: req.Method, URL: safeURL(), Attempts: attempt, Err: err, Last: lastErr}
		}
		log.LogAttrs(ctx, slog.LevelDebug, "frameio: retrying", attrs...)
		if err := wait(ctx, cfg.sleep, d); err != nil {
			return rep, &RequestError{Method: req.Method, URL: safeURL(), Attempts: attempt, Err: err, Last: lastErr}
		}
	}
}

// attempt sends one try of req. terr is a transport failure (including a
// body cut short or a per-attempt timeout), possibly with resp set; fatal
// is an error that must end the call (token source, body rewind). The
// per-attempt timeout (WithAttemptTimeout) bounds the wait for the token
// too.
func (cfg *requestConfig) attempt(ctx context.Context, req *http.Request, rawQuery string) (resp *http.Response, body []byte, token string, terr, fatal error) {
	if cfg.tokenSource == nil {
		return nil, nil, "", nil, ErrNoToken
	}
	actx, cancel := ctx, context.CancelFunc(func() {})
	if cfg.attemptTimeout > 0 {
		actx, cancel = context.WithTimeout(ctx, cfg.attemptTimeout)
	}
	defer cancel()

	tok, err := fetchToken(actx, cfg.tokenSource)
	if err != nil {
		return nil, nil, "", nil, fmt.Errorf("frameio: getting token: %w", err)
	}
	if tok == nil || tok.AccessToken == "" {
		return nil, nil, "", nil, errors.New("frameio: token source returned an empty token")
	}

	r := req.Clone(actx)
	r.URL.RawQuery = rawQuery
	if req.GetBody != nil && req.Body != nil && req.Body != http.NoBody {
		b, err := req.GetBody()
		if err != nil {
			return nil, nil, "", nil, fmt.Errorf("frameio: rewinding request body: %w", err)
		}
		r.Body = b
	}
	for k, vs := range cfg.header {
		r.Header[k] = append([]string(nil), vs...)
	}
	r.Header.Set("User-Agent", cfg.userAgent)
	if r.Header.Get("Accept") == "" {
		r.Header.Set("Accept", "application/json")
	}
	r.Header.Set("Authorization", "Bearer "+tok.AccessToken)

	resp, err = cfg.send(r)
	if err != nil {
		if ue, ok := errors.AsType[*url.Error](err); ok {
			err = ue.Err // its message repeats the URL, which the caller adds
		}
		return nil, nil, "", err, nil
	}
	// The response keeps a copy of the request without the credentials
	// (a shallow copy: only the header map is new).
	safe := new(http.Request)
	*safe = *r
	safe.Header = make(http.Header, len(r.Header))
	for k, v := range r.Header {
		if k != "Authorization" {
			safe.Header[k] = v
		}
	}
	resp.Request = safe.WithContext(ctx)

	ok := resp.StatusCode >= 200 && resp.StatusCode <= 299
	var rerr error
	if ok {
		body, rerr = io.ReadAll(resp.Body)
	} else {
		// A token echoed across the limit is read whole, to be scrubbed
		// whole before the body is cut to maxErrorBody.
		body, rerr = io.ReadAll(io.LimitReader(resp.Body, maxErrorRead+int64(len(tok.AccessToken))))
		_, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, maxDrain))
	}
	_ = resp.Body.Close()
	resp.Body = io.NopCloser(bytes.NewReader(body))
	if rerr != nil && ok {
		// A success whose body is cut short is unusable: treat it like a
		// transport failure. An error body cut short still makes an *Error.
		return resp, body, tok.AccessToken, fmt.Errorf("reading response body: %w", rerr), nil
	}
	return resp, body, tok.AccessToken, nil, nil
}
