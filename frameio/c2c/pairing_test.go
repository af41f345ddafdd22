package c2c_test

import (
	"context"
	"net/url"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/frameio-go/frameio-go/frameio/c2c"
	"github.com/frameio-go/frameio-go/frameiotest/c2ctest"
)

const tokenOp = "authentication_auth_device_token"

func TestPairPollsUntilApprovedAndSavesTheToken(t *testing.T) {
	store := &c2c.MemoryTokenStore{}
	r := newRig(t, []c2ctest.Option{c2ctest.WithAutoApprove(3)}, c2c.WithTokenStore(store))
	var shown []*c2c.Pairing
	tok, err := r.dev.Pair(context.Background(), func(p *c2c.Pairing) { shown = append(shown, p) })
	require.NoError(t, err)
	require.Len(t, shown, 1)
	assert.Len(t, shown[0].UserCode, 6)
	assert.Contains(t, shown[0].VerificationURIComplete, shown[0].UserCode, "URL pairing header sent")
	assert.Equal(t, 3, r.calls(tokenOp), "two authorization_pending, then the token")
	assert.Equal(t, []time.Duration{5 * time.Second, 5 * time.Second, 5 * time.Second}, r.time.Waits(), "interval between polls")
	saved, err := store.LoadToken(context.Background())
	require.NoError(t, err)
	assert.Equal(t, tok.AccessToken, saved.AccessToken)
	assert.Equal(t, r.time.Now().Add(8*time.Hour), saved.ExpiresAt)
	_, err = r.dev.Me(context.Background())
	assert.NoError(t, err, "the paired device can call")
}

func TestPairSlowDownDoublesTheInterval(t *testing.T) {
	r := newRig(t, []c2ctest.Option{c2ctest.WithAutoApprove(1)})
	r.srv.FailNext(2, 400, c2ctest.SimpleError("slow_down"), c2ctest.ForOperation(tokenOp))
	_, err := r.dev.Pair(context.Background(), nil)
	require.NoError(t, err)
	assert.Equal(t, []time.Duration{5 * time.Second, 10 * time.Second, 20 * time.Second}, r.time.Waits())
}

func TestPairExpiredCodeGetsANewOne(t *testing.T) {
	r := newRig(t, nil, c2c.WithPairingCodes(3))
	r.srv.FailNext(1, 400, c2ctest.SimpleError("expired_token"), c2ctest.ForOperation(tokenOp))
	var codes []string
	done := make(chan struct{})
	go func() {
		defer close(done)
		_, err := r.dev.Pair(context.Background(), func(p *c2c.Pairing) {
			codes = append(codes, p.UserCode)
			if len(codes) == 2 {
				assert.NoError(t, r.srv.Approve(p.UserCode))
			}
		})
		assert.NoError(t, err)
	}()
	<-done
	assert.Len(t, codes, 2, "a new code after expired_token")
	assert.Equal(t, 2, r.calls("authentication_device_request_code"))
}

func TestPairCodeExpiresByTheClock(t *testing.T) {
	r := newRig(t, []c2ctest.Option{c2ctest.WithCodeLifetime(12 * time.Second)}, c2c.WithPairingCodes(2))
	_, err := r.dev.Pair(context.Background(), nil)
	assert.ErrorIs(t, err, c2c.ErrPairingCodesExhausted)
	assert.Equal(t, 2, r.calls("authentication_device_request_code"))
	assert.Equal(t, 6, r.calls(tokenOp), "polls at 5, 10 and 15 s of each 12 s code; the third gets expired_token")
}

func TestPairAccessDenied(t *testing.T) {
	r := newRig(t, nil)
	_, err := r.dev.Pair(context.Background(), func(p *c2c.Pairing) { require.NoError(t, r.srv.Deny(p.UserCode)) })
	assert.ErrorIs(t, err, c2c.ErrAccessDenied)
	assert.Equal(t, 1, r.calls(tokenOp), "a declined pairing is not retried")
	paired, err := r.dev.Paired(context.Background())
	require.NoError(t, err)
	assert.False(t, paired)
}

func TestPairIsCancellable(t *testing.T) {
	r := newRig(t, nil)
	ctx, cancel := context.WithCancel(context.Background())
	_, err := r.dev.Pair(ctx, func(*c2c.Pairing) { cancel() })
	assert.ErrorIs(t, err, context.Canceled)
}

func TestPairWrongSecretIsInvalidClient(t *testing.T) {
	r := newRig(t, nil, c2c.WithCredentials(testSerial, "wrong-secret-value"))
	_, err := r.dev.Pair(context.Background(), nil)
	assert.ErrorIs(t, err, c2c.ErrInvalidClient)
	assert.Equal(t, 1, r.calls("authentication_device_request_code"), "fatal: not retried")
	assert.NotContains(t, err.Error(), "wrong-secret-value")
}

func TestDeviceCodeRequestIsFormEncodedOnANewConnection(t *testing.T) {
	r := newRig(t, nil, c2c.WithURLPairing(false))
	p, err := r.dev.RequestDeviceCode(context.Background())
	require.NoError(t, err)
	assert.Empty(t, p.VerificationURIComplete, "no URL pairing without the header")
	assert.NotContains(t, p.String(), "device_code")
	req := r.srv.Requests()[0]
	assert.Equal(t, testVersion, req.ClientVersion)
	assert.False(t, req.Authorized)
	_, err = url.Parse(p.VerificationURI)
	assert.NoError(t, err)
}
