package frameio

import "net/http"

// Middleware wraps each attempt of a call: it gets the request about to be
// sent and next, which sends it (through the middleware after it, then the
// http.Client), and returns the response the client goes on with. It is
// the place for tracing (an OpenTelemetry span per attempt), request-id
// logging, metrics or custom authentication headers, without replacing the
// transport. A middleware may change the request, answer without calling
// next, or return an error, which the client treats as a transport error
// (retried where the retry policy says so).
//
// The request carries the access token in its Authorization header: a
// middleware that logs requests must leave it out. A retried call passes
// through every middleware once per attempt, each time with a fresh request.
type Middleware func(req *http.Request, next MiddlewareNext) (*http.Response, error)

// MiddlewareNext sends a request on: to the next middleware, the last one to
// the http.Client.
type MiddlewareNext = func(*http.Request) (*http.Response, error)

// send passes r through the middleware to the http.Client.
func (c *requestConfig) send(r *http.Request) (*http.Response, error) {
	if len(c.middleware) == 0 {
		return c.httpClient.Do(r)
	}
	next := c.httpClient.Do
	for i := len(c.middleware) - 1; i >= 0; i-- {
		mw, inner := c.middleware[i], next
		next = func(r *http.Request) (*http.Response, error) { return mw(r, inner) }
	}
	return next(r)
}
