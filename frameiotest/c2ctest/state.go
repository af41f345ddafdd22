package c2ctest

import (
	"time"

	gen "github.com/frameio-go/frameio-go/gen/c2c"
)

// state is the server's data, guarded by Server.mu.
type state struct {
	codes   map[string]*pairingCode // by device code
	access  map[string]time.Time    // access token -> expiry
	refresh map[string]string       // refresh token -> its access token
	device  deviceState
	assets  map[string]*asset
	objects map[string]*object // object key -> target
	pauses  []window
	paused  bool

	comments         []gen.CommentCreateParams
	triggers         []Trigger
	heartbeats       int
	socketJoins      int
	socketHeartbeats int
	unreachable      bool
}

type pairingCode struct {
	device, user, clientID string
	expires                time.Time
	approved, denied       bool
	polls                  int
}

type deviceState struct {
	id, deviceID, clientID, name string
	projectID, projectName       string
	creatorID, creatorName       string
	authID                       string
	inserted                     time.Time
	channels                     []gen.ProjectDeviceChannel
	lastVersion                  string
}

type window struct{ start, end time.Time } // end zero: still paused

// Trigger is a real-time logging event the server received.
type Trigger struct {
	ChannelID string
	Input     int
	Params    gen.TriggerParams
}

func newState(cfg config) *state {
	now := cfg.now()
	d := deviceState{id: newID(), deviceID: newID(), name: cfg.deviceName, projectID: newID(), projectName: cfg.projectName,
		creatorID: newID(), creatorName: cfg.creatorName, authID: newID(), inserted: now}
	d.channels = []gen.ProjectDeviceChannel{d.channel(newID(), d.deviceID, 0, cfg.deviceName, now)}
	return &state{codes: map[string]*pairingCode{}, access: map[string]time.Time{}, refresh: map[string]string{},
		device: d, assets: map[string]*asset{}, objects: map[string]*object{}}
}

func (d deviceState) channel(id, deviceID string, index int, name string, now time.Time) gen.ProjectDeviceChannel {
	typ, at, st := "project_device_channel", gen.ProjectDeviceChannelAssetTypeVideo, gen.ProjectDeviceChannelStatusOffline
	idx := float64(index)
	return gen.ProjectDeviceChannel{UnderscoreType: &typ, ID: &id, DeviceID: &deviceID, ExternalIndex: &idx, Name: &name,
		ProjectID: &d.projectID, ProjectDeviceID: &d.id, AssetType: &at, Status: &st, InsertedAt: &now, UpdatedAt: &now,
		RealTimeLoggingCapable: new(true)}
}

// pausedAt reports whether media created at t falls in a pause window.
func (st *state) pausedAt(t time.Time) bool {
	for _, w := range st.pauses {
		if !t.Before(w.start) && (w.end.IsZero() || t.Before(w.end)) {
			return true
		}
	}
	return false
}
