package frameio

import "github.com/frameio-go/frameio-go/internal/timestamp"

// CommentTimestamp is where a comment sits in its media: a frame number or
// a SMPTE timecode ("HH:MM:SS:FF"). Comments take it and return it as is
// (gen.Comment.Timestamp, gen.CreateCommentParamsData.Timestamp):
//
//	client.Comments.Create(ctx, accountID, fileID, nil, gen.CreateCommentParamsData{
//		Text: "Cut here", Timestamp: frameio.FrameNumber(120)})
//	if n, ok := c.Timestamp.FrameNumber(); ok { ... }   // or c.Timestamp.Timecode()
//
// Its methods: FrameNumber() (int, bool) and Timecode() (string, bool) tell
// the form and give the value; IsZero reports no timestamp (the zero
// value, and what JSON null decodes to); String prints it; Raw keeps a
// JSON value of another kind (a fractional number, say) as received, which
// encodes back unchanged.
type CommentTimestamp = timestamp.Value

// FrameNumber returns the comment timestamp of frame n.
func FrameNumber(n int) CommentTimestamp { return timestamp.FrameNumber(n) }

// Timecode returns the comment timestamp at a SMPTE timecode, "HH:MM:SS:FF".
func Timecode(tc string) CommentTimestamp { return timestamp.Timecode(tc) }
