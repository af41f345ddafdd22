package frameio_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/frameio-go/frameio-go/frameio"
	"github.com/frameio-go/frameio-go/gen"
)

func TestCommentTimestamp(t *testing.T) {
	tests := []struct {
		in   string
		want frameio.CommentTimestamp
	}{
		{`"00:01:12:08"`, frameio.Timecode("00:01:12:08")},
		{`1728`, frameio.FrameNumber(1728)},
		{` 0 `, frameio.FrameNumber(0)},
		{`-3`, frameio.FrameNumber(-3)},
		{`12.5`, &frameio.UnknownCommentTimestamp{Raw: []byte(`12.5`)}},
		{`true`, &frameio.UnknownCommentTimestamp{Raw: []byte(`true`)}},
		{`{"frame": 3}`, &frameio.UnknownCommentTimestamp{Raw: []byte(`{"frame": 3}`)}},
		{`null`, nil},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			var w gen.TimeStamp
			require.NoError(t, w.UnmarshalJSON([]byte(tt.in)))
			got, err := frameio.DecodeCommentTimestamp(w)
			require.NoError(t, err)
			require.Equal(t, tt.want, got)
			if got == nil {
				return
			}
			enc, err := frameio.EncodeCommentTimestamp(got)
			require.NoError(t, err)
			again, err := frameio.DecodeCommentTimestamp(enc)
			require.NoError(t, err)
			require.Equal(t, got, again)
		})
	}

	_, err := frameio.CommentTimestampFromJSON([]byte(`"unterminated`))
	require.Error(t, err)
	_, err = frameio.EncodeCommentTimestamp(nil)
	require.Error(t, err)

	// gen agrees on the integer variant.
	enc, err := frameio.EncodeCommentTimestamp(frameio.FrameNumber(42))
	require.NoError(t, err)
	n, err := enc.AsTimeStamp1()
	require.NoError(t, err)
	require.Equal(t, 42, n)
}
