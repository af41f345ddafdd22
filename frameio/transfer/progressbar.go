package transfer

import (
	"fmt"
	"io"
	"strings"
	"sync"
	"time"
)

// DefaultBarInterval is the shortest time between two redraws of a
// ProgressBar; the first and the final state are always drawn.
const DefaultBarInterval = 200 * time.Millisecond

// ProgressBar draws a one-line terminal progress bar, redrawn in place with
// a carriage return:
//
//	clip.mov [==========>          ]  52%  130.0 MiB / 250.0 MiB  41.3 MiB/s
//
// Its Update method is a ProgressFunc. It is safe for concurrent use.
type ProgressBar struct {
	mu       sync.Mutex
	w        io.Writer
	label    string
	width    int
	interval time.Duration
	now      Clock
	start    time.Time
	last     time.Time
	drawn    bool
	finished bool
	lastLen  int // length of the last line, to blank leftovers
}

// ProgressBarOption configures a ProgressBar.
type ProgressBarOption func(*ProgressBar)

// BarLabel puts label (e.g. the file name) in front of the bar.
func BarLabel(label string) ProgressBarOption {
	return func(b *ProgressBar) { b.label = label }
}

// BarWidth sets the number of cells of the bar itself. Default: 30.
func BarWidth(n int) ProgressBarOption {
	return func(b *ProgressBar) {
		if n > 0 {
			b.width = n
		}
	}
}

// BarInterval sets the shortest time between redraws. Default:
// DefaultBarInterval.
func BarInterval(d time.Duration) ProgressBarOption {
	return func(b *ProgressBar) { b.interval = max(d, 0) }
}

// BarClock replaces time.Now for throttling and the rate display; nil
// keeps it.
func BarClock(now Clock) ProgressBarOption {
	return func(b *ProgressBar) {
		if now != nil {
			b.now = now
		}
	}
}

// NewProgressBar returns a bar that draws on w.
func NewProgressBar(w io.Writer, opts ...ProgressBarOption) *ProgressBar {
	b := &ProgressBar{w: w, width: 30, interval: DefaultBarInterval, now: time.Now}
	for _, o := range opts {
		o(b)
	}
	return b
}

// Update redraws the bar for done of total bytes when the last redraw is at
// least the interval old, and always for the first call and when done
// reaches total, after which it ends the line and ignores further calls.
func (b *ProgressBar) Update(done, total int64) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.finished {
		return
	}
	now := b.now()
	if !b.drawn {
		b.start = now
	}
	final := done >= total
	if b.drawn && !final && now.Sub(b.last) < b.interval {
		return
	}
	b.drawn, b.last = true, now
	line := b.render(done, total, now.Sub(b.start))
	if n := len(line); n < b.lastLen {
		line += strings.Repeat(" ", b.lastLen-n)
	}
	b.lastLen = len(line)
	if final {
		b.finished = true
		line += "\n"
	}
	_, _ = io.WriteString(b.w, "\r"+line)
}

func (b *ProgressBar) render(done, total int64, elapsed time.Duration) string {
	frac := 1.0
	if total > 0 {
		frac = float64(done) / float64(total)
	}
	filled := int(frac * float64(b.width))
	var bar strings.Builder
	bar.WriteString(strings.Repeat("=", filled))
	if filled < b.width {
		bar.WriteString(">")
		bar.WriteString(strings.Repeat(" ", b.width-filled-1))
	}
	s := fmt.Sprintf("[%s] %3d%%  %s / %s", bar.String(), int(frac*100), formatBytes(done), formatBytes(total))
	if elapsed > 0 && done > 0 {
		s += fmt.Sprintf("  %s/s", formatBytes(int64(float64(done)/elapsed.Seconds())))
	}
	if b.label != "" {
		s = b.label + " " + s
	}
	return s
}

// formatBytes formats n with a binary unit, e.g. "1.5 MiB".
func formatBytes(n int64) string {
	const unit = 1024
	if n < unit {
		return fmt.Sprintf("%d B", n)
	}
	div, exp := int64(unit), 0
	for m := n / unit; m >= unit; m /= unit {
		div *= unit
		exp++
	}
	return fmt.Sprintf("%.1f %ciB", float64(n)/float64(div), "KMGTPE"[exp])
}
