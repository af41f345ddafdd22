package frameiotest_test

import (
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/frameio-go/frameio-go/frameiotest"
)

// TestIncludesAreHonoured calls every operation that documents an include
// query parameter once per value and checks that every resource of the
// answer carries what was asked for: creator, owner, user and project as
// objects, media_links, metadata and replies as present.
func TestIncludesAreHonoured(t *testing.T) {
	srv := frameiotest.NewServer(t)
	e := setupEveryOperation(t, srv)
	checked := 0
	for _, op := range e.ops {
		if len(op.Includes) == 0 || op.Method != http.MethodGet {
			continue
		}
		for _, inc := range op.Includes {
			path := e.path(op) + "?include=" + url.QueryEscape(inc)
			resp, out := doWithHeader(t, srv, op.Method, path, nil, "api-version", "4.0")
			if !assert.Equal(t, http.StatusOK, resp.StatusCode, "%s %v", path, out) {
				continue
			}
			key, _, _ := strings.Cut(inc, ".")
			for i, item := range items(out["data"]) {
				if key == "media_links" && item["type"] != "file" {
					continue // folders and version stacks have none
				}
				v, ok := item[key]
				if assert.True(t, ok, "%s: item %d has no %s", op.ID, i, key) && key != "metadata" && key != "replies" && key != "media_links" {
					assert.NotNil(t, v, "%s: item %d: %s is null", op.ID, i, key)
				}
				checked++
			}
		}
	}
	fmt.Printf("includes honoured on %d resources\n", checked)
	assert.Greater(t, checked, 40)
}

// items returns the resources of a data value: the object, or the list's.
func items(data any) []map[string]any {
	switch d := data.(type) {
	case map[string]any:
		return []map[string]any{d}
	case []any:
		var out []map[string]any
		for _, v := range d {
			if m, ok := v.(map[string]any); ok {
				out = append(out, m)
			}
		}
		return out
	}
	return nil
}
