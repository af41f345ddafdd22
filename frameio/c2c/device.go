package c2c

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"

	gen "github.com/frameio-go/frameio-go/gen/c2c"
)

func (c *Client) authCall(method, path string, expect int, out any, body func() any) *call {
	return &call{method: method, path: path, auth: true, expect: expect, out: out, json: body}
}

// Me returns the device as Frame.io sees it (GET /v2/devices/me): the
// connected project, who authorized it, its status (online, offline or
// paused) and channels. Call it after every pairing or refresh to show the
// project name; poll it at most once a minute.
func (c *Client) Me(ctx context.Context) (*Device, error) {
	var d Device
	if err := c.do(ctx, c.authCall(http.MethodGet, "/v2/devices/me", http.StatusOK, &d, nil)); err != nil {
		return nil, err
	}
	return &d, nil
}

// Heartbeat tells Frame.io the device is online over REST (POST
// /v2/devices/heartbeat), for device models that do not use the status
// socket: call it every 1 to 5 minutes.
func (c *Client) Heartbeat(ctx context.Context) error {
	return c.do(ctx, c.authCall(http.MethodPost, "/v2/devices/heartbeat", http.StatusNoContent, nil, nil))
}

// ListAccounts lists the accounts an application-style device may pair
// with (GET /v2/devices/accounts).
func (c *Client) ListAccounts(ctx context.Context) ([]Account, error) {
	var out []Account
	if err := c.do(ctx, c.authCall(http.MethodGet, "/v2/devices/accounts", http.StatusOK, &out, nil)); err != nil {
		return nil, err
	}
	return out, nil
}

// ListProjects lists the projects of an account the device may pair with.
func (c *Client) ListProjects(ctx context.Context, accountID string) ([]Project, error) {
	if accountID == "" {
		return nil, errors.New("c2c: ListProjects: empty account id")
	}
	var out []Project
	if err := c.do(ctx, c.authCall(http.MethodGet, "/v2/devices/accounts/"+url.PathEscape(accountID)+"/projects", http.StatusOK, &out, nil)); err != nil {
		return nil, err
	}
	return out, nil
}

// ConnectProject connects the device to a project (POST
// /v2/devices/connect) and returns the device as Me then reports it: the
// fragment documents a 204, which carries no body.
func (c *Client) ConnectProject(ctx context.Context, projectID string) (*Device, error) {
	if projectID == "" {
		return nil, errors.New("c2c: ConnectProject: empty project id")
	}
	cl := c.authCall(http.MethodPost, "/v2/devices/connect", http.StatusNoContent, nil, nil)
	cl.query = url.Values{"project_id": {projectID}}
	if err := c.do(ctx, cl); err != nil {
		return nil, err
	}
	return c.Me(ctx)
}

// DisconnectProject disconnects the device from its project. Clear any
// upload queue afterwards: media queued for one project must never reach
// another.
func (c *Client) DisconnectProject(ctx context.Context) error {
	return c.do(ctx, c.authCall(http.MethodPost, "/v2/devices/disconnect", http.StatusNoContent, nil, nil))
}

// CreateComment leaves a comment on an asset (POST
// /v2/devices/assets/{id}/comments). frame, when not nil, is the frame the
// comment refers to; nil makes it global to the asset.
func (c *Client) CreateComment(ctx context.Context, assetID, text string, frame *float64) (*Comment, error) {
	if assetID == "" || text == "" {
		return nil, errors.New("c2c: CreateComment: asset id and text are required")
	}
	var out Comment
	body := gen.CommentCreateParams{Text: text, Timestamp: frame}
	if err := c.do(ctx, c.authCall(http.MethodPost, "/v2/devices/assets/"+url.PathEscape(assetID)+"/comments", http.StatusOK, &out, func() any { return body })); err != nil {
		return nil, err
	}
	return &out, nil
}

// OneFrame is the duration of a single_press event: exactly one frame. The
// logging guide's prose writes "01:00:00:00", its example and the code
// samples "00:00:00:01"; one frame is the latter.
const OneFrame = "00:00:00:01"

// Press is a real-time logging event: a button (input) of a channel was
// pressed at Start.
type Press struct {
	// Offset is the offset from the start of the asset to log the event at.
	Offset int
	// Start is the timecode of the press, e.g. 01:00:00:00.
	Start string
	// Playback is the frame rate as [numerator, denominator], e.g.
	// [24000, 1001] for 23.976.
	Playback [2]int
	// NonDrop marks an NTSC rate (ntsc: "non_drop"); false sends null and
	// needs a whole-number rate such as [24, 1].
	NonDrop bool
}

// TriggerInput sends a single_press event for input (a 0-based button
// index) of a channel (POST /v2/devices/channels/{id}/inputs/{i}/trigger).
// Like uploads, it is retried and refused while the device is paused.
func (c *Client) TriggerInput(ctx context.Context, channelID string, input int, p Press) error {
	if channelID == "" || input < 0 {
		return fmt.Errorf("c2c: TriggerInput: need a channel id and an input index >= 0 (got %q, %d)", channelID, input)
	}
	if p.Start == "" || p.Playback[0] <= 0 || p.Playback[1] <= 0 {
		return errors.New("c2c: TriggerInput: Start timecode and a positive Playback rate are required")
	}
	rate := gen.SMPTERate{Playback: p.Playback[:]}
	if p.NonDrop {
		rate.Ntsc = new(gen.NTSCStandardNonDrop)
	}
	action := gen.ActionTypeSinglePress
	body := gen.TriggerParams{ActionType: &action, Offset: &p.Offset,
		Start:    &gen.SMPTETime{SmpteTimecode: &p.Start, Rate: &rate},
		Duration: &gen.SMPTETime{SmpteTimecode: new(OneFrame), Rate: &rate}}
	path := fmt.Sprintf("/v2/devices/channels/%s/inputs/%d/trigger", url.PathEscape(channelID), input)
	return c.do(ctx, c.authCall(http.MethodPost, path, http.StatusNoContent, nil, func() any { return body }))
}
