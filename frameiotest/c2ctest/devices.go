package c2ctest

import (
	"encoding/json"
	"net/http"
	"slices"
	"strconv"

	gen "github.com/frameio-go/frameio-go/gen/c2c"
)

// scopeNames are the (all required) fields of ProjectDeviceAuthorizationScopes.
var scopeNames = []string{"account_read", "action_create", "action_delete", "action_read", "action_update",
	"asset_create", "asset_delete", "asset_read", "asset_update", "auditlog_read", "comment_create", "comment_delete",
	"comment_read", "comment_update", "device_connect", "offline", "presentation_create", "presentation_delete",
	"presentation_read", "presentation_update", "project_create", "project_delete", "project_read", "project_update",
	"reviewlink_create", "reviewlink_delete", "reviewlink_read", "reviewlink_update", "team_create", "team_read",
	"team_update", "webhook_create", "webhook_delete", "webhook_read", "webhook_update"}

func (s *Server) me(w http.ResponseWriter, _ *http.Request, _ map[string]string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	writeJSON(w, http.StatusOK, s.deviceJSONLocked())
}

func (s *Server) deviceJSONLocked() map[string]any {
	d := s.st.device
	status := "online"
	if s.st.paused {
		status = "paused"
	}
	scopes := map[string]any{"id": d.authID}
	for _, n := range scopeNames {
		scopes[n] = n == "asset_create" || n == "offline"
	}
	return map[string]any{
		"_type": "project_device", "id": d.id, "device_id": d.deviceID, "name": d.name, "asset_type": "video",
		"project_id": d.projectID, "status": status, "last_known_firmware_version": d.lastVersion,
		"project":  map[string]any{"id": d.projectID, "name": d.projectName},
		"channels": d.channels, "channel_count": len(d.channels),
		"authorization": map[string]any{"_type": "project_device_authorization", "id": d.authID, "creator_id": d.creatorID,
			"creator":     map[string]any{"_type": "user", "id": d.creatorID, "name": d.creatorName},
			"inserted_at": d.inserted, "project_device_id": d.id, "scopes": scopes, "expires_at": nil},
	}
}

func (s *Server) heartbeat(w http.ResponseWriter, _ *http.Request, _ map[string]string) {
	s.mu.Lock()
	s.st.heartbeats++
	s.mu.Unlock()
	w.WriteHeader(http.StatusNoContent)
}

func (s *Server) listAccounts(w http.ResponseWriter, _ *http.Request, _ map[string]string) {
	writeJSON(w, http.StatusOK, []map[string]any{{"_type": "account", "id": accountID, "display_name": "c2ctest account"}})
}

// accountID is the one account of the fake.
const accountID = "7d2a4c4e-8a0b-4f1e-9c1d-2b9f0c3d4e5f"

func (s *Server) listProjects(w http.ResponseWriter, _ *http.Request, p map[string]string) {
	if p["account_id"] != accountID {
		writeJSON(w, http.StatusNotFound, detailed(http.StatusNotFound, "Not Found", "no such account"))
		return
	}
	s.mu.Lock()
	d := s.st.device
	s.mu.Unlock()
	writeJSON(w, http.StatusOK, []map[string]any{{"_type": "project", "id": d.projectID, "name": d.projectName}})
}

func (s *Server) connectProject(w http.ResponseWriter, r *http.Request, _ map[string]string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if id := r.URL.Query().Get("project_id"); id != "" && id != s.st.device.projectID {
		writeJSON(w, http.StatusNotFound, detailed(http.StatusNotFound, "Not Found", "no such project"))
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

func (s *Server) disconnectProject(w http.ResponseWriter, _ *http.Request, _ map[string]string) {
	w.WriteHeader(http.StatusNoContent)
}

func (s *Server) createComment(w http.ResponseWriter, r *http.Request, p map[string]string) {
	var in gen.CommentCreateParams
	if json.NewDecoder(r.Body).Decode(&in) != nil {
		writeJSON(w, http.StatusBadRequest, detailed(400, "Invalid Argument", "body"))
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.st.assets[p["asset_id"]] == nil {
		writeJSON(w, http.StatusNotFound, detailed(http.StatusNotFound, "Not Found", "no such asset"))
		return
	}
	s.st.comments = append(s.st.comments, in)
	writeJSON(w, http.StatusOK, map[string]any{"_type": "comment", "id": newID(), "asset_id": p["asset_id"], "text": in.Text})
}

func (s *Server) connectChannel(w http.ResponseWriter, r *http.Request, _ map[string]string) {
	var in gen.ChannelConnectParams
	if json.NewDecoder(r.Body).Decode(&in) != nil {
		writeJSON(w, http.StatusBadRequest, detailed(400, "Invalid Argument", "body"))
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	d := &s.st.device
	for _, ch := range d.channels[1:] {
		if ch.Name != nil && *ch.Name == in.ClientID {
			writeJSON(w, http.StatusConflict, detailed(http.StatusConflict, "Already Exists", "the channel exists"))
			return
		}
	}
	ch := d.channel(newID(), newID(), len(d.channels), in.ClientID, s.now())
	d.channels = append(d.channels, ch)
	writeJSON(w, http.StatusOK, ch)
}

func (s *Server) disconnectChannel(w http.ResponseWriter, _ *http.Request, p map[string]string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	d := &s.st.device
	i := slices.IndexFunc(d.channels, func(c gen.ProjectDeviceChannel) bool { return *c.ID == p["channel_id"] })
	switch {
	case i < 0:
		writeJSON(w, http.StatusNotFound, detailed(http.StatusNotFound, "Not Found", "no such channel"))
	case i == 0:
		writeJSON(w, http.StatusBadRequest, detailed(http.StatusBadRequest, "Invalid Argument", "the primary channel cannot be disconnected"))
	default:
		d.channels = slices.Delete(d.channels, i, i+1)
		w.WriteHeader(http.StatusNoContent)
	}
}

func (s *Server) disconnectAll(w http.ResponseWriter, _ *http.Request, _ map[string]string) {
	s.mu.Lock()
	s.st.device.channels = s.st.device.channels[:1]
	s.mu.Unlock()
	w.WriteHeader(http.StatusNoContent)
}

func (s *Server) trigger(w http.ResponseWriter, r *http.Request, p map[string]string) {
	var in gen.TriggerParams
	if json.NewDecoder(r.Body).Decode(&in) != nil {
		writeJSON(w, http.StatusBadRequest, detailed(400, "Invalid Argument", "body"))
		return
	}
	input, _ := strconv.Atoi(p["input_index"])
	s.mu.Lock()
	defer s.mu.Unlock()
	if !slices.ContainsFunc(s.st.device.channels, func(c gen.ProjectDeviceChannel) bool { return *c.ID == p["channel_id"] }) {
		writeJSON(w, http.StatusNotFound, detailed(http.StatusNotFound, "Not Found", "no such channel"))
		return
	}
	if s.st.paused {
		writeJSON(w, http.StatusConflict, channelPaused())
		return
	}
	s.st.triggers = append(s.st.triggers, Trigger{ChannelID: p["channel_id"], Input: input, Params: in})
	w.WriteHeader(http.StatusNoContent)
}

func channelPaused() map[string]any {
	return detailed(http.StatusConflict, "Channel Paused", "The channel you're uploading from is currently paused.")
}

// Pause is a user pausing the device in the C2C Connections panel: media
// created from now on is refused with 409 Channel Paused, the status
// becomes paused and the sockets get status_updated "paused".
func (s *Server) Pause() {
	s.mu.Lock()
	if !s.st.paused {
		s.st.paused = true
		s.st.pauses = append(s.st.pauses, window{start: s.now()})
	}
	s.mu.Unlock()
	s.broadcast("paused")
}

// Resume ends the pause window; sockets get status_updated "resumed".
func (s *Server) Resume() {
	s.mu.Lock()
	if s.st.paused {
		s.st.paused = false
		s.st.pauses[len(s.st.pauses)-1].end = s.now()
	}
	s.mu.Unlock()
	s.broadcast("resumed")
}

// DeviceID is the project device id (for the status channel topic).
func (s *Server) DeviceID() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.st.device.id
}

// ProjectName is the connected project's name.
func (s *Server) ProjectName() string { return s.cfg.projectName }

// AccountID is the fake's one account.
func (s *Server) AccountID() string { return accountID }

// Channels returns the device's channels, the primary one first.
func (s *Server) Channels() []gen.ProjectDeviceChannel {
	s.mu.Lock()
	defer s.mu.Unlock()
	return slices.Clone(s.st.device.channels)
}

// Triggers returns the real-time logging events received.
func (s *Server) Triggers() []Trigger {
	s.mu.Lock()
	defer s.mu.Unlock()
	return slices.Clone(s.st.triggers)
}

// Heartbeats counts REST heartbeats received.
func (s *Server) Heartbeats() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.st.heartbeats
}

// Comments returns the comments created.
func (s *Server) Comments() []gen.CommentCreateParams {
	s.mu.Lock()
	defer s.mu.Unlock()
	return slices.Clone(s.st.comments)
}
