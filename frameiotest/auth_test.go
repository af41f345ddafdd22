package frameiotest_test

import (
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/frameio-go/frameio-go/frameiotest"
	"github.com/frameio-go/frameio-go/gen"
)

func TestAuth(t *testing.T) {
	srv := frameiotest.NewServer(t, frameiotest.WithToken("s3cret"))
	assert.Equal(t, "s3cret", srv.Token())

	for name, header := range map[string]string{"missing": "", "wrong": "Bearer nope", "not bearer": "s3cret"} {
		t.Run(name, func(t *testing.T) {
			req, err := http.NewRequest(http.MethodGet, srv.URL()+"/v4/me", nil)
			require.NoError(t, err)
			if header != "" {
				req.Header.Set("Authorization", header)
			}
			resp, err := srv.HTTPClient().Do(req)
			require.NoError(t, err)
			defer resp.Body.Close()
			assert.Equal(t, http.StatusUnauthorized, resp.StatusCode)
			var body gen.Unauthorized
			require.NoError(t, decodeJSON(resp, &body))
			require.Len(t, body.Errors, 1)
			assert.NotEmpty(t, body.Errors[0].Detail)
		})
	}

	c := plainClient{t, srv}
	status, body := c.send(gen.NewUsersShowRequest(srv.URL()))
	require.Equal(t, http.StatusOK, status, string(body))
	assert.Equal(t, srv.Seed().UserID, mustDecode[gen.ProfileResponse](t, body).Data.ID)
}
