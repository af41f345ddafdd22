package frameio

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strconv"

	"github.com/frameio-go/frameio-go/gen"
)

// CommentTimestamp is where a comment sits in its media: the typed form of
// gen.TimeStamp, a oneOf of a timecode string and an integer.
//
// Its dynamic type is Timecode (a JSON string), FrameNumber (a JSON
// integer), or *UnknownCommentTimestamp for any other JSON value.
type CommentTimestamp interface {
	// MarshalJSON encodes the timestamp as the API expects it.
	MarshalJSON() ([]byte, error)
	isCommentTimestamp()
}

// Timecode is a CommentTimestamp written as a SMPTE timecode, "HH:MM:SS:FF".
type Timecode string

// FrameNumber is a CommentTimestamp written as a frame number.
type FrameNumber int

// UnknownCommentTimestamp is a CommentTimestamp that is neither a string
// nor an integer (a fractional number, say). Raw keeps it as received.
type UnknownCommentTimestamp struct {
	// Raw is the JSON value, undecoded.
	Raw json.RawMessage
}

func (Timecode) isCommentTimestamp()                 {}
func (FrameNumber) isCommentTimestamp()              {}
func (*UnknownCommentTimestamp) isCommentTimestamp() {}

// MarshalJSON encodes t as a JSON string.
func (t Timecode) MarshalJSON() ([]byte, error) { return json.Marshal(string(t)) }

// MarshalJSON encodes n as a JSON integer.
func (n FrameNumber) MarshalJSON() ([]byte, error) { return strconv.AppendInt(nil, int64(n), 10), nil }

// MarshalJSON returns u.Raw.
func (u *UnknownCommentTimestamp) MarshalJSON() ([]byte, error) { return marshalRaw(u.Raw) }

// CommentTimestampFromJSON decodes a comment timestamp by its JSON type: a
// string is a Timecode, an integer a FrameNumber, null a nil
// CommentTimestamp, and anything else an *UnknownCommentTimestamp.
func CommentTimestampFromJSON(data []byte) (CommentTimestamp, error) {
	trimmed := bytes.TrimSpace(data)
	if len(trimmed) == 0 || bytes.Equal(trimmed, []byte("null")) {
		return nil, nil
	}
	if !json.Valid(trimmed) {
		return nil, fmt.Errorf("frameio: decode CommentTimestamp: invalid JSON %.20q", trimmed)
	}
	switch trimmed[0] {
	case '"':
		var s string
		if err := json.Unmarshal(trimmed, &s); err != nil {
			return nil, fmt.Errorf("frameio: decode CommentTimestamp: %w", err)
		}
		return Timecode(s), nil
	case '-', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9':
		if n, err := strconv.ParseInt(string(trimmed), 10, 0); err == nil {
			return FrameNumber(n), nil
		}
	}
	return &UnknownCommentTimestamp{Raw: cloneRaw(trimmed)}, nil
}

// DecodeCommentTimestamp decodes the gen wrapper of a comment timestamp; see
// CommentTimestampFromJSON.
func DecodeCommentTimestamp(u gen.TimeStamp) (CommentTimestamp, error) {
	return decodeWrapper(u, CommentTimestampFromJSON)
}

// EncodeCommentTimestamp builds the gen wrapper of t, for comment requests.
func EncodeCommentTimestamp(t CommentTimestamp) (gen.TimeStamp, error) {
	var u gen.TimeStamp
	return u, encodeWrapper(t, &u, "CommentTimestamp")
}
