// Package webhook receives Frame.io V4 webhooks and custom actions safely.
//
// Frame.io signs every webhook and custom action request with a per-webhook
// (or per-action) secret that is returned only once, when the webhook or
// action is created. Two headers accompany each POST:
//
//	X-Frameio-Request-Timestamp: 1604004499
//	X-Frameio-Signature:         v0=<hex(HMAC-SHA256(secret, "v0:" + timestamp + ":" + body))>
//
// A [Verifier] checks both headers against the raw request body, rejects
// timestamps outside a tolerance window (5 minutes by default, in both
// directions) and compares signatures in constant time. Several secrets can be
// configured at once so that a secret can be rotated without downtime.
// [Sign] and [SignHeader] produce valid signatures, which is useful when
// testing your own receivers.
//
// # Webhooks
//
// [Handler] is a [net/http.Handler] that verifies a delivery, decodes it into
// an [Event] and dispatches it to the function registered for its
// [EventType] with [Handler.HandleFunc] (or to the fallback registered with
// [Handler.HandleFallback]). It answers:
//
//   - 200 when the event was handled (or deliberately ignored),
//   - 401 when the signature or timestamp is missing, malformed or wrong,
//   - 400 when the body is not a valid webhook payload,
//   - 413 when the body exceeds the configured size limit,
//   - 500 when the registered function returned an error.
//
// # Answer fast, work later
//
// Frame.io makes five attempts in total (the initial delivery plus four
// retries, with exponential back-off starting at 15 s plus jitter). A non-2xx
// answer, or no answer within 5 seconds, triggers a retry. Event handlers
// must therefore return quickly: hand long work to a queue and acknowledge
// the delivery. A buffered channel drained by a worker goroutine is the
// simplest queue:
//
//	jobs := make(chan webhook.Event, 128)
//	go func() {
//		for e := range jobs {
//			process(e) // may take minutes
//		}
//	}()
//
//	h := webhook.NewHandler(verifier)
//	h.HandleFunc(webhook.FileReady, func(ctx context.Context, e *webhook.Event) error {
//		select {
//		case jobs <- *e:
//			return nil // 200: Frame.io will not retry
//		case <-ctx.Done():
//			return ctx.Err() // 500: Frame.io will retry later
//		}
//	})
//
// Returning an error from an event handler answers 500, which asks Frame.io
// to retry; return nil for failures that a retry cannot fix. [WithTimeout]
// puts a deadline on the context handed to event handlers, so that a blocked
// queue fails before Frame.io gives up on the request.
//
// # Duplicates
//
// Because of retries (and because a 2xx can be lost on its way back), the
// same event can arrive more than once. Make processing idempotent: remember
// [Event.IdempotencyKey] (event type, resource type and resource ID) for a
// window longer than the retry horizon (a few minutes), and skip events whose
// key was already seen. The payload carries no event ID; the request
// timestamp ([Event.Timestamp]) is the time the request was sent, so a retry
// may carry a new timestamp. Add it to the key only if you want to
// deduplicate exact replays and nothing else.
//
// # Custom actions
//
// Custom actions use the same signature scheme. [ActionHandler] verifies and
// decodes an [ActionEvent] and calls an [ActionFunc], which answers with a
// [Message], a [Form] or nil (an empty 200). Forms are chained by the
// interaction ID: when the user submits a form, Frame.io posts the submitted
// values in [ActionEvent.Data] with the same [ActionEvent.InteractionID].
// Frame.io expects an answer within 10 seconds.
//
// # Secrets
//
// The signing secrets never leave a [Verifier]: no error and no log line of
// this package holds one, and a Verifier printed by mistake (fmt, slog)
// shows only how many secrets it has. Rejections are logged with their
// reason (a sentinel error and the timestamps), never with the body or the
// signature. The errors your event and action functions return are logged
// as they are: keep secrets out of them.
//
// # Waits
//
// Handlers wait for nothing but your functions: bound those with
// [WithTimeout], and the request body with the http.Server's timeouts and
// [WithMaxBodySize].
//
// # Where things live
//
// A delivery takes one straight path: handler.go ([Handler], dispatch by
// event type) or action_handler.go ([ActionHandler]) call receive.go (POST
// only, verify, decode, the status of a rejection), which calls
// verifier.go ([Verifier]: headers, timestamp tolerance, the v0 HMAC, the
// bounded body read; [Sign] for tests). events.go holds [Event] and its
// types, action.go [ActionEvent], action_response.go the messages and
// forms a custom action answers with, options.go every option (a
// Verifier's, which report bad values to [NewVerifier], and the
// handlers') and errors.go the sentinel errors.
package webhook
