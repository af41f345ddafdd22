package c2c

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"time"

	gen "github.com/frameio-go/frameio-go/gen/c2c"
)

// Polling bounds of the pairing loop.
const (
	// DefaultPollInterval is used when a device code response has no
	// interval.
	DefaultPollInterval = 5 * time.Second
	// MaxPollInterval caps the interval after repeated slow_down answers.
	MaxPollInterval = time.Minute
)

// Pairing is a pending device authorization: show UserCode (and, with URL
// pairing, a QR code of VerificationURIComplete) to the user. The device
// code itself stays hidden inside.
type Pairing struct {
	// UserCode is the six-digit code the user enters in Frame.io.
	UserCode string
	// VerificationURI is where the user enters it (URL pairing only).
	VerificationURI string
	// VerificationURIComplete carries the code, for a QR code or a link
	// (URL pairing only).
	VerificationURIComplete string
	// Name is the device name Frame.io shows.
	Name string
	// Interval is how long to wait between polls.
	Interval time.Duration
	// ExpiresAt is when the code stops working.
	ExpiresAt time.Time

	deviceCode string
}

// String shows what the user sees, never the device code.
func (p *Pairing) String() string {
	return fmt.Sprintf("c2c.Pairing{UserCode:%q, VerificationURI:%q, ExpiresAt:%s}", p.UserCode, p.VerificationURI, p.ExpiresAt.UTC().Format(time.RFC3339))
}

// GoString is String, for %#v.
func (p *Pairing) GoString() string { return p.String() }

// RequestDeviceCode starts a pairing (POST /v2/auth/device/code). Each
// request uses a new connection: several device code requests on one TCP
// connection can trigger slow_down, the errors guide warns.
func (c *Client) RequestDeviceCode(ctx context.Context) (*Pairing, error) {
	creds, err := c.cfg.creds.Credentials(ctx)
	if err != nil {
		return nil, fmt.Errorf("c2c: credentials: %w", err)
	}
	var h http.Header
	if c.cfg.urlPairing {
		h = http.Header{"X-Client-Platypus-Enabled": {string(gen.URLPairingTrue)}}
	}
	var out gen.DeviceCode
	err = c.do(ctx, &call{method: http.MethodPost, path: "/v2/auth/device/code", expect: http.StatusOK, out: &out,
		form:   url.Values{"client_id": {creds.ClientID}, "client_secret": {creds.ClientSecret}, "scope": {c.cfg.scope}},
		header: h, fresh: true,
		secrets: func() []string { return []string{creds.ClientSecret} }})
	if err != nil {
		return nil, err
	}
	if out.DeviceCode == "" || out.UserCode == "" {
		return nil, fmt.Errorf("%w: device code response without device_code or user_code", ErrMalformedResponse)
	}
	p := &Pairing{UserCode: out.UserCode, VerificationURI: out.VerificationURI, Name: out.Name, deviceCode: out.DeviceCode,
		Interval:  time.Duration(out.Interval * float64(time.Second)),
		ExpiresAt: c.cfg.now().Add(time.Duration(out.ExpiresIn * float64(time.Second)))}
	if out.VerificationURIComplete != nil {
		p.VerificationURIComplete = *out.VerificationURIComplete
	}
	if p.Interval <= 0 {
		p.Interval = DefaultPollInterval
	}
	return p, nil
}

// PollToken asks once whether the user has entered p's code. It returns the
// token (already saved) on success, or an error matching
// ErrAuthorizationPending, ErrSlowDown, ErrExpiredToken or ErrAccessDenied.
func (c *Client) PollToken(ctx context.Context, p *Pairing) (*Token, error) {
	tok, err := c.exchange(ctx, url.Values{"grant_type": {string(gen.GrantTypeUrnIetfParamsOauthGrantTypeDeviceCode)}, "device_code": {p.deviceCode}}, true, p.deviceCode)
	if err != nil {
		return nil, err
	}
	return tok, c.auth.set(ctx, tok)
}

// Pair runs the whole device authorization: it requests a code, calls show
// so the device can display it, and polls every interval until the user
// approves. An expired code is replaced by a new one (show is called
// again), at most WithPairingCodes times; slow_down doubles the interval
// (at most MaxPollInterval). It returns ErrAccessDenied when the user
// declines, and stops when ctx is done: pairing is cancellable at every
// step. The token is saved to the TokenStore before Pair returns it.
func (c *Client) Pair(ctx context.Context, show func(*Pairing)) (*Token, error) {
	for range c.cfg.pairingCodes {
		p, err := c.RequestDeviceCode(ctx)
		if err != nil {
			return nil, err
		}
		if show != nil {
			show(p)
		}
		tok, err := c.pollUntilDone(ctx, p)
		if !errors.Is(err, ErrExpiredToken) {
			return tok, err
		}
		c.cfg.logger.InfoContext(ctx, "c2c: pairing code expired; requesting a new one")
	}
	return nil, fmt.Errorf("%w: %d codes expired unused", ErrPairingCodesExhausted, c.cfg.pairingCodes)
}

func (c *Client) pollUntilDone(ctx context.Context, p *Pairing) (*Token, error) {
	interval := p.Interval
	for {
		if !c.cfg.now().Before(p.ExpiresAt) {
			return nil, fmt.Errorf("%w: code expired before it was entered", ErrExpiredToken)
		}
		if err := c.cfg.sleep(ctx, interval); err != nil {
			return nil, err
		}
		tok, err := c.PollToken(ctx, p)
		switch {
		case err == nil:
			return tok, nil
		case errors.Is(err, ErrAuthorizationPending):
		case errors.Is(err, ErrSlowDown):
			interval = min(2*interval, MaxPollInterval)
		default:
			return nil, err
		}
	}
}
