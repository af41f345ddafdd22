package specbuild

import (
	"fmt"
	"slices"
	"strings"

	"github.com/frameio-go/frameio-go/internal/sdknames"
	"gopkg.in/yaml.v3"

	"github.com/frameio-go/frameio-go/internal/yamlnode"
)

// The forms Frame.io publishes write the same things differently. These
// normalizations bring every source to one convention before merging, so
// the document (and the Go names made from it) do not depend on the form
// of the input.

// normalizeSource rewrites the spellings of the per-page docs and other
// generators into the plain form, and says what it changed:
//
//   - tags written as a list inside a list ("tags: - - subpackage_webhooks")
//     become a flat list;
//   - enums written as objects ("enum: - value: creator", Fern's style)
//     become enums of their values;
//   - a response with an empty "content: {}" has no content, so the key is
//     dropped (an empty content map and none mean the same);
//   - an object parameter's example written as a query string is dropped.
func normalizeSource(src *yaml.Node) []Decision {
	var ds []Decision
	for path, item := range yamlnode.Pairs(yamlnode.Get(src, "paths")) {
		for method, op := range yamlnode.Pairs(item) {
			where := strings.ToUpper(method) + " " + path
			if flattenTags(op) {
				ds = append(ds, Decision{Rule: "normalize", Detail: where + ": nested tag list flattened"})
			}
			var empty []string
			for code, resp := range yamlnode.Pairs(yamlnode.Get(op, "responses")) {
				if c := yamlnode.Get(resp, "content"); c != nil && c.Kind == yaml.MappingNode && len(c.Content) == 0 {
					yamlnode.Delete(resp, "content")
					empty = append(empty, code)
				}
			}
			if len(empty) > 0 {
				ds = append(ds, Decision{Rule: "normalize", Detail: fmt.Sprintf("%s: empty content of responses %s dropped", where, strings.Join(empty, ", "))})
			}
		}
	}
	ds = append(ds, dropQueryStringExamples(src)...)
	if n := enumObjectsToValues(src); n > 0 {
		ds = append(ds, Decision{Rule: "normalize", Detail: fmt.Sprintf("%d enums written as objects ({value: x}) turned into enums of values", n)})
	}
	return ds
}

// dropQueryStringExamples drops the example of an object-valued parameter
// written as the query string it serializes to ("filters[to_date]=...",
// as the published document does for the audit log filters): an example is
// a value of the parameter's schema, and validators reject the string.
func dropQueryStringExamples(src *yaml.Node) []Decision {
	schemas := yamlnode.Get(yamlnode.Get(src, "components"), "schemas")
	isObject := func(s *yaml.Node) bool {
		for range 8 { // follow a few $refs
			ref := yamlnode.Scalar(s, "$ref")
			if ref == "" {
				break
			}
			s = yamlnode.Get(schemas, strings.TrimPrefix(ref, "#/components/schemas/"))
		}
		return s != nil && isObjectSchema(s)
	}
	var ds []Decision
	for path, item := range yamlnode.Pairs(yamlnode.Get(src, "paths")) {
		for method, op := range yamlnode.Pairs(item) {
			for _, p := range yamlnode.Items(yamlnode.Get(op, "parameters")) {
				ex := yamlnode.Get(p, "example")
				if ex == nil || ex.Kind != yaml.ScalarNode || ex.Tag != "!!str" || !isObject(yamlnode.Get(p, "schema")) {
					continue
				}
				yamlnode.Delete(p, "example")
				ds = append(ds, Decision{Rule: "normalize", Detail: fmt.Sprintf("%s %s: example of object parameter %s is a query string (%q), not a value of its schema: dropped", strings.ToUpper(method), path, yamlnode.Scalar(p, "name"), ex.Value)})
			}
		}
	}
	return ds
}

// flattenTags turns tags: [[a, b]] into tags: [a, b]; it reports whether it
// changed anything.
func flattenTags(op *yaml.Node) bool {
	tags := yamlnode.Get(op, "tags")
	if tags == nil || tags.Kind != yaml.SequenceNode {
		return false
	}
	changed := false
	var flat []*yaml.Node
	for _, t := range tags.Content {
		if t.Kind == yaml.SequenceNode {
			flat = append(flat, t.Content...)
			changed = true
			continue
		}
		flat = append(flat, t)
	}
	tags.Content = flat
	return changed
}

// enumObjectsToValues rewrites every "enum" whose items are objects with a
// "value" key into an enum of those values, and returns how many it
// rewrote. Enum items that are objects without a "value" are left alone
// (kin-openapi rejects them later with a clear message).
func enumObjectsToValues(n *yaml.Node) int {
	count := 0
	if n.Kind == yaml.MappingNode {
		for i := 0; i+1 < len(n.Content); i += 2 {
			v := n.Content[i+1]
			if n.Content[i].Value == "enum" && v.Kind == yaml.SequenceNode && isEnumObjectList(v) {
				for j, item := range v.Content {
					v.Content[j] = yamlnode.Get(item, "value")
				}
				count++
			}
		}
	}
	for _, c := range n.Content {
		count += enumObjectsToValues(c)
	}
	return count
}

func isEnumObjectList(seq *yaml.Node) bool {
	if len(seq.Content) == 0 {
		return false
	}
	for _, item := range seq.Content {
		if item.Kind != yaml.MappingNode || yamlnode.Get(item, "value") == nil || yamlnode.Get(item, "value").Kind != yaml.ScalarNode {
			return false
		}
	}
	return true
}

// normalizeOperation brings one operation to the project's conventions and
// returns its operation id:
//
//   - the tag is "subpackage_<lowerCamel>" whatever the input writes
//     ("subpackage_versionStacks", "Version Stacks" and "version_stacks" all
//     give subpackage_versionStacks);
//   - the operation id is "<tag>_<operation>" in snake case: tag
//     subpackage_files with id "show", "files.show" or "files_show" all give
//     files_show, and tag Accounts with "auditlog.index" gives
//     accounts_auditlog_index, so the Go method names do not change with
//     the input form;
//   - the Authorization header parameter every docs fragment lists is
//     dropped (the document has one global bearer requirement instead).
//
// Where internal/sdknames keeps another tag and id for the operation
// (method and path, e.g. "GET /v4/accounts/{account_id}/users"), those win,
// so the Go names do not change with the input form.
func normalizeOperation(op *yaml.Node, methodAndPath string) (string, error) {
	tags := yamlnode.Get(op, "tags")
	id := yamlnode.Scalar(op, "operationId")
	if id == "" || tags == nil || tags.Kind != yaml.SequenceNode || len(tags.Content) != 1 || tags.Content[0].Kind != yaml.ScalarNode {
		return "", fmt.Errorf("operation needs an operationId and exactly one tag")
	}
	tagWords := sdknames.Words(sdknames.Tag(tags.Content[0].Value))
	if len(tagWords) == 0 {
		return "", fmt.Errorf("operation tag %q has no words", tags.Content[0].Value)
	}
	// A dotted id names its resource first (files.show, auditlog.index,
	// metadata.field_definitions.index): a resource equal to the tag goes,
	// another one stays part of the name (accounts_auditlog_index).
	if first, rest, dotted := strings.Cut(id, "."); dotted && slices.Equal(sdknames.Words(first), tagWords) {
		id = rest
	}
	idWords := sdknames.Words(id)
	if len(idWords) == 0 {
		return "", fmt.Errorf("operationId %q has no words", yamlnode.Scalar(op, "operationId"))
	}
	// An id that already starts with its tag (files_show) is kept; a bare
	// one (show, or search under the tag search) gets the tag in front.
	if !(len(idWords) > len(tagWords) && slices.Equal(idWords[:len(tagWords)], tagWords)) {
		idWords = append(slices.Clone(tagWords), idWords...)
	}
	full, tag := strings.Join(idWords, "_"), sdknames.LowerCamel(tagWords)
	if kept, ok := sdknames.KeptOperation(methodAndPath); ok {
		full, tag = kept.ID, kept.Tag
	}
	tags.Content[0] = yamlnode.Str(sdknames.DocTag(tag))
	yamlnode.Set(op, "operationId", yamlnode.Str(full))
	dropAuthorizationHeader(op)
	return full, nil
}

func dropAuthorizationHeader(op *yaml.Node) {
	params := yamlnode.Get(op, "parameters")
	if params == nil {
		return
	}
	params.Content = slices.DeleteFunc(params.Content, func(p *yaml.Node) bool {
		return yamlnode.Scalar(p, "in") == "header" && strings.EqualFold(yamlnode.Scalar(p, "name"), "Authorization")
	})
	if len(params.Content) == 0 {
		yamlnode.Delete(op, "parameters")
	}
}

// The documented defaults for what a source may leave out.

func defaultInfo(api API) *yaml.Node {
	// The flattened docs' fragments all carry this info; the per-page docs
	// give each page its own, so a merged document falls back to it.
	n := yamlnode.Map()
	yamlnode.Set(n, "title", yamlnode.Str("v4"))
	if api == C2C {
		yamlnode.Set(n, "title", yamlnode.Str("v2"))
	}
	yamlnode.Set(n, "version", yamlnode.Str("1.0.0"))
	return n
}

func defaultServers() *yaml.Node {
	s := yamlnode.Map()
	yamlnode.Set(s, "url", yamlnode.Str("https://api.frame.io"))
	return &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq", Content: []*yaml.Node{s}}
}

func defaultBearerScheme() *yaml.Node {
	n := yamlnode.Map()
	yamlnode.Set(n, "type", yamlnode.Str("http"))
	yamlnode.Set(n, "scheme", yamlnode.Str("bearer"))
	return n
}
