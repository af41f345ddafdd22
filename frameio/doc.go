// Package frameio is a Go client for the Frame.io V4 API.
//
// Create a Client with NewClient and a token, then call the per-resource
// services (client.Files, client.Folders, ...) or, for endpoints the SDK
// does not cover, Client.Do:
//
//	client, err := frameio.NewClient(frameio.WithToken(token))
//
// # Options
//
// One option type, RequestOption (alias Option), configures both the client
// and single calls: options given to NewClient are defaults, options given
// to a call are applied after them and win. Timeouts (WithTimeout for the
// whole call, none by default; WithAttemptTimeout for each attempt, 60 s),
// retries (WithMaxRetries, default 2; WithRetryPolicy), middleware
// (WithMiddleware), extra headers and query parameters (WithHeader,
// WithQuery) and capture of the raw response (WithResponseInto) all work
// at both levels.
//
// # Retries
//
// 408, 429, 5xx and transport errors are retried with exponential backoff
// and jitter, honouring Retry-After and the x-ratelimit-* headers. POST and
// PATCH are retried only when the server certainly did not act on them
// unless WithRetryNonIdempotent(true) is given. See RetryPolicy for the
// details and DefaultRetryPolicy for the defaults and their reasons.
//
// # Errors
//
// A non-2xx response is an *Error (status, parsed error details, raw body,
// headers, request id, rate limit); transport failures and cancellation are
// a *RequestError; a malformed 2xx body is a *DecodeError; pacing that
// would wait too long is a *RateLimitError. Use errors.As, or helpers such
// as IsNotFound and IsRateLimited.
//
// A 2xx response whose body is cut off is a *RequestError that keeps the
// status and headers: Accepted(err) reports that the server acted on the
// request although its answer was lost. POST and PATCH calls are not
// repeated then; reconcile (look the resource up) instead of creating it
// again.
//
// # Logging
//
// The client is silent unless WithLogger is given; it then logs one debug
// line per attempt. Tokens and the Authorization header are never logged.
//
// # Secrets
//
// The access token goes only into the Authorization header of requests to
// the base URL. It never appears in a log line or in an error, however the
// error is printed (%v, %+v, %#v, slog): should the server echo it, it is
// replaced by "[REDACTED]" in the body, headers and details an *Error,
// *DecodeError or *RequestError keeps, so no error holds it at all. URLs in
// errors and logs lose their user information and the values of sensitive
// query parameters (tokens, codes, secrets, keys, signatures); log lines
// carry no query string and no body. A Client printed by mistake shows no
// token. WithRedaction hides more values the same way, such as a
// credential a request sends in its body. What the SDK hands back as data is the caller's to protect: the
// response of WithResponseInto (its request has no Authorization header),
// and secrets the API returns, such as a webhook's signing secret
// (the Secret of the webhook Webhooks.Create returns) or presigned upload and download URLs.
//
// # Waits
//
// Every wait of a call ends when its context does, and each has a bound.
// WithTimeout bounds the whole call, retries and waits included; an attempt
// (sending, reading the answer, and the wait for a token from the token
// source) lasts at most WithAttemptTimeout (60 s); a retry waits at most
// RetryPolicy.MaxDelay (2 min) plus jitter, or a server-provided wait up to
// MaxRetryAfter (2 min; longer ones end the call); rate-limit pacing waits
// at most MaxRetryAfter. A wait that would end after the context's deadline
// or the call's timeout is not started: the call returns the last attempt's
// error at once, as a *RequestError wrapping context.DeadlineExceeded with
// that error (an *Error for a 500, say) in Last. The first wait after a 5xx
// is 30 s, as Frame.io's guides ask, so WithTimeout(2*time.Second) and a 500
// return the 500 within the two seconds rather than retrying.
package frameio
