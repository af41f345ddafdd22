package unions

import (
	"bytes"
	"encoding/json"
	"fmt"
	"slices"
)

// Head is the top level of a union's JSON object, read in one pass by
// Read or ReadShape: the discriminator's value, and for ReadShape the
// property names. The object itself is decoded once, into the variant
// (Decode), or kept raw for an unknown variant (Raw).
type Head struct {
	// Kind is the discriminator's value when it is a JSON string, else "".
	Kind string

	data  []byte   // the object as given
	union string   // the sum type, for errors
	null  bool     // data is JSON null (or empty)
	names [][]byte // top-level property names (ReadShape only)
}

// Read reads the discriminator prop of the JSON object data, for the sum
// type union (named in errors), without decoding the other properties.
// JSON null gives a Head whose Null is true; anything but an object or
// null is an error. The rest of data is checked by Decode or Raw, with
// the errors the map decoding (Object) gives.
func Read(data []byte, union, prop string) (Head, error) { return read(data, union, prop, false) }

// ReadShape is Read for a union chosen by shape: the Head also knows the
// object's property names (see HasAll).
func ReadShape(data []byte, union, prop string) (Head, error) { return read(data, union, prop, true) }

func read(data []byte, union, prop string, wantNames bool) (Head, error) {
	h := Head{data: data, union: union}
	trimmed := bytes.TrimSpace(data)
	if len(trimmed) == 0 || string(trimmed) == "null" {
		h.null = true
		return h, nil
	}
	if trimmed[0] != '{' {
		return Head{}, notObject(union, trimmed)
	}
	if top, ok := scanObject(trimmed, prop, wantNames); ok {
		h.Kind, h.names = stringValue(top.prop), top.names
		return h, nil
	}
	// Not shaped like an object: the map decoding says why (or, should
	// the scan have refused a valid object, decodes it the slow way).
	obj, err := Object(data, union)
	if err != nil {
		return Head{}, err
	}
	h.Kind = StringProp(obj, prop)
	if wantNames {
		for k := range obj {
			h.names = append(h.names, []byte(k))
		}
	}
	return h, nil
}

// Null reports whether the value was JSON null.
func (h Head) Null() bool { return h.null }

// HasAll reports whether the object has every one of names (ReadShape).
func (h Head) HasAll(names ...string) bool {
	for _, n := range names {
		if !slices.ContainsFunc(h.names, func(have []byte) bool { return string(have) == n }) {
			return false
		}
	}
	return true
}

// Decode decodes the object into the variant v. When the object is not
// valid JSON the error is the map decoding's, as if it had been read
// whole first; otherwise it names the union and the variant.
func (h Head) Decode(v any) error {
	if err := json.Unmarshal(h.data, v); err != nil {
		if _, oerr := Object(h.data, h.union); oerr != nil {
			return oerr
		}
		return fmt.Errorf("frameio: decode %s %q: %w", h.union, h.Kind, err)
	}
	return nil
}

// Raw returns a copy of the object (trimmed), for an unknown variant: it
// must not alias the caller's buffer. Invalid JSON is an error, the map
// decoding's.
func (h Head) Raw() (json.RawMessage, error) {
	trimmed := bytes.TrimSpace(h.data)
	if !json.Valid(trimmed) {
		_, err := Object(trimmed, h.union)
		return nil, err
	}
	return json.RawMessage(bytes.Clone(trimmed)), nil
}

// IsOneOf reports whether kind is one of values.
func IsOneOf(kind string, values ...string) bool { return slices.Contains(values, kind) }
