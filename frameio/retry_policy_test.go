package frameio

import (
	"errors"
	"io"
	"net"
	"net/http"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestJitterBounds(t *testing.T) {
	p := DefaultRetryPolicy()
	p.Jitter = 0.5
	for range 200 {
		d, ok := p.delay(1, 429, http.Header{}, time.Now())
		require.True(t, ok)
		assert.GreaterOrEqual(t, d, 2*time.Second)
		assert.LessOrEqual(t, d, 3*time.Second)
	}
}

func TestRetryableTransportErrors(t *testing.T) {
	retry, notSent := retryableTransportError(&net.OpError{Op: "dial", Err: errors.New("refused")})
	assert.True(t, retry)
	assert.True(t, notSent)
	retry, notSent = retryableTransportError(&net.DNSError{Err: "no such host"})
	assert.True(t, retry)
	assert.True(t, notSent)
	retry, notSent = retryableTransportError(io.ErrUnexpectedEOF)
	assert.True(t, retry)
	assert.False(t, notSent)
	retry, _ = retryableTransportError(&net.OpError{Op: "read", Err: errors.New("reset")})
	assert.True(t, retry)
}
