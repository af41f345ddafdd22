package c2c_test

import (
	"bytes"
	"context"
	"log/slog"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/frameio-go/frameio-go/frameio/c2c"
	"github.com/frameio-go/frameio-go/frameiotest/c2ctest"
)

// vault is a CredentialStore as a device with an encrypted partition
// would write it.
type vault struct{ reads int }

func (v *vault) Credentials(context.Context) (c2c.Credentials, error) {
	v.reads++
	return c2c.Credentials{ClientID: testSerial, ClientSecret: c2ctest.DefaultClientSecret}, nil
}

func TestCredentialStoreScopeAndDataRate(t *testing.T) {
	v := &vault{}
	r := newRig(t, []c2ctest.Option{c2ctest.WithAutoApprove(1)}, c2c.WithCredentialStore(v), c2c.WithScope("asset_create offline"),
		c2c.WithConcurrency(1), c2c.WithRefreshBefore(0))
	_, err := r.dev.Pair(context.Background(), nil)
	require.NoError(t, err)
	assert.Equal(t, 2, v.reads, "read for the code and for the poll, never cached")

	path := filepath.Join(t.TempDir(), "raw.r3d")
	data := bytes.Repeat([]byte{7}, 13_000_000)
	require.NoError(t, os.WriteFile(path, data, 0o600))
	s, err := c2c.OpenFileStream(path, 0, nil)
	require.NoError(t, err)
	defer s.Close()
	s.Finish()
	asset, err := r.dev.UploadStream(context.Background(), s, c2c.AssetParams{Name: "A.r3d", Filetype: "application/octet-stream"}, c2c.WithDataRate(12_750_000))
	require.NoError(t, err)
	info, _ := r.srv.Asset(asset.ID)
	assert.Equal(t, 2, info.Parts, "a 12,750,016-byte first part at ProRes LT's rate, then the rest")
	assert.True(t, info.Complete)
}

func TestUnexpectedSuccessStatusIsRetriedOnce(t *testing.T) {
	r := newRig(t, nil).paired(t)
	r.srv.FailNext(1, 200, "{}", c2ctest.ForOperation(heartbeatOp))
	require.NoError(t, r.dev.Heartbeat(context.Background()))
	r.srv.FailNext(2, 200, "{}", c2ctest.ForOperation(heartbeatOp))
	err := r.dev.Heartbeat(context.Background())
	assert.ErrorIs(t, err, c2c.ErrUnexpectedStatus)
	assert.ErrorContains(t, err, "expected status 204, received 200")
}

func TestSecretsStayOutOfStructuredLogs(t *testing.T) {
	var buf bytes.Buffer
	log := slog.New(slog.NewJSONHandler(&buf, nil))
	log.Info("state", "creds", c2c.Credentials{ClientID: "id", ClientSecret: "s3cret-value"},
		"token", c2c.Token{AccessToken: "at-value", RefreshToken: "rt-value"})
	for _, s := range []string{"s3cret-value", "at-value", "rt-value"} {
		assert.NotContains(t, buf.String(), s)
	}
	assert.Contains(t, buf.String(), "[REDACTED]")
	assert.Equal(t, "refresh", c2c.RetryRefresh.String())
}
