// Package c2ctest is an in-memory Frame.io Camera to Cloud server for tests
// of C2C devices, ours and our users', in the spirit of frameiotest.
//
// It implements the 16 operations of api/c2c.codegen.yaml plus GET /health,
// validating every request and success response against that document
// (kin-openapi), and keeps state: a device-authorization flow you approve
// or deny from the test (WaitForCode, Approve, Deny, WithAutoApprove),
// single-use refresh tokens, the device and its channels, pause windows
// (Pause, Resume: 409 Channel Paused for media created while paused), an
// object store for presigned chunk PUTs that assembles regular and
// real-time assets (Asset), the Phoenix status socket with heartbeats and
// status_updated events (DropSockets to force a reconnect), and fault
// injection (FailNext, DropNext, TruncateNext, MalformNext, FailParts,
// SetUnreachable).
//
//	srv := c2ctest.NewServer(t, c2ctest.WithAutoApprove(1))
//	dev, _ := c2c.NewClient(c2c.WithBaseURL(srv.URL()), c2c.WithHTTPClient(srv.HTTPClient()),
//		c2c.WithClientVersion("1.0.0"), c2c.WithCredentials("serial-1", c2ctest.DefaultClientSecret))
//
// # Where things live
//
// server.go holds [Server] and its routing over api/c2c.codegen.yaml,
// auth.go the route table, pairing and tokens, devices.go the device and channel calls,
// assets.go the uploads and the object store, socket.go the status socket,
// state.go the state, faults.go the injected faults, respond.go the
// answers, options.go every [Option] (Start reports every bad value).
package c2ctest
