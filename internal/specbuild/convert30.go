package specbuild

import (
	"fmt"
	"strings"

	"gopkg.in/yaml.v3"
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
	mapSet(doc, "openapi", strNode("3.1.0"))
	var ds []Decision
	for _, what := range sortedKeys(counts) {
		ds = append(ds, Decision{Rule: "openapi-3.0", Detail: fmt.Sprintf("%d× %s", counts[what], what)})
	}
	return ds
}

func convertSchema30(s *yaml.Node) []string {
	var did []string
	if ex := mapGet(s, "example"); ex != nil {
		renameKey(s, "example", "examples", &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq", Content: []*yaml.Node{ex}})
		did = append(did, "schema example -> examples")
	}
	for _, bound := range []string{"Minimum", "Maximum"} {
		ex := mapGet(s, "exclusive"+bound)
		if ex == nil || ex.Tag != "!!bool" {
			continue
		}
		mapDelete(s, "exclusive"+bound)
		if limit := mapGet(s, strings.ToLower(bound)); ex.Value == "true" && limit != nil {
			renameKey(s, strings.ToLower(bound), "exclusive"+bound, limit)
		}
		did = append(did, "boolean exclusive"+bound+" -> number")
	}
	n := mapGet(s, "nullable")
	if n == nil {
		return did
	}
	nullable := n.Value == "true"
	if !nullable {
		mapDelete(s, "nullable")
		return append(did, "nullable: false dropped")
	}
	null := func() *yaml.Node {
		m := newMap()
		mapSet(m, "type", strNode("null"))
		return m
	}
	switch t := mapGet(s, "type"); {
	case t != nil && t.Kind == yaml.ScalarNode:
		renameKey(s, "type", "type", &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq", Content: []*yaml.Node{strNode(t.Value), strNode("null")}})
		did = append(did, "nullable type -> type: [T, null]")
	case t != nil && t.Kind == yaml.SequenceNode:
		t.Content = append(t.Content, strNode("null"))
		did = append(did, "nullable type list -> null added")
	case mapGet(s, "oneOf") != nil || mapGet(s, "anyOf") != nil:
		alts := mapGet(s, "oneOf")
		if alts == nil {
			alts = mapGet(s, "anyOf")
		}
		alts.Content = append(alts.Content, null())
		did = append(did, "nullable oneOf/anyOf -> {type: null} alternative")
	case mapGet(s, "$ref") != nil:
		ref := newMap()
		mapSet(ref, "$ref", mapGet(s, "$ref"))
		renameKey(s, "$ref", "oneOf", &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq", Content: []*yaml.Node{ref, null()}})
		did = append(did, "nullable $ref -> oneOf: [$ref, null]")
	case mapGet(s, "allOf") != nil && len(mapGet(s, "allOf").Content) == 1:
		renameKey(s, "allOf", "oneOf", &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq", Content: []*yaml.Node{mapGet(s, "allOf").Content[0], null()}})
		did = append(did, "nullable allOf: [X] -> oneOf: [X, null]")
	case mapGet(s, "allOf") != nil:
		all := newMap()
		mapSet(all, "allOf", mapGet(s, "allOf"))
		renameKey(s, "allOf", "oneOf", &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq", Content: []*yaml.Node{all, null()}})
		did = append(did, "nullable allOf -> oneOf: [{allOf}, null]")
	default:
		// No type at all: the schema already accepts null.
		did = append(did, "nullable without type dropped")
	}
	mapDelete(s, "nullable")
	return did
}

// renameKey replaces key (keeping its place) by newKey with value v.
func renameKey(n *yaml.Node, key, newKey string, v *yaml.Node) {
	for i := 0; i+1 < len(n.Content); i += 2 {
		if n.Content[i].Value == key {
			n.Content[i] = strNode(newKey)
			n.Content[i+1] = v
			return
		}
	}
}

// walkSchemas calls fn on every schema object of an OpenAPI document:
// component schemas, the schemas of parameters, headers, request bodies
// and responses (in components and in operations), and every subschema.
func walkSchemas(doc *yaml.Node, fn func(*yaml.Node)) {
	comps := mapGet(doc, "components")
	for _, s := range pairs(mapGet(comps, "schemas")) {
		walkSchema(s, fn)
	}
	for _, p := range pairs(mapGet(comps, "parameters")) {
		walkParameter(p, fn)
	}
	for _, h := range pairs(mapGet(comps, "headers")) {
		walkParameter(h, fn)
	}
	for _, b := range pairs(mapGet(comps, "requestBodies")) {
		walkContent(b, fn)
	}
	for _, r := range pairs(mapGet(comps, "responses")) {
		walkResponse(r, fn)
	}
	for _, item := range pairs(mapGet(doc, "paths")) {
		for key, v := range pairs(item) {
			if key == "parameters" {
				for _, p := range seqItems(v) {
					walkParameter(p, fn)
				}
				continue
			}
			for _, p := range seqItems(mapGet(v, "parameters")) {
				walkParameter(p, fn)
			}
			walkContent(mapGet(v, "requestBody"), fn)
			for _, r := range pairs(mapGet(v, "responses")) {
				walkResponse(r, fn)
			}
		}
	}
}

func walkParameter(p *yaml.Node, fn func(*yaml.Node)) {
	if s := mapGet(p, "schema"); s != nil {
		walkSchema(s, fn)
	}
	walkContent(p, fn)
}

func walkResponse(r *yaml.Node, fn func(*yaml.Node)) {
	walkContent(r, fn)
	for _, h := range pairs(mapGet(r, "headers")) {
		walkParameter(h, fn)
	}
}

func walkContent(holder *yaml.Node, fn func(*yaml.Node)) {
	for _, media := range pairs(mapGet(holder, "content")) {
		if s := mapGet(media, "schema"); s != nil {
			walkSchema(s, fn)
		}
	}
}

func walkSchema(s *yaml.Node, fn func(*yaml.Node)) {
	if s == nil || s.Kind != yaml.MappingNode {
		return
	}
	fn(s)
	for key, v := range pairs(s) {
		switch key {
		case "properties", "patternProperties", "$defs", "definitions":
			for _, sub := range pairs(v) {
				walkSchema(sub, fn)
			}
		case "items", "additionalProperties", "not", "contains", "propertyNames", "if", "then", "else":
			walkSchema(v, fn)
		case "allOf", "anyOf", "oneOf", "prefixItems":
			for _, sub := range seqItems(v) {
				walkSchema(sub, fn)
			}
		}
	}
}

func seqItems(n *yaml.Node) []*yaml.Node {
	if n == nil || n.Kind != yaml.SequenceNode {
		return nil
	}
	return n.Content
}
