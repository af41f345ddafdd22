package frameiotest

import (
	"context"
	"net/http"
	"time"

	"github.com/frameio-go/frameio-go/frameio"
)

// Client returns a frameio.Client for the server: its base URL, an HTTP
// client for its listener and its token, and no waiting between retries
// (an injected 500 is retried at once rather than after the 30 s the
// client waits on the real API). opts are applied after these, so
// frameio.WithSleeper(frameio.Sleep) restores the waits and any other
// option (retries, middleware, a logger) works as on a real client. It
// panics on an invalid option, as tests do not recover from that.
func (s *Server) Client(opts ...frameio.RequestOption) *frameio.Client {
	base := []frameio.RequestOption{
		frameio.WithBaseURL(s.URL()),
		frameio.WithHTTPClient(s.HTTPClient()),
		frameio.WithToken(s.Token()),
		frameio.WithSleeper(noWait),
	}
	c, err := frameio.NewClient(append(base, opts...)...)
	if err != nil {
		panic("frameiotest: Server.Client: " + err.Error())
	}
	return c
}

// HTTPClient returns an *http.Client for the server's listener (API and
// object store). It does not add the token: see Client, or AuthorizeRequest
// for requests made by hand or with the request builders of package gen.
func (s *Server) HTTPClient() *http.Client { return s.hs.Client() }

// noWait is a frameio.Sleeper that does not wait.
func noWait(ctx context.Context, _ time.Duration) error { return ctx.Err() }
