// Package frameiotest provides an in-memory Frame.io V4 server for tests,
// in the spirit of stripe-mock and pstest.
//
// The server implements every operation of the embedded OpenAPI document
// (api.V4): accounts, workspaces, projects, folders, files, version stacks,
// comments, shares, webhooks, metadata field definitions and users are
// stateful; every other operation answers with a minimal body that is valid
// for its schema. Requests and responses are validated against the document,
// list operations page with opaque cursors, local uploads go to a fake object
// store on the same listener, and faults (errors, rate limits, latency,
// truncated or malformed bodies, failing upload parts, expired upload URLs)
// can be injected on demand.
//
//	srv := frameiotest.NewServer(t)
//	client, _ := gen.NewClientWithResponses(srv.URL(), gen.WithHTTPClient(srv.Client()),
//		gen.WithRequestEditorFn(srv.AuthorizeRequest))
package frameiotest
