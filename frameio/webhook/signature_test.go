package webhook_test

import (
	"net/http"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"

	"github.com/frameio-go/frameio-go/frameio/webhook"
)

var vectorBody = []byte(`{"type":"file.ready","resource":{"id":"d3075547-4e64-45f0-ad12-d075660eddd2","type":"file"}}`)

func TestSignLiteralVector(t *testing.T) {
	// Computed with Python: hmac.new(b"frameio-test-secret",
	// b"v0:1604004499:" + body, hashlib.sha256).hexdigest()
	const want = "v0=07cd5f4b88eebb0c32b609398bd0d643067f0afa9ea55f9640cff8854bc31ac6"
	assert.Equal(t, want, webhook.Sign(testSecret, testNow, vectorBody))

	// Empty body and a one-letter secret, also computed with Python.
	assert.Equal(t, "v0=de1621c259f8b71d4e19d21b0b08500ae54be952beb2abaee361323b4e9278a1",
		webhook.Sign("x", time.Unix(0, 0), nil))
}

func TestSignMatchesIndependentHMAC(t *testing.T) {
	for _, body := range [][]byte{nil, {}, vectorBody, []byte("not json \x00\xff")} {
		assert.Equal(t, hmacHex(testSecret, "1604004499", body), webhook.Sign(testSecret, testNow, body))
	}
}

func TestSignHeader(t *testing.T) {
	h := http.Header{}
	webhook.SignHeader(h, testSecret, testNow, vectorBody)
	assert.Equal(t, "1604004499", h.Get(webhook.HeaderTimestamp))
	assert.Equal(t, hmacHex(testSecret, "1604004499", vectorBody), h.Get(webhook.HeaderSignature))
	assert.NoError(t, newVerifier(t).Verify(h, vectorBody))
}
