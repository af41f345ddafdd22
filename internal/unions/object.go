package unions

import (
	"bytes"
	"encoding/json"
	"fmt"
)

// Object parses data as a JSON object into a map of its properties,
// returning nil for JSON null. union names the sum type in errors. It is
// the slow reading Read falls back on to explain why data is not an
// object, and the reference Read's tests compare with.
func Object(data []byte, union string) (map[string]json.RawMessage, error) {
	trimmed := bytes.TrimSpace(data)
	if len(trimmed) == 0 || bytes.Equal(trimmed, []byte("null")) {
		return nil, nil
	}
	if trimmed[0] != '{' {
		return nil, notObject(union, trimmed)
	}
	var obj map[string]json.RawMessage
	if err := json.Unmarshal(trimmed, &obj); err != nil {
		return nil, fmt.Errorf("frameio: decode %s: %w", union, err)
	}
	return obj, nil
}

// notObject is the error for a union value that is neither an object nor null.
func notObject(union string, trimmed []byte) error {
	return fmt.Errorf("frameio: decode %s: want a JSON object, got %.20q", union, trimmed)
}

// StringProp returns obj[name] when it is a JSON string, else "".
func StringProp(obj map[string]json.RawMessage, name string) string {
	var s string
	if raw, ok := obj[name]; ok && json.Unmarshal(raw, &s) == nil {
		return s
	}
	return ""
}
