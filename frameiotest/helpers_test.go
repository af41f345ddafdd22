package frameiotest_test

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/frameio-go/frameio-go/frameiotest"
	"github.com/frameio-go/frameio-go/gen"
)

// newClient returns a generated client that authenticates against srv.
func newClient(t *testing.T, srv *frameiotest.Server) *gen.ClientWithResponses {
	t.Helper()
	c, err := gen.NewClientWithResponses(srv.URL(), gen.WithHTTPClient(srv.HTTPClient()), gen.WithRequestEditorFn(srv.AuthorizeRequest))
	require.NoError(t, err)
	return c
}

// do sends a raw JSON request with the server's token and decodes the
// response body into a generic value.
func do(t *testing.T, srv *frameiotest.Server, method, path string, body any) (*http.Response, map[string]any) {
	t.Helper()
	return doRequest(t, srv, method, path, body, nil)
}

// doRequest is do with extra request headers.
func doRequest(t *testing.T, srv *frameiotest.Server, method, path string, body any, header http.Header) (*http.Response, map[string]any) {
	t.Helper()
	var rd io.Reader
	if body != nil {
		b, err := json.Marshal(body)
		require.NoError(t, err)
		rd = bytes.NewReader(b)
	}
	req, err := http.NewRequestWithContext(context.Background(), method, srv.URL()+path, rd)
	require.NoError(t, err)
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	for k, vs := range header {
		req.Header[http.CanonicalHeaderKey(k)] = vs
	}
	require.NoError(t, srv.AuthorizeRequest(req.Context(), req))
	resp, err := srv.HTTPClient().Do(req)
	require.NoError(t, err)
	defer resp.Body.Close()
	raw, err := io.ReadAll(resp.Body)
	require.NoError(t, err)
	var out map[string]any
	if len(raw) > 0 {
		_ = json.Unmarshal(raw, &out)
	}
	return resp, out
}

// dataOf returns body["data"] as an object.
func dataOf(t *testing.T, body map[string]any) map[string]any {
	t.Helper()
	d, ok := body["data"].(map[string]any)
	require.True(t, ok, "no data object in %v", body)
	return d
}

func jsonUnmarshal(s string, v any) error { return json.Unmarshal([]byte(s), v) }

// doWithHeader is do with one extra request header.
func doWithHeader(t *testing.T, srv *frameiotest.Server, method, path string, body any, key, value string) (*http.Response, map[string]any) {
	t.Helper()
	return doRequest(t, srv, method, path, body, http.Header{key: {value}})
}

func decodeJSON(resp *http.Response, v any) error { return json.NewDecoder(resp.Body).Decode(v) }
