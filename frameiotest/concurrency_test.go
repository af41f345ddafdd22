package frameiotest_test

import (
	"context"
	"fmt"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/frameio-go/frameio-go/frameiotest"
	"github.com/frameio-go/frameio-go/gen"
)

// Listings (filled and validated outside the server's lock) run while
// other requests change the folder; with -race this checks that no reply
// reads the state without the lock.
func TestConcurrentListingsAndWrites(t *testing.T) {
	srv := frameiotest.NewServer(t)
	seed := srv.Seed()
	for i := range 60 {
		_, err := srv.AddFile(seed.RootFolderID, fmt.Sprintf("f%02d.mov", i), []byte("x"))
		require.NoError(t, err)
	}
	client := srv.Client()
	ctx := context.Background()
	var wg sync.WaitGroup
	for range 3 {
		wg.Go(func() {
			for range 3 {
				n := 0
				for _, err := range client.Folders.IndexAll(ctx, seed.AccountID, seed.RootFolderID, &gen.FoldersIndexParams{PageSize: new(7)}) {
					if !assert.NoError(t, err) {
						return
					}
					n++
				}
				assert.GreaterOrEqual(t, n, 60)
			}
		})
	}
	wg.Go(func() {
		for i := range 20 {
			f, err := client.Folders.Create(ctx, seed.AccountID, seed.RootFolderID, gen.FolderCreateParamsData{Name: new(fmt.Sprintf("new%d", i))})
			if assert.NoError(t, err) && i%2 == 0 {
				assert.NoError(t, client.Folders.Delete(ctx, seed.AccountID, f.ID))
			}
		}
	})
	wg.Wait()
}
