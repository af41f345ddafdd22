package frameio

import (
	"context"
	"log/slog"
	"net/http"
	"sync"
	"time"
)

// maxPacedPaths bounds the pacer's memory: paths whose wait is over are
// forgotten when it fills up.
const maxPacedPaths = 1024

// pacer spreads calls over Frame.io's leaky buckets. When a successful
// response says no request is left (x-ratelimit-remaining: 0), the next
// call to the same resource path waits until the bucket has room for one
// more (x-ratelimit-window / x-ratelimit-limit) instead of drawing a 429.
// A wait longer than RetryPolicy.MaxRetryAfter, or past the call's
// deadline, is not made: the call fails at once with a *RateLimitError
// (see Client.pace). It is shared by all calls of a Client and safe for
// concurrent use.
type pacer struct {
	mu        sync.Mutex
	notBefore map[string]paced
}

// paced is when a path's bucket has room again, and the rate-limit state
// of the response that emptied it.
type paced struct {
	at time.Time
	rl RateLimit
}

func newPacer() *pacer { return &pacer{notBefore: map[string]paced{}} }

// delay is how long a call to path must wait at now, and the rate-limit
// state that asks for the wait.
func (p *pacer) delay(path string, now time.Time) (time.Duration, RateLimit) {
	p.mu.Lock()
	defer p.mu.Unlock()
	e, ok := p.notBefore[path]
	if !ok {
		return 0, RateLimit{}
	}
	if d := e.at.Sub(now); d > 0 {
		return d, e.rl
	}
	delete(p.notBefore, path)
	return 0, RateLimit{}
}

// observe records the rate-limit headers of a successful response to path.
func (p *pacer) observe(path string, h http.Header, now time.Time) {
	rl, ok := ParseRateLimit(h)
	if !ok || rl.Remaining > 0 || rl.Window <= 0 {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	if len(p.notBefore) >= maxPacedPaths {
		for k, e := range p.notBefore {
			if !e.at.After(now) {
				delete(p.notBefore, k)
			}
		}
		if len(p.notBefore) >= maxPacedPaths {
			return // every entry still pending: do not grow further
		}
	}
	p.notBefore[path] = paced{at: now.Add(rl.RefillInterval()), rl: rl}
}

// observe records, when pacing is on, the rate-limit headers h of a
// successful response to path.
func (c *Client) observe(cfg *requestConfig, path string, h http.Header) {
	if cfg.pacing && c.pacer != nil {
		c.pacer.observe(path, h, cfg.now())
	}
}

// pace makes the call k wait as the pacer says for its path, through the
// config's sleeper. It refuses, with a *RateLimitError and without
// waiting, a wait longer than the retry policy's MaxRetryAfter or one that
// would end after the context's deadline. A wait cut short by the context
// is a *RequestError, as any cancellation.
func (c *Client) pace(k *call) error {
	ctx, cfg, req := k.ctx, k.cfg, k.req
	if !cfg.pacing || c.pacer == nil {
		return nil
	}
	d, rl := c.pacer.delay(req.URL.Path, cfg.now())
	if d <= 0 {
		return nil
	}
	refuse := func(reason string, err error) error {
		k.log.LogAttrs(ctx, slog.LevelDebug, "frameio: pacing refused", slog.Duration("wait", d), slog.String("reason", reason))
		return &RateLimitError{Method: req.Method, URL: k.safeURL(), Wait: d, RateLimit: rl, Reason: reason, Err: err}
	}
	if d > cfg.retry.MaxRetryAfter {
		return refuse("longer than MaxRetryAfter ("+cfg.retry.MaxRetryAfter.String()+")", nil)
	}
	if passesDeadline(ctx, d) {
		return refuse("past the context deadline", context.DeadlineExceeded)
	}
	k.log.LogAttrs(ctx, slog.LevelDebug, "frameio: pacing", slog.Duration("wait", d))
	if err := wait(ctx, cfg.sleep, d); err != nil {
		return k.requestError(0, err, nil)
	}
	return nil
}

// passesDeadline reports whether waiting d from now would end after ctx's
// deadline. The deadline is wall-clock time, so the real clock is used.
func passesDeadline(ctx context.Context, d time.Duration) bool {
	dl, ok := ctx.Deadline()
	return ok && time.Until(dl) < d
}
