package transfer

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// A download to a file flushes in the background as it goes; the bytes
// land where they are written, in any order.
func TestFlushingFileFlushesAsItGoes(t *testing.T) {
	f, err := os.Create(filepath.Join(t.TempDir(), "f"))
	require.NoError(t, err)
	defer f.Close()
	ff := newFlushingFile(f, 1000)
	want := pattern(10_000)
	for _, off := range []int{5000, 0, 7500, 2500} { // four ranges, out of order
		n, err := ff.WriteAt(want[off:off+2500], int64(off))
		require.NoError(t, err)
		require.Equal(t, 2500, n)
		ff.wait() // one flush at a time: let each start
	}
	ff.wait()
	assert.EqualValues(t, 4, ff.flushes())
	got, err := os.ReadFile(f.Name())
	require.NoError(t, err)
	assert.Equal(t, want, got)
}
