package frameiotest_test

import (
	"context"
	"net/http"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/frameio-go/frameio-go/frameio"
	"github.com/frameio-go/frameio-go/frameiotest"
	"github.com/frameio-go/frameio-go/internal/testutil"
)

// TestServerClient: the client the server hands out reaches it with its
// token, skips retry waits unless told otherwise, and takes any option.
func TestServerClient(t *testing.T) {
	srv := frameiotest.NewServer(t, frameiotest.WithToken("custom-token"))
	ctx := context.Background()
	me, err := srv.Client().Users.Show(ctx)
	require.NoError(t, err)
	assert.Equal(t, srv.Seed().UserID, me.ID)

	sleeps := &testutil.SleepRecorder{}
	srv.FailNext(1, http.StatusInternalServerError)
	_, err = srv.Client(frameio.WithSleeper(sleeps.Sleep)).Users.Show(ctx)
	require.NoError(t, err)
	require.Len(t, sleeps.Waits(), 1)
	assert.GreaterOrEqual(t, sleeps.Waits()[0], 30*time.Second, "the documented 5xx wait, recorded")

	assert.Panics(t, func() { srv.Client(frameio.WithBaseURL("ftp://nowhere")) })
}
