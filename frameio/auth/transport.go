package auth

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"net/http"
	"time"

	"github.com/frameio-go/frameio-go/internal/retry"
)

// Backoff between transient retries: baseBackoff, doubled per retry, capped
// (retry.Backoff).
const (
	baseBackoff = 500 * time.Millisecond
	maxBackoff  = 5 * time.Second
)

// backoff is the wait before the n-th retry of one kind (n from 1).
func backoff(n int) time.Duration { return retry.Backoff(baseBackoff, n-1, maxBackoff) }

// retryTransport sends IMS requests with a per-attempt timeout and retries
// transient failures (not those retry.Permanent says a retry cannot fix). It reports exhausted retries as [*NetworkError] and
// final 429 answers as [*RateLimitError]; every other response is returned
// unchanged for golang.org/x/oauth2 to interpret.
type retryTransport struct {
	base                http.RoundTripper
	timeout             time.Duration
	maxRetries          int
	maxRateLimitRetries int
	now                 Clock
	sleep               Sleeper
	logger              *slog.Logger
}

func newHTTPClient(c *config) *http.Client {
	var base http.RoundTripper = http.DefaultTransport
	if c.httpClient != nil && c.httpClient.Transport != nil {
		base = c.httpClient.Transport
	}
	return &http.Client{
		Transport: &retryTransport{
			base:                base,
			timeout:             c.timeout,
			maxRetries:          c.maxRetries,
			maxRateLimitRetries: c.maxRateLimitRetries,
			now:                 c.now,
			sleep:               c.sleep,
			logger:              c.logger,
		},
		// IMS token endpoints never redirect; following a redirect could
		// forward credentials somewhere unexpected.
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
	}
}

// RoundTrip implements [http.RoundTripper].
func (t *retryTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	parent := req.Context()
	var transient, limited int
	for attempt := 1; ; attempt++ {
		ctx, cancel := context.WithTimeout(parent, t.timeout)
		r := req.Clone(ctx)
		if attempt > 1 && req.GetBody != nil {
			body, err := req.GetBody()
			if err != nil {
				cancel()
				return nil, &NetworkError{Attempts: attempt - 1, err: err}
			}
			r.Body = body
		}
		resp, err := t.base.RoundTrip(r)

		var wait time.Duration
		switch {
		case err != nil:
			cancel()
			if parent.Err() != nil || transient >= t.maxRetries || retry.Permanent(err) || (attempt > 1 && req.GetBody == nil && req.Body != nil) {
				t.log(parent, slog.LevelWarn, "ims request failed", req, attempt, 0, err)
				return nil, &NetworkError{Attempts: attempt, err: errors.Join(parent.Err(), err)}
			}
			transient++
			wait = backoff(transient)
		case resp.StatusCode == http.StatusTooManyRequests:
			retryAfter, _ := retry.ParseRetryAfter(resp.Header.Get("Retry-After"), t.now())
			discard(resp)
			cancel()
			if limited >= t.maxRateLimitRetries || retryAfter > t.timeout {
				t.log(parent, slog.LevelWarn, "ims rate limited", req, attempt, resp.StatusCode, nil)
				return nil, &RateLimitError{RetryAfter: retryAfter, Attempts: attempt}
			}
			limited++
			wait = retryAfter
			if wait <= 0 {
				wait = backoff(limited)
			}
		case resp.StatusCode >= 500 || resp.StatusCode == http.StatusRequestTimeout:
			discard(resp)
			cancel()
			if transient >= t.maxRetries {
				t.log(parent, slog.LevelWarn, "ims unavailable", req, attempt, resp.StatusCode, nil)
				return nil, &NetworkError{Attempts: attempt, StatusCode: resp.StatusCode}
			}
			transient++
			wait = backoff(transient)
		default:
			t.log(parent, slog.LevelDebug, "ims response", req, attempt, resp.StatusCode, nil)
			resp.Body = &cancelOnClose{ReadCloser: resp.Body, cancel: cancel}
			return resp, nil
		}

		t.logger.LogAttrs(parent, slog.LevelDebug, "retrying ims request",
			slog.String("path", req.URL.Path), slog.Int("attempt", attempt), slog.Duration("wait", wait))
		if err := t.sleep(parent, wait); err != nil {
			return nil, &NetworkError{Attempts: attempt, err: err}
		}
	}
}

func (t *retryTransport) log(ctx context.Context, level slog.Level, msg string, req *http.Request, attempt, status int, err error) {
	attrs := []slog.Attr{
		slog.String("method", req.Method),
		slog.String("path", req.URL.Path),
		slog.Int("attempt", attempt),
	}
	if status != 0 {
		attrs = append(attrs, slog.Int("status", status))
	}
	if err != nil {
		// Transport errors name the URL, never the form body or headers.
		attrs = append(attrs, slog.String("error", err.Error()))
	}
	t.logger.LogAttrs(ctx, level, msg, attrs...)
}

func discard(resp *http.Response) {
	_, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10))
	_ = resp.Body.Close()
}

// cancelOnClose releases the per-attempt context once the body is consumed.
type cancelOnClose struct {
	io.ReadCloser
	cancel context.CancelFunc
}

func (c *cancelOnClose) Close() error {
	err := c.ReadCloser.Close()
	c.cancel()
	return err
}
