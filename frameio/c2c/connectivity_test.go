package c2c_test

import (
	"context"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/frameio-go/frameio-go/frameio/c2c"
)

// realSleep waits a real millisecond per call (whatever d is), so the
// health probe loop runs fast but does not spin.
func realSleep(ctx context.Context, _ time.Duration) error { return c2c.Sleep(ctx, time.Millisecond) }

func TestCallsAreHeldWhileDisconnectedExceptHealth(t *testing.T) {
	var mu sync.Mutex
	var states []bool
	r := newRig(t, nil, c2c.WithSleeper(realSleep), c2c.WithConnectivityFunc(func(up bool) { mu.Lock(); states = append(states, up); mu.Unlock() })).paired(t)
	r.srv.SetUnreachable(true)
	done := make(chan error, 1)
	go func() { done <- r.dev.Heartbeat(context.Background()) }()
	require.Eventually(t, func() bool { return !r.dev.Connected() }, 5*time.Second, time.Millisecond)
	assert.Error(t, r.dev.Health(context.Background()), "health is never held: it fails at once")
	before := r.calls(heartbeatOp)
	time.Sleep(20 * time.Millisecond)
	assert.Equal(t, before, r.calls(heartbeatOp), "no heartbeat attempts while disconnected")
	r.srv.SetUnreachable(false)
	select {
	case err := <-done:
		require.NoError(t, err)
	case <-time.After(5 * time.Second):
		t.Fatal("the held call did not resume")
	}
	assert.True(t, r.dev.Connected())
	assert.Equal(t, 1, r.srv.Heartbeats())
	assert.Eventually(t, func() bool { mu.Lock(); defer mu.Unlock(); return len(states) == 2 }, time.Second, time.Millisecond)
	assert.Equal(t, []bool{false, true}, states)
}

func TestHoldIsBoundedByMaxHoldAndContext(t *testing.T) {
	r := newRig(t, nil, c2c.WithSleeper(realSleep), c2c.WithMaxHold(30*time.Millisecond)).paired(t)
	r.srv.SetUnreachable(true)
	err := r.dev.Heartbeat(context.Background())
	assert.ErrorIs(t, err, c2c.ErrDisconnected)
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Millisecond)
	defer cancel()
	r2 := newRig(t, nil, c2c.WithSleeper(realSleep)).paired(t)
	r2.srv.SetUnreachable(true)
	assert.ErrorIs(t, r2.dev.Heartbeat(ctx), context.DeadlineExceeded)
}
