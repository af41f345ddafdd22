package webhook

import (
	"encoding/json"
	"strconv"
)

// FormData holds the values of a submitted form, keyed by field name, as
// decoded from the payload's "data" object. Values are JSON values: the
// documentation shows strings, including for boolean fields ("false"); the
// accessors below also accept JSON booleans, numbers and arrays.
type FormData map[string]any

// Has reports whether the form data contains a value for name.
func (d FormData) Has(name string) bool {
	_, ok := d[name]
	return ok
}

// String returns the value of name as a string: strings as is, booleans and
// numbers formatted, arrays and objects as JSON, and "" if absent or null.
func (d FormData) String(name string) string {
	return stringify(d[name])
}

// Bool returns the value of name as a boolean: a JSON boolean, or a string
// accepted by [strconv.ParseBool] ("true", "false", "1", "0", ...). It
// returns false if the value is absent or not a boolean.
func (d FormData) Bool(name string) bool {
	switch v := d[name].(type) {
	case bool:
		return v
	case string:
		b, err := strconv.ParseBool(v)
		return err == nil && b
	}
	return false
}

// Strings returns the value of name as a list: each element of an array
// (formatted like [FormData.String]), a single value as a one-element list,
// or nil if absent or null. It suits multi-select fields.
func (d FormData) Strings(name string) []string {
	switch v := d[name].(type) {
	case nil:
		return nil
	case []any:
		out := make([]string, 0, len(v))
		for _, x := range v {
			out = append(out, stringify(x))
		}
		return out
	default:
		return []string{stringify(v)}
	}
}

func stringify(v any) string {
	switch v := v.(type) {
	case nil:
		return ""
	case string:
		return v
	case bool:
		return strconv.FormatBool(v)
	case float64:
		return strconv.FormatFloat(v, 'f', -1, 64)
	default:
		b, err := json.Marshal(v)
		if err != nil {
			return ""
		}
		return string(b)
	}
}
