package c2c_test

import (
	"context"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/frameio-go/frameio-go/frameio/c2c"
)

func TestDeviceCallsAgainstTheFake(t *testing.T) {
	r := newRig(t, nil).paired(t)
	ctx := context.Background()
	me, err := r.dev.Me(ctx)
	require.NoError(t, err)
	assert.Equal(t, r.srv.ProjectName(), *me.Project.Name)
	assert.Equal(t, "c2ctest user", me.Authorization.Creator.Name)
	assert.Equal(t, c2c.StatusOnline, *me.Status)
	require.NoError(t, r.dev.Heartbeat(ctx))

	accounts, err := r.dev.ListAccounts(ctx)
	require.NoError(t, err)
	require.Len(t, accounts, 1)
	projects, err := r.dev.ListProjects(ctx, accounts[0].ID)
	require.NoError(t, err)
	require.Len(t, projects, 1)
	d, err := r.dev.ConnectProject(ctx, projects[0].ID)
	require.NoError(t, err)
	assert.Equal(t, projects[0].ID, *d.ProjectID)
	require.NoError(t, r.dev.DisconnectProject(ctx))

	asset, err := r.dev.CreateAsset(ctx, c2c.AssetParams{Name: "still.jpg", Filetype: "image/jpeg", Filesize: 3, Metadata: map[string]any{"reel_name": "A001"}, AutoversionID: "clip-7"})
	require.NoError(t, err)
	_, err = r.dev.CreateComment(ctx, asset.ID, "good take", new(24.0))
	require.NoError(t, err)
	assert.Equal(t, "good take", r.srv.Comments()[0].Text)

	for _, q := range r.srv.Requests() {
		assert.Equal(t, testVersion, q.ClientVersion, "x-client-version on %s %s", q.Method, q.Path)
	}
}

func TestChannelBootFlowAndTriggers(t *testing.T) {
	r := newRig(t, nil).paired(t)
	ctx := context.Background()
	_, err := r.dev.ConnectChannel(ctx, "mic-1", "8f9e2a34-64c4-4c3b-9a51-3c3f0e7a1b20")
	require.NoError(t, err)
	_, err = r.dev.ConnectChannel(ctx, "mic-1", "8f9e2a34-64c4-4c3b-9a51-3c3f0e7a1b20")
	assert.ErrorIs(t, err, c2c.ErrAlreadyExists)

	chans, err := r.dev.SyncChannels(ctx, []c2c.SubDevice{{ClientID: "mic-2", DeviceModelID: "8f9e2a34-64c4-4c3b-9a51-3c3f0e7a1b20"}, {ClientID: "mic-3", DeviceModelID: "8f9e2a34-64c4-4c3b-9a51-3c3f0e7a1b20"}})
	require.NoError(t, err)
	require.Len(t, chans, 2)
	assert.Len(t, r.srv.Channels(), 3, "primary + the two attached now; mic-1 was cleared")
	require.NoError(t, r.dev.DisconnectChannel(ctx, *chans[0].ID))
	assert.ErrorIs(t, r.dev.DisconnectChannel(ctx, *chans[0].ID), c2c.ErrNotFound)

	press := c2c.Press{Start: "01:00:00:00", Playback: [2]int{24000, 1001}, NonDrop: true}
	require.NoError(t, r.dev.TriggerInput(ctx, *chans[1].ID, 0, press))
	tr := r.srv.Triggers()[0]
	assert.Equal(t, c2c.OneFrame, *tr.Params.Duration.SmpteTimecode)
	assert.Equal(t, "non_drop", string(*tr.Params.Start.Rate.Ntsc))
	r.srv.Pause()
	assert.ErrorIs(t, r.dev.TriggerInput(ctx, *chans[1].ID, 0, press), c2c.ErrChannelPaused)
	assert.ErrorContains(t, r.dev.TriggerInput(ctx, "", -1, press), "input index")
}
