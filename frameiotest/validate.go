package frameiotest

import (
	"bytes"
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

// filterOptions are the options of openapi3filter, which checks the
// parameters, headers and status; the bodies are checked by
// validateRequestBody and validateResponseBody.
func (s *Server) filterOptions() *openapi3filter.Options {
	return &openapi3filter.Options{
		AuthenticationFunc:    openapi3filter.NoopAuthenticationFunc,
		IncludeResponseStatus: true,
		SkipSettingDefaults:   true,
		ExcludeRequestBody:    true,
		ExcludeResponseBody:   true,
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
	if err := openapi3filter.ValidateRequest(r.Context(), in); err != nil {
		return err
	}
	return s.validateRequestBody(in)
}

// validateResponse checks a buffered response and records any violation.
// A 204 is checked for status only: the spec gives "204 No Content" an
// application/json schema, but a 204 carries no body.
func (s *Server) validateResponse(r *http.Request, rt *routed, rec *recorder) {
	in := &openapi3filter.ResponseValidationInput{
		RequestValidationInput: &openapi3filter.RequestValidationInput{
			Request:    r,
			PathParams: rt.params,
			Route:      rt.route,
		},
		Status:  rec.status,
		Header:  rec.header,
		Options: s.filterOptions(),
	}
	err := openapi3filter.ValidateResponse(r.Context(), in)
	if err == nil && rec.status != http.StatusNoContent && r.Method != http.MethodHead {
		err = s.validateResponseBody(in, rec.body.Bytes())
	}
	if err != nil {
		s.addViolation(Violation{Kind: "response", OperationID: rt.op.ID, Method: r.Method, Path: r.URL.RequestURI(), Status: rec.status, Message: err.Error()})
	}
}

// validateRequestBody checks the body of in.Request as openapi3filter's
// ValidateRequestBody does (same errors), validating with the spec's
// schema checks, and leaves the body readable.
func (s *Server) validateRequestBody(in *openapi3filter.RequestValidationInput) error {
	op := in.Route.Operation
	if op.RequestBody == nil || op.RequestBody.Value == nil {
		return nil
	}
	rb, r := op.RequestBody.Value, in.Request
	var data []byte
	if r.Body != nil && r.Body != http.NoBody {
		var err error
		data, err = io.ReadAll(r.Body)
		_ = r.Body.Close()
		if err != nil {
			return &openapi3filter.RequestError{Input: in, RequestBody: rb, Reason: "reading failed", Err: err}
		}
		r.Body, r.ContentLength = io.NopCloser(bytes.NewReader(data)), int64(len(data))
	}
	if len(data) == 0 {
		if rb.Required {
			return &openapi3filter.RequestError{Input: in, RequestBody: rb, Err: openapi3filter.ErrInvalidRequired}
		}
		return nil
	}
	if len(rb.Content) == 0 {
		return nil
	}
	mt := rb.Content.Get(r.Header.Get("Content-Type"))
	if mt == nil {
		return &openapi3filter.RequestError{Input: in, RequestBody: rb, Reason: fmt.Sprintf("header Content-Type has unexpected value %q", r.Header.Get("Content-Type"))}
	}
	if decoded, err := s.checkBody(mt, r.Header, data, openapi3.VisitAsRequest()); err != nil {
		reason := "failed to decode request body"
		if decoded {
			reason = "doesn't match schema" + schemaID(mt.Schema)
		}
		return &openapi3filter.RequestError{Input: in, RequestBody: rb, Reason: reason, Err: err}
	}
	return nil
}

// validateResponseBody checks body as openapi3filter's ValidateResponse
// does (same errors), validating with the spec's schema checks.
func (s *Server) validateResponseBody(in *openapi3filter.ResponseValidationInput, body []byte) error {
	resp := in.RequestValidationInput.Route.Operation.Responses.Status(in.Status)
	if resp == nil {
		resp = in.RequestValidationInput.Route.Operation.Responses.Default()
	}
	if resp == nil || resp.Value == nil || len(resp.Value.Content) == 0 {
		return nil
	}
	ct := in.Header.Get("Content-Type")
	mt := resp.Value.Content.Get(ct)
	if mt == nil {
		return &openapi3filter.ResponseError{Input: in, Reason: fmt.Sprintf("response header Content-Type has unexpected value: %q", ct)}
	}
	if decoded, err := s.checkBody(mt, in.Header, body, openapi3.VisitAsResponse()); err != nil {
		reason := "failed to decode response body"
		if decoded {
			reason = "response body doesn't match schema" + schemaID(mt.Schema)
		}
		return &openapi3filter.ResponseError{Input: in, Reason: reason, Err: err}
	}
	return nil
}

// checkBody decodes data with the body decoder openapi3filter registers
// for its media type and validates it against mt's schema with the spec's
// schema checks; decoded tells a validation failure from a decoding one.
func (s *Server) checkBody(mt *openapi3.MediaType, h http.Header, data []byte, opts ...openapi3.SchemaValidationOption) (decoded bool, err error) {
	if mt.Schema == nil || mt.Schema.Value == nil {
		return true, nil
	}
	media, _, _ := strings.Cut(h.Get("Content-Type"), ";")
	decode := openapi3filter.RegisteredBodyDecoder(strings.ToLower(strings.TrimSpace(media)))
	if decode == nil {
		return true, nil
	}
	enc := func(name string) *openapi3.Encoding { return mt.Encoding[name] }
	v, err := decode(bytes.NewReader(data), h, mt.Schema, enc)
	if err != nil {
		return false, err
	}
	return true, s.spec.checks.visit(mt.Schema.Value, v, opts...)
}

// schemaID names a schema in an error as openapi3filter does: " " and its
// reference or title, or nothing.
func schemaID(ref *openapi3.SchemaRef) string {
	id := strings.TrimSpace(ref.Ref)
	if id == "" && ref.Value != nil {
		id = strings.TrimSpace(ref.Value.Title)
	}
	if id == "" {
		return ""
	}
	return " " + id
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
