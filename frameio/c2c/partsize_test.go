package c2c_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/frameio-go/frameio-go/frameio/c2c"
)

// The real-time upload guide's three tables: payload of part n and the
// total after n parts.
func TestPartSizerMatchesTheGuidesTables(t *testing.T) {
	type row struct {
		part         int
		payload, sum int64
	}
	for name, tc := range map[string]struct {
		rate int64
		rows []row
	}{
		"web (5.3 MB/s or less)": {5_242_880, []row{{1, 5_242_896, 5_242_896}, {1000, 21_575_817, 10_695_361_357}, {5000, 413_566_329, 706_957_655_928}, {10000, 1_638_536_679, 5_497_558_133_921}}},
		"ProRes 422 LT":          {12_750_000, []row{{1, 12_750_016, 12_750_016}, {1000, 28_857_758, 18_127_308_783}, {5000, 415_443_954, 735_107_948_432}, {10000, 1_623_525_817, 5_497_558_133_958}}},
		"camera raw (280 MB/s)":  {280_000_000, []row{{1, 280_000_008, 280_000_008}, {1000, 288_091_460, 282_701_200_139}, {5000, 482_286_516, 1_737_245_341_542}, {10000, 1_089_146_065, 5_497_558_133_870}}},
	} {
		t.Run(name, func(t *testing.T) {
			p := c2c.NewPartSizer(tc.rate)
			var sum int64
			next := 0
			for n := 1; n <= c2c.MaxParts; n++ {
				s, err := p.Size(n)
				require.NoError(t, err)
				sum += s
				if next < len(tc.rows) && tc.rows[next].part == n {
					assert.Equal(t, tc.rows[next].payload, s, "payload of part %d", n)
					assert.Equal(t, tc.rows[next].sum, sum, "total after %d parts", n)
					next++
				}
			}
			assert.LessOrEqual(t, sum, int64(c2c.MaxFileSize))
			assert.Less(t, int64(c2c.MaxFileSize)-sum, int64(10_000), "within 10 KB of 5 TiB")
		})
	}
}

func TestPartSizerClampsTheRateAndRejectsBadParts(t *testing.T) {
	assert.Equal(t, int64(c2c.MinPartSize), c2c.NewPartSizer(1).Rate(), "a low rate still gives 5 MiB parts")
	assert.Equal(t, int64(c2c.MaxDataRate), c2c.NewPartSizer(1<<40).Rate())
	for _, n := range []int{0, -1, 10_001} {
		_, err := c2c.NewPartSizer(c2c.MinPartSize).Size(n)
		assert.ErrorContains(t, err, "out of range 1..10000", "part %d", n)
	}
	assert.Equal(t, int64(10_568_125), c2c.ChunkSize(21_136_250, 2), "basic upload guide")
	assert.Equal(t, int64(5_284_063), c2c.ChunkSize(21_136_250, 4), "advanced upload guide")
}

func TestBackoffIsTheGuidesSequence(t *testing.T) {
	want := []float64{0.5, 1, 2, 4, 8, 16, 32, 32, 32}
	for n, w := range want {
		assert.Equal(t, w, c2c.Backoff(n, nil).Seconds(), "retry %d", n)
		assert.Equal(t, w/2, c2c.Backoff(n, func() float64 { return 0 }).Seconds(), "lowest jitter: half")
		assert.InDelta(t, w*1.5, c2c.Backoff(n, func() float64 { return 0.999999 }).Seconds(), 1e-3, "highest jitter: one and a half")
	}
	assert.Equal(t, 32.0, c2c.Backoff(1000, nil).Seconds(), "no overflow")
}
