// Package unions holds what the generated sum types of package frameio and
// its subpackages (frameio/metadata, frameio/search) share: reading a
// union's discriminator in one pass over the object's top level (Read,
// ReadShape), decoding the chosen variant or keeping an unknown one raw
// (Head), and encoding a variant into its gen wrapper. See
// frameio/union.go for the rules; internal/cmd/gensdk writes the code
// that calls these.
package unions

import (
	"encoding/json"
	"fmt"
	"reflect"
)

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
