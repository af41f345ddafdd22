package frameiotest

import (
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/getkin/kin-openapi/openapi3filter"
)

// Violation is a request or response that did not match the spec.
type Violation struct {
	Kind        string // "request" or "response"
	OperationID string
	Method      string
	Path        string // path and query of the request
	Status      int    // status sent for it
	Message     string
}

// String formats v for test failures.
func (v Violation) String() string {
	return fmt.Sprintf("%s %s %s (%s) -> %d: %s", v.Kind, v.Method, v.Path, v.OperationID, v.Status, v.Message)
}

func (s *Server) filterOptions() *openapi3filter.Options {
	return &openapi3filter.Options{
		AuthenticationFunc:    openapi3filter.NoopAuthenticationFunc,
		IncludeResponseStatus: true,
		SkipSettingDefaults:   true,
	}
}

// validateRequest checks r against its operation. The body stays readable.
func (s *Server) validateRequest(r *http.Request, rt *routed) error {
	in := &openapi3filter.RequestValidationInput{
		Request:    r,
		PathParams: rt.params,
		Route:      rt.route,
		Options:    s.filterOptions(),
	}
	return openapi3filter.ValidateRequest(r.Context(), in)
}

// validateResponse checks a buffered response and records any violation.
// A 204 is checked for status only: the spec gives "204 No Content" an
// application/json schema, but a 204 carries no body.
func (s *Server) validateResponse(r *http.Request, rt *routed, rec *recorder) {
	opts := s.filterOptions()
	if rec.status == http.StatusNoContent {
		opts.ExcludeResponseBody = true
	}
	in := &openapi3filter.ResponseValidationInput{
		RequestValidationInput: &openapi3filter.RequestValidationInput{
			Request:    r,
			PathParams: rt.params,
			Route:      rt.route,
		},
		Status:  rec.status,
		Header:  rec.header,
		Options: opts,
	}
	in.SetBodyBytes(rec.body.Bytes())
	if err := openapi3filter.ValidateResponse(r.Context(), in); err != nil {
		s.addViolation(Violation{Kind: "response", OperationID: rt.op.ID, Method: r.Method, Path: r.URL.RequestURI(), Status: rec.status, Message: err.Error()})
	}
	if in.Body != nil {
		_, _ = io.Copy(io.Discard, in.Body)
	}
}

// pointerOf returns a JSON pointer (or parameter name) for a validation
// error, for the "source" of the error body.
func pointerOf(err error) string {
	var se *openapi3.SchemaError
	if errors.As(err, &se) {
		if p := se.JSONPointer(); len(p) > 0 {
			return "/" + strings.Join(p, "/")
		}
	}
	var re *openapi3filter.RequestError
	if errors.As(err, &re) && re.Parameter != nil {
		return re.Parameter.Name
	}
	return ""
}
