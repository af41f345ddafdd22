package frameiotest_test

import (
	"context"
	"encoding/json"
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/frameio-go/frameio-go/frameio"
	"github.com/frameio-go/frameio-go/frameio/metadata"
	"github.com/frameio-go/frameio-go/frameiotest"
)

// TestSDKDrivesEveryOperation calls every operation through the SDK's
// generated method (client.<Service>.<Func>) against the fake server: every
// request the SDK sends and every response must pass spec validation.
func TestSDKDrivesEveryOperation(t *testing.T) {
	srv := frameiotest.NewServer(t)
	e := setupEveryOperation(t, srv)
	client := srv.Client()
	byID := map[string]frameio.Operation{}
	for _, op := range frameio.Operations() {
		byID[op.ID] = op
	}
	ok := 0
	for _, info := range e.ops {
		op, found := byID[info.ID]
		require.True(t, found, "%s has no SDK method", info.ID)
		fn := reflect.ValueOf(client).Elem().FieldByName(op.Service).MethodByName(op.Func)
		ft := fn.Type()
		args := []reflect.Value{reflect.ValueOf(context.Background())}
		names := pathParams(op.Path)
		last := ft.NumIn() - 2 // the request body, when the operation has one
		for i := 1; i < ft.NumIn(); i++ {
			in := ft.In(i)
			switch {
			case ft.IsVariadic() && i == ft.NumIn()-1:
			case in.Kind() == reflect.String:
				args = append(args, reflect.ValueOf(e.id(op.ID, names[0])))
				names = names[1:]
			case i == last && info.Body != nil:
				args = append(args, bodyArg(t, in, e.body(info), info.ID))
			default: // query parameters
				args = append(args, reflect.Zero(in))
			}
		}
		before := len(srv.Violations())
		out := fn.Call(args)
		callErr, _ := out[len(out)-1].Interface().(error)
		if assert.NoError(t, callErr, info.ID) &&
			assert.Len(t, srv.Violations(), before, "%s: %v", info.ID, srv.Violations()) {
			ok++
		}
	}
	fmt.Printf("SDK operations against frameiotest: %d/%d\n", ok, len(e.ops))
	assert.Equal(t, 97, ok)
}

// bodyArg makes the body argument of type in from the fake's minimal valid
// body: the methods take the inner data of a {"data": ...} body, and the
// frameio sum type for a union.
func bodyArg(t *testing.T, in reflect.Type, body any, op string) reflect.Value {
	t.Helper()
	if m, ok := body.(map[string]any); ok && len(m) == 1 && m["data"] != nil {
		if st := in; st.Kind() == reflect.Pointer || st.Kind() == reflect.Struct {
			if st.Kind() == reflect.Pointer {
				st = st.Elem()
			}
			if _, wrapped := st.FieldByName("Data"); !wrapped {
				body = m["data"]
			}
		} else {
			body = m["data"]
		}
	}
	raw, err := json.Marshal(body)
	require.NoError(t, err)
	if in.Kind() == reflect.Interface {
		for _, fromJSON := range []func([]byte) (any, error){
			func(b []byte) (any, error) { return metadata.FieldDefinitionParamsFromJSON(b) },
			func(b []byte) (any, error) { return metadata.UpdateFieldDefinitionParamsFromJSON(b) },
			func(b []byte) (any, error) { return frameio.ShareParamsFromJSON(b) },
		} {
			if v, err := fromJSON(raw); err == nil && v != nil && reflect.TypeOf(v).Implements(in) {
				return reflect.ValueOf(v)
			}
		}
		t.Fatalf("%s: no %s from %s", op, in, raw)
	}
	v := reflect.New(in)
	require.NoError(t, json.Unmarshal(raw, v.Interface()), op)
	return v.Elem()
}

func pathParams(path string) []string {
	var out []string
	for _, seg := range strings.Split(path, "/") {
		if strings.HasPrefix(seg, "{") {
			out = append(out, strings.Trim(seg, "{}"))
		}
	}
	return out
}
