package transfer

import (
	"context"
	"errors"
	"net/http"
	"net/url"
	"time"

	"github.com/frameio-go/frameio-go/internal/retry"
)

// retryDelay is the wait before retry n (0 for the first): base<<n capped
// at retryMax, plus up to jitter of it.
func (c *config) retryDelay(n int) time.Duration {
	return retry.Jitter(retry.Backoff(c.retryBase, n, c.retryMax), c.jitter, nil)
}

// retryable reports whether a failed object-store attempt is worth
// another: by its status when a response came (status != 0), else by the
// transport error err. Part uploads and download spans both ask it.
func retryable(ctx context.Context, status int, err error) bool {
	if status == 0 {
		return retryableError(ctx, err)
	}
	return retryableStatus(status)
}

// retryableStatus reports whether an object store status is worth a retry:
// 408, 429 and 5xx except 501 and 505.
func retryableStatus(code int) bool {
	if retry.PermanentStatus(code) {
		return false
	}
	return code == http.StatusRequestTimeout || code == http.StatusTooManyRequests || code >= 500
}

// retryableError reports whether a transport error is worth a retry: every
// error except a cancelled or expired caller context and the failures a
// retry cannot fix (retry.Permanent: certificates, TLS, unknown hosts).
func retryableError(ctx context.Context, err error) bool {
	if ctx.Err() != nil || retry.Permanent(err) {
		return false
	}
	var uerr *url.Error
	if errors.As(err, &uerr) && errors.Is(uerr.Err, context.Canceled) {
		return false
	}
	return true
}
