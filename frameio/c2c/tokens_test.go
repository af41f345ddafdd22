package c2c_test

import (
	"context"
	"errors"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/frameio-go/frameio-go/frameio/c2c"
	"github.com/frameio-go/frameio-go/frameiotest/c2ctest"
)

// orderStore records saves and the access token the server saw next.
type orderStore struct {
	c2c.MemoryTokenStore
	mu    sync.Mutex
	saves []string
	fail  int
}

func (o *orderStore) SaveToken(ctx context.Context, t *c2c.Token) error {
	o.mu.Lock()
	if o.fail > 0 {
		o.fail--
		o.mu.Unlock()
		return errors.New("disk full")
	}
	o.saves = append(o.saves, t.AccessToken)
	o.mu.Unlock()
	return o.MemoryTokenStore.SaveToken(ctx, t)
}

func TestRefreshBeforeExpiryIsSingleUseAndSavedFirst(t *testing.T) {
	store := &orderStore{}
	r := newRig(t, nil, c2c.WithTokenStore(store)).paired(t)
	old, err := r.dev.Token(context.Background())
	require.NoError(t, err)
	r.time.Advance(8*time.Hour - 4*time.Minute) // inside the 5 minute margin
	require.NoError(t, r.dev.Heartbeat(context.Background()))
	cur, err := r.dev.Token(context.Background())
	require.NoError(t, err)
	assert.NotEqual(t, old.AccessToken, cur.AccessToken)
	assert.NotEqual(t, old.RefreshToken, cur.RefreshToken)
	assert.Equal(t, []string{old.AccessToken, cur.AccessToken}, store.saves, "the new pair is saved before it is used")
	assert.Equal(t, 1, r.srv.ValidRefreshTokens(), "the old refresh token is spent")

	// Reusing the spent refresh token: invalid_request, the device must pair again.
	require.NoError(t, r.dev.SetToken(context.Background(), *old))
	r.time.Advance(time.Hour)
	err = r.dev.Heartbeat(context.Background())
	assert.ErrorIs(t, err, c2c.ErrPairingRequired)
	assert.ErrorIs(t, err, c2c.ErrInvalidRequest)
	gone, _ := store.LoadToken(context.Background())
	assert.Nil(t, gone, "a rejected pair is deleted")
	assert.NotContains(t, err.Error(), old.RefreshToken)
}

func TestConcurrentCallersShareOneRefresh(t *testing.T) {
	r := newRig(t, nil).paired(t)
	r.srv.ExpireAccessTokens()
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() { assert.NoError(t, r.dev.Heartbeat(context.Background())) })
	}
	wg.Wait()
	assert.Equal(t, 1, r.calls(tokenOp), "one refresh for eight 401s")
	assert.Equal(t, 1, r.srv.ValidRefreshTokens())
}

func TestFailedSaveIsRetriedBeforeUse(t *testing.T) {
	store := &orderStore{fail: 1}
	r := newRig(t, []c2ctest.Option{c2ctest.WithAutoApprove(1)}, c2c.WithTokenStore(store))
	_, err := r.dev.Pair(context.Background(), nil)
	assert.ErrorIs(t, err, c2c.ErrTokenNotSaved)
	require.NoError(t, r.dev.Heartbeat(context.Background()), "saved on the next use")
	assert.Len(t, store.saves, 1)
	assert.Equal(t, 1, r.srv.Heartbeats())
}

func TestUnpairedDeviceNeedsPairing(t *testing.T) {
	r := newRig(t, nil)
	err := r.dev.Heartbeat(context.Background())
	assert.ErrorIs(t, err, c2c.ErrPairingRequired)
	assert.Zero(t, r.calls(heartbeatOp))
}

func TestRefreshRejectedWith401MeansPairAgain(t *testing.T) {
	r := newRig(t, nil).paired(t)
	r.srv.ExpireAccessTokens()
	r.srv.FailNext(1, 401, c2ctest.SimpleError("unauthorized_client"), c2ctest.ForOperation(tokenOp))
	err := r.dev.Heartbeat(context.Background())
	assert.ErrorIs(t, err, c2c.ErrPairingRequired)
}

func TestRevokeForgetsLocallyFirst(t *testing.T) {
	store := &c2c.MemoryTokenStore{}
	r := newRig(t, nil, c2c.WithTokenStore(store), c2c.WithMaxHold(50*time.Millisecond)).paired(t)
	require.NoError(t, r.dev.Revoke(context.Background()))
	assert.Zero(t, r.srv.ValidRefreshTokens())
	tok, _ := store.LoadToken(context.Background())
	assert.Nil(t, tok)

	r.paired(t)
	r.srv.SetUnreachable(true)
	err := r.dev.Revoke(context.Background())
	assert.Error(t, err, "the server could not be told")
	tok, _ = store.LoadToken(context.Background())
	assert.Nil(t, tok, "but the device forgot the token anyway")
}

func TestFileTokenStoreRoundTrip(t *testing.T) {
	s := c2c.FileTokenStore{Path: t.TempDir() + "/token.json"}
	got, err := s.LoadToken(context.Background())
	require.NoError(t, err)
	assert.Nil(t, got)
	want := c2c.Token{AccessToken: "a-token", RefreshToken: "r-token", ExpiresAt: time.Unix(1_800_000_000, 0).UTC()}
	require.NoError(t, s.SaveToken(context.Background(), &want))
	got, err = s.LoadToken(context.Background())
	require.NoError(t, err)
	assert.Equal(t, want, *got)
	require.NoError(t, s.DeleteToken(context.Background()))
	require.NoError(t, s.DeleteToken(context.Background()), "deleting twice is fine")
}
