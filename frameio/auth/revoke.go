package auth

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"log/slog"
	"net/http"
	"net/url"
	"strings"
	"sync"

	"github.com/frameio-go/frameio-go/internal/redact"
)

// revoker calls the IMS revocation endpoint: POST {base}{revokePath} with
// the form fields token and client_id, plus client_secret for confidential
// clients (the same placement IMS uses for client credentials).
type revoker struct {
	endpoint     string
	clientID     string
	clientSecret string
	client       *http.Client
	logger       *slog.Logger
}

// revokeAll revokes every non-empty token of tok in parallel, best effort.
// It returns the joined failures; callers have already cleared local state.
func (r *revoker) revokeAll(ctx context.Context, accessToken, refreshToken string) error {
	var (
		wg   sync.WaitGroup
		mu   sync.Mutex
		errs []error
	)
	for kind, token := range map[string]string{"access_token": accessToken, "refresh_token": refreshToken} {
		if token == "" {
			continue
		}
		wg.Go(func() {
			if err := r.revoke(ctx, kind, token); err != nil {
				r.logger.LogAttrs(ctx, slog.LevelWarn, "token revocation failed",
					slog.String("token_kind", kind), slog.String("error", err.Error()))
				mu.Lock()
				errs = append(errs, err)
				mu.Unlock()
				return
			}
			r.logger.LogAttrs(ctx, slog.LevelDebug, "token revoked", slog.String("token_kind", kind))
		})
	}
	wg.Wait()
	return errors.Join(errs...)
}

func (r *revoker) revoke(ctx context.Context, kind, token string) error {
	form := url.Values{"token": {token}, "client_id": {r.clientID}}
	if r.clientSecret != "" {
		form.Set("client_secret", r.clientSecret)
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, r.endpoint, strings.NewReader(form.Encode()))
	if err != nil {
		return &ConfigError{Field: "revokePath", Reason: "cannot build request"}
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	resp, err := r.client.Do(req)
	if err != nil {
		return classify(opRevoke, err, token, r.clientSecret)
	}
	defer resp.Body.Close()
	if resp.StatusCode >= 200 && resp.StatusCode < 300 {
		_, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10))
		return nil
	}
	var body struct {
		Error            string `json:"error"`
		ErrorDescription string `json:"error_description"`
	}
	_ = json.NewDecoder(io.LimitReader(resp.Body, 64<<10)).Decode(&body)
	s := redact.Secrets{}.Add(token, r.clientSecret) // should IMS echo them
	return &AuthenticationError{Op: opRevoke + " " + kind, StatusCode: resp.StatusCode, Code: s.Scrub(body.Error), Description: s.Scrub(body.ErrorDescription)}
}
