package webhook_test

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/frameio-go/frameio-go/frameio/webhook"
)

func TestActionHandlerResponses(t *testing.T) {
	var seen []*webhook.ActionEvent
	fn := func(_ context.Context, e *webhook.ActionEvent) (*webhook.Response, error) {
		seen = append(seen, e)
		switch e.Type {
		case "message":
			return webhook.Message("Success!", "The thing worked! Nice."), nil
		case "form":
			return webhook.Form("More", "info", webhook.TextField("title", "Title", "x")), nil
		case "nothing":
			return nil, nil
		case "invalid":
			return webhook.Form("Bad", "", webhook.SelectField("s", "S", "")), nil
		default:
			return nil, errors.New("boom")
		}
	}
	srv := httptest.NewServer(webhook.NewActionHandler(newVerifier(t), fn))
	defer srv.Close()

	send := func(typ string) (*http.Response, string) {
		body := []byte(`{"type":"` + typ + `","interaction_id":"i1","action_id":"a1","resource":{"id":"r1","type":"file"}}`)
		return post(t, srv.URL, signedHeader(testSecret, testNow, body), body)
	}

	res, body := send("message")
	assert.Equal(t, http.StatusOK, res.StatusCode)
	assert.Equal(t, "application/json", res.Header.Get("Content-Type"))
	assert.JSONEq(t, `{"title":"Success!","description":"The thing worked! Nice."}`, body)

	res, body = send("form")
	assert.Equal(t, http.StatusOK, res.StatusCode)
	assert.JSONEq(t, `{"title":"More","description":"info","fields":[{"type":"text","label":"Title","name":"title","value":"x"}]}`, body)

	res, body = send("nothing")
	assert.Equal(t, http.StatusOK, res.StatusCode)
	assert.Empty(t, body)

	res, _ = send("invalid")
	assert.Equal(t, http.StatusInternalServerError, res.StatusCode)

	res, body = send("error")
	assert.Equal(t, http.StatusInternalServerError, res.StatusCode)
	assert.NotContains(t, body, "boom")

	require.Len(t, seen, 5)
	assert.Equal(t, []webhook.Resource{{ID: "r1", Type: webhook.ResourceFile}}, seen[0].Resources)
	assert.True(t, seen[0].Legacy)
	assert.True(t, testNow.Equal(seen[0].Timestamp))
}

func TestActionHandlerRejections(t *testing.T) {
	called := false
	h := webhook.NewActionHandler(newVerifier(t, webhook.WithMaxBodySize(64)),
		func(context.Context, *webhook.ActionEvent) (*webhook.Response, error) { called = true; return nil, nil })
	srv := httptest.NewServer(h)
	defer srv.Close()

	noInteraction := []byte(`{"action_id":"a"}`)
	big := []byte(`{"interaction_id":"i","data":{"notes":"` + string(make([]byte, 100)) + `"}}`)
	valid := []byte(`{"interaction_id":"i"}`)

	res, _ := post(t, srv.URL, signedHeader("wrong", testNow, valid), valid)
	assert.Equal(t, http.StatusUnauthorized, res.StatusCode)
	res, _ = post(t, srv.URL, signedHeader(testSecret, testNow, noInteraction), noInteraction)
	assert.Equal(t, http.StatusBadRequest, res.StatusCode)
	res, _ = post(t, srv.URL, signedHeader(testSecret, testNow, big), big)
	assert.Equal(t, http.StatusRequestEntityTooLarge, res.StatusCode)
	assert.False(t, called)

	r, err := http.Get(srv.URL)
	require.NoError(t, err)
	r.Body.Close()
	assert.Equal(t, http.StatusMethodNotAllowed, r.StatusCode)

	res, _ = post(t, srv.URL, signedHeader(testSecret, testNow, valid), valid)
	assert.Equal(t, http.StatusOK, res.StatusCode)
	assert.True(t, called)
}

// TestActionHandlerMultiStep walks a three-step interaction: click -> form 1
// -> form 2 -> message, telling the forms apart by their field names.
func TestActionHandlerMultiStep(t *testing.T) {
	fn := func(_ context.Context, e *webhook.ActionEvent) (*webhook.Response, error) {
		switch {
		case e.Data.Has("destination"):
			return webhook.Message("Queued", "Sending to "+e.Data.String("destination")+" with notify="+e.Data.String("notify")), nil
		case e.Data.Has("title"):
			return webhook.Form("Step 2", "Where to?",
				webhook.SelectField("destination", "Destination", "", webhook.SelectOption{Name: "YouTube", Value: "yt"}),
				webhook.BooleanField("notify", "Notify me", true)), nil
		default:
			return webhook.Form("Step 1", "Name it", webhook.TextField("title", "Title", "")), nil
		}
	}
	srv := httptest.NewServer(webhook.NewActionHandler(newVerifier(t), fn))
	defer srv.Close()

	step := func(data string) map[string]any {
		body := []byte(`{"type":"publish","interaction_id":"same","action_id":"a","data":` + data + `}`)
		res, out := post(t, srv.URL, signedHeader(testSecret, testNow, body), body)
		require.Equal(t, http.StatusOK, res.StatusCode)
		var m map[string]any
		require.NoError(t, json.Unmarshal([]byte(out), &m))
		return m
	}
	assert.Equal(t, "Step 1", step(`null`)["title"])
	assert.Equal(t, "Step 2", step(`{"title":"Cut 3"}`)["title"])
	assert.Equal(t, "Sending to yt with notify=true", step(`{"destination":"yt","notify":"true"}`)["description"])
}

func TestActionHandlerTimeout(t *testing.T) {
	h := webhook.NewActionHandler(newVerifier(t), func(ctx context.Context, _ *webhook.ActionEvent) (*webhook.Response, error) {
		if _, ok := ctx.Deadline(); !ok {
			return nil, errors.New("no deadline")
		}
		return webhook.Message("ok", ""), nil
	}, webhook.WithTimeout(9*time.Second))
	srv := httptest.NewServer(h)
	defer srv.Close()
	body := []byte(`{"interaction_id":"i"}`)
	res, out := post(t, srv.URL, signedHeader(testSecret, testNow, body), body)
	assert.Equal(t, http.StatusOK, res.StatusCode)
	assert.JSONEq(t, `{"title":"ok","description":""}`, out)
}
