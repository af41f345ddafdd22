package frameio

import (
	"fmt"
	"net/http"
	"net/url"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestNewRequestFromLinkKeepsCursorBytes(t *testing.T) {
	var rawQueries []string
	env := newTestEnv(t, func(w http.ResponseWriter, r *http.Request) {
		rawQueries = append(rawQueries, r.URL.RawQuery)
		assert.Equal(t, "/v4/accounts/6f70/folders/e183/children", r.URL.Path)
	})
	const link = "/v4/accounts/6f70/folders/e183/children?after=g3QAAAACZAAGb2Zmc2V0YQVkAAR0eXBlZAANb2Zmc2V0X2N1cnNvcg%3D%3D&x=a+b%2Fc%7e&page_size=50"
	req, err := env.client.newRequestFromLink(t.Context(), link)
	require.NoError(t, err)
	require.NoError(t, env.client.do(t.Context(), req, nil, nil))

	req, err = env.client.newRequestFromLink(t.Context(), link)
	require.NoError(t, err)
	require.NoError(t, env.client.do(t.Context(), req, nil, []RequestOption{WithQuery("page_size", "10")}))

	absolute := env.client.serverURL() + link
	req, err = env.client.newRequestFromLink(t.Context(), absolute)
	require.NoError(t, err)
	require.NoError(t, env.client.do(t.Context(), req, nil, nil))

	const q = "after=g3QAAAACZAAGb2Zmc2V0YQVkAAR0eXBlZAANb2Zmc2V0X2N1cnNvcg%3D%3D&x=a+b%2Fc%7e"
	assert.Equal(t, []string{q + "&page_size=50", q + "&page_size=10", q + "&page_size=50"}, rawQueries)
}

func TestNewRequestFromLinkRejectsOtherHosts(t *testing.T) {
	env := newTestEnv(t, status(200, `{}`))
	for _, link := range []string{"", "https://evil.example/v4/x", "//evil.example/v4/x", "v4/relative", "http://u:p@" + env.srv.Listener.Addr().String() + "/v4", "%zz"} {
		_, err := env.client.newRequestFromLink(t.Context(), link)
		assert.Error(t, err, link)
	}
}

func TestMergeQuery(t *testing.T) {
	assert.Equal(t, "a=%3D", mergeQuery("a=%3D", nil))
	assert.Equal(t, "a=%3D&b=2", mergeQuery("a=%3D&b=1", url.Values{"b": {"2"}}))
	assert.Equal(t, "a=%3D&b=2", mergeQuery("a=%3D&&%62=1", url.Values{"b": {"2"}}))
	assert.Equal(t, "k=v", mergeQuery("", url.Values{"k": {"v"}}))
}

func TestRedactURL(t *testing.T) {
	u, _ := url.Parse("https://user:pw@h/p?token=abc&keep=1&X-Amz-Signature=s&flag")
	assert.Equal(t, "https://h/p?token=REDACTED&keep=1&X-Amz-Signature=REDACTED&flag", redactURL(u))
	assert.Equal(t, "", redactURL(nil))
}

// legacyAttemptHeader is how an attempt's header was built before
// attemptHeader: Header.Clone, the extra headers over it, then Set.
func legacyAttemptHeader(base, extra http.Header, userAgent, authorization string) http.Header {
	h := base.Clone()
	if h == nil {
		h = http.Header{}
	}
	for k, vs := range extra {
		h[k] = append([]string(nil), vs...)
	}
	h.Set("User-Agent", userAgent)
	if h.Get("Accept") == "" {
		h.Set("Accept", "application/json")
	}
	h.Set("Authorization", authorization)
	return h
}

// attemptHeader gives what Clone and Set gave, and shares no value slice
// with the request's header or the extra headers.
func TestAttemptHeaderAsCloneAndSet(t *testing.T) {
	cases := []struct{ base, extra http.Header }{
		{nil, nil},
		{http.Header{}, http.Header{}},
		{http.Header{"Content-Type": {"application/json"}}, nil},
		{http.Header{"Accept": {"text/csv"}, "X-Two": {"a", "b"}}, http.Header{"X-Client": {"call"}}},
		{http.Header{"Accept": {""}}, nil},
		{nil, http.Header{"Accept": {"application/xml"}}},
		{http.Header{"Api-Version": {"3"}, "User-Agent": {"builder"}, "Authorization": {"Bearer old"}}, http.Header{"Api-Version": {"4.0"}}},
		{http.Header{"X-Suppressed": nil}, http.Header{"User-Agent": {"mine"}}},
	}
	for i, c := range cases {
		t.Run(fmt.Sprint(i), func(t *testing.T) {
			got := attemptHeader(c.base, c.extra, "frameio-go/x", "Bearer tok")
			assert.Equal(t, legacyAttemptHeader(c.base, c.extra, "frameio-go/x", "Bearer tok"), got)
			for _, vs := range got {
				if len(vs) > 0 {
					vs[0] = "changed"
				}
			}
			for _, h := range []http.Header{c.base, c.extra} {
				for _, vs := range h {
					assert.NotContains(t, vs, "changed", "a value slice is shared")
				}
			}
		})
	}
}
