package frameio

import (
	"bytes"
	"context"
	"encoding/json"
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
	cfg, err := c.config(opts)
	if err != nil {
		return err
	}
	rep, err := c.exec(ctx, req, cfg, cfg.responseInto)
	if err != nil {
		return err
	}
	return rep.decode(req, out)
}

// reply is the last response of a call, its body read into body, and
// what builds, only when needed, the rest: the credentials that attempt
// sent (to scrub from any error made from the body) and the response as
// callers see it (expose).
type reply struct {
	resp  *http.Response
	body  []byte
	token string        // the access token the attempt sent
	more  []string      // the call's other secrets (WithRedaction)
	sent  *http.Request // the attempt's request, credentials included
}

// secrets are the strings hidden from the errors made from this reply.
func (r reply) secrets() redact.Secrets { return redact.Secrets{}.Add(r.token).Add(r.more...) }

// expose readies the response for a caller (WithResponseInto, a Page):
// its Request becomes a copy of the attempt's without the credentials
// (only the header map is new), with ctx, and its Body an in-memory copy
// of the body, which can be read again.
func (r reply) expose(ctx context.Context) *http.Response {
	if r.sent != nil {
		safe := r.sent.WithContext(ctx)
		safe.Header = make(http.Header, len(r.sent.Header))
		for k, v := range r.sent.Header {
			if k != "Authorization" {
				safe.Header[k] = v
			}
		}
		r.resp.Request = safe
	}
	r.resp.Body = io.NopCloser(bytes.NewReader(r.body))
	return r.resp
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
		Body:       r.secrets().ScrubBytes(r.body),
		Err:        err,
	}
}

// requestError reports an attempt that ended with err, keeping the status,
// headers and partial body of a response whose body was cut off.
func (r reply) requestError(req *http.Request, safeURL string, attempt int, err error) *RequestError {
	e := &RequestError{Method: req.Method, URL: safeURL, Attempts: attempt, Err: err}
	if r.resp != nil {
		secrets := r.secrets()
		e.StatusCode = r.resp.StatusCode
		e.Header = scrubHeader(r.resp.Header, secrets)
		e.Body = secrets.ScrubCut(r.body)
	}
	return e
}

// config is the configuration of a call: the client's, or with opts, a
// copy of it (with its own header and query maps) they apply to. The
// client's configuration is shared and never changed.
func (c *Client) config(opts []RequestOption) (*requestConfig, error) {
	if len(opts) == 0 {
		return &c.cfg, nil
	}
	cfg := c.cfg.clone()
	if err := cfg.apply(opts); err != nil {
		return nil, err
	}
	return &cfg, nil
}

// exec executes req with retries, configured by cfg (see config:
// pagination resolves it once for all its pages), and returns the last
// response. On a non-2xx final response it returns the response, its body
// (bounded) and an *Error. Each attempt's response is stored, exposed (see
// reply.expose), into *into when into is not nil.
func (c *Client) exec(ctx context.Context, req *http.Request, cfg *requestConfig, into **http.Response) (reply, error) {
	if ctx == nil {
		ctx = req.Context()
	}
	// WithTimeout bounds everything below: pacing, attempts, token waits
	// and retry waits (which are not started when they would end after it).
	// A context whose deadline comes first bounds it already.
	if cfg.callTimeout > 0 && !passesDeadline(ctx, cfg.callTimeout) {
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

	if err := c.pace(ctx, cfg, req, safeURL, log); err != nil {
		return reply{}, err
	}
	for attempt := 1; ; attempt++ {
		start := time.Now()
		rep, terr, fatal := c.attempt(ctx, cfg, req, rawQuery)
		if fatal != nil {
			if cerr := ctx.Err(); cerr != nil { // cancelled while waiting for a token
				return reply{}, &RequestError{Method: req.Method, URL: safeURL(), Attempts: attempt - 1, Err: cerr}
			}
			return reply{}, fatal
		}
		resp := rep.resp
		if resp != nil && into != nil {
			*into = rep.expose(ctx)
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
			terr = rep.secrets().Err(terr)
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
			lastErr = newAPIError(req.Method, safeURL(), resp, rep.body, attempt, rep.secrets())
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
