package retry

import (
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestPermanentThroughRealHTTP(t *testing.T) {
	plain := httptest.NewServer(http.HandlerFunc(func(http.ResponseWriter, *http.Request) {}))
	defer plain.Close()
	_, err := http.Get("https://" + plain.Listener.Addr().String() + "/")
	require.Error(t, err)
	assert.True(t, Permanent(err), "https to a plain HTTP server: %v", err)

	tlsSrv := httptest.NewTLSServer(http.HandlerFunc(func(http.ResponseWriter, *http.Request) {}))
	defer tlsSrv.Close()
	_, err = http.Get(tlsSrv.URL) // the default client does not trust the test CA
	require.Error(t, err)
	assert.True(t, Permanent(err), "untrusted certificate: %v", err)

	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	addr := ln.Addr().String()
	require.NoError(t, ln.Close())
	_, err = http.Get("http://" + addr + "/")
	require.Error(t, err)
	assert.False(t, Permanent(err), "a refused connection may succeed later: %v", err)
}

func TestPermanentValues(t *testing.T) {
	wrap := func(e error) error { return &url.Error{Op: "Get", URL: "http://h", Err: fmt.Errorf("x: %w", e)} }
	assert.True(t, Permanent(wrap(&net.DNSError{Err: "no such host", IsNotFound: true})))
	assert.False(t, Permanent(wrap(&net.DNSError{Err: "server misbehaving", IsTemporary: true})))
	assert.False(t, Permanent(wrap(io.ErrUnexpectedEOF)))
	assert.False(t, Permanent(errors.New("other")))
	assert.False(t, Permanent(nil))
	assert.True(t, PermanentStatus(501))
	assert.True(t, PermanentStatus(505))
	assert.False(t, PermanentStatus(500))
	assert.False(t, PermanentStatus(503))
}
