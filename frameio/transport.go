package frameio

import (
	"net/http"
	"sync"
)

// apiIdleConnsPerHost is how many idle connections to the API server the
// shared default client keeps: net/http's default of 2 would close, after
// every burst of concurrent calls over HTTP/1.1 (through a proxy, or to a
// test server), all connections but two, and pay new TLS handshakes for
// the next burst.
const apiIdleConnsPerHost = 16

// sharedHTTPClient is the client NewClient uses without WithHTTPClient:
// one for all Clients of the process, so that they share its connections
// and TLS sessions. Its transport is a copy of http.DefaultTransport,
// taken on first use (proxy from the environment, HTTP/2, net/http's
// dial, TLS and idle timeouts), keeping apiIdleConnsPerHost idle
// connections per host; timeouts are the client's own (WithTimeout,
// WithAttemptTimeout). Should http.DefaultTransport have been replaced by
// another RoundTripper (an instrumented or mock one), http.DefaultClient,
// which uses it, is the default instead.
var sharedHTTPClient = sync.OnceValue(func() *http.Client {
	base, ok := http.DefaultTransport.(*http.Transport)
	if !ok {
		return http.DefaultClient
	}
	tr := base.Clone()
	tr.MaxIdleConnsPerHost = apiIdleConnsPerHost
	tr.MaxIdleConns = max(tr.MaxIdleConns, 4*apiIdleConnsPerHost)
	return &http.Client{Transport: tr}
})
