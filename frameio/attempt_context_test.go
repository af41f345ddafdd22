package frameio

import (
	"context"
	"errors"
	"net/http"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/oauth2"
)

// contextRecorder is a token source that records the context each attempt
// gives it: the attempt's own.
type contextRecorder struct {
	mu   sync.Mutex
	ctxs []context.Context
}

func (r *contextRecorder) Token() (*oauth2.Token, error) {
	return &oauth2.Token{AccessToken: testToken}, nil
}

func (r *contextRecorder) TokenContext(ctx context.Context) (*oauth2.Token, error) {
	r.mu.Lock()
	r.ctxs = append(r.ctxs, ctx)
	r.mu.Unlock()
	return r.Token()
}

// last returns the context of the latest attempt.
func (r *contextRecorder) last() context.Context {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.ctxs[len(r.ctxs)-1]
}

func (r *contextRecorder) count() int {
	r.mu.Lock()
	defer r.mu.Unlock()
	return len(r.ctxs)
}

// Calls made with context.Background or context.TODO on the shared
// default client reuse one attempt context, deadline included; every
// other call gets a context.WithTimeout of its own, because a middleware
// or a caller's RoundTripper may keep it.
func TestBackgroundCallsReuseTheirAttemptContext(t *testing.T) {
	rec := &contextRecorder{}
	env := newTestEnv(t, status(200, `{}`), WithTokenSource(rec))
	call := func(ctx context.Context, opts ...RequestOption) context.Context {
		t.Helper()
		require.NoError(t, env.client.Do(ctx, http.MethodGet, "/v4/x", nil, nil, opts...))
		return rec.last()
	}

	start := time.Now()
	first := call(context.Background())
	require.IsType(t, &attemptContext{}, first)
	dl, ok := first.Deadline()
	require.True(t, ok)
	assert.WithinRange(t, dl, start.Add(DefaultAttemptTimeout), time.Now().Add(DefaultAttemptTimeout))
	require.NoError(t, first.Err(), "an attempt that ends in time leaves its context alive")

	for range 3 {
		assert.Same(t, first, call(context.Background()))
	}
	assert.Same(t, first, call(context.TODO()))
	later := time.Now()
	dl, _ = call(context.Background(), WithAttemptTimeout(time.Second)).Deadline()
	assert.WithinRange(t, dl, later.Add(time.Second), time.Now().Add(time.Second), "each attempt's own deadline")

	valued := context.WithValue(context.Background(), struct{}{}, "v")
	passthrough := func(r *http.Request, next MiddlewareNext) (*http.Response, error) { return next(r) }
	own := &http.Client{Transport: http.DefaultTransport.(*http.Transport).Clone()}
	t.Cleanup(own.CloseIdleConnections)
	for name, got := range map[string]context.Context{
		"a context with values":  call(valued),
		"a cancellable context":  call(t.Context()),
		"a middleware":           call(context.Background(), WithMiddleware(passthrough)),
		"a caller's HTTP client": call(context.Background(), WithHTTPClient(own)),
	} {
		assert.NotSame(t, first, got, name)
		_, pooled := got.(*attemptContext)
		assert.False(t, pooled, name)
		require.Error(t, got.Err(), "%s: its context ends with the attempt", name)
	}
}

// A reused attempt context times out as context.WithTimeout's would
// (Err and Cause context.DeadlineExceeded); a timed-out one is never
// handed out again.
func TestReusedAttemptContextTimesOut(t *testing.T) {
	var block atomic.Bool
	block.Store(true)
	h := func(w http.ResponseWriter, r *http.Request) {
		if block.Load() {
			blockUntilDone(w, r)
			return
		}
		status(200, `{}`)(w, r)
	}
	rec := &contextRecorder{}
	env := newTestEnv(t, h, WithTokenSource(rec), WithAttemptTimeout(30*time.Millisecond), WithMaxRetries(1))

	err := env.client.Do(context.Background(), http.MethodGet, "/v4/x", nil, nil)
	require.ErrorIs(t, err, context.DeadlineExceeded)
	rerr, ok := errors.AsType[*RequestError](err)
	require.True(t, ok, "%T", err)
	assert.Equal(t, 2, rerr.Attempts)
	require.Equal(t, 2, rec.count())
	first, second := rec.ctxs[0], rec.ctxs[1]
	assert.NotSame(t, first, second, "the timed-out context is dropped")
	for _, ctx := range []context.Context{first, second} {
		assert.ErrorIs(t, ctx.Err(), context.DeadlineExceeded)
		assert.ErrorIs(t, context.Cause(ctx), context.DeadlineExceeded)
	}

	block.Store(false)
	require.NoError(t, env.client.Do(context.Background(), http.MethodGet, "/v4/x", nil, nil))
	assert.NoError(t, rec.last().Err(), "a new context for the next call")
	assert.NotSame(t, second, rec.last())
}

// A pooled context's timer may have been set for an earlier attempt's
// deadline: firing early, it must not end a later attempt whose deadline
// is still to come. A later attempt with an earlier deadline sets the
// timer again.
func TestReusedAttemptContextKeepsEachAttemptsDeadline(t *testing.T) {
	var delay atomic.Int64
	h := func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-time.After(time.Duration(delay.Load())):
			status(200, `{}`)(w, r)
		case <-r.Context().Done():
		}
	}
	rec := &contextRecorder{}
	env := newTestEnv(t, h, WithTokenSource(rec), WithMaxRetries(0))
	call := func(timeout time.Duration) error {
		return env.client.Do(context.Background(), http.MethodGet, "/v4/x", nil, nil, WithAttemptTimeout(timeout))
	}

	require.NoError(t, call(20*time.Millisecond), "sets the timer for 20 ms from now")
	pooled := rec.last()
	delay.Store(int64(150 * time.Millisecond))
	require.NoError(t, call(time.Minute), "the timer fires at 20 ms and is set again, for the minute")
	assert.Same(t, pooled, rec.last())

	delay.Store(int64(time.Minute))
	require.NoError(t, pooled.Err())
	start := time.Now()
	err := call(50 * time.Millisecond)
	require.ErrorIs(t, err, context.DeadlineExceeded, "the timer set for the minute is brought forward")
	assert.Less(t, time.Since(start), 5*time.Second)
	assert.Same(t, pooled, rec.last())
}

// A context that waits in the pool while its timer fires stays alive, and
// get, put and reuse cost no allocation.
func TestIdleAttemptContextOutlivesItsTimer(t *testing.T) {
	var p attemptContexts
	a := p.get(5 * time.Millisecond)
	p.put(a)
	time.Sleep(50 * time.Millisecond)
	require.NoError(t, a.Err(), "an idle context is not ended by its timer")
	b := p.get(time.Minute)
	require.Same(t, a, b)
	p.put(b)

	allocs := testing.AllocsPerRun(100, func() {
		c := p.get(time.Minute)
		_ = c.Done()
		p.put(c)
	})
	assert.Zero(t, allocs)
}

// Many concurrent Background calls, a fifth of them timing out: each call
// ends as its own server reply says, and no ended context is handed out
// again (the race detector checks the rest).
func TestAttemptContextsUnderConcurrency(t *testing.T) {
	var n atomic.Int32
	env := newTestEnv(t, func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("X-Slow") == "1" {
			blockUntilDone(w, r)
			return
		}
		n.Add(1)
		status(200, `{}`)(w, r)
	}, WithMaxRetries(0), WithAttemptTimeout(40*time.Millisecond))
	c := env.client

	const workers, calls = 8, 25
	var wg sync.WaitGroup
	var fast, timedOut atomic.Int32
	for w := range workers {
		wg.Go(func() {
			for i := range calls {
				slow := (w+i)%5 == 0
				var opts []RequestOption
				if slow {
					opts = append(opts, WithHeader("X-Slow", "1"))
				}
				err := c.Do(context.Background(), http.MethodGet, "/v4/x", nil, nil, opts...)
				switch {
				case slow && errors.Is(err, context.DeadlineExceeded):
					timedOut.Add(1)
				case !slow && err == nil:
					fast.Add(1)
				default:
					t.Errorf("worker %d call %d (slow %v): %v", w, i, slow, err)
				}
			}
		})
	}
	wg.Wait()
	assert.EqualValues(t, workers*calls/5, timedOut.Load())
	assert.EqualValues(t, workers*calls*4/5, fast.Load())
	assert.EqualValues(t, fast.Load(), n.Load())

	c.attemptCtxs.mu.Lock()
	defer c.attemptCtxs.mu.Unlock()
	assert.NotEmpty(t, c.attemptCtxs.idle)
	for _, a := range c.attemptCtxs.idle {
		assert.NoError(t, a.Err(), "no ended context is kept")
	}
}
