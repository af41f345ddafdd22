// Package unions holds what the generated sum types of package frameio and
// its subpackages (frameio/search) share: JSON helpers for choosing and
// decoding a variant, and for encoding one into its gen wrapper. See
// frameio/union.go for the rules; internal/cmd/gensdk writes the code
// that calls these.
package unions

import (
	"bytes"
	"encoding/json"
	"fmt"
	"reflect"
	"slices"
)

// Object parses data as a JSON object, returning nil for JSON null. union
// names the sum type in errors.
func Object(data []byte, union string) (map[string]json.RawMessage, error) {
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

// StringProp returns obj[name] when it is a JSON string, else "".
func StringProp(obj map[string]json.RawMessage, name string) string {
	var s string
	if raw, ok := obj[name]; ok && json.Unmarshal(raw, &s) == nil {
		return s
	}
	return ""
}

// HasAll reports whether obj has every one of names.
func HasAll(obj map[string]json.RawMessage, names ...string) bool {
	for _, n := range names {
		if _, ok := obj[n]; !ok {
			return false
		}
	}
	return true
}

// IsOneOf reports whether kind is one of values.
func IsOneOf(kind string, values ...string) bool { return slices.Contains(values, kind) }

// UnmarshalVariant decodes data into the variant v of union.
func UnmarshalVariant(data []byte, v any, union, kind string) error {
	if err := json.Unmarshal(data, v); err != nil {
		return fmt.Errorf("frameio: decode %s %q: %w", union, kind, err)
	}
	return nil
}

// CloneRaw copies data so an Unknown variant does not alias a caller's buffer.
func CloneRaw(data []byte) json.RawMessage {
	return json.RawMessage(bytes.Clone(bytes.TrimSpace(data)))
}

// MarshalRaw encodes raw JSON, with null for nothing.
func MarshalRaw(raw json.RawMessage) ([]byte, error) {
	if len(raw) == 0 {
		return []byte("null"), nil
	}
	return raw, nil
}

// DecodeWrapper decodes a gen union wrapper with fromJSON.
func DecodeWrapper[W json.Marshaler, U any](w W, fromJSON func([]byte) (U, error)) (U, error) {
	raw, err := w.MarshalJSON()
	if err != nil {
		var zero U
		return zero, err
	}
	return fromJSON(raw)
}

// DecodeAll decodes each element of ws with decode; the error names the
// index of the first element that fails.
func DecodeAll[W, U any](ws []W, decode func(W) (U, error)) ([]U, error) {
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

// EncodeWrapper encodes v into the gen union wrapper w.
func EncodeWrapper(v json.Marshaler, w json.Unmarshaler, union string) error {
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
