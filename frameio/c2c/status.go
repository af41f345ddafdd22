package c2c

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/coder/websocket"
	"github.com/coder/websocket/wsjson"

	"github.com/frameio-go/frameio-go/internal/redact"
)

// EventKind is what a StatusEvent reports.
type EventKind string

// The status events.
const (
	// EventConnected: the socket joined the device's channel; Frame.io
	// shows the device online.
	EventConnected EventKind = "connected"
	// EventDisconnected: the socket dropped (Err says why); it reconnects
	// with backoff.
	EventDisconnected EventKind = "disconnected"
	// EventPaused: status_updated "paused": media created from now on is
	// refused with ErrChannelPaused.
	EventPaused EventKind = "paused"
	// EventResumed: status_updated "resumed".
	EventResumed EventKind = "resumed"
	// EventStatus: the status Me reported after a (re)join, since socket
	// events "may be missed or delivered out of order".
	EventStatus EventKind = "status"
)

// StatusEvent is one message of WatchStatus.
type StatusEvent struct {
	Kind EventKind
	// Status is set for EventStatus (online, offline or paused).
	Status DeviceStatus
	// Err is set for EventDisconnected.
	Err error
}

// phoenixMsg is a Phoenix channel message (protocol v1, JSON objects).
type phoenixMsg struct {
	Topic   string          `json:"topic"`
	Event   string          `json:"event"`
	Payload json.RawMessage `json:"payload"`
	Ref     *string         `json:"ref"`
}

var emptyPayload = json.RawMessage(`""`)

// WatchStatus keeps the device's status socket open (Phoenix channel
// "devices:<deviceID>" at wss://<host>/devices/websocket), which is what
// shows the device online, and delivers its events on the returned channel
// until ctx is done; then the channel is closed. It sends a heartbeat every
// WithHeartbeat interval (15 s), reconnects with the retry backoff when the
// socket drops or a heartbeat goes unanswered, refreshes the token when the
// handshake is refused with 403, and after every join reports the status
// GET /v2/devices/me gives. An empty deviceID is looked up with Me. It stops
// with a final EventDisconnected when the device must pair again.
func (c *Client) WatchStatus(ctx context.Context, deviceID string) (<-chan StatusEvent, error) {
	if deviceID == "" {
		d, err := c.Me(ctx)
		if err != nil {
			return nil, err
		}
		if d.ID == nil || *d.ID == "" {
			return nil, fmt.Errorf("%w: /v2/devices/me has no id", ErrMalformedResponse)
		}
		deviceID = *d.ID
	}
	events := make(chan StatusEvent, 16)
	go func() {
		defer close(events)
		emit := func(e StatusEvent) bool {
			select {
			case events <- e:
				return true
			case <-ctx.Done():
				return false
			}
		}
		for n := 0; ; {
			joined, err := c.statusSession(ctx, deviceID, emit)
			if ctx.Err() != nil {
				return
			}
			if joined {
				n = 0
			}
			if !emit(StatusEvent{Kind: EventDisconnected, Err: err}) || errors.Is(err, ErrPairingRequired) {
				return
			}
			if c.cfg.sleep(ctx, Backoff(n, c.cfg.jitter)) != nil {
				return
			}
			n++
		}
	}()
	return events, nil
}

// socketURL is the status socket of the API host, with the token as the
// Authorization query parameter ("Bearer " + token, space as %20).
func (c *Client) socketURL(tok string) string {
	u := *c.cfg.baseURL
	u.Scheme = map[string]string{"https": "wss", "http": "ws"}[u.Scheme]
	u.Path = strings.TrimRight(u.Path, "/") + "/devices/websocket"
	u.RawQuery = "Authorization=" + strings.ReplaceAll(url.QueryEscape("Bearer "+tok), "+", "%20")
	return u.String()
}

// statusSession runs one socket connection until it fails; joined tells
// whether it got as far as joining the channel.
func (c *Client) statusSession(ctx context.Context, deviceID string, emit func(StatusEvent) bool) (joined bool, _ error) {
	tok, err := c.auth.access(ctx)
	if err != nil {
		return false, err
	}
	hc := *c.cfg.hc
	hc.Timeout = 0
	dctx, cancel := context.WithTimeout(ctx, c.cfg.timeouts.Default)
	conn, resp, err := websocket.Dial(dctx, c.socketURL(tok), &websocket.DialOptions{
		HTTPClient: &hc, HTTPHeader: http.Header{"x-client-version": {c.cfg.version}}})
	cancel()
	if err != nil {
		if resp != nil && resp.StatusCode == http.StatusForbidden {
			if _, rerr := c.auth.refresh(ctx, tok); rerr != nil {
				return false, rerr
			}
			return false, fmt.Errorf("c2c: status socket: handshake refused (403); token refreshed")
		}
		// The dial error may quote the socket URL, token included; its
		// message is scrubbed, its chain kept for errors.Is and As.
		return false, &NetworkError{Op: "GET /devices/websocket", Err: redact.Secrets{}.Add(tok, url.QueryEscape(tok)).Err(err)}
	}
	defer conn.CloseNow()
	conn.SetReadLimit(1 << 20)

	sctx, stop := context.WithCancel(ctx)
	var bg sync.WaitGroup // the heartbeat and the Me lookup end before the session
	defer bg.Wait()
	defer stop()
	var ref atomic.Int64
	send := func(topic, event string) (string, error) {
		r := strconv.FormatInt(ref.Add(1), 10)
		wctx, cancel := context.WithTimeout(sctx, c.cfg.timeouts.Default)
		defer cancel()
		return r, wsjson.Write(wctx, conn, phoenixMsg{Topic: topic, Event: event, Payload: emptyPayload, Ref: &r})
	}
	topic := "devices:" + deviceID
	joinRef, err := send(topic, "phx_join")
	if err != nil {
		return false, &NetworkError{Op: "phx_join", Err: err}
	}
	var answered atomic.Int64 // unix nanos of the last heartbeat reply
	answered.Store(time.Now().UnixNano())
	bg.Go(func() {
		t := time.NewTicker(c.cfg.heartbeat)
		defer t.Stop()
		for {
			select {
			case <-sctx.Done():
				return
			case <-t.C:
			}
			if time.Since(time.Unix(0, answered.Load())) > 3*c.cfg.heartbeat {
				conn.Close(websocket.StatusGoingAway, "heartbeat unanswered")
				return
			}
			if _, err := send("phoenix", "heartbeat"); err != nil {
				return
			}
		}
	})
	for {
		var m phoenixMsg
		if err := wsjson.Read(sctx, conn, &m); err != nil {
			if time.Since(time.Unix(0, answered.Load())) > 3*c.cfg.heartbeat {
				err = fmt.Errorf("heartbeat unanswered for %v: %w", 3*c.cfg.heartbeat, err)
			}
			return joined, &NetworkError{Op: "status socket", Err: err}
		}
		switch {
		case m.Event == "phx_reply" && m.Topic == "phoenix":
			answered.Store(time.Now().UnixNano())
		case m.Event == "phx_reply" && m.Ref != nil && *m.Ref == joinRef:
			var r struct {
				Status string `json:"status"`
			}
			if json.Unmarshal(m.Payload, &r); r.Status != "ok" {
				return false, fmt.Errorf("c2c: status socket: joining %s: %q", topic, r.Status)
			}
			joined = true
			if !emit(StatusEvent{Kind: EventConnected}) {
				return joined, ctx.Err()
			}
			bg.Go(func() { // not on the read loop: heartbeat replies keep flowing
				if d, err := c.Me(sctx); err == nil && d.Status != nil && sctx.Err() == nil {
					emit(StatusEvent{Kind: EventStatus, Status: *d.Status})
				}
			})
		case m.Event == "status_updated":
			if k, ok := statusUpdate(m.Payload); ok && !emit(StatusEvent{Kind: k}) {
				return joined, ctx.Err()
			}
		case (m.Event == "phx_error" || m.Event == "phx_close") && m.Topic == topic:
			return joined, fmt.Errorf("c2c: status socket: channel %s: %s", topic, m.Event)
		}
	}
}

// statusUpdate reads a status_updated payload: "paused" or "resumed" (or
// an object with a status field holding one).
func statusUpdate(p json.RawMessage) (EventKind, bool) {
	var s string
	if json.Unmarshal(p, &s) != nil {
		var o struct {
			Status string `json:"status"`
		}
		if json.Unmarshal(p, &o) != nil {
			return "", false
		}
		s = o.Status
	}
	switch s {
	case "paused":
		return EventPaused, true
	case "resumed":
		return EventResumed, true
	}
	return "", false
}
