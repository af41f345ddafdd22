package frameio

// Unions.
//
// The API returns and accepts several polymorphic objects. gen/ models each
// as a struct wrapping raw JSON; this package decodes them into Go sum types:
// an interface with one pointer type per variant, for use in a type switch:
//
//	assets, err := frameio.FolderAssets(resp)
//	for _, a := range assets {
//		switch a := a.(type) {
//		case *frameio.File:
//			fmt.Println("file", a.Name, a.FileSize)
//		case *frameio.Folder:
//			fmt.Println("folder", a.Name)
//		case *frameio.VersionStack:
//			fmt.Println("version stack", a.Name)
//		case *frameio.UnknownAsset: // a type added to the API after this SDK
//			fmt.Println("unknown asset", a.Type)
//		}
//	}
//
// Each variant type is a defined type over its gen struct (File is
// gen.AssetWithIncludesFileWithIncludes), so the two convert freely.
//
// Decoding rules, the same for every union:
//
//   - Discriminated unions (Asset, MetadataValue, FieldDefinition,
//     FieldDefinitionWithIncludes, FieldDefinitionParams,
//     UpdateFieldDefinitionParams, Group, ShareParams) choose the variant by
//     the discriminator property, using the spec's discriminator.mapping.
//     Several values may share a variant (MetadataValue "text" and
//     "long_text" are both *TextValue); the variant keeps the value it was
//     decoded from.
//   - Unions without discriminator (SearchMatch, SearchResult) choose the
//     first variant, in the spec's oneOf order, whose required properties are
//     all present and whose tag property ("type") holds one of the values of
//     its enum. Timestamp (a string or an integer) is chosen by JSON type.
//   - A oneOf of one schema and null is not a union here: gen decodes it as
//     nullable.Nullable[T] or *T, null meaning null.
//   - A value no variant matches (an unknown or missing discriminator, a new
//     kind of search match) is never an error: it decodes into the union's
//     Unknown variant, which keeps the JSON as received and encodes back to it
//     unchanged. JSON null decodes into a nil interface.
//   - Errors are reserved for input that is not a JSON object (or null) and
//     for a known variant whose properties have the wrong JSON types.
//
// Encoding goes the other way: Encode<Union> builds the gen wrapper from a
// variant, setting the discriminator from the variant's Go type, so a
// request body never needs it spelled out.
//
// The sum types, variant types and their Decode/Encode functions are
// generated from api/frameio.codegen.yaml into union_gen.go by
// internal/cmd/genunions.

//go:generate go run ../internal/cmd/genunions -in ../api/frameio.codegen.yaml -out union_gen.go

import (
	"bytes"
	"encoding/json"
	"fmt"
	"reflect"
	"slices"
)

// jsonObject parses data as a JSON object, returning nil for JSON null.
func jsonObject(data []byte, union string) (map[string]json.RawMessage, error) {
	trimmed := bytes.TrimSpace(data)
	if len(trimmed) == 0 || bytes.Equal(trimmed, []byte("null")) {
		return nil, nil
	}
	if trimmed[0] != '{' {
		return nil, fmt.Errorf("frameio: decode %s: want a JSON object, got %.20q", union, trimmed)
	}
	var obj map[string]json.RawMessage
	if err := json.Unmarshal(trimmed, &obj); err != nil {
		return nil, fmt.Errorf("frameio: decode %s: %w", union, err)
	}
	return obj, nil
}

// stringProp returns obj[name] when it is a JSON string, else "".
func stringProp(obj map[string]json.RawMessage, name string) string {
	var s string
	if raw, ok := obj[name]; ok && json.Unmarshal(raw, &s) == nil {
		return s
	}
	return ""
}

// hasAll reports whether obj has every one of names.
func hasAll(obj map[string]json.RawMessage, names ...string) bool {
	for _, n := range names {
		if _, ok := obj[n]; !ok {
			return false
		}
	}
	return true
}

// isOneOf reports whether kind is one of values.
func isOneOf(kind string, values ...string) bool { return slices.Contains(values, kind) }

// unmarshalVariant decodes data into the variant v of union.
func unmarshalVariant(data []byte, v any, union, kind string) error {
	if err := json.Unmarshal(data, v); err != nil {
		return fmt.Errorf("frameio: decode %s %q: %w", union, kind, err)
	}
	return nil
}

// cloneRaw copies data so an Unknown variant does not alias a caller's buffer.
func cloneRaw(data []byte) json.RawMessage {
	return json.RawMessage(bytes.Clone(bytes.TrimSpace(data)))
}

// marshalRaw encodes raw JSON, with null for nothing.
func marshalRaw(raw json.RawMessage) ([]byte, error) {
	if len(raw) == 0 {
		return []byte("null"), nil
	}
	return raw, nil
}

// decodeWrapper decodes a gen union wrapper with fromJSON.
func decodeWrapper[W json.Marshaler, U any](w W, fromJSON func([]byte) (U, error)) (U, error) {
	raw, err := w.MarshalJSON()
	if err != nil {
		var zero U
		return zero, err
	}
	return fromJSON(raw)
}

// decodeAll decodes each element of ws with decode.
func decodeAll[W, U any](ws []W, decode func(W) (U, error)) ([]U, error) {
	if ws == nil {
		return nil, nil
	}
	out := make([]U, len(ws))
	for i, w := range ws {
		u, err := decode(w)
		if err != nil {
			return nil, fmt.Errorf("element %d: %w", i, err)
		}
		out[i] = u
	}
	return out, nil
}

// encodeWrapper encodes v into the gen union wrapper w.
func encodeWrapper(v json.Marshaler, w json.Unmarshaler, union string) error {
	if v == nil {
		return fmt.Errorf("frameio: encode %s: nil value", union)
	}
	if rv := reflect.ValueOf(v); rv.Kind() == reflect.Pointer && rv.IsNil() {
		return fmt.Errorf("frameio: encode %s: nil %T", union, v)
	}
	raw, err := v.MarshalJSON()
	if err != nil {
		return err
	}
	return w.UnmarshalJSON(raw)
}
