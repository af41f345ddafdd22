package auth_test

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"

	"golang.org/x/oauth2"

	"github.com/frameio-go/frameio-go/frameio/auth"
)

// newExampleIMS starts a minimal stand-in for Adobe IMS (and one Frame.io
// endpoint) so the examples run offline. Production code talks to the real
// IMS and never needs this.
func newExampleIMS() *httptest.Server {
	var (
		mu        sync.Mutex
		challenge string
		issued    int
	)
	issue := func(w http.ResponseWriter, refresh bool) {
		mu.Lock()
		issued++
		n := issued
		mu.Unlock()
		w.Header().Set("Content-Type", "application/json")
		rt := ""
		if refresh {
			rt = fmt.Sprintf(`,"refresh_token":"example-refresh-token-%d"`, n)
		}
		fmt.Fprintf(w, `{"access_token":"example-access-token-%d","token_type":"bearer","expires_in":86399%s}`, n, rt)
	}
	reject := func(w http.ResponseWriter, code, desc string) {
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(http.StatusBadRequest)
		fmt.Fprintf(w, `{"error":%q,"error_description":%q}`, code, desc)
	}
	mux := http.NewServeMux()
	mux.HandleFunc("GET /ims/authorize/v2", func(w http.ResponseWriter, r *http.Request) {
		q := r.URL.Query()
		mu.Lock()
		challenge = q.Get("code_challenge")
		mu.Unlock()
		// The user signs in and approves; IMS redirects back with a code.
		http.Redirect(w, r, q.Get("redirect_uri")+"?code=example-code&state="+url.QueryEscape(q.Get("state")), http.StatusFound)
	})
	mux.HandleFunc("POST /ims/token/v3", func(w http.ResponseWriter, r *http.Request) {
		switch r.PostFormValue("grant_type") {
		case "client_credentials":
			if r.PostFormValue("client_secret") != "my-client-secret" {
				reject(w, "invalid_client", "invalid client credentials")
				return
			}
			issue(w, false)
		case "authorization_code":
			if _, secret, confidential := r.BasicAuth(); confidential { // a web app
				if secret != "my-client-secret" || r.PostFormValue("code") != "example-code" {
					reject(w, "invalid_grant", "invalid code or client")
					return
				}
				issue(w, true)
				return
			}
			sum := sha256.Sum256([]byte(r.PostFormValue("code_verifier")))
			mu.Lock()
			ok := base64.RawURLEncoding.EncodeToString(sum[:]) == challenge
			mu.Unlock()
			if !ok || r.PostFormValue("code") != "example-code" {
				reject(w, "invalid_grant", "PKCE verification failed")
				return
			}
			issue(w, true)
		default:
			reject(w, "unsupported_grant_type", "")
		}
	})
	mux.HandleFunc("GET /v4/me", func(w http.ResponseWriter, r *http.Request) {
		if !strings.HasPrefix(r.Header.Get("Authorization"), "Bearer example-access-token-") {
			http.Error(w, "unauthorized", http.StatusUnauthorized)
			return
		}
		fmt.Fprint(w, `{"data":{"name":"Service Account User"}}`)
	})
	return httptest.NewServer(mux)
}

// A backend service authenticates with server-to-server credentials. The
// credential is an oauth2.TokenSource, so it plugs into any OAuth-aware HTTP
// client, including the Frame.io client.
func ExampleNewServerToServer() {
	ims := newExampleIMS()
	defer ims.Close()
	ctx := context.Background()

	s2s, err := auth.NewServerToServer("my-client-id", "my-client-secret",
		// Only for this offline example: production uses the default
		// https://ims-na1.adobelogin.com and needs neither option.
		auth.WithIMSBaseURL(ims.URL), auth.WithInsecureHTTP())
	if err != nil {
		fmt.Println(err)
		return
	}
	// Fail fast on bad credentials at startup.
	if err := s2s.Authenticate(ctx); err != nil {
		fmt.Println(err)
		return
	}

	client := oauth2.NewClient(ctx, s2s)
	resp, err := client.Get(ims.URL + "/v4/me")
	if err != nil {
		fmt.Println(err)
		return
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	fmt.Println(resp.StatusCode, string(body))

	// Wrong credentials surface as a typed error.
	bad, _ := auth.NewServerToServer("my-client-id", "wrong-secret",
		auth.WithIMSBaseURL(ims.URL), auth.WithInsecureHTTP())
	var authErr *auth.AuthenticationError
	if errors.As(bad.Authenticate(ctx), &authErr) {
		fmt.Println("rejected:", authErr.Code)
	}
	// Output:
	// 200 {"data":{"name":"Service Account User"}}
	// rejected: invalid_client
}

// A command-line tool signs the user in with a native-app credential and a
// loopback redirect.
func ExampleNewNativeApp_loopback() {
	ims := newExampleIMS()
	defer ims.Close()
	ctx := context.Background()

	state := rand.Text()
	// Real apps use the fixed port registered on the credential; 0 picks a
	// free one.
	callback, err := auth.ListenLoopback(ctx, 0, state)
	if err != nil {
		fmt.Println(err)
		return
	}
	defer callback.Close()

	app, err := auth.NewNativeApp("my-client-id", callback.RedirectURI(),
		auth.WithIMSBaseURL(ims.URL), auth.WithInsecureHTTP()) // offline example only
	if err != nil {
		fmt.Println(err)
		return
	}
	req := app.AuthCodeURL(state)

	// A real CLI opens req.URL in the system browser. Here an HTTP GET
	// plays the browser: IMS redirects it to the loopback server.
	resp, err := http.Get(req.URL)
	if err != nil {
		fmt.Println(err)
		return
	}
	page, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	fmt.Println("browser shows:", strings.Contains(string(page), "You can close this window"))

	code, err := callback.Wait(ctx)
	if err != nil {
		fmt.Println(err)
		return
	}
	if err := app.ExchangeCode(ctx, code, req.Verifier); err != nil {
		fmt.Println(err)
		return
	}
	tok, err := app.TokenContext(ctx)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("signed in:", tok.Type(), tok.Valid())
	// Output:
	// browser shows: true
	// signed in: Bearer true
}

// A server-side web app signs users in with the authorization code flow.
// ExchangeCallback checks the callback's state against the one stored in
// the user's session, so a forged callback (CSRF) exchanges nothing.
func ExampleWebApp_ExchangeCallback() {
	ims := newExampleIMS()
	defer ims.Close()
	ctx := context.Background()

	var app *auth.WebApp
	state := rand.Text() // stored in the user's session in a real app
	mux := http.NewServeMux()
	mux.HandleFunc("/callback", func(w http.ResponseWriter, r *http.Request) {
		if err := app.ExchangeCallback(r.Context(), r, state); err != nil {
			http.Error(w, "sign-in failed", http.StatusBadRequest)
			return
		}
		fmt.Fprint(w, "signed in")
	})
	site := httptest.NewServer(mux)
	defer site.Close()

	app, err := auth.NewWebApp("my-client-id", "my-client-secret", site.URL+"/callback",
		auth.WithIMSBaseURL(ims.URL), auth.WithInsecureHTTP()) // offline example only
	if err != nil {
		fmt.Println(err)
		return
	}
	get := func(u string) {
		resp, err := http.Get(u)
		if err != nil {
			fmt.Println(err)
			return
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		fmt.Println(resp.StatusCode, strings.TrimSpace(string(body)))
	}
	// A forged callback, without the session's state, is refused.
	get(site.URL + "/callback?code=stolen-code&state=forged")
	// The user's browser goes to IMS, which redirects it back with a code.
	get(app.AuthCodeURL(state))
	tok, err := app.TokenContext(ctx)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("token:", tok.Type(), tok.Valid())
	// Output:
	// 400 sign-in failed
	// 200 signed in
	// token: Bearer true
}
