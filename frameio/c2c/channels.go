package c2c

import (
	"context"
	"errors"
	"net/http"
	"net/url"

	gen "github.com/frameio-go/frameio-go/gen/c2c"
)

// ConnectChannel connects a sub-device as a new channel (POST
// /v2/devices/channels/connect, the guide's and samples' path). clientID
// must be stable (a serial number); deviceModelID comes from Frame.io. A
// channel that exists already fails with ErrAlreadyExists.
func (c *Client) ConnectChannel(ctx context.Context, clientID, deviceModelID string) (*Channel, error) {
	if clientID == "" || deviceModelID == "" {
		return nil, errors.New("c2c: ConnectChannel: client id and device model id are required")
	}
	var out Channel
	body := gen.ChannelConnectParams{ClientID: clientID, DeviceModelID: deviceModelID}
	if err := c.do(ctx, c.authCall(http.MethodPost, "/v2/devices/channels/connect", http.StatusOK, &out, func() any { return body })); err != nil {
		return nil, err
	}
	return &out, nil
}

// DisconnectChannel disconnects a channel by its Frame.io id. The
// device's primary channel cannot be disconnected.
func (c *Client) DisconnectChannel(ctx context.Context, channelID string) error {
	if channelID == "" {
		return errors.New("c2c: DisconnectChannel: empty channel id")
	}
	return c.do(ctx, c.authCall(http.MethodPost, "/v2/devices/channels/"+url.PathEscape(channelID)+"/disconnect", http.StatusNoContent, nil, nil))
}

// DisconnectAllChannels disconnects every sub-device channel; it always
// succeeds, even when there are none.
func (c *Client) DisconnectAllChannels(ctx context.Context) error {
	return c.do(ctx, c.authCall(http.MethodPost, "/v2/devices/channels/disconnect", http.StatusNoContent, nil, nil))
}

// SubDevice is a sub-device currently attached to the host device.
type SubDevice struct {
	ClientID      string
	DeviceModelID string
}

// SyncChannels is the channels guide's boot flow: disconnect all
// sub-device channels, then connect one per attached sub-device, so no
// channel id ever needs to survive a power cycle. It returns the channels
// in the order of subs.
func (c *Client) SyncChannels(ctx context.Context, subs []SubDevice) ([]Channel, error) {
	if err := c.DisconnectAllChannels(ctx); err != nil {
		return nil, err
	}
	out := make([]Channel, 0, len(subs))
	for _, s := range subs {
		ch, err := c.ConnectChannel(ctx, s.ClientID, s.DeviceModelID)
		if err != nil {
			return out, err
		}
		out = append(out, *ch)
	}
	return out, nil
}
