package transfer

import (
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
)

func TestProgressBarThrottlesAndFinishes(t *testing.T) {
	var out strings.Builder
	now := time.Unix(0, 0)
	bar := NewProgressBar(&out, BarWidth(10), BarLabel("clip.mov"), BarClock(func() time.Time { return now }))
	bar.Update(0, 2<<20)
	now = now.Add(50 * time.Millisecond)
	bar.Update(1<<20, 2<<20) // throttled
	now = now.Add(time.Second)
	bar.Update(1<<20, 2<<20)
	now = now.Add(time.Second)
	bar.Update(2<<20, 2<<20)
	bar.Update(2<<20, 2<<20) // ignored after the end
	lines := strings.Split(out.String(), "\r")
	assert.Equal(t, []string{
		"",
		"clip.mov [>         ]   0%  0 B / 2.0 MiB",
		"clip.mov [=====>    ]  50%  1.0 MiB / 2.0 MiB  975.2 KiB/s",
		"clip.mov [==========] 100%  2.0 MiB / 2.0 MiB  999.0 KiB/s\n",
	}, lines)
}

func TestFormatBytes(t *testing.T) {
	assert.Equal(t, "0 B", formatBytes(0))
	assert.Equal(t, "1023 B", formatBytes(1023))
	assert.Equal(t, "1.0 KiB", formatBytes(1024))
	assert.Equal(t, "256.0 MiB", formatBytes(256<<20))
	assert.Equal(t, "1.5 GiB", formatBytes(3<<29))
}

func TestProgressBarEmptyTotal(t *testing.T) {
	var out strings.Builder
	NewProgressBar(&out, BarWidth(4)).Update(0, 0)
	assert.Equal(t, "\r[====] 100%  0 B / 0 B\n", out.String())
}
