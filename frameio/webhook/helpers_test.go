package webhook_test

import (
	"bytes"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"net/http"
	"strconv"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/frameio-go/frameio-go/frameio/webhook"
)

const (
	testSecret = "frameio-test-secret"
	// testUnix is the timestamp of the example in the Frame.io docs.
	testUnix = 1604004499
)

var testNow = time.Unix(testUnix, 0)

// fixedClock returns a clock stuck at t.
func fixedClock(t time.Time) func() time.Time { return func() time.Time { return t } }

// newVerifier returns a verifier for testSecret whose clock reads testNow.
func newVerifier(t testing.TB, opts ...webhook.Option) *webhook.Verifier {
	t.Helper()
	v, err := webhook.NewVerifier([]string{testSecret}, append([]webhook.Option{webhook.WithClock(fixedClock(testNow))}, opts...)...)
	require.NoError(t, err)
	return v
}

// hmacHex computes the expected signature independently of the package.
func hmacHex(secret, timestamp string, body []byte) string {
	m := hmac.New(sha256.New, []byte(secret))
	m.Write([]byte("v0:" + timestamp + ":"))
	m.Write(body)
	return "v0=" + hex.EncodeToString(m.Sum(nil))
}

// signedHeader builds the headers Frame.io would send, computed independently.
func signedHeader(secret string, ts time.Time, body []byte) http.Header {
	h := http.Header{}
	unix := strconv.FormatInt(ts.Unix(), 10)
	h.Set("X-Frameio-Request-Timestamp", unix)
	h.Set("X-Frameio-Signature", hmacHex(secret, unix, body))
	return h
}

// post sends body to url with header and returns the response and its body.
func post(t *testing.T, url string, header http.Header, body []byte) (*http.Response, string) {
	t.Helper()
	req, err := http.NewRequestWithContext(t.Context(), http.MethodPost, url, bytes.NewReader(body))
	require.NoError(t, err)
	for k, v := range header {
		req.Header[k] = v
	}
	req.Header.Set("Content-Type", "application/json")
	res, err := http.DefaultClient.Do(req)
	require.NoError(t, err)
	defer res.Body.Close()
	var buf bytes.Buffer
	_, err = buf.ReadFrom(res.Body)
	require.NoError(t, err)
	return res, buf.String()
}
