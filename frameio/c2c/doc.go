// Package c2c is a Frame.io Camera to Cloud (C2C) device: the /v2 API that
// cameras, recorders and capture apps use to pair with a project and upload
// media as it is recorded.
//
//	dev, err := c2c.NewClient(
//		c2c.WithClientVersion("1.4.0"),              // x-client-version, on every call
//		c2c.WithCredentials(serial, clientSecret),   // client_id, client_secret
//		c2c.WithTokenStore(c2c.FileTokenStore{Path: "/data/c2c-token.json"}),
//	)
//	tok, err := dev.Pair(ctx, func(p *c2c.Pairing) { display(p.UserCode, p.VerificationURIComplete) })
//	asset, err := dev.UploadStream(ctx, recording, c2c.AssetParams{Name: "A001_C001.mov", Filetype: "video/quicktime", CreatedAt: start})
//
// # What it follows
//
// The C2C guides, where they and the endpoint fragments disagree (each
// decision is a named step of internal/specfix, listed in api/NOTES.md):
//
//   - Pairing: device code (form-encoded, x-client-platypus-enabled for
//     QR/URL pairing, a new TCP connection per request), polling every
//     interval; authorization_pending polls on, slow_down doubles the
//     interval, expired_token gets a new code, access_denied ends it.
//   - Tokens: access tokens last ~8 h and are refreshed before they expire;
//     refresh tokens are single use, so one refresh runs at a time and the
//     new pair is saved (TokenStore) before it is used. A refresh answered
//     with invalid_request or 401 means ErrPairingRequired.
//   - Errors: both body shapes ({"error": ...} and {"code", "errors",
//     "message"}) and S3's XML become *APIError or *S3Error with the
//     guide's kind (errors.Is(err, c2c.ErrChannelPaused)); RetryOf holds the
//     guide's retry column. Fatal errors are never retried; retryable ones
//     get 8 attempts with waits of 0.5 s doubling to 32 s, ±50 % jitter;
//     unknown ones one retry; a 401 one refresh. After a network error every
//     call but GET /health waits until /health answers again.
//   - Timeouts per attempt: 15 s, 2 min for the token endpoint, 5 min per
//     chunk PUT.
//   - Uploads: basic (ceil(size / urls) per chunk), real-time (PartSizer,
//     parts 1..10,000, at least 5,242,880 bytes but the last, total at most
//     5 TiB) from a growing Stream, with offsets recomputed on every retry
//     so paused media stays blocked.
//   - Status: WatchStatus keeps the Phoenix socket and reports connected,
//     paused and resumed events on a channel.
//
// Secrets (client secret, device code, tokens, presigned URL queries)
// never appear in an error string or a log line.
//
// # Where things live
//
// client.go holds [Client] and its request path, options.go every [Option]
// over one config (NewClient reports every bad value at once), pairing.go
// and tokens.go pairing and the token lifecycle (store.go the stores),
// device.go and channels.go the device and channel calls, assets.go,
// upload.go, realtime.go, stream.go and partsize.go the uploads, status.go
// the status socket, connectivity.go the wait for /health, errors.go and
// policy.go the guide's error kinds and retry table, backoff.go the waits.
package c2c
