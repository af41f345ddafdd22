package c2c_test

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/frameio-go/frameio-go/frameio/c2c"
	"github.com/frameio-go/frameio-go/frameiotest/c2ctest"
)

const heartbeatOp = "devices_device_heartbeat"

// guideWaits are the retry waits with the jitter at its midpoint.
var guideWaits = []time.Duration{500 * time.Millisecond, time.Second, 2 * time.Second, 4 * time.Second, 8 * time.Second, 16 * time.Second, 32 * time.Second}

// Every row of the errors guide's message and status tables, sent by the
// fake on a real HTTP call: the kind, the schema, and how many attempts the
// client makes before giving up (8 = retried, 2 = once, 1 = never).
func TestErrorTablesMapToKindsAndRetries(t *testing.T) {
	for name, tc := range map[string]struct {
		status   int
		body     string
		kind     c2c.ErrorKind
		schema   c2c.Schema
		attempts int
	}{
		"access_denied":          {401, c2ctest.SimpleError("access_denied"), c2c.ErrAccessDenied, c2c.SchemaSimple, 2},
		"authorization_pending":  {400, c2ctest.SimpleError("authorization_pending"), c2c.ErrAuthorizationPending, c2c.SchemaSimple, 8},
		"Channel Paused":         {409, c2ctest.DetailedError(409, "Channel Paused", "The channel you're uploading from is currently paused."), c2c.ErrChannelPaused, c2c.SchemaDetailed, 1},
		"Channel Paused simple":  {409, c2ctest.SimpleError("Channel Paused"), c2c.ErrChannelPaused, c2c.SchemaSimple, 1},
		"expired_token":          {400, c2ctest.SimpleError("expired_token"), c2c.ErrExpiredToken, c2c.SchemaSimple, 1},
		"Invalid Argument":       {422, c2ctest.DetailedError(422, "Invalid Argument", "bad value"), c2c.ErrInvalidArgument, c2c.SchemaDetailed, 1},
		"invalid_client":         {400, c2ctest.SimpleError("invalid_client"), c2c.ErrInvalidClient, c2c.SchemaSimple, 1},
		"Invalid client version": {400, c2ctest.SimpleError("Invalid client version"), c2c.ErrInvalidClientVersion, c2c.SchemaSimple, 1},
		"invalid_grant":          {400, c2ctest.SimpleError("invalid_grant"), c2c.ErrInvalidGrant, c2c.SchemaSimple, 1},
		"invalid_request":        {400, c2ctest.SimpleError("invalid_request"), c2c.ErrInvalidRequest, c2c.SchemaSimple, 2},
		"slow_down":              {400, c2ctest.SimpleError("slow_down"), c2c.ErrSlowDown, c2c.SchemaSimple, 8},
		"status 400":             {400, "", c2c.ErrInvalidRequest, c2c.SchemaNone, 2},
		"status 404":             {404, "not json", c2c.ErrNotFound, c2c.SchemaNone, 8},
		"status 422":             {422, "", c2c.ErrInvalidContentType, c2c.SchemaNone, 1},
		"status 429":             {429, "", c2c.ErrSlowDown, c2c.SchemaNone, 8},
		"status 500":             {500, c2ctest.DetailedError(500, "Something went wrong", "There was a problem with your request"), c2c.ErrInternalServerError, c2c.SchemaDetailed, 8},
		"status 503":             {503, "<html>gateway</html>", c2c.ErrInternalServerError, c2c.SchemaNone, 8},
		"unknown 418":            {418, c2ctest.SimpleError("teapot"), c2c.ErrUnknown, c2c.SchemaSimple, 2},
		"Already Exists":         {409, c2ctest.DetailedError(409, "Already Exists", "exists"), c2c.ErrAlreadyExists, c2c.SchemaDetailed, 1},
	} {
		t.Run(name, func(t *testing.T) {
			r := newRig(t, nil).paired(t)
			body := tc.body
			if body == "" {
				body = "{}"
			}
			r.srv.FailNext(100, tc.status, body, c2ctest.ForOperation(heartbeatOp))
			err := r.dev.Heartbeat(context.Background())
			var api *c2c.APIError
			require.ErrorAs(t, err, &api)
			assert.True(t, errors.Is(err, tc.kind), "%v is %s", err, tc.kind)
			assert.Equal(t, tc.kind, api.Kind)
			assert.Equal(t, tc.schema, api.Schema)
			assert.Equal(t, tc.status, api.StatusCode)
			assert.Equal(t, tc.attempts, r.calls(heartbeatOp), "attempts")
			assert.Equal(t, tc.attempts, api.Attempts)
			if tc.attempts > 1 {
				assert.Equal(t, guideWaits[:tc.attempts-1], r.time.Waits()[:tc.attempts-1], "waits 0.5 s doubling")
			} else {
				assert.Empty(t, r.time.Waits(), "no wait before a fatal error")
			}
		})
	}
}

func TestUnauthorizedRefreshesOnceThenRetries(t *testing.T) {
	r := newRig(t, nil).paired(t)
	r.srv.ExpireAccessTokens()
	require.NoError(t, r.dev.Heartbeat(context.Background()))
	assert.Equal(t, 2, r.calls(heartbeatOp))
	assert.Equal(t, 1, r.calls("authentication_auth_device_token"))

	r.srv.FailNext(5, 401, c2ctest.DetailedError(401, "Not Authorized", "You are not allowed to access that resource"), c2ctest.ForOperation(heartbeatOp))
	err := r.dev.Heartbeat(context.Background())
	assert.ErrorIs(t, err, c2c.ErrUnauthorized)
	assert.Equal(t, 4, r.calls(heartbeatOp), "one refresh, one retry, then fatal")
}

func TestNetworkFaultsAreRetried(t *testing.T) {
	r := newRig(t, nil).paired(t)
	r.srv.DropNext(2, c2ctest.ForOperation("accounts_device_identify"))
	r.srv.TruncateNext(1, c2ctest.ForOperation("accounts_device_identify"))
	d, err := r.dev.Me(context.Background())
	require.NoError(t, err)
	assert.Equal(t, r.srv.DeviceID(), *d.ID)
	assert.Equal(t, 4, r.calls("accounts_device_identify"))

	r.srv.MalformNext(5, c2ctest.ForOperation("accounts_device_identify"))
	_, err = r.dev.Me(context.Background())
	assert.ErrorIs(t, err, c2c.ErrMalformedResponse)
	assert.Equal(t, c2c.RetryOnce, c2c.RetryOf(err))
	assert.Equal(t, 6, r.calls("accounts_device_identify"), "malformed JSON: retried once")
}

func TestCancelledContextStopsRetrying(t *testing.T) {
	r := newRig(t, nil).paired(t)
	r.srv.FailNext(100, 503, "", c2ctest.ForOperation(heartbeatOp))
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	assert.ErrorIs(t, r.dev.Heartbeat(ctx), context.Canceled)
	assert.Zero(t, r.calls(heartbeatOp))
}

func TestAttemptTimeoutIsANetworkError(t *testing.T) {
	hang := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { <-r.Context().Done() }))
	t.Cleanup(hang.Close)
	ft := newFakeTime()
	dev, err := c2c.NewClient(c2c.WithBaseURL(hang.URL), c2c.WithClientVersion(testVersion), c2c.WithCredentials(testSerial, "s"),
		c2c.WithTimeouts(c2c.Timeouts{Default: 20 * time.Millisecond}), c2c.WithSleeper(ft.Sleep), c2c.WithMaxHold(time.Millisecond))
	require.NoError(t, err)
	t.Cleanup(func() { _ = dev.Close() })
	err = dev.Health(context.Background())
	var ne *c2c.NetworkError
	require.ErrorAs(t, err, &ne)
	assert.ErrorIs(t, err, context.DeadlineExceeded)
	assert.Equal(t, c2c.RetryYes, c2c.RetryOf(err))
}

func TestS3ErrorsFollowTheAWSTable(t *testing.T) {
	for code, retry := range map[string]c2c.Retry{
		"InternalError": c2c.RetryYes, "OperationAborted": c2c.RetryYes, "RequestTimeout": c2c.RetryYes,
		"ServiceUnavailable": c2c.RetryYes, "SlowDown": c2c.RetryYes, "AccessDenied": c2c.RetryOnce, "NoSuchKey": c2c.RetryOnce,
	} {
		assert.Equal(t, retry, c2c.RetryOf(&c2c.S3Error{StatusCode: 503, Code: code}), code)
	}
	assert.Equal(t, c2c.RetryYes, c2c.RetryOf(&c2c.S3Error{StatusCode: 502}), "no XML, 5xx")
	assert.Equal(t, c2c.RetryNo, c2c.RetryOf(context.Canceled))
	assert.Equal(t, c2c.RetryNo, c2c.RetryOf(c2c.ErrPairingRequired))
	assert.Equal(t, c2c.RetryOnce, c2c.RetryOf(errors.New("cosmic ray")), "when in doubt, retry once")
}

// Network errors a new attempt cannot fix are never retried (the SDK's
// retry.Permanent); the rest are.
func TestPermanentNetworkErrorsAreNotRetried(t *testing.T) {
	netErr := func(err error) error { return &c2c.NetworkError{Op: "GET /health", Err: err} }
	for name, err := range map[string]error{
		"untrusted certificate": x509.UnknownAuthorityError{},
		"wrong host":            x509.HostnameError{Host: "api.frame.io"},
		"plain server on https": tls.RecordHeaderError{Msg: "first record does not look like a TLS handshake"},
		"no such host":          &net.DNSError{Err: "no such host", Name: "api.frame.io", IsNotFound: true},
	} {
		assert.Equal(t, c2c.RetryNo, c2c.RetryOf(netErr(err)), name)
	}
	assert.Equal(t, c2c.RetryYes, c2c.RetryOf(netErr(&net.DNSError{Err: "server misbehaving", Name: "api.frame.io", IsTemporary: true})), "temporary DNS failure")
	assert.Equal(t, c2c.RetryYes, c2c.RetryOf(netErr(errors.New("connection reset by peer"))))
}

// The SDK's own kinds that no attempt can fix are never retried, bare or
// wrapped.
func TestSDKKindsAreNotRetried(t *testing.T) {
	for _, k := range []c2c.ErrorKind{c2c.ErrPairingRequired, c2c.ErrDisconnected, c2c.ErrTokenNotSaved, c2c.ErrUploadTooLarge, c2c.ErrPairingCodesExhausted} {
		assert.Equal(t, c2c.RetryNo, c2c.RetryOf(k), "%s", k)
		assert.Equal(t, c2c.RetryNo, c2c.RetryOf(fmt.Errorf("c2c: call: %w", k)), "wrapped %s", k)
	}
}
