package frameio

import (
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
// It is shared by all calls of a Client and safe for concurrent use.
type pacer struct {
	mu        sync.Mutex
	notBefore map[string]time.Time
}

func newPacer() *pacer { return &pacer{notBefore: map[string]time.Time{}} }

// delay is how long a call to path must wait at now.
func (p *pacer) delay(path string, now time.Time) time.Duration {
	p.mu.Lock()
	defer p.mu.Unlock()
	t, ok := p.notBefore[path]
	if !ok {
		return 0
	}
	if d := t.Sub(now); d > 0 {
		return d
	}
	delete(p.notBefore, path)
	return 0
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
		for k, t := range p.notBefore {
			if !t.After(now) {
				delete(p.notBefore, k)
			}
		}
		if len(p.notBefore) >= maxPacedPaths {
			return // every entry still pending: do not grow further
		}
	}
	p.notBefore[path] = now.Add(rl.RefillInterval())
}
