package specfix

import (
	"fmt"
	"maps"
	"slices"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/frameio-go/frameio-go/internal/yamlnode"
)

// NullableImport is the package of the Go type optional nullable request
// fields get (step nullable-request-fields).
const NullableImport = "github.com/oapi-codegen/nullable"

// nullableRequestFields gives every optional, nullable property of the
// body of an update (PATCH or PUT) the Go type nullable.Nullable[T]:
// absent, null and a value are three different requests there (leave a
// share's description alone, clear it, or set it). Everywhere else an
// optional or nullable value is a plain *T (nil: absent or null), so
// reading a response never needs an error check, and a create leaves out
// what it does not set. A required nullable property stays *T: nil sends
// null. Update schemas a response also uses would force .Get() on readers:
// such a schema with an optional nullable property is an error, to be
// decided by a person.
func nullableRequestFields(root *yaml.Node) ([]string, error) {
	schemas, err := yamlnode.Lookup(root, "components", "schemas")
	if err != nil {
		return nil, err
	}
	var requests, responses []*yaml.Node
	err = operations(root, func(method, _ string, op *yaml.Node) error {
		if rb := yamlnode.Get(op, "requestBody"); rb != nil && (method == "patch" || method == "put") {
			requests = append(requests, rb)
		}
		for _, r := range yamlnode.Pairs(yamlnode.Get(op, "responses")) {
			responses = append(responses, r)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	inRequests, inResponses := reachable(schemas, requests), reachable(schemas, responses)
	var log []string
	for _, name := range slices.Sorted(maps.Keys(inRequests)) {
		s := yamlnode.Get(schemas, name)
		props := yamlnode.Get(s, "properties")
		required := map[string]bool{}
		for _, r := range yamlnode.Items(yamlnode.Get(s, "required")) {
			required[r.Value] = true
		}
		for field, p := range yamlnode.Pairs(props) {
			inner, ok := nullableOf(p)
			if !ok || required[field] || yamlnode.Get(p, "x-go-type") != nil {
				continue
			}
			if inResponses[name] {
				return log, fmt.Errorf("%s.%s: optional and nullable in a schema both requests and responses use", name, field)
			}
			goType, err := goTypeOf(inner)
			if err != nil {
				return log, fmt.Errorf("%s.%s: %w", name, field, err)
			}
			setGoType(p, "nullable.Nullable["+goType+"]", NullableImport)
			log = append(log, fmt.Sprintf("%s.%s: nullable.Nullable[%s]", name, field, goType))
		}
	}
	return log, nil
}

// nullableOf reports whether s allows null, and returns the schema of its
// other values: type [T, "null"] gives s itself, oneOf [X, {type: null}] X.
func nullableOf(s *yaml.Node) (*yaml.Node, bool) {
	if t := yamlnode.Get(s, "type"); t != nil && t.Kind == yaml.SequenceNode &&
		slices.ContainsFunc(t.Content, func(x *yaml.Node) bool { return x.Value == "null" }) {
		return s, true
	}
	alts := yamlnode.Items(yamlnode.Get(s, "oneOf"))
	if len(alts) == 2 {
		for i, a := range alts {
			if yamlnode.Scalar(a, "type") == "null" {
				return alts[1-i], true
			}
		}
	}
	return nil, false
}

// goTypeOf is the Go type oapi-codegen gives the non-null values of s.
func goTypeOf(s *yaml.Node) (string, error) {
	if ref := yamlnode.Scalar(s, "$ref"); ref != "" {
		return strings.TrimPrefix(ref, schemaRef), nil
	}
	if t := yamlnode.Get(s, "x-go-type"); t != nil {
		return t.Value, nil
	}
	typ := yamlnode.Scalar(s, "type")
	if t := yamlnode.Get(s, "type"); t != nil && t.Kind == yaml.SequenceNode {
		for _, x := range t.Content {
			if x.Value != "null" {
				typ = x.Value
			}
		}
	}
	switch typ {
	case "string":
		switch yamlnode.Scalar(s, "format") {
		case "date-time":
			return "time.Time", nil
		case "", "uuid", "email", "uri", "url", "password":
			return "string", nil
		}
	case "boolean":
		return "bool", nil
	case "integer":
		return "int", nil
	case "number":
		return "float32", nil
	}
	return "", fmt.Errorf("no Go type for a nullable %s (format %q)", typ, yamlnode.Scalar(s, "format"))
}

// reachable returns the component schemas the nodes refer to, directly or
// through other schemas.
func reachable(schemas *yaml.Node, roots []*yaml.Node) map[string]bool {
	seen := map[string]bool{}
	var visit func(n *yaml.Node, _ string)
	visit = func(n *yaml.Node, _ string) {
		if name, ok := strings.CutPrefix(yamlnode.Scalar(n, "$ref"), schemaRef); ok && !seen[name] {
			seen[name] = true
			if s := yamlnode.Get(schemas, name); s != nil {
				yamlnode.Walk(s, visit)
			}
		}
	}
	for _, r := range roots {
		yamlnode.Walk(r, visit)
	}
	return seen
}

// TimestampImport is the package of the Go type of comment timestamps
// (step comment-timestamp).
const TimestampImport = "github.com/frameio-go/frameio-go/internal/timestamp"

// commentTimestamp makes TimeStamp (a oneOf of a timecode string and a
// frame number) the Go value type timestamp.Value, which frameio names
// CommentTimestamp: comments then take frameio.FrameNumber(120) and return
// a value to ask .FrameNumber() or .Timecode(), with no separate encode or
// decode step. Its zero value is "no timestamp", so like a slice it is never
// a pointer: optional fields leave it out when zero (omitzero).
func commentTimestamp(schemas *yaml.Node) ([]string, error) {
	s := yamlnode.Get(schemas, "TimeStamp")
	if s == nil {
		return nil, fmt.Errorf("no TimeStamp schema")
	}
	setGoType(s, "timestamp.Value", TimestampImport)
	yamlnode.Set(s, "x-omitzero", yes())
	return []string{"TimeStamp: timestamp.Value"}, nil
}

// setGoType has oapi-codegen generate the Go type typ, from the package
// importPath, for the schema s, and use it as it is where s is optional
// (no pointer): x-go-type, x-go-type-import and
// x-go-type-skip-optional-pointer.
func setGoType(s *yaml.Node, typ, importPath string) {
	yamlnode.Set(s, "x-go-type", yamlnode.Str(typ))
	imp := yamlnode.Map()
	yamlnode.Set(imp, "path", yamlnode.Str(importPath))
	yamlnode.Set(s, "x-go-type-import", imp)
	yamlnode.Set(s, "x-go-type-skip-optional-pointer", yes())
}

// yes returns a boolean true scalar node.
func yes() *yaml.Node { return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!bool", Value: "true"} }
