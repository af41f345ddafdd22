package testutil

import (
	"bytes"
	"encoding/json"
	"maps"
	"os"
	"path/filepath"
	"slices"
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

// FixtureObjects returns the bytes, as written, of every JSON object of
// every response fixture in dir (testdata/responses), nested objects
// included: the inputs on which the union decoding is compared with its
// reference.
func FixtureObjects(t testing.TB, dir string) []json.RawMessage {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(dir, "*.json"))
	require.NoError(t, err)
	require.NotEmpty(t, files, "no fixtures in %s", dir)
	var out []json.RawMessage
	var walk func(raw json.RawMessage)
	walk = func(raw json.RawMessage) {
		switch bytes.TrimSpace(raw)[0] {
		case '{':
			out = append(out, raw)
			var obj map[string]json.RawMessage
			require.NoError(t, json.Unmarshal(raw, &obj))
			for _, k := range slices.Sorted(maps.Keys(obj)) {
				walk(obj[k])
			}
		case '[':
			var arr []json.RawMessage
			require.NoError(t, json.Unmarshal(raw, &arr))
			for _, v := range arr {
				walk(v)
			}
		}
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		require.NoError(t, err)
		walk(data)
	}
	return out
}
