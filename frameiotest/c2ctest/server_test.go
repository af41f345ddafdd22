package c2ctest_test

import (
	"encoding/json"
	"io"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/frameio-go/frameio-go/frameiotest/c2ctest"
)

func post(t *testing.T, srv *c2ctest.Server, path, ctype, body string, h map[string]string) (int, string) {
	t.Helper()
	req, err := http.NewRequest(http.MethodPost, srv.URL()+path, strings.NewReader(body))
	require.NoError(t, err)
	if ctype != "" {
		req.Header.Set("Content-Type", ctype)
	}
	for k, v := range h {
		req.Header.Set(k, v)
	}
	resp, err := srv.HTTPClient().Do(req)
	require.NoError(t, err)
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

func TestRequestsAreValidatedAgainstTheSpec(t *testing.T) {
	srv := c2ctest.NewServer(t, c2ctest.WithAllowViolations())
	form := url.Values{"client_id": {"d1"}, "client_secret": {c2ctest.DefaultClientSecret}, "scope": {"asset_create offline"}}.Encode()

	code, body := post(t, srv, "/v2/auth/device/code", "application/x-www-form-urlencoded", form, nil)
	assert.Equal(t, 400, code)
	assert.JSONEq(t, c2ctest.SimpleError("Invalid client version"), body, "x-client-version is required")

	code, _ = post(t, srv, "/v2/auth/device/code", "application/x-www-form-urlencoded", "client_id=d1", map[string]string{"x-client-version": "1.0.0"})
	assert.Equal(t, 422, code, "client_secret and scope are required by the spec")

	code, body = post(t, srv, "/v2/auth/device/code", "application/x-www-form-urlencoded", form, map[string]string{"x-client-version": "1.0.0"})
	assert.Equal(t, 200, code)
	assert.Contains(t, body, `"user_code"`)

	code, _ = post(t, srv, "/v2/devices/channels", "application/json", "{}", map[string]string{"x-client-version": "1.0.0"})
	assert.Equal(t, 404, code, "channel connect lives at /v2/devices/channels/connect")

	code, body = post(t, srv, "/v2/devices/heartbeat", "", "", map[string]string{"x-client-version": "1.0.0", "Authorization": "Bearer nope"})
	assert.Equal(t, 401, code)
	assert.Contains(t, body, "Not Authorized")
	assert.Len(t, srv.Violations(), 3, "missing version, bad form, unknown path")
}

func TestObjectStoreChecksPresignedPuts(t *testing.T) {
	srv := c2ctest.NewServer(t)
	access, _, _ := srv.IssueToken()
	h := map[string]string{"x-client-version": "1.0.0", "Authorization": "Bearer " + access}
	code, body := post(t, srv, "/v2/devices/assets", "application/json", `{"name":"a.bin","filetype":"application/octet-stream","filesize":3}`, h)
	require.Equal(t, 200, code, body)
	var asset struct {
		UploadURLs []string `json:"upload_urls"`
	}
	require.NoError(t, json.Unmarshal([]byte(body), &asset))
	require.Len(t, asset.UploadURLs, 1)
	target := asset.UploadURLs[0]
	put := func(hdr map[string]string) (int, string) {
		req, _ := http.NewRequest(http.MethodPut, target, strings.NewReader("abc"))
		for k, v := range hdr {
			req.Header.Set(k, v)
		}
		resp, err := srv.HTTPClient().Do(req)
		require.NoError(t, err)
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, string(b)
	}
	code, body = put(map[string]string{"Content-Type": "application/octet-stream"})
	assert.Equal(t, 403, code)
	assert.Contains(t, body, "<Code>AccessDenied</Code>", "x-amz-acl: private is required")
	code, body = put(map[string]string{"Content-Type": "application/octet-stream", "x-amz-acl": "private", "Authorization": "Bearer x"})
	assert.Equal(t, 400, code, "no token on presigned URLs")
	code, _ = put(map[string]string{"Content-Type": "application/octet-stream", "x-amz-acl": "private"})
	assert.Equal(t, 200, code)
	ids := srv.Assets()
	require.Len(t, ids, 1)
	info, _ := srv.Asset(ids[0])
	assert.True(t, info.Complete)
	assert.Equal(t, "abc", string(info.Data))
}
