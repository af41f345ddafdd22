package testutil

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/require"
)

// JSONEqNullAbsent asserts that want and got are the same JSON once object
// members whose value is null are left out of both: an optional field that
// is null decodes to a nil pointer in the generated models, which encodes
// as absent (their one rule: nil is absent or null).
func JSONEqNullAbsent(t testing.TB, want, got []byte, msgAndArgs ...any) {
	t.Helper()
	var w, g any
	require.NoError(t, json.Unmarshal(want, &w))
	require.NoError(t, json.Unmarshal(got, &g))
	require.Equal(t, dropNulls(w), dropNulls(g), msgAndArgs...)
}

// dropNulls returns v without the object members whose value is null.
func dropNulls(v any) any {
	switch x := v.(type) {
	case map[string]any:
		out := make(map[string]any, len(x))
		for k, e := range x {
			if e != nil {
				out[k] = dropNulls(e)
			}
		}
		return out
	case []any:
		out := make([]any, len(x))
		for i, e := range x {
			out[i] = dropNulls(e)
		}
		return out
	}
	return v
}
