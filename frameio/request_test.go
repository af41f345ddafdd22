package frameio

import (
	"fmt"
	"net/http"
	"net/url"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// resolveLink appends a relative link to the base URL and passes an
// absolute one on the API server as is, byte for byte; it refuses links
// elsewhere, or with user information, without printing the latter.
func TestResolveLink(t *testing.T) {
	c, err := NewClient(WithToken(testToken))
	require.NoError(t, err)
	const link = "/v4/accounts/6f70/folders/e183/children?after=g3QAAAACZAAGb2Zmc2V0YQVkAAR0eXBlZAANb2Zmc2V0X2N1cnNvcg%3D%3D&x=a+b%2Fc%7e&page_size=50"
	for in, want := range map[string]string{
		link:                          DefaultBaseURL + link,
		DefaultBaseURL + link:         DefaultBaseURL + link,
		"/v4/x?after=%2B%2b%7E+%20==": DefaultBaseURL + "/v4/x?after=%2B%2b%7E+%20==",
	} {
		got, err := c.resolveLink(in)
		require.NoError(t, err, in)
		assert.Equal(t, want, got, "the bytes are kept as written")
	}
	for _, bad := range []string{
		"", "https://evil.example/v4/x", "//evil.example/v4/x", "v4/relative", "http://api.frame.io/v4/x",
		"https://u:p@api.frame.io/v4", "%zz",
	} {
		_, err := c.resolveLink(bad)
		require.Error(t, err, bad)
		assert.NotContains(t, err.Error(), "u:p", "user information is not printed")
	}
}

// Pagination sends the server's links byte for byte, relative and
// absolute alike; WithQuery replaces a parameter of the link and keeps the
// other bytes.
func TestPaginationSendsLinksVerbatim(t *testing.T) {
	const (
		path = "/v4/accounts/6f70/folders/e183/children"
		q    = "after=g3QAAAACZAAGb2Zmc2V0YQVkAAR0eXBlZAANb2Zmc2V0X2N1cnNvcg%3D%3D&x=a+b%2Fc%7e"
	)
	for _, tc := range []struct {
		name string
		opts []RequestOption
		want []string
	}{
		{"as linked", nil, []string{"", q + "&page_size=50", q + "&page_size=50"}},
		{"WithQuery", []RequestOption{WithQuery("page_size", "10")}, []string{"page_size=10", q + "&page_size=10", q + "&page_size=10"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var rawQueries []string
			env := newTestEnv(t, func(w http.ResponseWriter, r *http.Request) {
				rawQueries = append(rawQueries, r.URL.RawQuery)
				next := "null"
				switch len(rawQueries) {
				case 1: // relative
					next = fmt.Sprintf("%q", path+"?"+q+"&page_size=50")
				case 2: // absolute, on the API server
					assert.Equal(t, path, r.URL.Path)
					next = fmt.Sprintf("%q", "http://"+r.Host+path+"?"+q+"&page_size=50")
				default:
					assert.Equal(t, path, r.URL.Path)
				}
				status(200, `{"data":[{"id":"a"}],"links":{"next":`+next+`}}`)(w, r)
			})
			n := 0
			for _, err := range env.client.Accounts.IndexPages(t.Context(), nil, tc.opts...) {
				require.NoError(t, err)
				n++
			}
			assert.Equal(t, 3, n)
			assert.Equal(t, tc.want, rawQueries)
		})
	}
}

func TestMergeQuery(t *testing.T) {
	assert.Equal(t, "a=%3D", mergeQuery("a=%3D", nil))
	assert.Equal(t, "a=%3D&b=2", mergeQuery("a=%3D&b=1", url.Values{"b": {"2"}}))
	assert.Equal(t, "a=%3D&b=2", mergeQuery("a=%3D&&%62=1", url.Values{"b": {"2"}}))
	assert.Equal(t, "k=v", mergeQuery("", url.Values{"k": {"v"}}))
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
