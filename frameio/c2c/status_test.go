package c2c_test

import (
	"context"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/frameio-go/frameio-go/frameio/c2c"
)

func next(t *testing.T, events <-chan c2c.StatusEvent, kinds ...c2c.EventKind) c2c.StatusEvent {
	t.Helper()
	for {
		select {
		case e, ok := <-events:
			require.True(t, ok, "events closed while waiting for %v", kinds)
			for _, k := range kinds {
				if e.Kind == k {
					return e
				}
			}
		case <-time.After(5 * time.Second):
			t.Fatalf("no %v event", kinds)
		}
	}
}

// The status socket against the fake's real WebSocket server: join,
// heartbeats, pause and resume events, and a reconnect after the server
// drops the socket.
func TestWatchStatusPauseResumeAndReconnect(t *testing.T) {
	r := newRig(t, nil, c2c.WithHeartbeat(50*time.Millisecond)).paired(t)
	ctx, cancel := context.WithCancel(context.Background())
	events, err := r.dev.WatchStatus(ctx, "")
	require.NoError(t, err)
	next(t, events, c2c.EventConnected)
	assert.Equal(t, c2c.StatusOnline, next(t, events, c2c.EventStatus).Status)

	r.srv.Pause()
	next(t, events, c2c.EventPaused)
	r.srv.Resume()
	next(t, events, c2c.EventResumed)

	r.srv.DropSockets()
	next(t, events, c2c.EventDisconnected)
	next(t, events, c2c.EventConnected)
	r.srv.Pause()
	next(t, events, c2c.EventPaused)
	assert.Eventually(t, func() bool { _, hb, _ := r.srv.SocketStats(); return hb >= 2 }, 5*time.Second, 5*time.Millisecond, "heartbeats")
	joins, _, open := r.srv.SocketStats()
	assert.Equal(t, 2, joins)
	assert.Equal(t, 1, open)

	cancel()
	for range events {
	}
	assert.Eventually(t, func() bool { _, _, open := r.srv.SocketStats(); return open == 0 }, 5*time.Second, 5*time.Millisecond, "socket closed with ctx")
}

func TestWatchStatusReportsPausedAfterJoin(t *testing.T) {
	r := newRig(t, nil).paired(t)
	r.srv.Pause()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	events, err := r.dev.WatchStatus(ctx, r.srv.DeviceID())
	require.NoError(t, err)
	assert.Equal(t, c2c.StatusPaused, next(t, events, c2c.EventStatus).Status, "a missed pause event is caught by /me")
}

func TestWatchStatusRefreshesOn403AndStopsWithoutPairing(t *testing.T) {
	r := newRig(t, nil).paired(t)
	r.srv.ExpireAccessTokens()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	events, err := r.dev.WatchStatus(ctx, r.srv.DeviceID())
	require.NoError(t, err)
	e := next(t, events, c2c.EventDisconnected, c2c.EventConnected)
	assert.Equal(t, c2c.EventDisconnected, e.Kind, "403 first")
	next(t, events, c2c.EventConnected)
	assert.Equal(t, 1, r.calls(tokenOp), "refreshed once")

	r2 := newRig(t, nil).paired(t)
	require.NoError(t, r2.dev.Revoke(context.Background()))
	events, err = r2.dev.WatchStatus(ctx, r2.srv.DeviceID())
	require.NoError(t, err)
	e = next(t, events, c2c.EventDisconnected)
	assert.ErrorIs(t, e.Err, c2c.ErrPairingRequired)
	_, open := <-events
	assert.False(t, open, "watching stops: the device must pair again")
}
