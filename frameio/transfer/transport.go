package transfer

import (
	"net/http"
	"sync"
	"time"
)

// MaxIdleConnsPerHost is how many idle connections per object store host
// the shared default transport keeps: more than any default concurrency,
// so that parts and ranges reuse their connections from one transfer to
// the next.
const MaxIdleConnsPerHost = 64

// sharedHTTPClient is the one default client of the package, used for the
// presigned object store URLs by every Uploader and Downloader created
// without WithHTTPClient: they all share its pool of connections (and TLS
// sessions), so creating many of them costs no extra connections. It sends
// no credentials.
var sharedHTTPClient = sync.OnceValue(func() *http.Client {
	tr := http.DefaultTransport.(*http.Transport).Clone()
	tr.MaxIdleConnsPerHost = MaxIdleConnsPerHost
	tr.MaxIdleConns = 2 * MaxIdleConnsPerHost
	tr.ResponseHeaderTimeout = 2 * time.Minute
	tr.WriteBufferSize = 64 << 10
	tr.ReadBufferSize = 64 << 10
	// HTTP/1.1 only: each part or range in flight gets its own TCP
	// connection, which is what lifts a store's per-connection rate cap;
	// HTTP/2 would multiplex them all onto one.
	tr.Protocols = new(http.Protocols)
	tr.Protocols.SetHTTP1(true)
	return &http.Client{Transport: tr}
})
