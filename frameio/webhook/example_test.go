package webhook_test

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"sync"
	"time"

	"github.com/frameio-go/frameio-go/frameio/webhook"
)

// deliver plays Frame.io: it signs body with secret at time ts and POSTs it.
func deliver(url, secret string, ts time.Time, body string) (int, string) {
	req, err := http.NewRequest(http.MethodPost, url, bytes.NewBufferString(body))
	if err != nil {
		panic(err)
	}
	webhook.SignHeader(req.Header, secret, ts, []byte(body))
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		panic(err)
	}
	defer res.Body.Close()
	out, _ := io.ReadAll(res.Body)
	return res.StatusCode, string(out)
}

// A webhook receiver that acknowledges deliveries at once, hands the work to
// a queue (a buffered channel drained by a worker) and drops duplicates.
func ExampleHandler() {
	const secret = "webhook-signing-secret" // returned once, when the webhook is created
	now := time.Unix(1604004499, 0)         // a fixed clock keeps the example deterministic

	verifier, err := webhook.NewVerifier([]string{secret}, webhook.WithClock(func() time.Time { return now }))
	if err != nil {
		panic(err)
	}

	jobs := make(chan webhook.Event, 64)
	var (
		worker sync.WaitGroup
		done   []string // what the worker did; printed at the end for a stable output
	)
	worker.Go(func() {
		for e := range jobs {
			// Long work (API look-ups, transcodes...) happens here, after the 200.
			done = append(done, fmt.Sprintf("processed %s on %s %s", e.Type, e.Resource.Type, e.Resource.ID))
		}
	})

	var (
		mu   sync.Mutex
		seen = map[string]bool{} // in production: a store with a TTL of a few minutes
	)
	h := webhook.NewHandler(verifier)
	h.HandleFunc(webhook.FileReady, func(ctx context.Context, e *webhook.Event) error {
		mu.Lock()
		dup := seen[e.IdempotencyKey()]
		seen[e.IdempotencyKey()] = true
		mu.Unlock()
		if dup {
			return nil // already queued: acknowledge, do nothing
		}
		select {
		case jobs <- *e:
			return nil
		case <-ctx.Done():
			return ctx.Err() // not queued: 500, Frame.io retries
		}
	})

	srv := httptest.NewServer(h)
	defer srv.Close()

	payload := `{"account":{"id":"6f70f1bd-7e89-4a7e-b4d3-7e576585a181"},` +
		`"project":{"id":"7e46e495-4444-4555-8649-bee4d391a997"},` +
		`"resource":{"id":"d3075547-4e64-45f0-ad12-d075660eddd2","type":"file"},` +
		`"type":"file.ready","user":{"id":"56556a3f-859f-4b38-b6c6-e8625b5da8a5"},` +
		`"workspace":{"id":"378fcbf7-6f88-4224-8139-6a743ed940b2"}}`

	status, _ := deliver(srv.URL, secret, now, payload)
	fmt.Println("delivery:", status)
	status, _ = deliver(srv.URL, secret, now.Add(-15*time.Second), payload)
	fmt.Println("retry:", status)
	status, _ = deliver(srv.URL, "forged-secret", now, payload)
	fmt.Println("forged:", status)
	status, _ = deliver(srv.URL, secret, now.Add(-time.Hour), payload)
	fmt.Println("replayed an hour later:", status)

	close(jobs)
	worker.Wait()
	fmt.Println(done)
	// Output:
	// delivery: 200
	// retry: 200
	// forged: 401
	// replayed an hour later: 401
	// [processed file.ready on file d3075547-4e64-45f0-ad12-d075660eddd2]
}

// A custom action with a two-step interaction: the click answers a form, and
// the form's submission (same interaction ID, values in Data) answers a
// message.
func ExampleActionHandler() {
	const secret = "custom-action-signing-secret"
	now := time.Unix(1604004499, 0)
	verifier, err := webhook.NewVerifier([]string{secret}, webhook.WithClock(func() time.Time { return now }))
	if err != nil {
		panic(err)
	}

	publish := func(ctx context.Context, e *webhook.ActionEvent) (*webhook.Response, error) {
		if !e.Data.Has("captions") { // the click: ask for details
			return webhook.Form("Need some more info!", fmt.Sprintf("Publishing %d file(s)", len(e.Resources)),
				webhook.TextField("title", "Title", "MyVideo.mp4"),
				webhook.SelectField("captions", "Captions", "off",
					webhook.SelectOption{Name: "Off", Value: "off"},
					webhook.SelectOption{Name: "On", Value: "on"}),
			), nil
		}
		// The submission of the form above.
		return webhook.Message("Success!",
			fmt.Sprintf("Publishing %q with captions %s.", e.Data.String("title"), e.Data.String("captions"))), nil
	}

	srv := httptest.NewServer(webhook.NewActionHandler(verifier, publish))
	defer srv.Close()

	click := `{"account_id":"1a94720e-f7f5-4c41-ab62-d11eebe3d504","action_id":"0aeb9feb-f8eb-4100-a8c2-b39b66d354ab",` +
		`"interaction_id":"985559de-865a-40e5-a687-2bbed4497eaa","project":{"id":"3e34e7cb-5c21-49f5-8ca9-a1419584c2ea"},` +
		`"resources":[{"id":"fe41c5a8-1b8d-417d-a7df-0b88bc19b476","type":"file"},{"id":"fe81fb2b-1316-4a76-9cf6-0630f474fc39","type":"file"}],` +
		`"type":"publish","user":{"id":"68093c1c-4b05-41ce-a3c9-e64d195b1935"},"workspace":{"id":"629086c0-f6aa-4d63-a284-f39bcd415b9f"}}`
	status, body := deliver(srv.URL, secret, now, click)
	fmt.Println(status, body)

	submit := `{"type":"publish","interaction_id":"985559de-865a-40e5-a687-2bbed4497eaa",` +
		`"action_id":"0aeb9feb-f8eb-4100-a8c2-b39b66d354ab","data":{"title":"Final cut.mp4","captions":"on"}}`
	status, body = deliver(srv.URL, secret, now.Add(20*time.Second), submit)
	fmt.Println(status, body)
	// Output:
	// 200 {"title":"Need some more info!","description":"Publishing 2 file(s)","fields":[{"type":"text","label":"Title","name":"title","value":"MyVideo.mp4"},{"type":"select","label":"Captions","name":"captions","value":"off","options":[{"name":"Off","value":"off"},{"name":"On","value":"on"}]}]}
	// 200 {"title":"Success!","description":"Publishing \"Final cut.mp4\" with captions on."}
}

// Verifying requests in your own handler, for routers that need the body.
func ExampleVerifier_VerifyRequest() {
	now := time.Unix(1604004499, 0)
	verifier, err := webhook.NewVerifier(
		[]string{"new-secret", "old-secret"}, // rotation: both are accepted
		webhook.WithClock(func() time.Time { return now }),
		webhook.WithMaxBodySize(64<<10),
	)
	if err != nil {
		panic(err)
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, err := verifier.VerifyRequest(r)
		if err != nil {
			http.Error(w, http.StatusText(webhook.StatusCode(err)), webhook.StatusCode(err))
			return
		}
		fmt.Printf("verified %d bytes\n", len(body))
	}))
	defer srv.Close()

	status, _ := deliver(srv.URL, "old-secret", now, `{"type":"share.viewed","resource":{"id":"s1","type":"share"}}`)
	fmt.Println(status)
	// Output:
	// verified 61 bytes
	// 200
}

// Signing a payload, e.g. to test a receiver.
func ExampleSign() {
	body := []byte(`{"type":"file.ready","resource":{"id":"d3075547-4e64-45f0-ad12-d075660eddd2","type":"file"}}`)
	fmt.Println(webhook.Sign("frameio-test-secret", time.Unix(1604004499, 0), body))
	// Output:
	// v0=07cd5f4b88eebb0c32b609398bd0d643067f0afa9ea55f9640cff8854bc31ac6
}
