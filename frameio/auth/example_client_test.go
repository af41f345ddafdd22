package auth_test

import (
	"context"
	"fmt"

	"github.com/frameio-go/frameio-go/frameio"
	"github.com/frameio-go/frameio-go/frameio/auth"
)

// Server-to-server credentials wired into the Frame.io client: the client
// asks the credential for a token before every request, and the credential
// refreshes it shortly before it expires.
func Example_frameioClient() {
	ims := newExampleIMS() // stands in for both Adobe IMS and Frame.io here
	defer ims.Close()
	ctx := context.Background()

	s2s, err := auth.NewServerToServer("my-client-id", "my-client-secret",
		auth.WithIMSBaseURL(ims.URL), auth.WithInsecureHTTP()) // offline example only
	if err != nil {
		fmt.Println(err)
		return
	}
	client, err := frameio.NewClient(frameio.WithTokenSource(s2s),
		frameio.WithBaseURL(ims.URL)) // production: the default https://api.frame.io
	if err != nil {
		fmt.Println(err)
		return
	}
	me, err := client.Users.Show(ctx, nil)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(me.Name)
	// Output:
	// Service Account User
}
