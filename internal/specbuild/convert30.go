package specbuild

import (
	"fmt"
	"maps"
	"slices"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/frameio-go/frameio-go/internal/yamlnode"
)

// The published Frame.io OpenAPI document is OpenAPI 3.0; the project's
// documents are 3.1. convert30 rewrites the 3.0 constructs whose meaning
// 3.1 spells differently, in place, and returns what it did:
//
//   - nullable: true on a schema with a type becomes type: [T, "null"]
//     (an enum keeps its values: 3.0's nullable never added null to an
//     enum, and the SDK reads a null enum as absent);
//   - nullable: true on a oneOf/anyOf adds a {type: "null"} alternative;
//     on a lone $ref or a one-item allOf it becomes oneOf: [$ref, {type: "null"}]
//     (the form the docs use); nullable: false is dropped;
//   - example: x on a schema becomes examples: [x] (3.1 schemas are JSON
//     Schema 2020-12; parameters and media types keep example);
//   - exclusiveMinimum/exclusiveMaximum: true (booleans qualifying
//     minimum/maximum) become the numbers themselves.
//
// Everything else in 3.0 is valid 3.1 with the same meaning.
func convert30(doc *yaml.Node) []Decision {
	counts := map[string]int{}
	walkSchemas(doc, func(s *yaml.Node) {
		for _, what := range convertSchema30(s) {
			counts[what]++
		}
	})
	yamlnode.Set(doc, "openapi", yamlnode.Str("3.1.0"))
	var ds []Decision
	for _, what := range slices.Sorted(maps.Keys(counts)) {
		ds = append(ds, Decision{Rule: "openapi-3.0", Detail: fmt.Sprintf("%d× %s", counts[what], what)})
	}
	return ds
}

func convertSchema30(s *yaml.Node) []string {
	var did []string
	if ex := yamlnode.Get(s, "example"); ex != nil {
		yamlnode.Rename(s, "example", "examples", &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq", Content: []*yaml.Node{ex}})
		did = append(did, "schema example -> examples")
	}
	for _, bound := range []string{"Minimum", "Maximum"} {
		ex := yamlnode.Get(s, "exclusive"+bound)
		if ex == nil || ex.Tag != "!!bool" {
			continue
		}
		yamlnode.Delete(s, "exclusive"+bound)
		if limit := yamlnode.Get(s, strings.ToLower(bound)); ex.Value == "true" && limit != nil {
			yamlnode.Rename(s, strings.ToLower(bound), "exclusive"+bound, limit)
		}
		did = append(did, "boolean exclusive"+bound+" -> number")
	}
	n := yamlnode.Get(s, "nullable")
	if n == nil {
		return did
	}
	nullable := n.Value == "true"
	if !nullable {
		yamlnode.Delete(s, "nullable")
		return append(did, "nullable: false dropped")
	}
	null := func() *yaml.Node {
		m := yamlnode.Map()
		yamlnode.Set(m, "type", yamlnode.Str("null"))
		return m
	}
	switch t := yamlnode.Get(s, "type"); {
	case t != nil && t.Kind == yaml.ScalarNode:
		yamlnode.Rename(s, "type", "type", &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq", Content: []*yaml.Node{yamlnode.Str(t.Value), yamlnode.Str("null")}})
		did = append(did, "nullable type -> type: [T, null]")
	case t != nil && t.Kind == yaml.SequenceNode:
		t.Content = append(t.Content, yamlnode.Str("null"))
		did = append(did, "nullable type list -> null added")
	case yamlnode.Get(s, "oneOf") != nil || yamlnode.Get(s, "anyOf") != nil:
		alts := yamlnode.Get(s, "oneOf")
		if alts == nil {
			alts = yamlnode.Get(s, "anyOf")
		}
		alts.Content = append(alts.Content, null())
		did = append(did, "nullable oneOf/anyOf -> {type: null} alternative")
	case yamlnode.Get(s, "$ref") != nil:
		ref := yamlnode.Map()
		yamlnode.Set(ref, "$ref", yamlnode.Get(s, "$ref"))
		yamlnode.Rename(s, "$ref", "oneOf", &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq", Content: []*yaml.Node{ref, null()}})
		did = append(did, "nullable $ref -> oneOf: [$ref, null]")
	case yamlnode.Get(s, "allOf") != nil && len(yamlnode.Get(s, "allOf").Content) == 1:
		yamlnode.Rename(s, "allOf", "oneOf", &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq", Content: []*yaml.Node{yamlnode.Get(s, "allOf").Content[0], null()}})
		did = append(did, "nullable allOf: [X] -> oneOf: [X, null]")
	case yamlnode.Get(s, "allOf") != nil:
		all := yamlnode.Map()
		yamlnode.Set(all, "allOf", yamlnode.Get(s, "allOf"))
		yamlnode.Rename(s, "allOf", "oneOf", &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq", Content: []*yaml.Node{all, null()}})
		did = append(did, "nullable allOf -> oneOf: [{allOf}, null]")
	default:
		// No type at all: the schema already accepts null.
		did = append(did, "nullable without type dropped")
	}
	yamlnode.Delete(s, "nullable")
	return did
}

// walkSchemas calls fn on every schema object of an OpenAPI document:
// component schemas, the schemas of parameters, headers, request bodies
// and responses (in components and in operations), and every subschema.
func walkSchemas(doc *yaml.Node, fn func(*yaml.Node)) {
	comps := yamlnode.Get(doc, "components")
	for _, s := range yamlnode.Pairs(yamlnode.Get(comps, "schemas")) {
		walkSchema(s, fn)
	}
	for _, p := range yamlnode.Pairs(yamlnode.Get(comps, "parameters")) {
		walkParameter(p, fn)
	}
	for _, h := range yamlnode.Pairs(yamlnode.Get(comps, "headers")) {
		walkParameter(h, fn)
	}
	for _, b := range yamlnode.Pairs(yamlnode.Get(comps, "requestBodies")) {
		walkContent(b, fn)
	}
	for _, r := range yamlnode.Pairs(yamlnode.Get(comps, "responses")) {
		walkResponse(r, fn)
	}
	for _, item := range yamlnode.Pairs(yamlnode.Get(doc, "paths")) {
		for key, v := range yamlnode.Pairs(item) {
			if key == "parameters" {
				for _, p := range yamlnode.Items(v) {
					walkParameter(p, fn)
				}
				continue
			}
			for _, p := range yamlnode.Items(yamlnode.Get(v, "parameters")) {
				walkParameter(p, fn)
			}
			walkContent(yamlnode.Get(v, "requestBody"), fn)
			for _, r := range yamlnode.Pairs(yamlnode.Get(v, "responses")) {
				walkResponse(r, fn)
			}
		}
	}
}

func walkParameter(p *yaml.Node, fn func(*yaml.Node)) {
	if s := yamlnode.Get(p, "schema"); s != nil {
		walkSchema(s, fn)
	}
	walkContent(p, fn)
}

func walkResponse(r *yaml.Node, fn func(*yaml.Node)) {
	walkContent(r, fn)
	for _, h := range yamlnode.Pairs(yamlnode.Get(r, "headers")) {
		walkParameter(h, fn)
	}
}

func walkContent(holder *yaml.Node, fn func(*yaml.Node)) {
	for _, media := range yamlnode.Pairs(yamlnode.Get(holder, "content")) {
		if s := yamlnode.Get(media, "schema"); s != nil {
			walkSchema(s, fn)
		}
	}
}

func walkSchema(s *yaml.Node, fn func(*yaml.Node)) {
	if s == nil || s.Kind != yaml.MappingNode {
		return
	}
	fn(s)
	for key, v := range yamlnode.Pairs(s) {
		switch key {
		case "properties", "patternProperties", "$defs", "definitions":
			for _, sub := range yamlnode.Pairs(v) {
				walkSchema(sub, fn)
			}
		case "items", "additionalProperties", "not", "contains", "propertyNames", "if", "then", "else":
			walkSchema(v, fn)
		case "allOf", "anyOf", "oneOf", "prefixItems":
			for _, sub := range yamlnode.Items(v) {
				walkSchema(sub, fn)
			}
		}
	}
}
