package frameiotest_test

import (
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/frameio-go/frameio-go/frameiotest"
)

func TestPagination(t *testing.T) {
	srv := frameiotest.NewServer(t)
	seed := srv.Seed()
	for i := range 7 {
		_, err := srv.AddFolder(seed.RootFolderID, fmt.Sprintf("f%d", i))
		require.NoError(t, err)
	}
	next := "/v4/accounts/" + seed.AccountID + "/folders/" + seed.RootFolderID + "/folders?page_size=3&include_total_count=true&include=creator"
	var names []string
	pages := 0
	for next != "" {
		resp, body := do(t, srv, http.MethodGet, next, nil)
		require.Equal(t, http.StatusOK, resp.StatusCode, body)
		pages++
		assert.EqualValues(t, 7, body["total_count"])
		for _, f := range body["data"].([]any) {
			names = append(names, f.(map[string]any)["name"].(string))
		}
		links := body["links"].(map[string]any)
		if links["next"] == nil {
			break
		}
		next = links["next"].(string)
		assert.True(t, strings.HasPrefix(next, "/v4/"), "links.next is relative: %s", next)
		u, err := url.Parse(next)
		require.NoError(t, err)
		assert.Equal(t, "3", u.Query().Get("page_size"), "page_size kept")
		assert.Equal(t, "true", u.Query().Get("include_total_count"), "include_total_count kept")
		assert.Equal(t, "creator", u.Query().Get("include"), "other params kept")
		// The cursor holds characters that change when re-encoded.
		assert.Contains(t, u.RawQuery, "%2B")
		assert.Contains(t, u.RawQuery, "%3D")
	}
	assert.Equal(t, 3, pages)
	assert.Equal(t, []string{"f0", "f1", "f2", "f3", "f4", "f5", "f6"}, names)
}

func TestPaginationRejectsReencodedCursor(t *testing.T) {
	srv := frameiotest.NewServer(t)
	seed := srv.Seed()
	for i := range 3 {
		_, err := srv.AddFolder(seed.RootFolderID, fmt.Sprintf("f%d", i))
		require.NoError(t, err)
	}
	base := "/v4/accounts/" + seed.AccountID + "/folders/" + seed.RootFolderID + "/folders"
	resp, body := do(t, srv, http.MethodGet, base+"?page_size=1", nil)
	require.Equal(t, http.StatusOK, resp.StatusCode)
	next := body["links"].(map[string]any)["next"].(string)
	u, err := url.Parse(next)
	require.NoError(t, err)
	cursor := u.Query().Get("after")

	for name, raw := range map[string]string{
		"decoded, sent raw": "after=" + cursor + "&page_size=1", // '+' read as ' '
		"double encoded":    "after=" + url.QueryEscape(url.QueryEscape(cursor)) + "&page_size=1",
		"tampered":          "after=" + url.QueryEscape(strings.Replace(cursor, "A", "B", 1)+"") + "&page_size=1",
		"other list":        "after=" + url.QueryEscape(cursor),
	} {
		t.Run(name, func(t *testing.T) {
			path := base + "?" + raw
			if name == "other list" {
				path = "/v4/accounts/" + seed.AccountID + "/folders/" + seed.RootFolderID + "/children?" + raw
			}
			resp, body := do(t, srv, http.MethodGet, path, nil)
			assert.Equal(t, http.StatusUnprocessableEntity, resp.StatusCode, body)
			assert.NotEmpty(t, body["errors"])
		})
	}
	resp, _ = do(t, srv, http.MethodGet, next, nil)
	assert.Equal(t, http.StatusOK, resp.StatusCode, "the link as given still works")
}

func TestPageSizeBounds(t *testing.T) {
	srv := frameiotest.NewServer(t)
	path := "/v4/accounts/" + srv.Seed().AccountID + "/workspaces?page_size="
	for _, size := range []string{"0", "101", "-1"} {
		resp, body := do(t, srv, http.MethodGet, path+size, nil)
		assert.Equal(t, http.StatusUnprocessableEntity, resp.StatusCode, "page_size=%s: %v", size, body)
	}
	for _, size := range []string{"1", "100"} {
		resp, _ := do(t, srv, http.MethodGet, path+size, nil)
		assert.Equal(t, http.StatusOK, resp.StatusCode, size)
	}
}
