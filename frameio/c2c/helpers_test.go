package c2c_test

import (
	"bytes"
	"context"
	"log/slog"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/frameio-go/frameio-go/frameio/c2c"
	"github.com/frameio-go/frameio-go/frameiotest/c2ctest"
)

const (
	testSerial  = "serial-0042"
	testVersion = "1.4.0-rc.1+build_7"
)

// fakeTime is a clock that only moves when something sleeps on it: the
// client's waits are recorded and cost no real time.
type fakeTime struct {
	mu    sync.Mutex
	now   time.Time
	waits []time.Duration
}

func newFakeTime() *fakeTime { return &fakeTime{now: time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)} }

func (f *fakeTime) Now() time.Time {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.now
}

func (f *fakeTime) Sleep(ctx context.Context, d time.Duration) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	f.waits = append(f.waits, d)
	f.now = f.now.Add(d)
	return nil
}

func (f *fakeTime) Advance(d time.Duration) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.now = f.now.Add(d)
}

func (f *fakeTime) Waits() []time.Duration {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]time.Duration(nil), f.waits...)
}

// logBuffer collects every log line of a client at debug level.
type logBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (l *logBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.buf.Write(p)
}

func (l *logBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.buf.String()
}

type rig struct {
	srv  *c2ctest.Server
	dev  *c2c.Client
	time *fakeTime
	logs *logBuffer
}

// newRig starts a fake server and an unpaired device on a shared fake clock.
func newRig(t *testing.T, srvOpts []c2ctest.Option, opts ...c2c.Option) *rig {
	t.Helper()
	ft := newFakeTime()
	srv := c2ctest.NewServer(t, append([]c2ctest.Option{c2ctest.WithClock(ft.Now)}, srvOpts...)...)
	logs := &logBuffer{}
	base := []c2c.Option{
		c2c.WithBaseURL(srv.URL()), c2c.WithHTTPClient(srv.HTTPClient()),
		c2c.WithClientVersion(testVersion), c2c.WithCredentials(testSerial, c2ctest.DefaultClientSecret),
		c2c.WithSleeper(ft.Sleep), c2c.WithClock(ft.Now), c2c.WithJitter(func() float64 { return 0.5 }),
		c2c.WithLogger(slog.New(slog.NewTextHandler(logs, &slog.HandlerOptions{Level: slog.LevelDebug}))),
	}
	dev, err := c2c.NewClient(append(base, opts...)...)
	require.NoError(t, err)
	t.Cleanup(func() { _ = dev.Close() })
	return &rig{srv: srv, dev: dev, time: ft, logs: logs}
}

// paired gives the rig's device a token issued by the server.
func (r *rig) paired(t *testing.T) *rig {
	t.Helper()
	access, refresh, life := r.srv.IssueToken()
	require.NoError(t, r.dev.SetToken(context.Background(), c2c.Token{AccessToken: access, RefreshToken: refresh, ExpiresAt: r.time.Now().Add(life)}))
	return r
}

// calls counts the requests the server received for an operation.
func (r *rig) calls(op string) int {
	n := 0
	for _, q := range r.srv.Requests() {
		if q.OperationID == op {
			n++
		}
	}
	return n
}
