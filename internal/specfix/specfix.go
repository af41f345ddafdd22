// Package specfix turns api/frameio.yaml (the docs, faithfully) into the
// document oapi-codegen reads (api/frameio.codegen.yaml). Every fix is a
// named step with the reason it exists; the docs' own document is never
// edited by hand.
//
// specfix.go holds the steps (Steps, V4Steps, each with its reason),
// ApplySteps and the small generic fixes; each larger step has its file:
// unions.go (hoist-union-variants), enumnames.go, enumwalk.go and words.go
// (short-enum-names), data.go (named-data), initialisms.go
// (plural-initialisms), nullable.go (nullable-request-fields,
// comment-timestamp), upload.go (local-upload-media-type) and headers.go
// (custom-actions-experimental); components.go renames a component;
// c2c*.go are the C2C steps.
// The YAML node helpers are internal/yamlnode's, shared with
// internal/specbuild.
package specfix

import (
	"fmt"
	"slices"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/frameio-go/frameio-go/internal/yamlnode"
)

// Step is one fix: its name, why it is needed, and the change it makes
// to the document's root mapping.
type Step struct {
	Name   string
	Reason string
	Apply  func(root *yaml.Node) ([]string, error)
}

// onSchemas adapts a change of components.schemas to a Step.
func onSchemas(fn func(schemas *yaml.Node) ([]string, error)) func(*yaml.Node) ([]string, error) {
	return func(root *yaml.Node) ([]string, error) {
		schemas := yamlnode.Get(yamlnode.Get(root, "components"), "schemas")
		if schemas == nil {
			return nil, fmt.Errorf("document has no components.schemas")
		}
		return fn(schemas)
	}
}

// Steps are the generic fixes, applied in order to both documents (Apply,
// ApplyC2C).
var Steps = []Step{
	{
		Name: "hoist-union-variants",
		Reason: "the docs' discriminated unions have inline variants and no mapping; oapi-codegen " +
			"refuses them. Each variant becomes a named component and the mapping is written with " +
			"full #/components/schemas refs from the variant's real discriminator value.",
		Apply: onSchemas(hoistUnions),
	},
	{
		Name: "ids-as-strings",
		Reason: "Frame.io ids are opaque strings: UUIDs, Adobe ids (B0DC...@c62f...) and adobe:-prefixed ids " +
			"are used interchangeably. format: uuid stays for validation, but x-go-type: string keeps " +
			"oapi-codegen from turning ids into [16]byte values that cannot hold the other forms.",
		Apply: onSchemas(idsAsStrings),
	},
	{
		Name: "null-in-enum",
		Reason: "oapi-codegen turns a null enum value into a bogus constant; in OpenAPI 3.1 nullability " +
			"belongs in type, so null leaves the enum and joins the type list.",
		Apply: onSchemas(nullInEnum),
	},
	{
		Name: "multi-type",
		Reason: "oapi-codegen cannot generate type: [a, b] with two non-null types; it becomes a oneOf " +
			"of single-type schemas (null stays in the type list).",
		Apply: onSchemas(multiType),
	},
	{
		Name: "no-content-204",
		Reason: "the docs give 14 delete operations a 204 No Content response with an application/json " +
			"body schema; a 204 carries no body (RFC 9110 15.3.5), so the body schema is dropped and the " +
			"generated calls return no value.",
		Apply: noContent204,
	},
	{
		Name:   "dedupe-enums",
		Reason: "FieldValueCommonFieldType lists 'users' twice; duplicate values generate duplicate Go constants.",
		Apply:  onSchemas(dedupeEnums),
	},
}

// V4Steps are the fixes of the V4 document alone, applied after Steps by
// Apply: names and Go types that make the generated models read like Go.
var V4Steps = []Step{
	{
		Name: "short-enum-names",
		Reason: "the docs name parameter enums after their URL path (V4AccountsAccountIdFilesFileIdCommentsGetParametersInclude) " +
			"and body enums after their place (CreateShareParamsDataDiscriminatorMappingAssetAccess); oapi-codegen names " +
			"inline ones after the operation (FoldersIndexParamsSort). Each gets a short name derived from the spec " +
			"(CommentInclude, ShareAccess, FolderSort): see shortEnumNames for the rules and api/NOTES.md for the names.",
		Apply: shortEnumNames,
	},
	{
		Name: "named-data",
		Reason: "the published document writes the data object of two bulk request bodies inline; oapi-codegen makes it " +
			"an anonymous struct, which the service methods (they take the inner data) could not name. It becomes " +
			"<Schema>Data, as the docs' own data objects are.",
		Apply: onSchemas(namedData),
	},
	{
		Name: "plural-initialisms",
		Reason: "oapi-codegen's name normalizer writes ID and URL for Id and Url but knows no plurals: file_ids would be " +
			"FileIds and FileWithUploadUrls stay as is. Properties get x-go-name FileIDs, UploadURLs; schemas are renamed.",
		Apply: pluralInitialisms,
	},
	{
		Name: "nullable-request-fields",
		Reason: "an optional nullable field of an update (PATCH) body has three states (absent, null, a value: leave a " +
			"share's description alone, clear it or set it), which *T cannot tell apart; those fields get " +
			"nullable.Nullable[T]. Every other optional or nullable field is *T, so reading a response never needs .Get().",
		Apply: nullableRequestFields,
	},
	{
		Name: "comment-timestamp",
		Reason: "TimeStamp is a oneOf of a timecode string and a frame number, which oapi-codegen models as raw JSON " +
			"with As/From methods; it becomes the Go value type frameio.CommentTimestamp (internal/timestamp), so comments " +
			"take frameio.FrameNumber(120) or frameio.Timecode(\"00:00:05:00\") and return it without encode or decode steps.",
		Apply: onSchemas(commentTimestamp),
	},
	{
		Name: "local-upload-media-type",
		Reason: "the upload guide says the parts' Content-Type \"must match the media_type specified in the original " +
			"Create File (local upload) request\", so the request takes one, as the files.create body it replaces does " +
			"(FileCreateParamsData.media_type); the docs' FileCreateLocalUploadParamsData and their samples leave it out, " +
			"and api/published (what Frame.io's published document adds) has nothing there. It becomes an optional media_type " +
			"string, which transfer.WithMediaType sends through Files.CreateLocalUpload.",
		Apply: onSchemas(localUploadMediaType),
	},
	{
		Name: "custom-actions-experimental",
		Reason: "the custom actions guide says every custom action endpoint needs the header " +
			"'api-version: experimental', which the spec does not declare; the operations get an " +
			FixedHeadersKey + " extension that the service generator turns into a header the SDK sends.",
		Apply: customActionsExperimental,
	},
}

// Apply runs Steps then V4Steps on doc (the V4 OpenAPI document) and
// returns a log line per change.
func Apply(doc *yaml.Node) ([]string, error) {
	return ApplySteps(doc, append(append([]Step(nil), Steps...), V4Steps...))
}

// ApplySteps runs steps in order on doc and returns a log line per change.
func ApplySteps(doc *yaml.Node, steps []Step) ([]string, error) {
	root := doc
	if root.Kind == yaml.DocumentNode {
		root = root.Content[0]
	}
	var log []string
	for _, s := range steps {
		lines, err := s.Apply(root)
		if err != nil {
			return log, fmt.Errorf("%s: %w", s.Name, err)
		}
		for _, l := range lines {
			log = append(log, s.Name+": "+l)
		}
	}
	yamlnode.SortKeys(yamlnode.Get(yamlnode.Get(root, "components"), "schemas"))
	return log, nil
}

func dedupeEnums(schemas *yaml.Node) ([]string, error) {
	var log []string
	yamlnode.Walk(schemas, func(n *yaml.Node, path string) {
		e := yamlnode.Get(n, "enum")
		if e == nil || e.Kind != yaml.SequenceNode {
			return
		}
		seen := map[string]bool{}
		before := len(e.Content)
		e.Content = slices.DeleteFunc(e.Content, func(x *yaml.Node) bool {
			dup := seen[x.Value]
			seen[x.Value] = true
			return dup
		})
		if len(e.Content) != before {
			log = append(log, fmt.Sprintf("%s: %d duplicate values removed", path, before-len(e.Content)))
		}
	})

	return log, nil
}

// enumOf returns the enum values of a schema, following one $ref.
func enumOf(schemas, s *yaml.Node) []string {
	if s == nil {
		return nil
	}
	if ref := yamlnode.Scalar(s, "$ref"); ref != "" {
		s = yamlnode.Get(schemas, strings.TrimPrefix(ref, "#/components/schemas/"))
	}
	var out []string
	if e := yamlnode.Get(s, "enum"); e != nil {
		for _, c := range e.Content {
			out = append(out, c.Value)
		}
	}
	if c := yamlnode.Scalar(s, "const"); c != "" {
		out = append(out, c)
	}
	return out
}

func idsAsStrings(schemas *yaml.Node) ([]string, error) {
	n := 0
	yamlnode.Walk(schemas, func(m *yaml.Node, _ string) {
		if yamlnode.Scalar(m, "format") == "uuid" && yamlnode.Get(m, "x-go-type") == nil {
			yamlnode.Set(m, "x-go-type", yamlnode.Str("string"))
			n++
		}
	})

	return []string{fmt.Sprintf("%d uuid schemas generate Go strings", n)}, nil
}

func nullInEnum(schemas *yaml.Node) ([]string, error) {
	var log []string
	yamlnode.Walk(schemas, func(m *yaml.Node, path string) {
		e := yamlnode.Get(m, "enum")
		if e == nil {
			return
		}
		before := len(e.Content)
		e.Content = slices.DeleteFunc(e.Content, func(x *yaml.Node) bool { return x.Tag == "!!null" })
		if len(e.Content) == before {
			return
		}
		t := yamlnode.Get(m, "type")
		switch {
		case t == nil:
		case t.Kind == yaml.ScalarNode:
			yamlnode.Set(m, "type", &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq", Content: []*yaml.Node{yamlnode.Str(t.Value), yamlnode.Str("null")}})
		case !slices.ContainsFunc(t.Content, func(x *yaml.Node) bool { return x.Value == "null" }):
			t.Content = append(t.Content, yamlnode.Str("null"))
		}
		log = append(log, path+": null moved from enum to type")
	})

	return log, nil
}

func multiType(schemas *yaml.Node) ([]string, error) {
	var log []string
	yamlnode.Walk(schemas, func(m *yaml.Node, path string) {
		t := yamlnode.Get(m, "type")
		if t == nil || t.Kind != yaml.SequenceNode {
			return
		}
		var types []string
		nullable := false
		for _, x := range t.Content {
			if x.Value == "null" {
				nullable = true
			} else {
				types = append(types, x.Value)
			}
		}
		if len(types) < 2 {
			return
		}
		one := &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq"}
		for _, ty := range types {
			v := yamlnode.Map()
			yamlnode.Set(v, "type", yamlnode.Str(ty))
			one.Content = append(one.Content, v)
		}
		if nullable {
			v := yamlnode.Map()
			yamlnode.Set(v, "type", yamlnode.Str("null"))
			one.Content = append(one.Content, v)
		}
		yamlnode.Delete(m, "type")
		yamlnode.Set(m, "oneOf", one)
		log = append(log, path+": type list became oneOf")
	})

	return log, nil
}

// noContent204 removes the body of every 204 response. A document
// without paths has none.
func noContent204(root *yaml.Node) ([]string, error) {
	if yamlnode.Get(root, "paths") == nil {
		return nil, nil
	}
	var log []string
	err := operations(root, func(method, path string, op *yaml.Node) error {
		if yamlnode.Delete(yamlnode.Get(yamlnode.Get(op, "responses"), "204"), "content") {
			log = append(log, method+" "+path)
		}
		return nil
	})
	return log, err
}

// httpMethods are the keys of a path item that hold operations; the
// others (parameters, summary, servers, ...) do not.
var httpMethods = []string{"get", "put", "post", "delete", "options", "head", "patch", "trace"}

// operations calls fn for every operation of the document, in document
// order, with its method (lower case, as in the document) and path; the
// path items' other keys are skipped. A document without paths is an
// error; the first error of fn stops the walk and is returned.
func operations(root *yaml.Node, fn func(method, path string, op *yaml.Node) error) error {
	paths := yamlnode.Get(root, "paths")
	if paths == nil {
		return fmt.Errorf("document has no paths")
	}
	for path, item := range yamlnode.Pairs(paths) {
		for method, op := range yamlnode.Pairs(item) {
			if !slices.Contains(httpMethods, method) {
				continue
			}
			if err := fn(method, path, op); err != nil {
				return err
			}
		}
	}
	return nil
}
