package frameio_test

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"reflect"
	"strings"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"gopkg.in/yaml.v3"

	"github.com/frameio-go/frameio-go/api"
	"github.com/frameio-go/frameio-go/frameio"
	"github.com/frameio-go/frameio-go/frameio/metadata"
)

// specOperations reads method, path and operationId of every operation in
// the embedded api/frameio.yaml.
func specOperations(t *testing.T) map[string][2]string {
	t.Helper()
	var doc struct {
		Paths map[string]map[string]struct {
			OperationID string `yaml:"operationId"`
		} `yaml:"paths"`
	}
	require.NoError(t, yaml.Unmarshal(api.V4(), &doc))
	out := map[string][2]string{}
	for p, item := range doc.Paths {
		for m, op := range item {
			out[op.OperationID] = [2]string{strings.ToUpper(m), p}
		}
	}
	return out
}

// TestEveryOperationHasItsWrapper calls every operation of the spec through
// its generated method against a local server and checks that the request
// arrives with the documented method and path, the bearer token and the
// IDs unchanged (including Adobe-style and adobe:-prefixed IDs).
func TestEveryOperationHasItsWrapper(t *testing.T) {
	want := specOperations(t)
	var mu sync.Mutex
	var got []string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		got = append(got, r.Method+" "+r.URL.EscapedPath()+" "+r.Header.Get("Authorization")+" "+r.Header.Get("api-version"))
		mu.Unlock()
		if r.Method == http.MethodDelete {
			w.WriteHeader(http.StatusNoContent)
			return
		}
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write([]byte(`{}`))
	}))
	defer srv.Close()
	c, err := frameio.NewClient(frameio.WithToken("tok"), frameio.WithBaseURL(srv.URL))
	require.NoError(t, err)

	ops := frameio.Operations()
	require.Len(t, ops, len(want))
	ids := []string{"B0DC108C5CD449CA0A494133@c62f24cc5b5b7e0e0a494004", "adobe:urn:aaid:sc:x", "3fa85f64-5717-4562-b3fc-2c963f66afa6", "id-4"}
	ctx := reflect.ValueOf(context.Background())
	called := 0
	for _, op := range ops {
		spec, ok := want[op.ID]
		require.True(t, ok, "%s is not in the spec", op.ID)
		assert.Equal(t, spec, [2]string{op.Method, op.Path}, op.ID)
		svc := reflect.ValueOf(c).Elem().FieldByName(op.Service)
		require.True(t, svc.IsValid(), "client.%s", op.Service)
		fn := svc.MethodByName(op.Func)
		require.True(t, fn.IsValid(), "client.%s.%s", op.Service, op.Func)
		ft := fn.Type()
		args := []reflect.Value{ctx}
		path := op.Path
		n := 0
		for i := 1; i < ft.NumIn(); i++ {
			in := ft.In(i)
			switch {
			case ft.IsVariadic() && i == ft.NumIn()-1:
			case in.Kind() == reflect.Interface:
				args = append(args, unionBody(in))
			case in.Kind() == reflect.String:
				id := ids[n%len(ids)]
				args = append(args, reflect.ValueOf(id))
				start := strings.Index(path, "{")
				path = path[:start] + id + path[strings.Index(path, "}")+1:]
				n++
			default:
				args = append(args, reflect.Zero(in))
			}
		}
		out := fn.Call(args)
		errV := out[len(out)-1]
		require.True(t, errV.IsNil(), "%s: %v", op.ID, errV.Interface())
		mu.Lock()
		last := got[len(got)-1]
		mu.Unlock()
		wantAPIVersion := ""
		switch {
		case op.Service == "CustomActions":
			wantAPIVersion = "experimental" // the custom actions guide
		case op.ID == "accounts_auditlog_index":
			wantAPIVersion = "4.0" // a required header with one allowed value
		}
		assert.Equal(t, strings.TrimSpace(op.Method+" "+path+" Bearer tok "+wantAPIVersion), strings.TrimSpace(last), op.ID)
		called++
	}
	fmt.Printf("wrappers: %d/%d operations\n", called, len(want))
}

func TestEmptyIDFailsBeforeAnyRequest(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		t.Errorf("no request expected, got %s %s", r.Method, r.URL)
	}))
	defer srv.Close()
	c, err := frameio.NewClient(frameio.WithToken("tok"), frameio.WithBaseURL(srv.URL))
	require.NoError(t, err)
	_, err = c.Files.Show(context.Background(), "acc", "", nil)
	var pe *frameio.InvalidParamError
	require.ErrorAs(t, err, &pe)
	assert.Contains(t, err.Error(), "file_id")
}

// callArgs builds reflect arguments for a generated method: ids for string
// parameters (empty at position blank, counting from 0), fresh zero values
// (non-nil pointers when withParams) for the rest.
func callArgs(fn reflect.Value, blank int, withParams bool) []reflect.Value {
	ft := fn.Type()
	args := []reflect.Value{reflect.ValueOf(context.Background())}
	n := 0
	for i := 1; i < ft.NumIn(); i++ {
		in := ft.In(i)
		switch {
		case ft.IsVariadic() && i == ft.NumIn()-1:
		case in.Kind() == reflect.String:
			id := "id"
			if n == blank {
				id = ""
			}
			args = append(args, reflect.ValueOf(id))
			n++
		case in.Kind() == reflect.Pointer && withParams:
			args = append(args, reflect.New(in.Elem()))
		case in.Kind() == reflect.Interface:
			args = append(args, unionBody(in))
		default:
			args = append(args, reflect.Zero(in))
		}
	}
	return args
}

// unionBody returns a variant of the union request body type in: the
// methods taking one refuse nil.
func unionBody(in reflect.Type) reflect.Value {
	for _, v := range []any{&metadata.TextDefinitionParams{}, &metadata.UpdateTextDefinitionParams{}, &frameio.AssetShare{}} {
		if reflect.TypeOf(v).Implements(in) {
			return reflect.ValueOf(v)
		}
	}
	panic("no variant for " + in.String())
}

func lastError(out []reflect.Value) error {
	if e := out[len(out)-1]; !e.IsNil() {
		return e.Interface().(error)
	}
	return nil
}

// TestWrappersRejectBadInputAndReportFailures checks, for every operation,
// that each empty ID fails before any request, that a failing server gives
// a *frameio.Error, and (for lists) that an invalid page_size fails first.
func TestWrappersRejectBadInputAndReportFailures(t *testing.T) {
	var requests atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		requests.Add(1)
		http.Error(w, `{"errors":[{"detail":"boom"}]}`, http.StatusInternalServerError)
	}))
	defer srv.Close()
	c, err := frameio.NewClient(frameio.WithToken("tok"), frameio.WithBaseURL(srv.URL), frameio.WithMaxRetries(0))
	require.NoError(t, err)
	for _, op := range frameio.Operations() {
		svc := reflect.ValueOf(c).Elem().FieldByName(op.Service)
		names := []string{op.Func}
		if op.Paginated {
			names = append(names, op.Func+"Pages")
		}
		for _, name := range names {
			fn := svc.MethodByName(name)
			ids := strings.Count(op.Path, "{")
			before := requests.Load()
			for blank := range ids {
				err := callErr(fn, callArgs(fn, blank, false))
				var pe *frameio.InvalidParamError
				require.ErrorAs(t, err, &pe, "%s.%s with id %d empty", op.Service, name, blank)
			}
			if op.Paginated && name != op.Func {
				args := callArgs(fn, -1, true)
				for _, a := range args {
					if a.Kind() == reflect.Pointer && a.Elem().Kind() == reflect.Struct {
						zero := 0
						a.Elem().FieldByName("PageSize").Set(reflect.ValueOf(&zero))
					}
				}
				var pe *frameio.InvalidParamError
				require.ErrorAs(t, callErr(fn, args), &pe, "%s page_size 0", op.ID)
			}
			require.Equal(t, before, requests.Load(), "%s: no request for bad input", op.ID)
			err := callErr(fn, callArgs(fn, -1, false))
			var ae *frameio.Error
			require.ErrorAs(t, err, &ae, op.ID)
			assert.Equal(t, http.StatusInternalServerError, ae.StatusCode)
		}
	}
}

// callErr calls fn and returns its error, draining iterators it returns.
func callErr(fn reflect.Value, args []reflect.Value) error {
	out := fn.Call(args)
	if len(out) == 1 && out[0].Kind() == reflect.Func {
		var iterErr error
		seq := out[0]
		yield := reflect.MakeFunc(seq.Type().In(0), func(in []reflect.Value) []reflect.Value {
			if e := in[1]; !e.IsNil() {
				iterErr = e.Interface().(error)
			}
			return []reflect.Value{reflect.ValueOf(true)}
		})
		seq.Call([]reflect.Value{yield})
		return iterErr
	}
	return lastError(out)
}
