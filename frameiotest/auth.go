package frameiotest

import (
	"context"
	"crypto/subtle"
	"net/http"
	"strings"
)

// Token returns the bearer token the server accepts.
func (s *Server) Token() string { return s.cfg.token }

// AuthorizeRequest adds the server's bearer token to req: a request made
// by hand or by one of the request builders of package gen
// (gen.NewUsersShowRequest(srv.URL())) sent through HTTPClient. Its
// signature is that of a request editor, func(ctx, req) error.
func (s *Server) AuthorizeRequest(_ context.Context, req *http.Request) error {
	req.Header.Set("Authorization", "Bearer "+s.cfg.token)
	return nil
}

// authorized reports whether r carries the server's bearer token.
func (s *Server) authorized(r *http.Request) bool {
	h := r.Header.Get("Authorization")
	token, ok := strings.CutPrefix(h, "Bearer ")
	if !ok {
		return false
	}
	return subtle.ConstantTimeCompare([]byte(token), []byte(s.cfg.token)) == 1
}
