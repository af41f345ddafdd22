package frameiotest

import (
	"encoding/json"
	"net/http"

	"github.com/getkin/kin-openapi/openapi3"
)

// errorBody builds the documented error body:
// {"errors":[{"title":..,"detail":..,"source":{"pointer":..}}]}.
func errorBody(title, detail, pointer string) map[string]any {
	item := map[string]any{"title": title, "detail": detail}
	if pointer != "" {
		item["source"] = map[string]any{"pointer": pointer}
	}
	return map[string]any{"errors": []any{item}}
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	b, err := json.Marshal(v)
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_, _ = w.Write(b)
}

// reply writes body with status, completed with minimal values so that it
// is valid for the operation's response schema. body is copied at once
// (the caller may hold the lock and pass views of the store); when w is
// the recorder of an API request, completing and encoding the copy is left
// to the recorder's finish, after the handler has released the lock.
func (s *Server) reply(w http.ResponseWriter, r *http.Request, status int, body any) {
	if status == http.StatusNoContent {
		w.WriteHeader(status)
		return
	}
	v := generic(body)
	var sch *openapi3.SchemaRef
	if rt := routeOf(r); rt != nil {
		sch = responseSchema(rt.op.Op, status)
	}
	if rec, ok := w.(*recorder); ok {
		rec.pending = &pendingBody{status: status, v: v, schema: sch}
		return
	}
	writeJSON(w, status, s.fill.fill(sch, v))
}

// pendingBody is a reply not yet completed and encoded.
type pendingBody struct {
	status int
	v      any
	schema *openapi3.SchemaRef
}

// finish completes (with f) and encodes the pending reply, if any, into rec.
func (rec *recorder) finish(f *filler) {
	if p := rec.pending; p != nil {
		rec.pending = nil
		writeJSON(rec, p.status, f.fill(p.schema, p.v))
	}
}

// replyData replies with the operation's success status and {"data": data}.
func (s *Server) replyData(w http.ResponseWriter, r *http.Request, data any) {
	s.reply(w, r, s.success(r), map[string]any{"data": data})
}

// replyEmpty replies with the operation's success status and a body made
// only of minimal values, and the includes the request asks for.
func (s *Server) replyEmpty(w http.ResponseWriter, r *http.Request) {
	if inc := includes(r); len(inc) > 0 {
		s.mu.Lock()
		data := map[string]any{}
		s.renderIncludes(inc, nil, data)
		s.mu.Unlock()
		s.replyData(w, r, data)
		return
	}
	s.reply(w, r, s.success(r), map[string]any{})
}

// replyError writes an error body for status.
func (s *Server) replyError(w http.ResponseWriter, r *http.Request, status int, title, detail, pointer string) {
	s.reply(w, r, status, errorBody(title, detail, pointer))
}

// notFound replies 404 for a missing resource.
func (s *Server) notFound(w http.ResponseWriter, r *http.Request, what, id string) {
	s.replyError(w, r, http.StatusNotFound, "Not Found", what+" "+id+" not found", "")
}

// success returns the documented success status of r's operation.
func (s *Server) success(r *http.Request) int {
	if rt := routeOf(r); rt != nil {
		return successStatus(rt.op.Op)
	}
	return http.StatusOK
}

// decodeData reads {"data": {...}} from r's body (already validated).
func decodeData(r *http.Request) map[string]any {
	var body struct {
		Data map[string]any `json:"data"`
	}
	_ = json.NewDecoder(r.Body).Decode(&body)
	if body.Data == nil {
		body.Data = map[string]any{}
	}
	return body.Data
}
