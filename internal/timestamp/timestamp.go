// Package timestamp holds the Go type of a comment's timestamp, shared by
// gen (whose comment models use it, through the specfix step
// comment-timestamp) and frameio (which names it frameio.CommentTimestamp).
// It lives apart because gen cannot import frameio.
package timestamp

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strconv"
)

// kind says which form a Value holds.
type kind uint8

const (
	none kind = iota
	frame
	timecode
	other
)

// Value is where a comment sits in its media: a frame number (a JSON
// integer) or a SMPTE timecode "HH:MM:SS:FF" (a JSON string). The zero
// Value is no timestamp; it decodes from JSON null. A JSON value of another
// kind (a fractional number, say) is kept as received (Raw) and encodes back
// unchanged.
type Value struct {
	kind kind
	n    int
	tc   string
	raw  json.RawMessage
}

// FrameNumber returns the timestamp of frame n.
func FrameNumber(n int) Value { return Value{kind: frame, n: n} }

// Timecode returns the timestamp at a SMPTE timecode, "HH:MM:SS:FF".
func Timecode(tc string) Value { return Value{kind: timecode, tc: tc} }

// FrameNumber returns the frame number, and whether v is one.
func (v Value) FrameNumber() (int, bool) { return v.n, v.kind == frame }

// Timecode returns the timecode, and whether v is one.
func (v Value) Timecode() (string, bool) { return v.tc, v.kind == timecode }

// Raw returns the JSON of a timestamp that is neither a frame number nor a
// timecode, nil otherwise.
func (v Value) Raw() json.RawMessage { return bytes.Clone(v.raw) }

// IsZero reports whether v is no timestamp (so omitzero leaves it out).
func (v Value) IsZero() bool { return v.kind == none }

// String returns the frame number or the timecode, "" for no timestamp.
func (v Value) String() string {
	switch v.kind {
	case frame:
		return strconv.Itoa(v.n)
	case timecode:
		return v.tc
	case other:
		return string(v.raw)
	}
	return ""
}

// MarshalJSON encodes v as the API expects it: an integer, a string, the
// value as received, or null for no timestamp.
func (v Value) MarshalJSON() ([]byte, error) {
	switch v.kind {
	case frame:
		return strconv.AppendInt(nil, int64(v.n), 10), nil
	case timecode:
		return json.Marshal(v.tc)
	case other:
		return bytes.Clone(v.raw), nil
	}
	return []byte("null"), nil
}

// UnmarshalJSON decodes a timestamp by its JSON type: a string is a
// timecode, an integer a frame number, null no timestamp, and anything else
// is kept as received.
func (v *Value) UnmarshalJSON(data []byte) error {
	trimmed := bytes.TrimSpace(data)
	if !json.Valid(trimmed) {
		return fmt.Errorf("comment timestamp: invalid JSON %.20q", trimmed)
	}
	switch {
	case bytes.Equal(trimmed, []byte("null")):
		*v = Value{}
		return nil
	case trimmed[0] == '"':
		var s string
		if err := json.Unmarshal(trimmed, &s); err != nil {
			return fmt.Errorf("comment timestamp: %w", err)
		}
		*v = Timecode(s)
		return nil
	}
	if n, err := strconv.ParseInt(string(trimmed), 10, 0); err == nil {
		*v = FrameNumber(int(n))
		return nil
	}
	*v = Value{kind: other, raw: bytes.Clone(trimmed)}
	return nil
}
