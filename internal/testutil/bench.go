package testutil

import (
	"testing"
	"time"
)

// Alternate runs b.N timed runs of this, each after an untimed run of
// other, so that the two variants of a comparison share the machine's
// state (other processes, CPU frequency, GC) over the same stretch of time:
// their ratio is the figure to read on a noisy machine. before and after
// (either may be nil) run untimed around each run of this, e.g. to sample
// the heap. Allocations reported are this's alone. It returns the total
// time of each side; the caller reports their ratio in its own unit.
func Alternate(b *testing.B, this, other func() error, before, after func()) (thisT, otherT time.Duration) {
	b.Helper()
	b.ReportAllocs()
	b.ResetTimer()
	b.StopTimer()
	for range b.N {
		t0 := time.Now()
		if err := other(); err != nil {
			b.Fatal(err)
		}
		otherT += time.Since(t0)
		if before != nil {
			before()
		}
		b.StartTimer()
		t1 := time.Now()
		err := this()
		thisT += time.Since(t1)
		b.StopTimer()
		if after != nil {
			after()
		}
		if err != nil {
			b.Fatal(err)
		}
	}
	return thisT, otherT
}
