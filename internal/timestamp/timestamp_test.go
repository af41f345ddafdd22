package timestamp

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/require"
)

func TestDecodeByJSONType(t *testing.T) {
	tests := []struct {
		in    string
		frame int
		tc    string
		isNum bool
		isTC  bool
		zero  bool
		str   string
	}{
		{in: `"00:01:12:08"`, tc: "00:01:12:08", isTC: true, str: "00:01:12:08"},
		{in: `1728`, frame: 1728, isNum: true, str: "1728"},
		{in: ` 0 `, isNum: true, str: "0"},
		{in: `-3`, frame: -3, isNum: true, str: "-3"},
		{in: `12.5`, str: "12.5"},
		{in: `true`, str: "true"},
		{in: `{"frame": 3}`, str: `{"frame": 3}`},
		{in: `null`, zero: true},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			var v Value
			require.NoError(t, json.Unmarshal([]byte(tt.in), &v))
			n, isNum := v.FrameNumber()
			tc, isTC := v.Timecode()
			require.Equal(t, tt.isNum, isNum)
			require.Equal(t, tt.frame, n)
			require.Equal(t, tt.isTC, isTC)
			require.Equal(t, tt.tc, tc)
			require.Equal(t, tt.zero, v.IsZero())
			require.Equal(t, tt.str, v.String())

			// Every form encodes back to what it was decoded from.
			enc, err := json.Marshal(v)
			require.NoError(t, err)
			var again Value
			require.NoError(t, json.Unmarshal(enc, &again))
			if raw := v.Raw(); raw != nil {
				require.JSONEq(t, string(raw), string(again.Raw()))
				return
			}
			require.Equal(t, v, again)
		})
	}
}

func TestUnknownKeepsItsJSON(t *testing.T) {
	var v Value
	require.NoError(t, json.Unmarshal([]byte(`12.5`), &v))
	require.Equal(t, json.RawMessage(`12.5`), v.Raw())
	require.Nil(t, FrameNumber(3).Raw())
}

func TestEncode(t *testing.T) {
	for _, tt := range []struct {
		v    Value
		want string
	}{
		{FrameNumber(42), `42`},
		{Timecode("00:00:05:00"), `"00:00:05:00"`},
		{Value{}, `null`},
	} {
		b, err := json.Marshal(tt.v)
		require.NoError(t, err)
		require.Equal(t, tt.want, string(b))
	}
}

// TestOmitZero: an optional timestamp left zero is left out of a request.
func TestOmitZero(t *testing.T) {
	type body struct {
		Text      string `json:"text"`
		Timestamp Value  `json:"timestamp,omitempty,omitzero"`
	}
	b, err := json.Marshal(body{Text: "x"})
	require.NoError(t, err)
	require.JSONEq(t, `{"text": "x"}`, string(b))
	b, err = json.Marshal(body{Text: "x", Timestamp: FrameNumber(7)})
	require.NoError(t, err)
	require.JSONEq(t, `{"text": "x", "timestamp": 7}`, string(b))
}

func TestInvalidJSON(t *testing.T) {
	var v Value
	require.Error(t, v.UnmarshalJSON([]byte(`"unterminated`)))
	require.Error(t, v.UnmarshalJSON([]byte(``)))
}
