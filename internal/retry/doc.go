// Package retry holds the mechanics every retry loop of the SDK shares
// (frameio's call loop, transfer's part and range loops, auth's IMS
// transport, c2c's device calls), so that a fix lands in all of them at
// once:
//
//   - classify.go: which failures another try cannot fix (Permanent,
//     PermanentStatus);
//   - timing.go: how long to wait (Backoff, Jitter, ParseRetryAfter) and
//     the one context-aware wait (Sleep).
//
// Each loop keeps its own policy (how many tries, which floors, which
// methods): that is what differs between an API call and a part upload.
// Rendering what went wrong lives elsewhere, once too: internal/redact
// hides secrets in URLs and text, internal/bodytext cuts body excerpts.
package retry
