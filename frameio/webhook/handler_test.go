package webhook_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/frameio-go/frameio-go/frameio/webhook"
)

// recorder collects the events a handler received.
type recorder struct {
	mu     sync.Mutex
	events []string
}

func (r *recorder) fn(tag string) webhook.EventHandlerFunc {
	return func(ctx context.Context, e *webhook.Event) error {
		if ctx == nil {
			return errors.New("nil context")
		}
		r.mu.Lock()
		defer r.mu.Unlock()
		r.events = append(r.events, fmt.Sprintf("%s:%s:%s:%d", tag, e.Type, e.Resource.ID, e.Timestamp.Unix()))
		return nil
	}
}

func (r *recorder) got() []string {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]string(nil), r.events...)
}

func eventBody(t webhook.EventType, id string) []byte {
	return fmt.Appendf(nil, `{"type":%q,"resource":{"id":%q,"type":"file"},"account":{"id":"a"},"workspace":{"id":"w"},"project":{"id":"p"},"user":{"id":"u"}}`, t, id)
}

func TestHandlerDispatch(t *testing.T) {
	rec := &recorder{}
	h := webhook.NewHandler(newVerifier(t))
	h.HandleFunc(webhook.FileReady, rec.fn("ready"))
	h.HandleFunc(webhook.FileCopied, rec.fn("copied"))
	srv := httptest.NewServer(h)
	defer srv.Close()

	for _, tc := range []struct {
		typ webhook.EventType
		id  string
	}{{webhook.FileReady, "f1"}, {webhook.FileCopied, "f2"}, {webhook.CommentCreated, "c1"}, {"brand.new", "x"}} {
		body := eventBody(tc.typ, tc.id)
		res, _ := post(t, srv.URL, signedHeader(testSecret, testNow, body), body)
		assert.Equal(t, http.StatusOK, res.StatusCode, "unhandled events are acknowledged too")
	}
	assert.Equal(t, []string{"ready:file.ready:f1:1604004499", "copied:file.copied:f2:1604004499"}, rec.got())

	// With a fallback, unregistered and unknown events reach it.
	h.HandleFallback(rec.fn("fallback"))
	for _, typ := range []webhook.EventType{webhook.CommentCreated, "brand.new"} {
		body := eventBody(typ, "z")
		res, _ := post(t, srv.URL, signedHeader(testSecret, testNow, body), body)
		assert.Equal(t, http.StatusOK, res.StatusCode)
	}
	assert.Equal(t, []string{"fallback:comment.created:z:1604004499", "fallback:brand.new:z:1604004499"}, rec.got()[2:])

	// Removing the fallback restores drop-and-acknowledge.
	h.HandleFallback(nil)
	body := eventBody(webhook.ShareViewed, "s")
	res, _ := post(t, srv.URL, signedHeader(testSecret, testNow, body), body)
	assert.Equal(t, http.StatusOK, res.StatusCode)
	assert.Len(t, rec.got(), 4)
}

func TestHandlerEventFields(t *testing.T) {
	var got *webhook.Event
	h := webhook.NewHandler(newVerifier(t))
	h.HandleFunc(webhook.FileReady, func(_ context.Context, e *webhook.Event) error { got = e; return nil })
	srv := httptest.NewServer(h)
	defer srv.Close()

	body := []byte(docEventPayload)
	ts := testNow.Add(-time.Minute)
	res, _ := post(t, srv.URL, signedHeader(testSecret, ts, body), body)
	require.Equal(t, http.StatusOK, res.StatusCode)
	require.NotNil(t, got)
	assert.Equal(t, "d3075547-4e64-45f0-ad12-d075660eddd2", got.Resource.ID)
	assert.Equal(t, "378fcbf7-6f88-4224-8139-6a743ed940b2", got.Workspace.ID)
	assert.True(t, ts.Equal(got.Timestamp))
	assert.Equal(t, body, []byte(got.Raw))
}

func TestHandlerRejections(t *testing.T) {
	called := false
	h := webhook.NewHandler(newVerifier(t, webhook.WithMaxBodySize(512)))
	h.HandleFallback(func(context.Context, *webhook.Event) error { called = true; return nil })
	srv := httptest.NewServer(h)
	defer srv.Close()

	good := eventBody(webhook.FileReady, "f")
	big := append(bytes.Repeat([]byte(" "), 600), good...)
	tests := []struct {
		name   string
		header http.Header
		body   []byte
		status int
	}{
		{"no signature", http.Header{}, good, http.StatusUnauthorized},
		{"wrong secret", signedHeader("nope", testNow, good), good, http.StatusUnauthorized},
		{"tampered", signedHeader(testSecret, testNow, good), append([]byte(" "), good...), http.StatusUnauthorized},
		{"stale", signedHeader(testSecret, testNow.Add(-time.Hour), good), good, http.StatusUnauthorized},
		{"future", signedHeader(testSecret, testNow.Add(time.Hour), good), good, http.StatusUnauthorized},
		{"v1", func() http.Header {
			h := signedHeader(testSecret, testNow, good)
			h.Set(webhook.HeaderSignature, "v1"+strings.TrimPrefix(h.Get(webhook.HeaderSignature), "v0"))
			return h
		}(), good, http.StatusUnauthorized},
		{"not json", signedHeader(testSecret, testNow, []byte("hello")), []byte("hello"), http.StatusBadRequest},
		{"no type", signedHeader(testSecret, testNow, []byte(`{"resource":{"id":"x"}}`)), []byte(`{"resource":{"id":"x"}}`), http.StatusBadRequest},
		{"oversized", signedHeader(testSecret, testNow, big), big, http.StatusRequestEntityTooLarge},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, body := post(t, srv.URL, tt.header, tt.body)
			assert.Equal(t, tt.status, res.StatusCode)
			assert.Equal(t, http.StatusText(tt.status)+"\n", body, "no details leak to the client")
		})
	}
	assert.False(t, called, "rejected requests never reach handlers")
}

func TestHandlerMethodNotAllowed(t *testing.T) {
	srv := httptest.NewServer(webhook.NewHandler(newVerifier(t)))
	defer srv.Close()
	res, err := http.Get(srv.URL)
	require.NoError(t, err)
	defer res.Body.Close()
	assert.Equal(t, http.StatusMethodNotAllowed, res.StatusCode)
	assert.Equal(t, http.MethodPost, res.Header.Get("Allow"))
}

func TestHandlerErrorMeansRetry(t *testing.T) {
	var logs bytes.Buffer
	logger := slog.New(slog.NewTextHandler(&logs, &slog.HandlerOptions{Level: slog.LevelDebug}))
	h := webhook.NewHandler(newVerifier(t), webhook.WithLogger(logger))
	h.HandleFunc(webhook.FileReady, func(context.Context, *webhook.Event) error { return errors.New("database down") })
	srv := httptest.NewServer(h)
	defer srv.Close()

	body := eventBody(webhook.FileReady, "f")
	res, text := post(t, srv.URL, signedHeader(testSecret, testNow, body), body)
	assert.Equal(t, http.StatusInternalServerError, res.StatusCode)
	assert.NotContains(t, text, "database down")
	assert.Contains(t, logs.String(), "database down")
	assert.Contains(t, logs.String(), "event=file.ready")

	logs.Reset()
	res, _ = post(t, srv.URL, http.Header{}, body)
	assert.Equal(t, http.StatusUnauthorized, res.StatusCode)
	assert.Contains(t, logs.String(), "level=WARN")
	assert.Contains(t, logs.String(), "status=401")
}

func TestHandlerConcurrentRegistrationAndServing(t *testing.T) {
	rec := &recorder{}
	h := webhook.NewHandler(newVerifier(t))
	srv := httptest.NewServer(h)
	defer srv.Close()

	var wg sync.WaitGroup
	for i := range 8 {
		wg.Go(func() {
			h.HandleFunc(webhook.EventType(fmt.Sprintf("custom.%d", i)), rec.fn("c"))
			body := eventBody(webhook.FileReady, fmt.Sprint(i))
			req, err := http.NewRequestWithContext(t.Context(), http.MethodPost, srv.URL, bytes.NewReader(body))
			if !assert.NoError(t, err) { // no require: this is not the test goroutine
				return
			}
			req.Header = signedHeader(testSecret, testNow, body)
			res, err := http.DefaultClient.Do(req)
			if assert.NoError(t, err) {
				res.Body.Close()
				assert.Equal(t, http.StatusOK, res.StatusCode)
			}
		})
	}
	wg.Wait()
}

func TestNewHandlerPanics(t *testing.T) {
	assert.Panics(t, func() { webhook.NewHandler(nil) })
	h := webhook.NewHandler(newVerifier(t))
	assert.Panics(t, func() { h.HandleFunc("", func(context.Context, *webhook.Event) error { return nil }) })
	assert.Panics(t, func() { h.HandleFunc(webhook.FileReady, nil) })
	assert.Panics(t, func() { webhook.NewActionHandler(nil, nil) })
}

func TestHandlerTimeout(t *testing.T) {
	deadlines := make(chan bool, 2)
	blocked := func(ctx context.Context, _ *webhook.Event) error {
		_, ok := ctx.Deadline()
		deadlines <- ok
		if !ok {
			return nil
		}
		<-ctx.Done() // e.g. a full queue
		return ctx.Err()
	}
	withTimeout := webhook.NewHandler(newVerifier(t), webhook.WithTimeout(20*time.Millisecond))
	withTimeout.HandleFallback(blocked)
	without := webhook.NewHandler(newVerifier(t))
	without.HandleFallback(blocked)

	body := eventBody(webhook.FileReady, "f")
	for _, tc := range []struct {
		h      http.Handler
		status int
		dl     bool
	}{{withTimeout, http.StatusInternalServerError, true}, {without, http.StatusOK, false}} {
		srv := httptest.NewServer(tc.h)
		res, _ := post(t, srv.URL, signedHeader(testSecret, testNow, body), body)
		srv.Close()
		assert.Equal(t, tc.status, res.StatusCode)
		assert.Equal(t, tc.dl, <-deadlines)
	}
}
