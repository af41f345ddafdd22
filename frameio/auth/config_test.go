package auth

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestConfigErrors(t *testing.T) {
	cases := []struct {
		name  string
		build func() error
		field string
	}{
		{"s2s empty client id", func() error { _, err := NewServerToServer(" ", "s"); return err }, "clientID"},
		{"s2s empty secret", func() error { _, err := NewServerToServer("id", ""); return err }, "clientSecret"},
		{"web empty secret", func() error { _, err := NewWebApp("id", "", webRedirect); return err }, "clientSecret"},
		{"web http redirect", func() error { _, err := NewWebApp("id", "s", "http://app.example.com/cb"); return err }, "redirectURI"},
		{"web relative redirect", func() error { _, err := NewWebApp("id", "s", "/cb"); return err }, "redirectURI"},
		{"web adobe+ redirect", func() error { _, err := NewWebApp("id", "s", "adobe+x://callback"); return err }, "redirectURI"},
		{"spa empty client id", func() error { _, err := NewSPA("", webRedirect); return err }, "clientID"},
		{"spa http redirect", func() error { _, err := NewSPA("id", "http://evil.example/cb"); return err }, "redirectURI"},
		{"native https redirect", func() error { _, err := NewNativeApp("id", "https://app.example.com/cb"); return err }, "redirectURI"},
		{"native bare adobe+", func() error { _, err := NewNativeApp("id", "adobe+://callback"); return err }, "redirectURI"},
		{"http ims", func() error {
			_, err := NewServerToServer("id", "s", WithIMSBaseURL("http://ims.example.com"))
			return err
		}, "imsBaseURL"},
		{"http loopback ims without option", func() error {
			_, err := NewServerToServer("id", "s", WithIMSBaseURL("http://127.0.0.1:9"))
			return err
		}, "imsBaseURL"},
		{"ftp ims", func() error {
			_, err := NewServerToServer("id", "s", WithIMSBaseURL("ftp://x"), WithInsecureHTTP())
			return err
		}, "imsBaseURL"},
		{"ims with query", func() error { _, err := NewServerToServer("id", "s", WithIMSBaseURL("https://x/?a=b")); return err }, "imsBaseURL"},
		{"negative retries", func() error { _, err := NewServerToServer("id", "s", WithMaxRetries(-1)); return err }, "maxRetries"},
		{"negative 429 retries", func() error { _, err := NewServerToServer("id", "s", WithMaxRateLimitRetries(-1)); return err }, "maxRateLimitRetries"},
		{"zero timeout", func() error { _, err := NewServerToServer("id", "s", WithTimeout(0)); return err }, "timeout"},
		{"negative buffer", func() error { _, err := NewServerToServer("id", "s", WithRefreshBuffer(-time.Second)); return err }, "refreshBuffer"},
		{"nil clock", func() error { _, err := NewServerToServer("id", "s", WithClock(nil)); return err }, "clock"},
		{"nil sleeper", func() error { _, err := NewServerToServer("id", "s", WithSleeper(nil)); return err }, "sleeper"},
		{"bad revoke path", func() error { _, err := NewServerToServer("id", "s", WithRevokePath("revoke")); return err }, "revokePath"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			err := tc.build()
			var cfgErr *ConfigError
			require.ErrorAs(t, err, &cfgErr)
			assert.Equal(t, tc.field, cfgErr.Field)
			var any Error
			assert.ErrorAs(t, err, &any)
			assert.NotContains(t, err.Error(), "CLIENT-SECRET")
		})
	}
}

func TestConfigAccepted(t *testing.T) {
	for _, redirect := range []string{webRedirect, "http://127.0.0.1:8080/cb", "http://localhost/cb", "http://[::1]:9000/cb"} {
		_, err := NewWebApp("id", "s", redirect)
		assert.NoError(t, err, redirect)
		_, err = NewSPA("id", redirect)
		assert.NoError(t, err, redirect)
	}
	for _, redirect := range []string{"adobe+abc123def456://callback", "http://127.0.0.1:8080/callback"} {
		_, err := NewNativeApp("id", redirect)
		assert.NoError(t, err, redirect)
	}
	s, err := NewServerToServer("id", "s", WithIMSBaseURL("https://ims-na1-stg1.adobelogin.com/"), WithRevokePath("/ims/revoke/v2"), Option(nil))
	require.NoError(t, err)
	assert.Equal(t, "https://ims-na1-stg1.adobelogin.com/ims/token/v3", s.cc.TokenURL)
	assert.Equal(t, "https://ims-na1-stg1.adobelogin.com/ims/revoke/v2", s.revoker.endpoint)
	assert.Equal(t, []string{"openid", "AdobeID", "frame.s2s.all"}, s.cc.Scopes)
}

// TestConfigReportsEveryBadValue: each option checks its own value, and the
// constructor returns every problem at once, as a *ConfigError each.
func TestConfigReportsEveryBadValue(t *testing.T) {
	_, err := NewServerToServer("", "s", WithTimeout(0), WithHTTPClient(nil), WithClock(nil), WithRevokePath("x"))
	require.Error(t, err)
	for _, want := range []string{"clientID: must not be empty", "timeout: must be positive", "httpClient: must not be nil",
		"clock: must not be nil", "revokePath: must start with /"} {
		assert.ErrorContains(t, err, want)
	}
	var cfgErr *ConfigError
	require.ErrorAs(t, err, &cfgErr)
	_, err = NewServerToServer("id", "s", WithLogger(nil), WithOnTokenRefreshed(nil))
	assert.NoError(t, err, "a nil logger or callback means none")
}
