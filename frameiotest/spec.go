package frameiotest

import (
	"context"
	"fmt"
	"net/http"
	"sort"
	"strconv"
	"sync"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/getkin/kin-openapi/routers"
	"github.com/getkin/kin-openapi/routers/legacy"

	"github.com/frameio-go/frameio-go/api"
)

// spec is the loaded V4 document with a router over its operations.
type spec struct {
	doc    *openapi3.T
	router routers.Router
	ops    map[string]*operation
	// relaxed names the discriminated oneOf schemas validated as anyOf
	// (see relaxOverlappingOneOf).
	relaxed []string
	// checks validates values against the document's schemas.
	checks *schemaChecks
}

// operation describes one operation of the document.
type operation struct {
	ID     string
	Method string
	Path   string
	Op     *openapi3.Operation
}

// loadSpec returns the spec every Server shares: parsing and validating
// the document takes about a quarter of a second, which every test
// starting a Server paid. Nothing changes a spec once loaded (the router,
// the schemas and the operations are only read; the schema checks guard
// their cache), so one serves every Server, concurrently.
var loadSpec = sync.OnceValues(parseSpec)

// parseSpec parses api.V4 and builds a router that matches any host: the
// document's server (https://api.frame.io) is replaced by "/".
func parseSpec() (*spec, error) {
	loader := openapi3.NewLoader()
	doc, err := loader.LoadFromData(api.V4())
	if err != nil {
		return nil, fmt.Errorf("frameiotest: load spec: %w", err)
	}
	if err := doc.Validate(context.Background()); err != nil {
		return nil, fmt.Errorf("frameiotest: invalid spec: %w", err)
	}
	doc.Servers = openapi3.Servers{{URL: "/"}}
	relaxed := relaxOverlappingOneOf(doc)
	router, err := legacy.NewRouter(doc)
	if err != nil {
		return nil, fmt.Errorf("frameiotest: router: %w", err)
	}
	sp := &spec{doc: doc, router: router, ops: map[string]*operation{}, relaxed: relaxed, checks: newSchemaChecks()}
	for path, item := range doc.Paths.Map() {
		for method, op := range item.Operations() {
			sp.ops[op.OperationID] = &operation{ID: op.OperationID, Method: method, Path: path, Op: op}
		}
	}
	return sp, nil
}

// responseSchema returns the JSON schema of op's response for status, or nil.
func responseSchema(op *openapi3.Operation, status int) *openapi3.SchemaRef {
	if op == nil || op.Responses == nil {
		return nil
	}
	ref := op.Responses.Value(strconv.Itoa(status))
	if ref == nil || ref.Value == nil {
		return nil
	}
	mt := ref.Value.Content.Get("application/json")
	if mt == nil {
		return nil
	}
	return mt.Schema
}

// successStatus returns the lowest 2xx status documented for op.
func successStatus(op *openapi3.Operation) int {
	for code := 200; code < 300; code++ {
		if op.Responses.Value(strconv.Itoa(code)) != nil {
			return code
		}
	}
	return http.StatusOK
}

// requestSchema returns the JSON schema of op's request body, or nil.
func requestSchema(op *openapi3.Operation) *openapi3.SchemaRef {
	if op.RequestBody == nil || op.RequestBody.Value == nil {
		return nil
	}
	mt := op.RequestBody.Value.Content.Get("application/json")
	if mt == nil {
		return nil
	}
	return mt.Schema
}

// relaxOverlappingOneOf turns oneOf into anyOf, in the server's copy of the
// document only, for discriminated schemas whose branches are not mutually
// exclusive on the discriminator property (a branch without an enum for
// it, or two branches whose enums share a value). No value can satisfy
// such a oneOf under JSON Schema (which ignores "discriminator"), so every
// correct request or response would be reported. It returns the names of
// the schemas it changed.
func relaxOverlappingOneOf(doc *openapi3.T) []string {
	var names []string
	for name, ref := range doc.Components.Schemas {
		s := ref.Value
		if s == nil || s.Discriminator == nil || len(s.OneOf) < 2 {
			continue
		}
		seen := map[any]bool{}
		overlap := false
		for _, alt := range s.OneOf {
			var enum []any
			if alt.Value != nil {
				if p := alt.Value.Properties[s.Discriminator.PropertyName]; p != nil && p.Value != nil {
					enum = p.Value.Enum
				}
			}
			if len(enum) == 0 {
				overlap = true
			}
			for _, v := range enum {
				if seen[v] {
					overlap = true
				}
				seen[v] = true
			}
		}
		if overlap {
			s.AnyOf, s.OneOf = s.OneOf, nil
			names = append(names, name)
		}
	}
	sort.Strings(names)
	return names
}

// RelaxedSchemas returns the names of the spec's discriminated oneOf
// schemas that the server validates as anyOf because their branches
// overlap (see the package documentation).
func (s *Server) RelaxedSchemas() []string { return append([]string(nil), s.spec.relaxed...) }
