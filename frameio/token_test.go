package frameio

import (
	"context"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/oauth2"

	"github.com/frameio-go/frameio-go/frameio/auth"
)

// blockingTokenSource is a plain oauth2.TokenSource whose Token blocks until
// release is closed, like a source stuck on a slow identity server.
type blockingTokenSource struct{ release chan struct{} }

func (b blockingTokenSource) Token() (*oauth2.Token, error) {
	<-b.release
	return &oauth2.Token{AccessToken: testToken}, nil
}

// A slow identity server must not hold a call past its context: the wait
// for a token ends with the call's deadline, for a source with TokenContext
// (package auth) and for a plain oauth2.TokenSource alike.
func TestTokenFetchHonoursContext(t *testing.T) {
	release := make(chan struct{})
	ims := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		select { // a slow IMS: answers only when the test ends
		case <-release:
		case <-r.Context().Done():
		}
		w.WriteHeader(http.StatusServiceUnavailable)
	}))
	t.Cleanup(ims.Close)
	t.Cleanup(func() { close(release) })
	s2s, err := auth.NewServerToServer("id", "secret-0123456789", auth.WithIMSBaseURL(ims.URL), auth.WithInsecureHTTP(),
		auth.WithTimeout(2*time.Second), auth.WithMaxRetries(0))
	require.NoError(t, err)

	for name, ts := range map[string]oauth2.TokenSource{
		"context token source": s2s,
		"plain token source":   blockingTokenSource{release},
	} {
		t.Run(name, func(t *testing.T) {
			api := newTestEnv(t, status(200, `{}`), WithTokenSource(ts))
			ctx, cancel := context.WithTimeout(t.Context(), 200*time.Millisecond)
			defer cancel()
			start := time.Now()
			err := api.client.Do(ctx, http.MethodGet, "/v4/me", nil, nil)
			elapsed := time.Since(start)
			require.ErrorIs(t, err, context.DeadlineExceeded)
			_, ok := err.(*RequestError)
			assert.True(t, ok, "a cancelled token wait is a *RequestError like any cancellation: %T %v", err, err)
			assert.Less(t, elapsed, time.Second, "the call outlived its deadline")
			assert.Zero(t, api.hits.Load(), "no request without a token")
		})
	}
}
