package frameio

import (
	"context"
	"net/http"
	"sync"
	"time"
)

// attemptContext is the per-attempt timeout context of a call made with
// context.Background or context.TODO: a context that never ends and
// carries no values. It reports the attempt's deadline and, once that has
// passed, ends with Err and Cause context.DeadlineExceeded, as
// context.WithTimeout's would. Unlike that one it is not ended when its
// attempt ends, so that the next such attempt can use it again (see
// attemptContexts); only a passed deadline ends it, for good.
//
// It is built on a context.WithCancelCause of context.Background and
// answers Value with that context's (none but the cancellation net/http
// looks for), so net/http's transport takes it for a cancellable parent
// and hangs its per-request context on it directly: no goroutine, and the
// parent's set of children, kept from the previous attempt, costs nothing.
type attemptContext struct {
	root   context.Context // context.WithCancelCause(context.Background())
	cancel context.CancelCauseFunc
	timer  *time.Timer // runs expire

	mu       sync.Mutex
	inUse    bool      // an attempt holds it
	deadline time.Time // the holding attempt's
	armed    time.Time // when timer fires; zero when unknown or unset
}

// Deadline returns the attempt's deadline.
func (a *attemptContext) Deadline() (time.Time, bool) {
	a.mu.Lock()
	defer a.mu.Unlock()
	return a.deadline, true
}

// Done is closed once the attempt's deadline has passed.
func (a *attemptContext) Done() <-chan struct{} { return a.root.Done() }

// Err is context.DeadlineExceeded once the attempt's deadline has passed.
func (a *attemptContext) Err() error {
	if a.root.Err() != nil {
		return context.DeadlineExceeded
	}
	return nil
}

// Value returns root's values: none but the cancellation net/http looks for.
func (a *attemptContext) Value(key any) any { return a.root.Value(key) }

// String names the context in fmt output, as the standard ones do.
func (a *attemptContext) String() string { return "frameio.attemptContext" }

// expire runs when the timer fires. It ends the context when the holding
// attempt's deadline has passed, sets the timer again when that deadline
// is still to come (the timer was set for an earlier attempt's), and
// leaves the timer unset when no attempt holds the context.
func (a *attemptContext) expire() {
	a.mu.Lock()
	defer a.mu.Unlock()
	a.armed = time.Time{}
	if !a.inUse {
		return
	}
	if left := time.Until(a.deadline); left > 0 {
		a.arm(left)
		return
	}
	a.cancel(context.DeadlineExceeded)
}

// arm sets the timer to fire at the holding attempt's deadline, d from
// now. a.mu is held.
func (a *attemptContext) arm(d time.Duration) {
	a.armed = a.deadline
	a.timer.Reset(d)
}

// attemptContexts keeps the attemptContexts of finished attempts for the
// next ones: an attempt made with context.Background costs no context, no
// timer and no registration in net/http's transport (context.WithTimeout
// costs seven allocations and a timer set and stopped, which can wake the
// runtime's network poller, every attempt). BenchmarkCall measures it.
// It keeps at most maxIdleAttemptContexts, the most recently used first,
// so that sequential calls use one context over and over.
//
// It is used only where nothing but net/http's transport and the token
// source sees an attempt's context: the shared default HTTP client (a
// net/http Transport the SDK built) and no middleware. A Middleware or a
// caller's RoundTripper may keep the request's context, or wait for it to
// end, after the attempt; those get a context.WithTimeout of their own,
// ended with the attempt. A token source must not keep the context it is
// given after it returns (see ContextTokenSource); the SDK's own do not.
type attemptContexts struct {
	mu   sync.Mutex
	idle []*attemptContext
}

// maxIdleAttemptContexts bounds the contexts a Client keeps between
// attempts: as many as the concurrent calls it usually makes (more pay
// for a new one, as context.WithTimeout would).
const maxIdleAttemptContexts = 64

// reusable reports whether an attempt of a call made with ctx and cfg may
// take its timeout context from the pool (see attemptContexts).
func reusable(ctx context.Context, cfg *requestConfig) bool {
	return (ctx == context.Background() || ctx == context.TODO()) &&
		len(cfg.middleware) == 0 && isSharedHTTPClient(cfg.httpClient)
}

// get returns a context whose deadline is d from now. A timer already set
// to fire no later than that is left alone (expire sets it again when it
// fires early): with the same timeout on every call, a pooled context's
// timer is set about once per timeout rather than once per attempt.
func (p *attemptContexts) get(d time.Duration) *attemptContext {
	a := p.pop()
	if a == nil {
		a = new(attemptContext)
		a.root, a.cancel = context.WithCancelCause(context.Background())
		a.timer = time.AfterFunc(time.Hour, a.expire)
		a.timer.Stop()
	}
	a.mu.Lock()
	defer a.mu.Unlock()
	a.inUse = true
	a.deadline = time.Now().Add(d)
	if a.armed.IsZero() || a.armed.After(a.deadline) {
		a.arm(d)
	}
	return a
}

// put takes back the context of an attempt that has ended. One whose
// deadline passed is done for good and is dropped, as is one more than
// maxIdleAttemptContexts.
func (p *attemptContexts) put(a *attemptContext) {
	a.mu.Lock()
	a.inUse = false
	a.mu.Unlock()
	if a.root.Err() != nil {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	if len(p.idle) < maxIdleAttemptContexts {
		p.idle = append(p.idle, a)
	}
}

// pop returns the most recently put context, or nil when none is left.
func (p *attemptContexts) pop() *attemptContext {
	p.mu.Lock()
	defer p.mu.Unlock()
	n := len(p.idle)
	if n == 0 {
		return nil
	}
	a := p.idle[n-1]
	p.idle[n-1] = nil
	p.idle = p.idle[:n-1]
	return a
}

// isSharedHTTPClient reports whether hc is sharedHTTPClient built on the
// SDK's own copy of net/http's transport (not http.DefaultClient, which it
// falls back to when http.DefaultTransport was replaced).
func isSharedHTTPClient(hc *http.Client) bool {
	return hc == sharedHTTPClient() && hc != http.DefaultClient
}
