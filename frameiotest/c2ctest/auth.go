package c2ctest

import (
	"context"
	"crypto/rand"
	"fmt"
	"math/big"
	"net/http"
	"strings"
	"time"
)

type handler func(w http.ResponseWriter, r *http.Request, params map[string]string)

// handlers maps each operation id to its handler; Start builds it once.
func (s *Server) handlers() map[string]handler {
	return map[string]handler{
		"health_check":                                s.health,
		"authentication_device_request_code":          s.deviceCode,
		"authentication_auth_device_token":            s.token,
		"authentication_auth_device_revoke_token":     s.revoke,
		"accounts_device_identify":                    s.authed(s.me),
		"devices_device_heartbeat":                    s.authed(s.heartbeat),
		"devices_device_list_accounts":                s.authed(s.listAccounts),
		"devices_device_list_projects":                s.authed(s.listProjects),
		"devices_device_project_connect":              s.authed(s.connectProject),
		"devices_device_project_disconnect":           s.authed(s.disconnectProject),
		"devices_device_asset_create":                 s.authed(s.createAsset),
		"devices_create_comment_c_2_c":                s.authed(s.createComment),
		"devices_device_create_realtime_upload_parts": s.authed(s.realtimeParts),
		"devices_connect_device_channel":              s.authed(s.connectChannel),
		"devices_disconnect_device_channel":           s.authed(s.disconnectChannel),
		"devices_disconnect_all_device_channels":      s.authed(s.disconnectAll),
		"devices_trigger_realtime_logging_event":      s.authed(s.trigger),
	}
}

func (s *Server) health(w http.ResponseWriter, _ *http.Request, _ map[string]string) {
	writeJSON(w, http.StatusOK, map[string]bool{"ok": true})
}

// credentialsOK checks the form's client secret.
func (s *Server) credentialsOK(w http.ResponseWriter, r *http.Request) bool {
	if r.PostFormValue("client_secret") != s.cfg.clientSecret || r.PostFormValue("client_id") == "" {
		writeJSON(w, http.StatusBadRequest, simple("invalid_client"))
		return false
	}
	return true
}

func (s *Server) deviceCode(w http.ResponseWriter, r *http.Request, _ map[string]string) {
	if !s.credentialsOK(w, r) {
		return
	}
	n, _ := rand.Int(rand.Reader, big.NewInt(1_000_000))
	c := &pairingCode{device: randomHex(20), user: fmt.Sprintf("%06d", n), clientID: r.PostFormValue("client_id"),
		expires: s.now().Add(s.cfg.codeLifetime)}
	s.mu.Lock()
	s.st.codes[c.device] = c
	close(s.codeReady)
	s.codeReady = make(chan struct{})
	s.mu.Unlock()
	out := map[string]any{"device_code": c.device, "user_code": c.user, "expires_in": s.cfg.codeLifetime.Seconds(),
		"interval": s.cfg.pollInterval.Seconds(), "name": s.cfg.deviceName + "-" + c.clientID,
		"verification_uri": s.URL() + "/pair"}
	if r.Header.Get("x-client-platypus-enabled") == "true" {
		out["verification_uri_complete"] = s.URL() + "/pair/" + c.user
	}
	writeJSON(w, http.StatusOK, out)
}

func (s *Server) token(w http.ResponseWriter, r *http.Request, _ map[string]string) {
	if !s.credentialsOK(w, r) {
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	switch r.PostFormValue("grant_type") {
	case "urn:ietf:params:oauth:grant-type:device_code":
		c := s.st.codes[r.PostFormValue("device_code")]
		switch {
		case c == nil || c.clientID != r.PostFormValue("client_id"):
			writeJSON(w, http.StatusBadRequest, simple("invalid_grant"))
			return
		case !s.now().Before(c.expires):
			delete(s.st.codes, c.device)
			writeJSON(w, http.StatusBadRequest, simple("expired_token"))
			return
		case c.denied:
			delete(s.st.codes, c.device)
			writeJSON(w, http.StatusUnauthorized, simple("access_denied"))
			return
		}
		c.polls++
		if s.cfg.autoApprove > 0 && c.polls >= s.cfg.autoApprove {
			c.approved = true
		}
		if !c.approved {
			writeJSON(w, http.StatusBadRequest, simple("authorization_pending"))
			return
		}
		delete(s.st.codes, c.device)
		s.st.device.clientID = c.clientID
		s.issueLocked(w)
	case "refresh_token":
		rt := r.PostFormValue("refresh_token")
		old, ok := s.st.refresh[rt]
		if !ok {
			writeJSON(w, http.StatusBadRequest, simple("invalid_request"))
			return
		}
		delete(s.st.refresh, rt) // single use: the old pair dies
		delete(s.st.access, old)
		s.issueLocked(w)
	default:
		writeJSON(w, http.StatusBadRequest, simple("invalid_grant"))
	}
}

// mintLocked makes a new token pair valid: the access token for
// tokenLifetime, the refresh token until it is used or revoked.
func (s *Server) mintLocked() (access, refresh string) {
	access, refresh = "c2c-at-"+randomHex(16), "c2c-rt-"+randomHex(16)
	s.st.access[access] = s.now().Add(s.cfg.tokenLifetime)
	s.st.refresh[refresh] = access
	return access, refresh
}

// issueLocked writes a new token pair.
func (s *Server) issueLocked(w http.ResponseWriter) {
	access, refresh := s.mintLocked()
	writeJSON(w, http.StatusOK, map[string]any{"access_token": access, "refresh_token": refresh,
		"expires_in": int(s.cfg.tokenLifetime.Seconds()), "token_type": "bearer"})
}

func (s *Server) revoke(w http.ResponseWriter, r *http.Request, _ map[string]string) {
	if !s.credentialsOK(w, r) {
		return
	}
	t := r.PostFormValue("token")
	s.mu.Lock()
	if access, ok := s.st.refresh[t]; ok {
		delete(s.st.access, access)
		delete(s.st.refresh, t)
	}
	delete(s.st.access, t)
	s.mu.Unlock()
	w.WriteHeader(http.StatusOK)
}

// bearerValidLocked reports whether authorization ("Bearer <token>", as
// the Authorization header or the socket's query parameter carries it)
// names an access token that is issued and not expired.
func (s *Server) bearerValidLocked(authorization string) bool {
	tok, ok := strings.CutPrefix(authorization, "Bearer ")
	exp, known := s.st.access[tok]
	return ok && known && s.now().Before(exp)
}

// authed wraps a device handler with the bearer token check.
func (s *Server) authed(h handler) handler {
	return func(w http.ResponseWriter, r *http.Request, p map[string]string) {
		s.mu.Lock()
		valid := s.bearerValidLocked(r.Header.Get("Authorization"))
		s.st.device.lastVersion = r.Header.Get("x-client-version")
		s.mu.Unlock()
		if !valid {
			writeJSON(w, http.StatusUnauthorized, detailed(http.StatusUnauthorized, "Not Authorized", "You are not allowed to access that resource"))
			return
		}
		h(w, r, p)
	}
}

// WaitForCode blocks until a pairing code is pending and returns the code
// a user would type (the newest one).
func (s *Server) WaitForCode(ctx context.Context) (string, error) {
	for {
		s.mu.Lock()
		var newest *pairingCode
		for _, c := range s.st.codes {
			if !c.approved && !c.denied && s.now().Before(c.expires) && (newest == nil || c.expires.After(newest.expires)) {
				newest = c
			}
		}
		ready := s.codeReady
		s.mu.Unlock()
		if newest != nil {
			return newest.user, nil
		}
		select {
		case <-ready:
		case <-ctx.Done():
			return "", ctx.Err()
		}
	}
}

// Approve is the user entering code in Frame.io: the next poll gets tokens.
func (s *Server) Approve(userCode string) error { return s.decide(userCode, true) }

// Deny is the user declining: the next poll gets access_denied.
func (s *Server) Deny(userCode string) error { return s.decide(userCode, false) }

func (s *Server) decide(userCode string, approve bool) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, c := range s.st.codes {
		if c.user == userCode && s.now().Before(c.expires) {
			c.approved, c.denied = approve, !approve
			return nil
		}
	}
	return fmt.Errorf("c2ctest: no pending pairing code %q", userCode)
}

// IssueToken returns a fresh token pair as if a pairing had just
// succeeded, for tests that start paired.
func (s *Server) IssueToken() (access, refresh string, expiresIn time.Duration) {
	s.mu.Lock()
	defer s.mu.Unlock()
	access, refresh = s.mintLocked()
	return access, refresh, s.cfg.tokenLifetime
}

// ExpireAccessTokens makes every issued access token invalid (as after 8
// hours); refresh tokens stay valid.
func (s *Server) ExpireAccessTokens() {
	s.mu.Lock()
	defer s.mu.Unlock()
	for t := range s.st.access {
		s.st.access[t] = time.Time{}
	}
}

// ValidRefreshTokens counts the refresh tokens that would still work.
func (s *Server) ValidRefreshTokens() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.st.refresh)
}
