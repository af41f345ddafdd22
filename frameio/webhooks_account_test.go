package frameio_test

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/frameio-go/frameio-go/frameio"
	"github.com/frameio-go/frameio-go/gen"
)

func TestWebhooksListAccountWalksEveryWorkspace(t *testing.T) {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /v4/accounts/acc/workspaces", func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Query().Get("after") == "" {
			fmt.Fprint(w, `{"data":[{"id":"ws1"}],"links":{"next":"/v4/accounts/acc/workspaces?after=p2"}}`)
			return
		}
		fmt.Fprint(w, `{"data":[{"id":"ws2"},{"id":"ws3"}],"links":{"next":null}}`)
	})
	mux.HandleFunc("GET /v4/accounts/acc/workspaces/{ws}/webhooks", func(w http.ResponseWriter, r *http.Request) {
		switch r.PathValue("ws") {
		case "ws1":
			fmt.Fprint(w, `{"data":[{"id":"h1","name":"a"},{"id":"h2","name":"b"}],"links":{"next":null}}`)
		case "ws2":
			fmt.Fprint(w, `{"data":[],"links":{"next":null}}`)
		default:
			fmt.Fprint(w, `{"data":[{"id":"h3","name":"c"}],"links":{"next":null}}`)
		}
	})
	mux.HandleFunc("POST /v4/accounts/acc/workspaces/ws1/webhooks", func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusCreated)
		fmt.Fprint(w, `{"data":{"id":"h9","name":"new","secret":"s3cr3t","url":"https://example.com/hook","events":["file.ready"],"created_at":"2026-01-01T00:00:00Z","updated_at":"2026-01-01T00:00:00Z"}}`)
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()
	c, err := frameio.NewClient(frameio.WithToken("tok"), frameio.WithBaseURL(srv.URL))
	require.NoError(t, err)

	var got []string
	for h, err := range c.Webhooks.ListAccount(context.Background(), "acc") {
		require.NoError(t, err)
		got = append(got, h.WorkspaceID+"/"+h.Webhook.ID)
	}
	assert.Equal(t, []string{"ws1/h1", "ws1/h2", "ws3/h3"}, got)

	// Create returns the webhook itself, its signing secret with it.
	hook, err := c.Webhooks.Create(context.Background(), "acc", "ws1", gen.WebhookCreateParamsData{})
	require.NoError(t, err)
	assert.Equal(t, "h9", hook.ID)
	assert.Equal(t, "s3cr3t", hook.Secret)

	_, err = c.Webhooks.Create(context.Background(), "acc", "", gen.WebhookCreateParamsData{})
	assert.Error(t, err)
	for _, err := range c.Webhooks.ListAccount(context.Background(), "") {
		assert.Error(t, err)
	}
}
