package frameio

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/url"
)

// attempt sends one try of the call k's request. terr is a transport failure (including a
// body cut short or a per-attempt timeout), possibly with rep.resp set;
// fatal is an error that must end the call (token source, body rewind).
// The per-attempt timeout (WithAttemptTimeout) bounds the wait for the
// token too; it needs no context of its own when ctx's deadline comes
// first, and a call made with context.Background reuses one
// (attempt_context.go).
func (c *Client) attempt(k *call) (rep reply, terr, fatal error) {
	ctx, cfg := k.ctx, k.cfg
	if cfg.tokenSource == nil {
		return reply{}, nil, ErrNoToken
	}
	actx := ctx
	if cfg.attemptTimeout > 0 && !passesDeadline(ctx, cfg.attemptTimeout) {
		if reusable(ctx, cfg) {
			a := c.attemptCtxs.get(cfg.attemptTimeout)
			defer c.attemptCtxs.put(a)
			actx = a
		} else {
			var cancel context.CancelFunc
			actx, cancel = context.WithTimeout(ctx, cfg.attemptTimeout)
			defer cancel()
		}
	}

	tok, err := fetchToken(actx, cfg.tokenSource)
	if err != nil {
		return reply{}, nil, fmt.Errorf("frameio: getting token: %w", err)
	}
	if tok == nil || tok.AccessToken == "" {
		return reply{}, nil, errors.New("frameio: token source returned an empty token")
	}
	rep = reply{token: tok.AccessToken, more: cfg.redact}

	r, err := c.attemptRequest(actx, cfg, k.req, k.rawQuery, tok.AccessToken)
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
