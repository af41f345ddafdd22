package frameio_test

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log"
	"net/http"
	"net/http/httptest"
	"time"

	"github.com/frameio-go/frameio-go/frameio"
)

// fakeFrameio stands in for api.frame.io so the examples run offline.
func fakeFrameio() *httptest.Server {
	return httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		w.Header().Set("X-Request-Id", "req-42")
		switch r.URL.Path {
		case "/v4/me":
			_, _ = io.WriteString(w, `{"data":{"id":"B0DC108C5CD449CA0A494133@c62f24cc5b5b7e0e0a494004","name":"Ada"}}`)
		case "/v4/accounts":
			if r.URL.Query().Get("after") == "" {
				_, _ = io.WriteString(w, `{"data":[{"id":"acc-1","display_name":"Studio"}],"links":{"next":"/v4/accounts?after=Zz0%3D"}}`)
				return
			}
			_, _ = io.WriteString(w, `{"data":[{"id":"acc-2","display_name":"Agency"}],"links":{"next":null}}`)
		default:
			w.WriteHeader(http.StatusNotFound)
			_, _ = io.WriteString(w, `{"errors":[{"title":"Not found","detail":"No such file"}]}`)
		}
	}))
}

func ExampleNewClient() {
	client, err := frameio.NewClient(
		frameio.WithToken("YOUR_ACCESS_TOKEN"),
		frameio.WithTimeout(2*time.Minute),         // the whole call, retries included
		frameio.WithAttemptTimeout(30*time.Second), // each attempt
		frameio.WithMaxRetries(3),
		frameio.WithUserAgent("my-app/1.0"),
	)
	if err != nil {
		log.Fatal(err)
	}
	_ = client
	fmt.Println("ready")
	// Output: ready
}

func ExampleClient_Do() {
	srv := fakeFrameio()
	defer srv.Close()
	client, err := frameio.NewClient(frameio.WithToken("YOUR_ACCESS_TOKEN"), frameio.WithBaseURL(srv.URL))
	if err != nil {
		log.Fatal(err)
	}

	var me struct {
		Data struct {
			ID   string `json:"id"`
			Name string `json:"name"`
		} `json:"data"`
	}
	var resp *http.Response
	err = client.Do(context.Background(), http.MethodGet, "/v4/me", nil, &me,
		frameio.WithTimeout(5*time.Second), // overrides the client's timeout for this call
		frameio.WithResponseInto(&resp),
	)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(me.Data.Name, resp.StatusCode)
	// Output: Ada 200
}

func ExampleError() {
	srv := fakeFrameio()
	defer srv.Close()
	client, err := frameio.NewClient(frameio.WithToken("YOUR_ACCESS_TOKEN"), frameio.WithBaseURL(srv.URL))
	if err != nil {
		log.Fatal(err)
	}

	_, err = client.Files.Show(context.Background(), "acc-1", "missing", nil)
	var apiErr *frameio.Error
	if errors.As(err, &apiErr) {
		fmt.Println(apiErr.StatusCode, apiErr.Errors[0].Title+":", apiErr.Errors[0].Detail)
	}
	fmt.Println(frameio.IsNotFound(err))
	// Output:
	// 404 Not found: No such file
	// true
}

// Every operation is a method of the client's resource services; options
// given to one call override the client's for that call.
func ExampleUsersService_Show() {
	srv := fakeFrameio()
	defer srv.Close()
	client, err := frameio.NewClient(frameio.WithToken("YOUR_ACCESS_TOKEN"), frameio.WithBaseURL(srv.URL))
	if err != nil {
		log.Fatal(err)
	}
	var resp *http.Response
	me, err := client.Users.Show(context.Background(),
		frameio.WithTimeout(5*time.Second), frameio.WithMaxRetries(0), frameio.WithResponseInto(&resp))
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(me.Name, resp.StatusCode)
	// Output: Ada 200
}

// List operations have iterators that follow links.next page by page.
func ExampleAccountsService_IndexAll() {
	srv := fakeFrameio()
	defer srv.Close()
	client, err := frameio.NewClient(frameio.WithToken("YOUR_ACCESS_TOKEN"), frameio.WithBaseURL(srv.URL))
	if err != nil {
		log.Fatal(err)
	}
	for account, err := range client.Accounts.IndexAll(context.Background(), nil) {
		if err != nil {
			log.Fatal(err)
		}
		fmt.Println(account.ID, account.DisplayName)
	}
	// Output:
	// acc-1 Studio
	// acc-2 Agency
}

// Middleware sees every attempt of a call: here it logs the method, path,
// status and the server's request id (never the Authorization header).
// Pass it to NewClient for every call, or to one call.
func ExampleWithMiddleware() {
	srv := fakeFrameio()
	defer srv.Close()
	logRequestID := func(req *http.Request, next frameio.MiddlewareNext) (*http.Response, error) {
		resp, err := next(req)
		if err == nil {
			fmt.Println(req.Method, req.URL.Path, resp.StatusCode, resp.Header.Get("X-Request-Id"))
		}
		return resp, err
	}
	client, err := frameio.NewClient(frameio.WithToken("YOUR_ACCESS_TOKEN"), frameio.WithBaseURL(srv.URL),
		frameio.WithMiddleware(logRequestID))
	if err != nil {
		log.Fatal(err)
	}
	if _, err := client.Users.Show(context.Background()); err != nil {
		log.Fatal(err)
	}
	// Output: GET /v4/me 200 req-42
}
