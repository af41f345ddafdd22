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
)

// plainClient is a plain net/http client of gen's models, as a user
// without package frameio would write one: requests made by gen's request
// builders, sent with the server's token, bodies decoded with decodeAs.
type plainClient struct {
	t   *testing.T
	srv *frameiotest.Server
}

// send sends req, made by a gen request builder (err is the builder's),
// and returns the status and the body.
func (c plainClient) send(req *http.Request, err error) (int, []byte) {
	c.t.Helper()
	require.NoError(c.t, err)
	resp, body := roundTrip(c.t, c.srv, req)
	return resp.StatusCode, body
}

// decodeAs decodes a JSON body into a new T, a model of package gen.
func decodeAs[T any](body []byte) (*T, error) {
	v := new(T)
	if err := json.Unmarshal(body, v); err != nil {
		return nil, err
	}
	return v, nil
}

// mustDecode is decodeAs failing the test on an error.
func mustDecode[T any](t *testing.T, body []byte) *T {
	t.Helper()
	v, err := decodeAs[T](body)
	require.NoError(t, err, string(body))
	return v
}

// roundTrip sends req with the server's token and reads the whole answer.
func roundTrip(t *testing.T, srv *frameiotest.Server, req *http.Request) (*http.Response, []byte) {
	t.Helper()
	require.NoError(t, srv.AuthorizeRequest(req.Context(), req))
	resp, err := srv.HTTPClient().Do(req)
	require.NoError(t, err)
	defer resp.Body.Close()
	raw, err := io.ReadAll(resp.Body)
	require.NoError(t, err)
	return resp, raw
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
	resp, raw := roundTrip(t, srv, req)
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
