package c2c

import (
	"context"
	"fmt"
	"net/http"
	"sync"
	"time"
)

// connectivity implements the errors guide's "Detecting Disconnected
// Status": after a network error every call except GET /health is held
// while a background task probes /health with exponential backoff; the
// first good answer releases them.
type connectivity struct {
	c    *Client
	mu   sync.Mutex
	down chan struct{} // non-nil while disconnected; closed on reconnect
}

// Connected reports whether the client currently considers Frame.io
// reachable.
func (c *Client) Connected() bool {
	c.conn.mu.Lock()
	defer c.conn.mu.Unlock()
	return c.conn.down == nil
}

// lost marks Frame.io unreachable and starts the probe, once.
func (k *connectivity) lost() {
	k.mu.Lock()
	defer k.mu.Unlock()
	if k.down != nil || k.c.bg.Err() != nil {
		return
	}
	k.down = make(chan struct{})
	k.c.cfg.logger.Warn("c2c: Frame.io unreachable; holding calls until /health answers")
	if f := k.c.cfg.onConnected; f != nil {
		go f(false)
	}
	k.c.wg.Add(1)
	go k.probe(k.down)
}

func (k *connectivity) probe(down chan struct{}) {
	defer k.c.wg.Done()
	for n := 0; ; n++ {
		if err := k.c.cfg.sleep(k.c.bg, Backoff(n, k.c.cfg.jitter)); err != nil {
			return
		}
		if err := k.c.Health(k.c.bg); err == nil {
			break
		}
	}
	k.mu.Lock()
	close(down)
	k.down = nil
	k.mu.Unlock()
	k.c.cfg.logger.Info("c2c: Frame.io reachable again")
	if f := k.c.cfg.onConnected; f != nil {
		go f(true)
	}
}

// wait blocks while disconnected, at most the hold limit.
func (k *connectivity) wait(ctx context.Context) error {
	k.mu.Lock()
	down := k.down
	k.mu.Unlock()
	if down == nil {
		return nil
	}
	t := time.NewTimer(k.c.cfg.maxHold)
	defer t.Stop()
	select {
	case <-down:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	case <-k.c.bg.Done():
		return fmt.Errorf("%w: client closed while Frame.io was unreachable", ErrDisconnected)
	case <-t.C:
		return fmt.Errorf("%w: Frame.io unreachable for %v", ErrDisconnected, k.c.cfg.maxHold)
	}
}

// Health checks GET https://api.frame.io/health (one attempt, no
// authorization, never held). It returns nil when Frame.io answers
// {"ok": true}.
func (c *Client) Health(ctx context.Context) error {
	var out struct {
		OK bool `json:"ok"`
	}
	if err := c.do(ctx, &call{method: http.MethodGet, path: "/health", expect: http.StatusOK, out: &out, probe: true}); err != nil {
		return err
	}
	if !out.OK {
		return fmt.Errorf("%w: /health answered ok: false", ErrDisconnected)
	}
	return nil
}
