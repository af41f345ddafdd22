package specbuild

import (
	"regexp"
	"strings"
)

// kind names an OpenAPI object type: the grammar context a key is read in.
type kind int

const (
	kDocument kind = iota
	kInfo
	kPaths
	kPathItem
	kOperation
	kParameter
	kRequestBody
	kResponses
	kResponse
	kContent
	kMediaType
	kComponents
	kSchemas
	kSecuritySchemes
	kSecurityScheme
	kServer
	kSchema
	kProperties
	kDiscriminator
	kMapping
	kHeaders
	kHeader
)

var kindNames = [...]string{"document", "info", "paths", "path item", "operation", "parameter",
	"request body", "responses", "response", "content", "media type", "components", "schemas",
	"security schemes", "security scheme", "server", "schema", "properties", "discriminator",
	"mapping", "headers", "header"}

func (k kind) String() string { return kindNames[k] }

// role tells where a schema sits; some keys attach differently by role.
type role int

const (
	roleNone role = iota
	roleComponent
	roleProperty
	roleItems
	roleVariant
	roleParam
	roleMedia
	roleAdditional
)

// vkind is the shape of a key's value.
type vkind int

const (
	vText         vkind = iota // free text: plain words, a quoted scalar or a block scalar
	vScalar                    // one word or one quoted scalar
	vScalarList                // "- a - b"
	vTypeVal                   // a scalar or a scalar list (JSON Schema "type")
	vMap                       // a nested object of kind child
	vMapList                   // "- k: v ... - k: v": a list of objects of kind child
	vSchemaOrBool              // additionalProperties
)

type spec struct {
	v     vkind
	child kind
	role  role
}

var (
	text       = spec{v: vText}
	scalar     = spec{v: vScalar}
	scalarList = spec{v: vScalarList}
)

// grammar lists, per fixed-key object, the keys it may hold. Keys of
// free-form maps (paths, responses, content, schemas, properties, ...) are
// recognised by freeKey instead.
var grammar = map[kind]map[string]spec{
	kDocument: {
		"openapi": scalar, "jsonSchemaDialect": scalar,
		"info":       {v: vMap, child: kInfo},
		"paths":      {v: vMap, child: kPaths},
		"servers":    {v: vMapList, child: kServer},
		"components": {v: vMap, child: kComponents},
	},
	kInfo: {"title": text, "summary": text, "description": text, "version": scalar, "termsOfService": scalar},
	kPathItem: {
		"get": {v: vMap, child: kOperation}, "put": {v: vMap, child: kOperation},
		"post": {v: vMap, child: kOperation}, "delete": {v: vMap, child: kOperation},
		"patch": {v: vMap, child: kOperation}, "head": {v: vMap, child: kOperation},
		"options": {v: vMap, child: kOperation}, "trace": {v: vMap, child: kOperation},
		"summary": text, "description": text,
		"parameters": {v: vMapList, child: kParameter},
	},
	// servers is deliberately absent from path items and operations: in
	// these fragments a servers list written after an operation is
	// document-level.
	kOperation: {
		"operationId": scalar, "summary": text, "description": text, "deprecated": scalar,
		"tags":        scalarList,
		"parameters":  {v: vMapList, child: kParameter},
		"requestBody": {v: vMap, child: kRequestBody},
		"responses":   {v: vMap, child: kResponses},
	},
	kParameter: {
		"name": scalar, "in": scalar, "description": text, "required": scalar, "deprecated": scalar,
		"allowEmptyValue": scalar, "style": scalar, "explode": scalar, "allowReserved": scalar,
		"schema": {v: vMap, child: kSchema, role: roleParam},
	},
	kRequestBody: {"description": text, "required": scalar, "content": {v: vMap, child: kContent}},
	kResponse: {
		"description": text,
		"content":     {v: vMap, child: kContent},
		"headers":     {v: vMap, child: kHeaders},
	},
	kHeader:     {"description": text, "required": scalar, "schema": {v: vMap, child: kSchema, role: roleParam}},
	kMediaType:  {"schema": {v: vMap, child: kSchema, role: roleMedia}},
	kComponents: {"schemas": {v: vMap, child: kSchemas}, "securitySchemes": {v: vMap, child: kSecuritySchemes}},
	kSecurityScheme: {
		"type": scalar, "scheme": scalar, "bearerFormat": scalar, "description": text,
		"name": scalar, "in": scalar, "openIdConnectUrl": scalar,
	},
	kServer:        {"url": scalar, "description": text},
	kDiscriminator: {"propertyName": scalar, "mapping": {v: vMap, child: kMapping}},
	kSchema: {
		"$ref": scalar, "type": {v: vTypeVal}, "format": scalar, "title": text, "description": text,
		"default": scalar, "const": scalar, "enum": scalarList, "required": scalarList,
		"items":                {v: vMap, child: kSchema, role: roleItems},
		"properties":           {v: vMap, child: kProperties},
		"additionalProperties": {v: vSchemaOrBool, child: kSchema, role: roleAdditional},
		"oneOf":                {v: vMapList, child: kSchema, role: roleVariant},
		"anyOf":                {v: vMapList, child: kSchema, role: roleVariant},
		"allOf":                {v: vMapList, child: kSchema, role: roleVariant},
		"discriminator":        {v: vMap, child: kDiscriminator},
		"minimum":              scalar, "maximum": scalar, "exclusiveMinimum": scalar, "exclusiveMaximum": scalar,
		"minLength": scalar, "maxLength": scalar, "pattern": scalar, "minItems": scalar, "maxItems": scalar,
		"uniqueItems": scalar, "deprecated": scalar, "readOnly": scalar, "writeOnly": scalar,
		"nullable": scalar, "example": scalar,
	},
}

// schemaRank is the order in which the docs' generator writes schema keys.
// A key ranked below one the schema already holds cannot belong to it: it
// closes the schema and goes to an enclosing one.
var schemaRank = map[string]int{
	"$ref": 0, "oneOf": 1, "anyOf": 1, "allOf": 1, "type": 2, "const": 3, "enum": 3, "format": 4,
	"items": 5, "properties": 6, "additionalProperties": 7, "required": 8,
	"default": 9, "minimum": 9, "maximum": 9, "exclusiveMinimum": 9, "exclusiveMaximum": 9,
	"minLength": 9, "maxLength": 9, "pattern": 9, "minItems": 9, "maxItems": 9, "uniqueItems": 9,
	"deprecated": 9, "readOnly": 9, "writeOnly": 9, "nullable": 9, "example": 9,
	"description": 10, "discriminator": 11, "title": 12,
}

var statusRE = regexp.MustCompile(`^([1-5][0-9X][0-9X]|default)$`)

// freeKey reports which child a free-form map gives to key, given whether
// the next word is a schema keyword key (schemaNext) or any key (keyNext).
func freeKey(k kind, key string, keyNext, schemaNext bool) (spec, bool) {
	switch k {
	case kPaths:
		if strings.HasPrefix(key, "/") && keyNext {
			return spec{v: vMap, child: kPathItem}, true
		}
	case kResponses:
		if statusRE.MatchString(key) && keyNext {
			return spec{v: vMap, child: kResponse}, true
		}
	case kContent:
		if strings.Contains(key, "/") && keyNext {
			return spec{v: vMap, child: kMediaType}, true
		}
	case kHeaders:
		if keyNext {
			return spec{v: vMap, child: kHeader}, true
		}
	case kSchemas:
		if schemaNext {
			return spec{v: vMap, child: kSchema, role: roleComponent}, true
		}
	case kProperties:
		if schemaNext {
			return spec{v: vMap, child: kSchema, role: roleProperty}, true
		}
	case kSecuritySchemes:
		if keyNext {
			return spec{v: vMap, child: kSecurityScheme}, true
		}
	case kMapping:
		if !keyNext {
			return scalar, true
		}
	}
	return spec{}, false
}

// isSchemaKeyword reports whether key can start a schema object.
func isSchemaKeyword(key string) bool {
	_, ok := grammar[kSchema][key]
	return ok
}
