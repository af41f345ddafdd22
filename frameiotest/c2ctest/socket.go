package c2ctest

import (
	"context"
	"encoding/json"
	"net/http"
	"sync"
	"time"

	"github.com/coder/websocket"
	"github.com/coder/websocket/wsjson"
)

const socketPath = "/devices/websocket"

// socket is one status socket connection.
type socket struct {
	conn   *websocket.Conn
	mu     sync.Mutex // serialises writes
	joined bool
	topic  string
}

type phxMsg struct {
	Topic   string          `json:"topic"`
	Event   string          `json:"event"`
	Payload json.RawMessage `json:"payload"`
	Ref     *string         `json:"ref"`
}

func (k *socket) send(m phxMsg) error {
	k.mu.Lock()
	defer k.mu.Unlock()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	return wsjson.Write(ctx, k.conn, m)
}

// serveSocket is the Phoenix socket: the token comes as the Authorization
// query parameter ("Bearer <token>"); a bad or expired one gets 403.
func (s *Server) serveSocket(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	valid := s.bearerValidLocked(r.URL.Query().Get("Authorization"))
	down := s.st.unreachable
	s.mu.Unlock()
	if down {
		drop(w)
		return
	}
	if !valid {
		http.Error(w, "forbidden", http.StatusForbidden)
		return
	}
	if !semver(r.Header.Get("x-client-version")) {
		s.violation("status socket: x-client-version %q", r.Header.Get("x-client-version"))
	}
	conn, err := websocket.Accept(w, r, nil)
	if err != nil {
		return
	}
	k := &socket{conn: conn}
	s.mu.Lock()
	s.sockets[k] = true
	s.mu.Unlock()
	defer func() {
		s.mu.Lock()
		delete(s.sockets, k)
		s.mu.Unlock()
		conn.CloseNow()
	}()
	for {
		var m phxMsg
		if err := wsjson.Read(r.Context(), conn, &m); err != nil {
			return
		}
		reply := phxMsg{Topic: m.Topic, Event: "phx_reply", Ref: m.Ref, Payload: json.RawMessage(`{"response":{},"status":"ok"}`)}
		switch {
		case m.Topic == "phoenix" && m.Event == "heartbeat":
			s.mu.Lock()
			s.st.socketHeartbeats++
			s.mu.Unlock()
		case m.Event == "phx_join" && m.Topic == "devices:"+s.DeviceID():
			s.mu.Lock()
			k.joined, k.topic = true, m.Topic
			s.st.socketJoins++
			s.mu.Unlock()
		case m.Event == "phx_join":
			reply.Payload = json.RawMessage(`{"response":{"reason":"unmatched topic"},"status":"error"}`)
		default:
			continue
		}
		if k.send(reply) != nil {
			return
		}
	}
}

// broadcast sends status_updated with payload status to joined sockets.
func (s *Server) broadcast(status string) {
	s.mu.Lock()
	var targets []*socket
	for k := range s.sockets {
		if k.joined {
			targets = append(targets, k)
		}
	}
	s.mu.Unlock()
	payload, _ := json.Marshal(status)
	for _, k := range targets {
		_ = k.send(phxMsg{Topic: k.topic, Event: "status_updated", Payload: payload})
	}
}

// DropSockets closes every status socket (the client reconnects).
func (s *Server) DropSockets() {
	s.mu.Lock()
	var all []*socket
	for k := range s.sockets {
		all = append(all, k)
	}
	s.mu.Unlock()
	for _, k := range all {
		k.conn.CloseNow()
	}
}

// SocketStats reports how many channel joins and socket heartbeats the
// server has seen, and how many sockets are joined now.
func (s *Server) SocketStats() (joins, heartbeats, open int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for k := range s.sockets {
		if k.joined {
			open++
		}
	}
	return s.st.socketJoins, s.st.socketHeartbeats, open
}
