package unions

import (
	"bytes"
	"encoding/json"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/frameio-go/frameio-go/internal/testutil"
)

// props are the discriminators of the SDK's unions.
var props = []string{"type", "source", "field_type"}

// requireAgrees checks that Read and ReadShape find in data the
// discriminator and the property names the map decoding finds.
func requireAgrees(t *testing.T, data []byte) {
	t.Helper()
	obj, err := Object(data, "U")
	require.NoError(t, err)
	for _, prop := range props {
		h, err := ReadShape(data, "U", prop)
		require.NoError(t, err)
		require.Equal(t, StringProp(obj, prop), h.Kind, "%s of %s", prop, data)
		names := map[string]bool{}
		for _, n := range h.names {
			names[string(n)] = true
		}
		require.Equal(t, slices.Sorted(maps.Keys(obj)), slices.Sorted(maps.Keys(names)), "names of %s", data)
		require.True(t, h.HasAll(slices.Collect(maps.Keys(obj))...))
		require.False(t, h.HasAll("no such property"))

		d, err := Read(data, "U", prop)
		require.NoError(t, err)
		require.Equal(t, h.Kind, d.Kind)
	}
}

// TestReadAgreesOnFixtures reads every object of every response fixture
// (nested ones included, as indented in the files) with Read and with the
// map decoding.
func TestReadAgreesOnFixtures(t *testing.T) {
	for _, obj := range testutil.FixtureObjects(t, "../../testdata/responses") {
		requireAgrees(t, obj)
	}
}

// TestReadEdgeCases covers what a one-pass reading can get wrong: names
// and values written with escapes, repeated names (the last wins, as in a
// map), discriminators that are not strings, the same name nested,
// strings holding brackets, quotes and backslashes, and odd spacing.
func TestReadEdgeCases(t *testing.T) {
	for _, in := range []string{
		`{}`, ` { } `, `{"type":"file"}`, "\t{\n\"type\" :\r\"file\" ,\"a\": 1 }\n",
		`{"typ\u0065":"file"}`, `{"type":"fi\u006ce"}`, `{"type":"\u00e9t\u00e9"}`, `{"type":"été"}`,
		`{"type":"a\"b"}`, `{"type":"a\\"}`, `{"type":"\\\""}`, `{"t\"ype":"x","type":"y"}`,
		`{"type":"file","type":"folder"}`, `{"type":"file","type":7}`, `{"type":7,"type":"file"}`,
		`{"type":null}`, `{"type":true}`, `{"type":{"type":"file"}}`, `{"type":["file"]}`, `{"type":-1.5e3}`,
		`{"a":{"type":"file"},"b":[{"type":"folder"}],"type":"version_stack"}`,
		`{"a":"}{][\"","type":"x"}`, `{"a":"\\","type":"x"}`, `{"a":[[[{}]],{"b":[]}],"type":"x"}`,
		`{"a":[1,2,{"c":"d"}],"b":false,"c":null,"d":0}`,
		"{\"type\":\"\xff\xfe\"}", "{\"\xff\":1,\"type\":\"x\"}", `{"\u0000":1}`, `{"source":"adobe","field_type":"date"}`,
	} {
		t.Run(in, func(t *testing.T) { requireAgrees(t, []byte(in)) })
	}
}

// legacy is the decoding of a union before Read: the whole object into a
// map, the discriminator from it, then the variant (a copy of the
// generated code it replaces), here over a test union of one variant.
func legacy(data []byte, shape bool) (any, error) {
	obj, err := Object(data, "U")
	if err != nil || obj == nil {
		return nil, err
	}
	kind := StringProp(obj, "type")
	_, hasN := obj["n"]
	if kind == "a" && (!shape || hasN) {
		v := new(variant)
		if err := json.Unmarshal(data, v); err != nil {
			return nil, fmt.Errorf("frameio: decode %s %q: %w", "U", kind, err)
		}
		return v, nil
	}
	return &unknown{Type: kind, Raw: json.RawMessage(bytes.Clone(bytes.TrimSpace(data)))}, nil
}

// current is the same union decoded as the generated code now does.
func current(data []byte, shape bool) (any, error) {
	read := Read
	if shape {
		read = ReadShape
	}
	h, err := read(data, "U", "type")
	if err != nil || h.Null() {
		return nil, err
	}
	if h.Kind == "a" && (!shape || h.HasAll("n")) {
		v := new(variant)
		if err := h.Decode(v); err != nil {
			return nil, err
		}
		return v, nil
	}
	raw, err := h.Raw()
	if err != nil {
		return nil, err
	}
	return &unknown{Type: h.Kind, Raw: raw}, nil
}

type variant struct {
	Type string         `json:"type"`
	N    int            `json:"n"`
	M    map[string]any `json:"m"`
}

type unknown struct {
	Type string
	Raw  json.RawMessage
}

// requireSame checks that the legacy and the current decoding of data
// give the same value or the same error.
func requireSame(t *testing.T, data []byte) {
	t.Helper()
	for _, shape := range []bool{false, true} {
		want, wantErr := legacy(data, shape)
		got, gotErr := current(data, shape)
		if wantErr != nil {
			require.Error(t, gotErr, "%q", data)
			require.Equal(t, wantErr.Error(), gotErr.Error(), "%q", data)
			continue
		}
		require.NoError(t, gotErr, "%q", data)
		require.Equal(t, want, got, "%q", data)
	}
}

// TestDecodeAsBefore compares the whole decoding, values and errors, with
// the legacy one on valid, unknown and malformed input.
func TestDecodeAsBefore(t *testing.T) {
	for _, in := range []string{
		``, ` null `, `{}`, `{"type":"a","n":1}`, `{"type":"a"}`, `{"type":"b","n":1}`, `{"n":1}`,
		`{"type":"a","n":"one"}`, `{"type":"b","n":"one"}`, `{"type":"a","m":{"x":[1,{"y":null}]}}`,
		`[]`, `"a"`, `42`, `{"type":`, `{"type":"a"`, `{"type":"a",}`, `{"type":"a"}x`, `{"type":"a"} {}`,
		`{"type":"a","n":tru}`, `{"type":"b","n":01}`, `{"type" "a"}`, `{type:"a"}`, `{"type":"a","n":[1,}`,
		`{"type":"a","m":{"x":]}}`, `{"type":"b","m":{"x":]}}`, "{\"type\":\"a\x01\"}", `{"a":"\q"}`, `{"type":"a\`,
		`{"type":"a","m":{"x":` + strings.Repeat("[", 10001) + strings.Repeat("]", 10001) + `}}`,
		`{"type":"b","m":` + strings.Repeat("[", 10001) + strings.Repeat("]", 10001) + `}`,
	} {
		t.Run(fmt.Sprintf("%.40s", in), func(t *testing.T) { requireSame(t, []byte(in)) })
	}
}

// FuzzRead: reading never panics, agrees with the map decoding on every
// valid object, and the whole decoding gives the legacy value or error.
func FuzzRead(f *testing.F) {
	for _, s := range []string{`{"type":"a","n":1}`, `{"typ\u0065":"a","n":2}`, `{"type":"b","x":{"type":"a"}}`, `{"a":"\\\"}"}`, `{"type":"a","n":[`} {
		f.Add([]byte(s))
	}
	files, _ := filepath.Glob("../../testdata/responses/*.nulls.json")
	for _, name := range files[:min(len(files), 20)] {
		if data, err := os.ReadFile(name); err == nil {
			f.Add(data)
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		for _, prop := range props {
			_, _ = ReadShape(data, "U", prop)
		}
		if trimmed := bytes.TrimSpace(data); json.Valid(trimmed) && trimmed[0] == '{' {
			requireAgrees(t, data)
		}
		requireSame(t, data)
	})
}
