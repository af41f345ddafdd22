package c2c

import "sync"

// progressTracker serialises progress reports of concurrent chunks.
type progressTracker struct {
	mu    sync.Mutex
	f     func(Progress)
	state Progress
}

func newProgressTracker(f func(Progress), total int64) *progressTracker {
	return &progressTracker{f: f, state: Progress{Total: total}}
}

func (p *progressTracker) add(n int64) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.state.Done += n
	p.state.Parts++
	if p.f != nil {
		p.f(p.state)
	}
}

func (p *progressTracker) setTotal(total int64) {
	p.mu.Lock()
	p.state.Total = total
	p.mu.Unlock()
}
