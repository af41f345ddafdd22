// Package frameiotest provides an in-memory Frame.io V4 server for tests,
// in the spirit of stripe-mock and pstest.
//
// The server implements every operation of the embedded OpenAPI document
// (api.V4): accounts, workspaces, projects, folders, files, version stacks,
// comments, shares, webhooks, metadata field definitions and users are
// stateful; every other operation answers with a body that is valid for
// its schema, made of the spec's examples where it has them and minimal
// values elsewhere. Requests and responses are validated against the
// document, include= is honoured where an operation documents it
// (include=owner on comments, creator, project, media links...), list
// operations page with opaque cursors, every response carries an
// x-request-id and the rate-limit headers, local uploads go to a fake
// object store on the same listener, and faults (errors, rate limits,
// latency, truncated or malformed bodies, failing upload parts, expired
// upload URLs) can be injected on demand.
//
// Server.Client returns a frameio.Client already pointed at the server:
//
//	srv := frameiotest.NewServer(t)           // closed, and its spec violations reported, at t.Cleanup
//	client := srv.Client()                     // any frameio.RequestOption may follow
//	seed := srv.Seed()                         // the account, workspace, project, root folder and user
//	folder, err := client.Folders.Create(ctx, seed.AccountID, seed.RootFolderID,
//		gen.FolderCreateParamsData{Name: new("Dailies")})
//	srv.FailNext(1, http.StatusInternalServerError) // the next call gets a 500, retried at once
//
// The client skips the waits between retries; pass frameio.WithSleeper to
// record or restore them. HTTPClient and AuthorizeRequest serve other
// clients, such as plain net/http requests made with the request builders
// of package gen.
//
// # Where things live
//
// server.go holds [Server] and the request path (faults, authentication,
// validation, the handler, response validation); handlers*.go implement
// the generated net/http server interface (frameiotest/internal/server,
// generated from the same document as package gen) one resource per file;
// store.go, seed.go and roles.go the state; objectstore.go the presigned
// upload and download URLs; spec.go, validate.go and schemacheck.go the
// spec checks; fill.go the bodies of stateless operations; faults.go the
// injected faults; options.go every [Option] (Start reports every bad
// value); client.go the configured frameio.Client.
package frameiotest
