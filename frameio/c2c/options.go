package c2c

import (
	"errors"
	"fmt"
	"log/slog"
	"math/rand/v2"
	"net"
	"net/http"
	"net/url"
	"runtime"
	"strings"
	"time"

	"github.com/frameio-go/frameio-go/internal/options"
)

// DefaultBaseURL is the C2C API server.
const DefaultBaseURL = "https://api.frame.io"

// DefaultScope is what devices request: asset creation and refresh tokens
// ("in practical implementations, devices typically request both").
const DefaultScope = "asset_create offline"

// Timeouts bound one attempt of each class of call (errors guide, "Request
// Timeouts").
type Timeouts struct {
	// Default bounds ordinary calls: 15 s.
	Default time.Duration
	// TokenRefresh bounds the token endpoint: 2 min.
	TokenRefresh time.Duration
	// PartUpload bounds one chunk PUT to the object store: 5 min.
	PartUpload time.Duration
}

// DefaultTimeouts returns the guide's timeouts.
func DefaultTimeouts() Timeouts {
	return Timeouts{Default: 15 * time.Second, TokenRefresh: 2 * time.Minute, PartUpload: 5 * time.Minute}
}

// Defaults of the other options.
const (
	// DefaultMaxAttempts: "we will retry the call 8 times" (63.5 s of
	// waits before jitter).
	DefaultMaxAttempts = 8
	// DefaultRefreshBefore: access tokens are refreshed this long before
	// they expire (they last about 8 hours).
	DefaultRefreshBefore = 5 * time.Minute
	// DefaultMaxHold bounds how long a call waits for Frame.io to become
	// reachable again before failing with ErrDisconnected.
	DefaultMaxHold = 10 * time.Minute
	// DefaultPairingCodes bounds how many pairing codes Pair requests
	// (each lives about 2 minutes) before ErrPairingCodesExhausted.
	DefaultPairingCodes = 10
	// DefaultHeartbeat is the status socket's heartbeat interval (the
	// server drops a socket after 60 s without one).
	DefaultHeartbeat = 15 * time.Second
)

type config struct {
	baseURL       *url.URL
	version       string
	creds         CredentialStore
	tokens        TokenStore
	hc            *http.Client
	logger        *slog.Logger
	timeouts      Timeouts
	maxAttempts   int
	sleep         Sleeper
	now           Clock
	jitter        func() float64
	scope         string
	urlPairing    bool
	refreshBefore time.Duration
	maxHold       time.Duration
	pairingCodes  int
	heartbeat     time.Duration
	concurrency   int
	onConnected   func(connected bool)
}

// Option configures a Client. An option reports a bad value when it is
// applied; NewClient returns every such error at once, with the missing
// required options. nil is a bad value for a dependency (a store, the HTTP
// client, the sleeper, the clock, the jitter source); a nil logger or
// callback means none.
type Option func(*config) error

// Clock returns the current time (time.Now unless WithClock replaces it).
// It is the one clock type of the SDK's packages: transfer.Clock,
// auth.Clock, webhook.Clock and frameiotest.Clock are the same type.
type Clock = options.Clock

// WithClientVersion sets the firmware or software version sent as
// x-client-version on every call. Required; must be a semantic version.
func WithClientVersion(v string) Option {
	return func(c *config) error { c.version = v; return ValidVersion(v) }
}

// WithCredentials sets the device's permanent credentials: its client_id
// (a serial number or a UUID it generated once) and the client_secret
// Frame.io issued for the device model.
func WithCredentials(clientID, clientSecret string) Option {
	return func(c *config) error {
		c.creds = StaticCredentials{ClientID: clientID, ClientSecret: clientSecret}
		return nil
	}
}

// WithCredentialStore reads the credentials from s (e.g. encrypted device
// storage) whenever they are needed, instead of WithCredentials.
func WithCredentialStore(s CredentialStore) Option {
	return func(c *config) error {
		if s == nil {
			return errors.New("c2c: WithCredentialStore: nil store")
		}
		c.creds = s
		return nil
	}
}

// WithTokenStore persists the tokens (default: in memory only, so the
// device must pair again after a restart). Keep it apart from the
// credentials, as the guide asks: a corrupt token store then only needs
// a new pairing.
func WithTokenStore(s TokenStore) Option {
	return func(c *config) error {
		if s == nil {
			return errors.New("c2c: WithTokenStore: nil store")
		}
		c.tokens = s
		return nil
	}
}

// WithBaseURL sets the API server (default https://api.frame.io). It must
// be https; http is accepted for loopback hosts only (test servers).
func WithBaseURL(raw string) Option {
	return func(c *config) error {
		u, err := url.Parse(strings.TrimRight(raw, "/"))
		if err != nil || u.Host == "" {
			return fmt.Errorf("c2c: base URL %q is not an absolute URL", raw)
		}
		if u.Scheme != "https" && !(u.Scheme == "http" && loopback(u.Hostname())) {
			return fmt.Errorf("c2c: base URL %q must use https (http only for loopback test servers)", raw)
		}
		c.baseURL = u
		return nil
	}
}

func loopback(host string) bool {
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// WithHTTPClient sets the HTTP client (its Transport and connection pool
// are reused for every call; per-call timeouts come from WithTimeouts).
func WithHTTPClient(hc *http.Client) Option {
	return func(c *config) error {
		if hc == nil {
			return errors.New("c2c: WithHTTPClient: nil client")
		}
		c.hc = hc
		return nil
	}
}

// WithLogger logs requests, retries and state changes at debug level and
// failures at warn level (nil: silent, the default). Tokens, codes, secrets
// and presigned URL queries are never logged.
func WithLogger(l *slog.Logger) Option {
	return func(c *config) error {
		c.logger = options.Logger(l)
		return nil
	}
}

// WithTimeouts replaces the per-attempt timeouts; zero fields keep their
// defaults.
func WithTimeouts(t Timeouts) Option {
	return func(c *config) error {
		if t.Default < 0 || t.TokenRefresh < 0 || t.PartUpload < 0 {
			return errors.New("c2c: WithTimeouts: negative timeout")
		}
		d := DefaultTimeouts()
		c.timeouts = Timeouts{Default: orDefault(t.Default, d.Default), TokenRefresh: orDefault(t.TokenRefresh, d.TokenRefresh), PartUpload: orDefault(t.PartUpload, d.PartUpload)}
		return nil
	}
}

func orDefault(v, def time.Duration) time.Duration {
	if v == 0 {
		return def
	}
	return v
}

// WithMaxAttempts sets how many attempts a retryable call gets (default 8).
func WithMaxAttempts(n int) Option {
	return func(c *config) error {
		if n < 1 {
			return fmt.Errorf("c2c: WithMaxAttempts(%d): need at least 1", n)
		}
		c.maxAttempts = n
		return nil
	}
}

// WithSleeper replaces the waits between attempts, pairing polls, health
// probes and socket reconnects (tests record them instead of waiting).
func WithSleeper(s Sleeper) Option {
	return func(c *config) error {
		if s == nil {
			return errors.New("c2c: WithSleeper: nil sleeper")
		}
		c.sleep = s
		return nil
	}
}

// WithClock replaces time.Now (token expiry, asset offsets, code expiry).
func WithClock(now Clock) Option {
	return func(c *config) error {
		if now == nil {
			return errors.New("c2c: WithClock: nil clock")
		}
		c.now = now
		return nil
	}
}

// WithJitter replaces the random source of backoff jitter; f returns
// values in [0, 1). A constant 0.5 makes waits exactly 0.5 s, 1 s, 2 s ...
func WithJitter(f func() float64) Option {
	return func(c *config) error {
		if f == nil {
			return errors.New("c2c: WithJitter: nil jitter source")
		}
		c.jitter = f
		return nil
	}
}

// WithScope sets the requested scopes (default "asset_create offline").
func WithScope(scope string) Option {
	return func(c *config) error { c.scope = scope; return nil }
}

// WithURLPairing sends x-client-platypus-enabled: true with device code
// requests so the response carries verification_uri(_complete) for a QR
// code or link (default on).
func WithURLPairing(on bool) Option {
	return func(c *config) error { c.urlPairing = on; return nil }
}

// WithRefreshBefore sets how long before expiry an access token is
// refreshed (default 5 minutes; not negative).
func WithRefreshBefore(d time.Duration) Option {
	return func(c *config) error {
		if d < 0 {
			return fmt.Errorf("c2c: WithRefreshBefore(%v): negative", d)
		}
		c.refreshBefore = d
		return nil
	}
}

// WithMaxHold bounds how long a call waits while Frame.io is unreachable
// (default 10 minutes; not negative); then it fails with ErrDisconnected.
func WithMaxHold(d time.Duration) Option {
	return func(c *config) error {
		if d < 0 {
			return fmt.Errorf("c2c: WithMaxHold(%v): negative", d)
		}
		c.maxHold = d
		return nil
	}
}

// WithPairingCodes bounds how many pairing codes Pair requests (default 10;
// at least 1).
func WithPairingCodes(n int) Option {
	return func(c *config) error {
		if n < 1 {
			return fmt.Errorf("c2c: WithPairingCodes(%d): need at least 1", n)
		}
		c.pairingCodes = n
		return nil
	}
}

// WithHeartbeat sets the status socket's heartbeat interval (default 15 s;
// the server closes sockets silent for 60 s).
func WithHeartbeat(d time.Duration) Option {
	return func(c *config) error {
		if d <= 0 || d >= time.Minute {
			return fmt.Errorf("c2c: WithHeartbeat(%v): must be between 0 and 60 s", d)
		}
		c.heartbeat = d
		return nil
	}
}

// WithConcurrency sets how many chunks upload at once (default two per CPU
// core, the guide's rule of thumb; at least 1).
func WithConcurrency(n int) Option {
	return func(c *config) error {
		if n < 1 {
			return fmt.Errorf("c2c: WithConcurrency(%d): need at least 1", n)
		}
		c.concurrency = n
		return nil
	}
}

// WithConnectivityFunc is called with false when Frame.io seems
// unreachable and with true once /health answers again, so the device can
// show its network status.
func WithConnectivityFunc(f func(connected bool)) Option {
	return func(c *config) error { c.onConnected = f; return nil }
}

func defaultConfig() config {
	u, _ := url.Parse(DefaultBaseURL)
	return config{
		baseURL: u, hc: http.DefaultClient, logger: options.Logger(nil),
		timeouts: DefaultTimeouts(), maxAttempts: DefaultMaxAttempts, sleep: Sleep, now: time.Now,
		jitter: rand.Float64, scope: DefaultScope, urlPairing: true, refreshBefore: DefaultRefreshBefore,
		maxHold: DefaultMaxHold, pairingCodes: DefaultPairingCodes, heartbeat: DefaultHeartbeat,
		concurrency: 2 * runtime.NumCPU(), tokens: &MemoryTokenStore{},
	}
}

// buildConfig applies opts over the defaults and checks the required
// options, returning every problem at once.
func buildConfig(opts []Option) (config, error) {
	c := defaultConfig()
	errs := []error{options.Apply(&c, opts)}
	if c.version == "" {
		errs = append(errs, errors.New("c2c: WithClientVersion is required (x-client-version is enforced by Frame.io)"))
	}
	if c.creds == nil {
		errs = append(errs, errors.New("c2c: WithCredentials or WithCredentialStore is required"))
	} else if s, ok := c.creds.(StaticCredentials); ok {
		errs = append(errs, s.validate())
	}
	return c, errors.Join(errs...)
}
