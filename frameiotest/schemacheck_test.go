package frameiotest

import (
	"net/http"
	"net/http/httptest"
	"sort"
	"testing"
	"time"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The cached checks give kin-openapi's verdicts and errors: for the body
// schemas of every operation and every union of the components, a value
// the filler made valid and values that are not.
func TestSchemaChecksAgreeWithKinOpenAPI(t *testing.T) {
	sp, err := loadSpec()
	require.NoError(t, err)
	type named struct {
		name string
		ref  *openapi3.SchemaRef
	}
	var schemas []named
	for _, op := range sp.ops {
		if sch := requestSchema(op.Op); sch != nil {
			schemas = append(schemas, named{op.ID + " request", sch})
		}
		if sch := responseSchema(op.Op, successStatus(op.Op)); sch != nil {
			schemas = append(schemas, named{op.ID + " response", sch})
		}
	}
	for name, ref := range sp.doc.Components.Schemas {
		if ref.Value != nil && len(ref.Value.OneOf)+len(ref.Value.AnyOf) > 0 {
			schemas = append(schemas, named{name, ref})
		}
	}
	sort.Slice(schemas, func(i, j int) bool { return schemas[i].name < schemas[j].name })
	f := &filler{now: time.Now, newID: newID, checks: sp.checks}
	modes := map[string]int{}
	for _, sc := range schemas {
		s := sc.ref.Value
		for _, v := range []any{generic(f.fill(sc.ref, nil)), nil, 42.0, "x", map[string]any{"data": 42.0}} {
			want := s.VisitJSON(v, openapi3.EnableJSONSchema2020(), openapi3.VisitAsResponse())
			got := sp.checks.visit(s, v, openapi3.VisitAsResponse())
			if want == nil {
				assert.NoError(t, got, "%s: %#v", sc.name, v)
			} else if assert.Error(t, got, "%s: %#v", sc.name, v) {
				assert.Equal(t, want.Error(), got.Error(), sc.name)
			}
		}
		switch chk := sp.checks.of(s); {
		case chk.visitor:
			modes["visitor"]++
		case chk.compiled != nil:
			modes["compiled once"]++
		default:
			modes["kin-openapi per call"]++
		}
	}
	t.Logf("%d schemas: %v", len(schemas), modes)
	assert.Positive(t, modes["visitor"])
	assert.Positive(t, modes["compiled once"])
}

// Response bodies are still validated: a body that breaks the schema, or
// one sent with a media type the operation does not declare, is recorded.
func TestResponseBodyViolationsAreRecorded(t *testing.T) {
	s, err := Start()
	require.NoError(t, err)
	defer s.Close()
	seed := s.Seed()
	for _, tc := range []struct{ ct, body, want string }{
		{"application/json", `{"data": {"id": 42}}`, "response body doesn't match schema"},
		{"text/plain", `{}`, `unexpected value: "text/plain"`},
		{"application/json", `{"data": `, "failed to decode response body"},
	} {
		r := httptest.NewRequest(http.MethodGet, "/v4/accounts/"+seed.AccountID+"/files/"+seed.RootFolderID, nil)
		route, params, err := s.spec.router.FindRoute(r)
		require.NoError(t, err)
		rec := newRecorder()
		rec.header.Set("Content-Type", tc.ct)
		rateLimitHeaders(rec.header)
		rec.body.WriteString(tc.body)
		before := len(s.Violations())
		s.validateResponse(r, &routed{op: s.spec.ops[route.Operation.OperationID], route: route, params: params}, rec)
		v := s.Violations()
		if assert.Len(t, v, before+1, tc.body) {
			assert.Equal(t, "response", v[before].Kind)
			assert.Contains(t, v[before].Message, tc.want)
		}
	}
}
