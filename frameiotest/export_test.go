package frameiotest

import (
	"sort"
	"time"
)

// OperationInfo describes one operation of the embedded spec for tests.
type OperationInfo struct {
	ID, Method, Path string
	Body             any // a minimal valid request body, or nil
}

// Operations lists the spec's operations with minimal request bodies.
func (s *Server) Operations() []OperationInfo {
	f := &filler{now: time.Now, newID: newID}
	var out []OperationInfo
	for _, op := range s.spec.ops {
		info := OperationInfo{ID: op.ID, Method: op.Method, Path: op.Path}
		if sch := requestSchema(op.Op); sch != nil {
			info.Body = f.fill(sch, nil)
		}
		out = append(out, info)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out
}
