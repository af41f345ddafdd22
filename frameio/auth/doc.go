// Package auth authenticates Frame.io V4 API clients against Adobe Identity
// Management Service (IMS), Adobe's OAuth 2.0 identity platform.
//
// It is built on golang.org/x/oauth2 (token retrieval, refresh, PKCE and
// authorization URLs) and adds what IMS needs on top: IMS endpoints and
// default scopes, proactive refresh with a configurable buffer, single-flight
// refresh under concurrency, revocation that always wins over an in-flight
// refresh, token persistence, retries with an injectable clock and sleeper,
// and typed errors.
//
// # Credential types
//
//   - [ServerToServer]: OAuth Server-to-Server (client_credentials grant).
//     No user involved; the client ID and secret mint new tokens forever.
//   - [WebApp]: authorization code flow for confidential server-side apps
//     that can keep a client secret. Send the user to AuthCodeURL with a
//     state bound to their session, and complete the sign-in with
//     [WebApp.ExchangeCallback], which checks that state on the callback
//     request before exchanging the code.
//   - [PKCEApp], created by [NewSPA] or [NewNativeApp]: authorization code
//     flow with PKCE (S256) for public clients (browser apps, desktop and
//     mobile apps, CLIs) that cannot keep a secret. Native apps use the
//     adobe+...://callback redirect Adobe assigns to the credential, or a
//     loopback redirect served by [ListenLoopback].
//
// Every credential type implements [oauth2.TokenSource], so it can be passed
// to the Frame.io client (frameio.WithTokenSource) or to [oauth2.NewClient].
// Every type also implements [ContextTokenSource]: TokenContext(ctx) is the
// context-aware variant that callers should prefer, because Token() runs
// with [context.Background] and cannot be cancelled.
//
// # Token lifecycle and concurrency
//
// Tokens are cached in memory. A cached access token is returned as long as
// it is valid for longer than the refresh buffer (default 60 s, see
// [WithRefreshBuffer]); otherwise a new one is fetched first. All methods are
// safe for concurrent use. However many goroutines ask for a token while it
// needs refreshing, exactly one request is sent to IMS and every caller
// receives its result. The refresh runs detached from any single caller's
// context, so one caller giving up does not fail the others.
//
// Revoke clears local state first and then revokes the access and refresh
// tokens at IMS, best effort. A refresh that is in flight when Revoke is
// called is cancelled, and if it completes anyway its result is discarded:
// revocation always wins. IMS does not document its revocation endpoint in
// the Frame.io docs; this package follows the Adobe IMS convention
// POST {base}/ims/revoke with form fields token and client_id (plus
// client_secret for confidential clients). Override it with
// [WithRevokePath].
//
// # Persistence
//
// [TokenSet] is the portable token state ({"access_token", "refresh_token",
// "expires_at"} in JSON, expires_at in Unix seconds, the same shape as the
// Python and TypeScript SDKs). Use Export and Import to survive restarts, and
// [WithOnTokenRefreshed] to be told about every new token. Treat exported
// tokens as secrets.
//
// # Errors
//
// Every error returned by this package that is not a plain context error
// implements [Error]. Use [errors.As] with the concrete types to react:
// [*ConfigError], [*AuthenticationError], [*TokenExpiredError] (the user must
// sign in again), [*NotAuthenticatedError], [*NetworkError],
// [*RateLimitError] and [*CallbackError].
//
// # Secrets
//
// No error and no log line of this package holds a client secret, an
// access or refresh token, an authorization code or a PKCE verifier,
// however it is printed (%v, %+v, %#v, slog): error fields and kept causes
// are built without them, and should IMS echo what it was sent (in
// error_description, say), it is replaced by "[REDACTED]". The credential
// types, [TokenSet] and [AuthCodeRequest] print (String, GoString,
// LogValue) without their secrets. The secrets are handed out only where
// the caller asks for them: TokenContext's access token, Export's
// [TokenSet] (and its JSON form), AuthCodeRequest.Verifier.
//
// # Waits
//
// Every wait is bounded: each request to IMS lasts at most [WithTimeout]
// (30 s); retries wait at most 5 s, or a Retry-After no longer than the
// request timeout (a longer one is a [*RateLimitError]); TokenContext stops
// waiting for a refresh when its context ends; [LoopbackServer.Wait] ends
// with its context or after [WithCallbackTimeout] (10 min).
//
// # Logging
//
// The package is silent by default. Pass a [log/slog] logger with
// [WithLogger] to see requests, retries and refreshes at debug level and
// failures at warn level. Tokens, codes and secrets are never logged.
//
// # Legacy developer tokens
//
// Frame.io accounts migrated to V4 but not yet administered through the
// Adobe Admin Console can keep using legacy developer tokens from
// developer.frame.io. Those tokens do not expire and do not go through IMS,
// so this package is not involved: wrap the token in
// [oauth2.StaticTokenSource] and enable the legacy mode on the Frame.io
// client, which sends the header "x-frameio-legacy-token-auth: true". That
// header is a client option of package frameio, not of this package.
//
// # Where things live
//
// s2s.go, webapp.go and pkce.go hold the credential types, core.go and
// cache.go what they share (the token cache, single-flight refresh),
// userflow.go and callback.go the authorization code flow (exchange,
// refresh, the callback's query), loopback.go [ListenLoopback], revoke.go
// revocation, tokenset.go [TokenSet], print.go how credentials print
// without their secrets, transport.go the retrying IMS transport and
// classify.go and errors.go the typed errors. options.go holds every [Option] over one config (each
// reports a bad value as a [*ConfigError]); validate.go the checks that
// involve more than one setting (client ID, IMS base URL, redirect URIs).
package auth
