package frameiotest

import (
	"mime"
	"net/http"
	"path"
	"strings"
	"time"

	"github.com/frameio-go/frameio-go/frameiotest/internal/server"
)

// handlers implements server.ServerInterface over the Server's state. Every
// handler runs after authentication and request validation.
type handlers struct{ s *Server }

var _ server.ServerInterface = (*handlers)(nil)

// includes returns the values of the include query parameter (comma
// separated lists are accepted too).
func includes(r *http.Request) map[string]bool {
	out := map[string]bool{}
	for _, v := range r.URL.Query()["include"] {
		for p := range strings.SplitSeq(v, ",") {
			out[strings.TrimSpace(p)] = true
		}
	}
	return out
}

// render returns the response representation of rec for r, with what its
// include query parameter asks for (see renderIncludes).
func (s *Server) render(r *http.Request, rec *record) map[string]any {
	return s.renderWith(includes(r), rec)
}

// renderWith is render with the request's includes already parsed, for
// replies rendering many records.
func (s *Server) renderWith(inc map[string]bool, rec *record) map[string]any {
	v := rec.view()
	switch rec.kind {
	case kindFile:
		s.renderMediaLinks(inc, rec, v)
	case kindVersionStack:
		if files := s.st.children(rec.id, kindFile); len(files) > 0 {
			v["head_version"] = files[len(files)-1].view()
		}
	}
	s.renderIncludes(inc, rec.attrs, v)
	return v
}

// renderIncludes adds to v the related resources inc (the include query
// parameter, see includes) names, as the operations that take it document: creator, owner
// and user (the user the record's creator_id, owner_id or user_id names,
// else the seed user), project (the record's project), metadata (none
// set) and replies (none). attrs are the record's (nil for the operations
// that hold no state). Request validation has already refused a value the
// operation does not document.
func (s *Server) renderIncludes(inc map[string]bool, attrs map[string]any, v map[string]any) {
	user := func(attr string) any {
		if u := s.st.get(str(attrs, attr), kindUser); u != nil {
			return u.view()
		}
		if u := s.st.get(s.st.seed.UserID, kindUser); u != nil {
			return u.view()
		}
		return nil
	}
	for name := range inc {
		switch name {
		case "creator", "owner", "user":
			v[name] = user(name + "_id")
		case "project":
			if p := s.st.get(str(attrs, "project_id"), kindProject); p != nil {
				v["project"] = p.view()
			}
		case "metadata":
			if _, ok := v["metadata"]; !ok {
				v["metadata"] = []any{}
			}
		case "replies":
			v["replies"] = []any{}
		}
	}
}

// renderMediaLinks adds media_links to a file as asked by inc (the
// include query parameter). Links of a file that is not transcoded are
// null, as are renditions, which the fake never produces.
func (s *Server) renderMediaLinks(inc map[string]bool, rec *record, v map[string]any) {
	links := map[string]any{}
	for k := range inc {
		name, ok := strings.CutPrefix(k, "media_links.")
		if !ok {
			continue
		}
		links[name] = nil
		if name == "original" && rec.file.transcoded {
			p := objectPrefix + "media/" + rec.id + "/original"
			links[name] = map[string]any{
				"download_url": s.presign(http.MethodGet, p, time.Hour),
				"inline_url":   s.presign(http.MethodGet, p, time.Hour, "disposition", "inline"),
			}
		}
	}
	if len(links) > 0 {
		v["media_links"] = links
	}
}

// update copies the attributes in patch onto rec (ignoring keys), bumping
// updated_at.
func (s *Server) update(rec *record, patch map[string]any, ignore ...string) {
	for k, v := range patch {
		if k == "id" || contains(ignore, k) {
			continue
		}
		rec.attrs[k] = v
	}
	rec.attrs["updated_at"] = s.stamp()
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}

// base returns the common attributes of a new resource.
func (s *Server) base(name string) map[string]any {
	now := s.stamp()
	return map[string]any{"name": name, "created_at": now, "updated_at": now}
}

// guessMediaType guesses a media type from a file name.
func guessMediaType(name string) string {
	if t := mime.TypeByExtension(path.Ext(name)); t != "" {
		t, _, _ = strings.Cut(t, ";")
		return t
	}
	return "application/octet-stream"
}

func str(m map[string]any, key string) string {
	v, _ := m[key].(string)
	return v
}

// listChildrenOf replies with a page of the children of kind childKind of
// parentID, or 404 naming what when parentID is not a parentKind.
func (s *Server) listChildrenOf(w http.ResponseWriter, r *http.Request, parentID, parentKind, what, childKind string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.st.get(parentID, parentKind) == nil {
		s.notFound(w, r, what, parentID)
		return
	}
	s.replyRecords(w, r, s.st.children(parentID, childKind))
}
