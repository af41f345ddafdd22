package unions

import (
	"bytes"
	"encoding/json"
)

// topLevel is what one pass over the top level of a JSON object finds:
// the raw value of the discriminator property (its last occurrence, as
// encoding/json keeps for a map) and, when asked, the property names.
type topLevel struct {
	prop  []byte   // raw JSON value of the property; nil when absent
	names [][]byte // decoded names, in order (only when asked)
}

// scanObject reads the top level of data, a JSON object starting at
// data[0] == '{', looking for property prop, without decoding or
// allocating for the values it skips. It does not validate what it skips
// (a number, a literal or the inside of a nested value): callers decode
// the object with encoding/json afterwards or check it with json.Valid.
// ok is false when data is not shaped like an object; for every valid
// object the result is what a map[string]json.RawMessage would hold.
func scanObject(data []byte, prop string, wantNames bool) (top topLevel, ok bool) {
	i := skipSpace(data, 1)
	if i < len(data) && data[i] == '}' {
		return top, true
	}
	for i < len(data) {
		if data[i] != '"' {
			return top, false
		}
		end, ok := skipString(data, i)
		if !ok {
			return top, false
		}
		name := data[i+1 : end-1]
		if !plainASCII(name) { // escapes or UTF-8: decoded as encoding/json does
			if name, ok = unescape(data[i:end]); !ok {
				return top, false
			}
		}
		i = skipSpace(data, end)
		if i >= len(data) || data[i] != ':' {
			return top, false
		}
		v := skipSpace(data, i+1)
		vend, ok := skipValue(data, v)
		if !ok {
			return top, false
		}
		if string(name) == prop {
			top.prop = data[v:vend]
		}
		if wantNames {
			top.names = append(top.names, name)
		}
		i = skipSpace(data, vend)
		if i >= len(data) {
			return top, false
		}
		switch data[i] {
		case ',':
			i = skipSpace(data, i+1)
		case '}':
			return top, true
		default:
			return top, false
		}
	}
	return top, false
}

// stringValue returns the string a raw JSON value holds, as
// encoding/json decodes it into a string ("" for anything but a string).
func stringValue(raw []byte) string {
	if len(raw) < 2 || raw[0] != '"' {
		return ""
	}
	inner := raw[1 : len(raw)-1]
	if plainASCII(inner) {
		return string(inner)
	}
	var s string
	if json.Unmarshal(raw, &s) != nil {
		return ""
	}
	return s
}

// unescape decodes a JSON string literal as encoding/json does (escapes
// resolved, invalid UTF-8 replaced).
func unescape(lit []byte) ([]byte, bool) {
	var s string
	if json.Unmarshal(lit, &s) != nil {
		return nil, false
	}
	return []byte(s), true
}

// plainASCII reports whether b holds only printable ASCII without
// backslashes: bytes a JSON string literal keeps as they are.
func plainASCII(b []byte) bool {
	for _, c := range b {
		if c < 0x20 || c >= 0x80 || c == '\\' {
			return false
		}
	}
	return true
}

// skipSpace returns the index of the first byte at or after i that is
// not JSON whitespace.
func skipSpace(data []byte, i int) int {
	for i < len(data) {
		switch data[i] {
		case ' ', '\t', '\n', '\r':
			i++
		default:
			return i
		}
	}
	return i
}

// skipString returns the index just after the string literal starting at
// data[i] == '"'.
func skipString(data []byte, i int) (end int, ok bool) {
	j := i + 1
	for {
		q := bytes.IndexByte(data[j:], '"')
		if q < 0 {
			return 0, false
		}
		bs := bytes.IndexByte(data[j:j+q], '\\')
		if bs < 0 {
			return j + q + 1, true
		}
		j += bs + 2 // the backslash and the byte it escapes
		if j > len(data) {
			return 0, false
		}
	}
}

// skipValue returns the index just after the JSON value starting at
// data[i]: a string, a nested object or array (brackets counted, strings
// skipped), or a scalar (up to the next delimiter).
func skipValue(data []byte, i int) (int, bool) {
	if i >= len(data) {
		return 0, false
	}
	switch data[i] {
	case '"':
		return skipString(data, i)
	case '{', '[':
		return skipNested(data, i)
	}
	j := i
	for j < len(data) {
		switch data[j] {
		case ',', '}', ']', ' ', '\t', '\n', '\r', ':', '"', '{', '[':
			if j == i {
				return 0, false
			}
			return j, true
		}
		j++
	}
	return 0, false // a top-level object never ends on a scalar
}

// skipNested returns the index just after the object or array starting
// at data[i].
func skipNested(data []byte, i int) (int, bool) {
	depth := 0
	for j := i; j < len(data); j++ {
		switch data[j] {
		case '"':
			end, ok := skipString(data, j)
			if !ok {
				return 0, false
			}
			j = end - 1
		case '{', '[':
			depth++
		case '}', ']':
			if depth--; depth == 0 {
				return j + 1, true
			}
		}
	}
	return 0, false
}
