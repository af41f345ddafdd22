package frameiotest_test

import (
	"context"
	"fmt"
	"net/http"

	"github.com/frameio-go/frameio-go/frameiotest"
	"github.com/frameio-go/frameio-go/gen"
)

// ExampleStart runs the fake outside a test, as an example program would.
func ExampleStart() {
	srv, err := frameiotest.Start()
	if err != nil {
		panic(err)
	}
	defer srv.Close()

	client, err := gen.NewClientWithResponses(srv.URL(),
		gen.WithHTTPClient(srv.Client()),
		gen.WithRequestEditorFn(srv.AuthorizeRequest))
	if err != nil {
		panic(err)
	}
	me, err := client.UsersShowWithResponse(context.Background())
	if err != nil {
		panic(err)
	}
	fmt.Println(me.StatusCode() == http.StatusOK, me.JSON200.Data.ID == srv.Seed().UserID)
	fmt.Println(len(srv.Violations()))
	// Output:
	// true true
	// 0
}
