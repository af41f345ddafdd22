package main

import (
	"bytes"
	"fmt"
	"go/format"
	"maps"
	"slices"
	"sort"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/frameio-go/frameio-go/internal/sdknames"
	"github.com/frameio-go/frameio-go/internal/specfix"
)

// servicesFile returns the source of frameio/services_gen.go.
func servicesFile(doc *openapi3.T, g *generated, unions map[string]sdknames.Union) ([]byte, error) {
	ops, err := readOperations(doc)
	if err != nil {
		return nil, err
	}
	p := newPlanner(g, unions)
	services, err := p.plan(ops)
	if err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	data := struct {
		Services []service
		Imports  []string
	}{services, p.imports()}
	if err := servicesTmpl.Execute(&buf, data); err != nil {
		return nil, err
	}
	src, err := format.Source(buf.Bytes())
	if err != nil {
		return nil, fmt.Errorf("formatting: %w\n%s", err, buf.Bytes())
	}
	return src, nil
}

// operation is what the spec says of one operation.
type operation struct {
	ID, Tag, Method, Path, Summary, Description string
	Deprecated                                  bool        // the spec marks it deprecated
	PathParams                                  []string    // in path order
	Paginated                                   bool        // takes the after cursor
	FixedHeaders                                [][2]string // headers the SDK sends itself: required single-value header parameters and x-frameio-headers
	Success                                     string      // the component schema of the first 2xx JSON response, "" for none
}

// readOperations lists the operations of doc in operationId order.
func readOperations(doc *openapi3.T) ([]operation, error) {
	var ops []operation
	for p, item := range doc.Paths.Map() {
		for m, op := range item.Operations() {
			if len(op.Tags) != 1 {
				return nil, fmt.Errorf("%s %s: want exactly one tag", m, p)
			}
			o := operation{ID: op.OperationID, Tag: sdknames.Tag(op.Tags[0]),
				Method: strings.ToUpper(m), Path: p, Summary: op.Summary, Description: op.Description, Deprecated: op.Deprecated}
			for _, ref := range op.Parameters {
				prm := ref.Value
				if prm.In == "query" && prm.Name == "after" {
					o.Paginated = true
				}
				// A required header whose schema allows one value (audit
				// logs: "api-version: 4.0") is sent by the SDK itself.
				if prm.In == "header" && prm.Required {
					if prm.Schema == nil || prm.Schema.Value == nil || len(prm.Schema.Value.Enum) != 1 {
						return nil, fmt.Errorf("%s %s: required header %s has no single value to send", m, p, prm.Name)
					}
					o.FixedHeaders = append(o.FixedHeaders, [2]string{prm.Name, fmt.Sprint(prm.Schema.Value.Enum[0])})
				}
			}
			// Headers the spec leaves out but the endpoint needs, added by
			// internal/specfix (custom actions: "api-version: experimental").
			if h, ok := op.Extensions[specfix.FixedHeadersKey].(map[string]any); ok {
				for _, name := range slices.Sorted(maps.Keys(h)) {
					o.FixedHeaders = append(o.FixedHeaders, [2]string{name, fmt.Sprint(h[name])})
				}
			}
			success, err := successSchema(op)
			if err != nil {
				return nil, fmt.Errorf("%s %s: %w", m, p, err)
			}
			o.Success = success
			for _, seg := range strings.Split(p, "/") {
				if strings.HasPrefix(seg, "{") && strings.HasSuffix(seg, "}") {
					o.PathParams = append(o.PathParams, seg[1:len(seg)-1])
				}
			}
			ops = append(ops, o)
		}
	}
	sort.Slice(ops, func(i, j int) bool { return ops[i].ID < ops[j].ID })
	return ops, nil
}

// successSchema returns the component schema the operation's first
// success (lowest 2xx) response holds as JSON, "" when no success response
// has a JSON body. A body that is not a component is an error: the method
// would have no named type to return.
func successSchema(op *openapi3.Operation) (string, error) {
	if op.Responses == nil {
		return "", nil
	}
	for _, code := range slices.Sorted(maps.Keys(op.Responses.Map())) {
		resp := op.Responses.Value(code)
		if len(code) != 3 || code[0] != '2' || resp == nil || resp.Value == nil {
			continue
		}
		for _, ct := range slices.Sorted(maps.Keys(resp.Value.Content)) {
			media := resp.Value.Content[ct]
			if !strings.Contains(ct, "json") || media.Schema == nil {
				continue
			}
			name, ok := strings.CutPrefix(media.Schema.Ref, "#/components/schemas/")
			if !ok {
				return "", fmt.Errorf("response %s: the %s body is not a component schema", code, ct)
			}
			return name, nil
		}
	}
	return "", nil
}

// goIdent makes a generated parameter name idiomatic: accountId -> accountID.
func goIdent(s string) string {
	if strings.HasSuffix(s, "Id") {
		return strings.TrimSuffix(s, "Id") + "ID"
	}
	return s
}
