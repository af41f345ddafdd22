package frameiotest_test

import (
	"context"
	"fmt"
	"net/http"

	"github.com/frameio-go/frameio-go/frameio"
	"github.com/frameio-go/frameio-go/frameiotest"
	"github.com/frameio-go/frameio-go/gen"
)

// ExampleStart runs the fake outside a test, as an example program would,
// and drives it with the frameio client it hands out.
func ExampleStart() {
	srv, err := frameiotest.Start()
	if err != nil {
		panic(err)
	}
	defer srv.Close()

	client := srv.Client()
	ctx := context.Background()
	me, err := client.Users.Show(ctx)
	if err != nil {
		panic(err)
	}
	fmt.Println(me.ID == srv.Seed().UserID)

	seed := srv.Seed()
	folder, err := client.Folders.Create(ctx, seed.AccountID, seed.RootFolderID,
		gen.FolderCreateParamsData{Name: new("Dailies")})
	if err != nil {
		panic(err)
	}
	fmt.Println(folder.Name)
	fmt.Println(len(srv.Violations()))
	// Output:
	// true
	// Dailies
	// 0
}

// ExampleServer_FailNext injects a fault: the next call gets a 503, which
// the client retries (at once: the server's client does not wait).
func ExampleServer_FailNext() {
	srv, err := frameiotest.Start()
	if err != nil {
		panic(err)
	}
	defer srv.Close()

	var attempts int
	count := func(req *http.Request, next frameio.MiddlewareNext) (*http.Response, error) {
		attempts++
		return next(req)
	}
	client := srv.Client(frameio.WithMiddleware(count))
	srv.FailNext(1, http.StatusServiceUnavailable)
	_, err = client.Users.Show(context.Background())
	fmt.Println(err, attempts)
	// Output: <nil> 2
}
