package c2c_test

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/frameio-go/frameio-go/frameio/c2c"
	"github.com/frameio-go/frameio-go/frameiotest/c2ctest"
)

func assertNoSecret(t *testing.T, what string, v any, secrets ...string) {
	t.Helper()
	for _, format := range []string{"%v", "%+v", "%#v", "%s"} {
		s := fmt.Sprintf(format, v)
		for _, secret := range secrets {
			assert.NotContains(t, s, secret, "%s printed with %s", what, format)
		}
	}
}

// closedAddr is a loopback address nothing listens on.
func closedAddr(t *testing.T) string {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	addr := l.Addr().String()
	require.NoError(t, l.Close())
	return addr
}

func TestSecretsNeverInErrorsOrLogs(t *testing.T) {
	r := newRig(t, []c2ctest.Option{c2ctest.WithAutoApprove(1)}, c2c.WithMaxAttempts(2), c2c.WithMaxHold(20*time.Millisecond), c2c.WithSleeper(realSleep))
	ctx := context.Background()
	var pairing *c2c.Pairing
	tok, err := r.dev.Pair(ctx, func(p *c2c.Pairing) { pairing = p })
	require.NoError(t, err)
	secrets := []string{c2ctest.DefaultClientSecret, tok.AccessToken, tok.RefreshToken}

	// An error body echoing the credentials back.
	echo := c2ctest.DetailedError(400, "bad "+tok.AccessToken, "secret "+c2ctest.DefaultClientSecret+" refresh "+tok.RefreshToken)
	r.srv.FailNext(5, 400, echo, c2ctest.ForOperation(heartbeatOp))
	err = r.dev.Heartbeat(ctx)
	require.Error(t, err)
	assertNoSecret(t, "echoing API error", err, secrets...)

	// S3 error and network error on presigned URLs.
	asset, err := r.dev.CreateAsset(ctx, c2c.AssetParams{Name: "x.bin", Filetype: "application/octet-stream", Filesize: 4})
	require.NoError(t, err)
	sig := asset.UploadUrls[0][strings.Index(asset.UploadUrls[0], "X-Amz-Signature=")+len("X-Amz-Signature="):]
	r.srv.FailParts(5, 403, "AccessDenied")
	err = r.dev.UploadParts(ctx, asset, bytes.NewReader([]byte("data")), 4, "application/octet-stream")
	require.Error(t, err)
	assertNoSecret(t, "S3 error", err, append(secrets, sig)...)
	dead := &c2c.Asset{ID: "a", UploadUrls: []string{"http://" + closedAddr(t) + "/objects/k?X-Amz-Signature=" + sig}}
	err = r.dev.UploadParts(ctx, dead, bytes.NewReader([]byte("data")), 4, "application/octet-stream")
	require.Error(t, err)
	assertNoSecret(t, "network error on a presigned URL", err, sig)

	// The status socket's URL carries the token.
	down, err := c2c.NewClient(c2c.WithBaseURL("http://"+closedAddr(t)), c2c.WithClientVersion(testVersion),
		c2c.WithCredentials(testSerial, c2ctest.DefaultClientSecret), c2c.WithSleeper(realSleep), c2c.WithClock(r.time.Now),
		c2c.WithLogger(slog.New(slog.NewTextHandler(r.logs, &slog.HandlerOptions{Level: slog.LevelDebug}))))
	require.NoError(t, err)
	defer down.Close()
	require.NoError(t, down.SetToken(ctx, *tok))
	wctx, cancel := context.WithCancel(ctx)
	events, err := down.WatchStatus(wctx, "device-1")
	require.NoError(t, err)
	e := <-events
	cancel()
	require.Equal(t, c2c.EventDisconnected, e.Kind)
	assertNoSecret(t, "socket dial error", e.Err, secrets...)
	var opErr *net.OpError
	assert.ErrorAs(t, e.Err, &opErr, "the dial error's chain survives the scrubbing")

	// Values that hold secrets print redacted.
	assertNoSecret(t, "token", *tok, secrets...)
	assertNoSecret(t, "credentials", c2c.Credentials{ClientID: testSerial, ClientSecret: c2ctest.DefaultClientSecret}, secrets...)
	assertNoSecret(t, "static credentials", c2c.StaticCredentials{ClientID: testSerial, ClientSecret: c2ctest.DefaultClientSecret}, secrets...)
	require.NotNil(t, pairing)
	assert.NotContains(t, fmt.Sprintf("%#v %+v", pairing, pairing), "deviceCode")

	logs := r.logs.String()
	require.NotEmpty(t, logs)
	for _, s := range append(secrets, sig) {
		assert.NotContains(t, logs, s, "log lines")
	}
}

// An S3 error message may echo a presigned URL's signature or credential
// on its own, not the whole query: both are hidden, decoded or not.
func TestS3ErrorEchoingPartOfThePresignedQueryIsScrubbed(t *testing.T) {
	const (
		keyID = "AKIAEXAMPLEKEYID0042"
		cred  = keyID + "/20240101/us-east-1/s3/aws4_request"
		sig   = "0123456789abcdef0123456789abcdef"
	)
	s3 := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		_, _ = io.Copy(io.Discard, r.Body)
		w.Header().Set("Content-Type", "application/xml")
		w.WriteHeader(http.StatusForbidden)
		fmt.Fprintf(w, "<Error><Code>SignatureDoesNotMatch</Code><Message>signature %s for credential %s (key %s)</Message></Error>", sig, cred, keyID)
	}))
	defer s3.Close()
	dev, err := c2c.NewClient(c2c.WithBaseURL("http://"+closedAddr(t)), c2c.WithClientVersion(testVersion),
		c2c.WithCredentials(testSerial, c2ctest.DefaultClientSecret), c2c.WithSleeper(realSleep))
	require.NoError(t, err)
	defer dev.Close()
	target := s3.URL + "/objects/k?X-Amz-Credential=" + url.QueryEscape(cred) + "&X-Amz-Expires=3600&X-Amz-Signature=" + sig
	asset := &c2c.Asset{ID: "a", UploadUrls: []string{target}}
	err = dev.UploadParts(context.Background(), asset, bytes.NewReader([]byte("data")), 4, "application/octet-stream")
	var s3err *c2c.S3Error
	require.ErrorAs(t, err, &s3err)
	assert.Equal(t, "SignatureDoesNotMatch", s3err.Code)
	assert.Contains(t, s3err.Message, "[REDACTED]")
	assertNoSecret(t, "S3 error echoing the signature", err, sig, cred, keyID)
}
