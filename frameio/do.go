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
		URL:        redact.URL(req.URL),
		Body:       r.secrets().ScrubBytes(r.body),
		Err:        err,
	}
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
	k := newCall(ctx, req, cfg)
	if err := c.pace(&k); err != nil {
		return reply{}, err
	}
	for attempt := 1; ; attempt++ {
		start := time.Now()
		rep, terr, fatal := c.attempt(&k)
		if fatal != nil {
			return reply{}, k.aborted(attempt, fatal)
		}
		if rep.resp != nil && into != nil {
			*into = rep.expose(ctx)
		}
		line := k.line(attempt, start, rep.resp)
		o := k.classify(attempt, rep, terr)
		switch o.kind {
		case attemptDone:
			c.observe(cfg, req.URL.Path, rep.resp.Header)
			k.logLine("frameio: response", line)
			return rep, nil
		case attemptCancelled:
			k.logLine("frameio: request cancelled", line)
			return rep, o.err
		}
		plan := k.plan(attempt, o)
		line.err, line.plan = o.terr, plan
		if plan.giveUp != "" {
			k.logLine("frameio: giving up", line)
			return rep, plan.err
		}
		k.logLine("frameio: retrying", line)
		if err := wait(ctx, cfg.sleep, plan.wait); err != nil {
			return rep, k.requestError(attempt, err, o.err)
		}
	}
}

// call is what the steps of one exec share: the request, its
// configuration, the query every attempt sends, whether its body can be
// sent again, the logger (with the method and path when it logs debug
// lines) and the URL errors show.
type call struct {
	ctx        context.Context
	req        *http.Request
	cfg        *requestConfig
	rawQuery   string // req's query with the call's WithQuery parameters
	rewindable bool   // req's body can be sent again
	log        *slog.Logger
	debug      bool // log's debug lines are enabled
	safe       string
}

func newCall(ctx context.Context, req *http.Request, cfg *requestConfig) call {
	k := call{ctx: ctx, req: req, cfg: cfg, rawQuery: mergeQuery(req.URL.RawQuery, cfg.query),
		rewindable: canRewind(req), log: cfg.logger}
	if k.debug = k.log.Enabled(ctx, slog.LevelDebug); k.debug {
		k.log = k.log.With(slog.String("method", req.Method), slog.String("path", req.URL.Path))
	}
	return k
}

// safeURL is the request's URL as errors show it, built only when needed:
// the success path of a call allocates none.
func (k *call) safeURL() string {
	if k.safe == "" {
		u := k.req.URL
		k.safe = redact.URL(&url.URL{Scheme: u.Scheme, Host: u.Host, Path: u.Path, RawPath: u.RawPath, RawQuery: k.rawQuery})
	}
	return k.safe
}

// requestError is the *RequestError of a call that ended with err after
// attempts attempts, the last of which failed with last (nil for none).
func (k *call) requestError(attempts int, err, last error) *RequestError {
	return &RequestError{Method: k.req.Method, URL: k.safeURL(), Attempts: attempts, Err: err, Last: last}
}

// attemptError is the *RequestError of an attempt that ended with err,
// keeping the status, headers and partial body (scrubbed of rep's
// secrets) of a response whose body was cut off.
func (k *call) attemptError(attempt int, rep reply, err error) *RequestError {
	e := k.requestError(attempt, err, nil)
	if rep.resp != nil {
		secrets := rep.secrets()
		e.StatusCode = rep.resp.StatusCode
		e.Header = scrubHeader(rep.resp.Header, secrets)
		e.Body = secrets.ScrubCut(rep.body)
	}
	return e
}

// aborted is the error of a call whose attempt could not be sent (see
// Client.attempt): a cancellation while waiting for a token is a
// *RequestError, as any cancellation; anything else is fatal itself.
func (k *call) aborted(attempt int, fatal error) error {
	if cerr := k.ctx.Err(); cerr != nil {
		return k.requestError(attempt-1, cerr, nil)
	}
	return fatal
}

// outcomeKind sorts what an attempt's result means for the call.
type outcomeKind int

const (
	attemptDone      outcomeKind = iota // a 2xx response: the call succeeded
	attemptRetryable                    // a failure the retry policy lets another attempt fix
	attemptFailed                       // a failure no other attempt can fix
	attemptCancelled                    // the context ended during the attempt
)

// outcome is one attempt's result as the call sees it.
type outcome struct {
	kind   outcomeKind
	err    error       // the call's error should it end here; nil when done
	terr   error       // a transport error, scrubbed of secrets, for the log
	status int         // a non-2xx response's status, 0 for a transport error
	header http.Header // and its header, nil for a transport error
}

// classify tells what attempt's reply means: the call succeeded, ended
// with the context, or failed in a way the retry policy does or does not
// let another attempt fix.
func (k *call) classify(attempt int, rep reply, terr error) outcome {
	var o outcome
	switch resp := rep.resp; {
	case terr != nil:
		if cerr := k.ctx.Err(); cerr != nil {
			return outcome{kind: attemptCancelled, err: k.attemptError(attempt, rep, cerr)}
		}
		o.terr = rep.secrets().Err(terr)
		o.err = k.attemptError(attempt, rep, o.terr)
	case resp.StatusCode >= 200 && resp.StatusCode <= 299:
		return outcome{kind: attemptDone}
	default:
		o.status, o.header = resp.StatusCode, resp.Header
		o.err = newAPIError(k.req.Method, k.safeURL(), resp, rep.body, attempt, rep.secrets())
	}
	o.kind = attemptFailed
	if k.cfg.retry.shouldRetry(k.req.Method, o.status, o.terr) {
		o.kind = attemptRetryable
	}
	return o
}

// retryPlan is what follows a failed attempt: wait, then try again; or,
// when giveUp says why, end the call with err. waits is set when wait is
// the wait the call makes, or would make but for the deadline.
type retryPlan struct {
	wait   time.Duration
	waits  bool
	giveUp string
	err    error
}

// plan decides whether the call tries again after attempt, which failed
// as o says, and how long it waits first. A wait that would pass the
// context's deadline is not made: the call ends with a *RequestError
// wrapping context.DeadlineExceeded whose Last is the attempt's error.
func (k *call) plan(attempt int, o outcome) retryPlan {
	switch {
	case o.kind != attemptRetryable:
		return retryPlan{giveUp: "not retryable", err: o.err}
	case !k.rewindable:
		return retryPlan{giveUp: "body cannot be rewound", err: o.err}
	case attempt > k.cfg.maxRetries:
		return retryPlan{giveUp: "retries exhausted", err: o.err}
	}
	d, ok := k.cfg.retry.delay(attempt-1, o.status, o.header, k.cfg.now())
	if !ok {
		return retryPlan{giveUp: "server asked to wait longer than MaxRetryAfter", err: o.err}
	}
	if passesDeadline(k.ctx, d) {
		err := fmt.Errorf("not retrying: the %s wait would pass the deadline: %w", d.Round(time.Millisecond), context.DeadlineExceeded)
		return retryPlan{wait: d, waits: true, giveUp: "the wait would pass the context deadline", err: k.requestError(attempt, err, o.err)}
	}
	return retryPlan{wait: d, waits: true}
}

// attemptLine is the debug line about one attempt: its number, how long it
// took, the response's status, the transport error, and what follows (the
// wait before the next attempt, why the call gives up), each when known.
type attemptLine struct {
	attempt int
	elapsed time.Duration
	resp    *http.Response
	err     error
	plan    retryPlan
}

// line starts the debug line of attempt, begun at start; it measures
// nothing when debug lines are off.
func (k *call) line(attempt int, start time.Time, resp *http.Response) attemptLine {
	l := attemptLine{attempt: attempt, resp: resp}
	if k.debug {
		l.elapsed = time.Since(start)
	}
	return l
}

// logLine writes l as a debug line with message msg.
func (k *call) logLine(msg string, l attemptLine) {
	if !k.debug {
		return
	}
	attrs := make([]slog.Attr, 0, 6)
	attrs = append(attrs, slog.Int("attempt", l.attempt), slog.Duration("elapsed", l.elapsed))
	if l.resp != nil {
		attrs = append(attrs, slog.Int("status", l.resp.StatusCode))
	}
	if l.err != nil {
		attrs = append(attrs, slog.String("error", l.err.Error()))
	}
	if l.plan.waits {
		attrs = append(attrs, slog.Duration("wait", l.plan.wait))
	}
	if l.plan.giveUp != "" {
		attrs = append(attrs, slog.String("reason", l.plan.giveUp))
	}
	k.log.LogAttrs(k.ctx, slog.LevelDebug, msg, attrs...)
}
