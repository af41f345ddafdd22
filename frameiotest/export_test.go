package frameiotest

import (
	"sort"
	"time"
)

// OperationInfo describes one operation of the embedded spec for tests.
type OperationInfo struct {
	ID, Method, Path string
	Body             any      // a minimal valid request body, or nil
	Includes         []string // the values of its include query parameter
}

// Operations lists the spec's operations with minimal request bodies.
func (s *Server) Operations() []OperationInfo {
	f := &filler{now: time.Now, newID: newID, checks: s.spec.checks}
	var out []OperationInfo
	for _, op := range s.spec.ops {
		info := OperationInfo{ID: op.ID, Method: op.Method, Path: op.Path}
		for _, p := range op.Op.Parameters {
			if p.Value != nil && p.Value.In == "query" && p.Value.Name == "include" && p.Value.Schema != nil {
				for _, e := range p.Value.Schema.Value.Enum {
					info.Includes = append(info.Includes, e.(string))
				}
			}
		}
		if sch := requestSchema(op.Op); sch != nil {
			info.Body = f.fill(sch, nil)
		}
		out = append(out, info)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out
}
