package transfer

import (
	"context"
	"errors"
	"math/rand/v2"
	"net/http"
	"net/url"
	"time"

	"github.com/frameio-go/frameio-go/internal/neterr"
)

// retryDelay is the wait before retry n (0 for the first): base<<n capped
// at retryMax, plus up to jitter of it.
func (c *config) retryDelay(n int) time.Duration {
	d := c.retryBase
	for i := 0; i < n && d < c.retryMax; i++ {
		d *= 2
	}
	d = min(d, c.retryMax)
	if c.jitter > 0 && d > 0 {
		d += time.Duration(rand.Float64() * c.jitter * float64(d))
	}
	return d
}

// retryableStatus reports whether an object store status is worth a retry:
// 408, 429 and 5xx except 501 and 505.
func retryableStatus(code int) bool {
	if neterr.PermanentStatus(code) {
		return false
	}
	return code == http.StatusRequestTimeout || code == http.StatusTooManyRequests || code >= 500
}

// retryableError reports whether a transport error is worth a retry: every
// error except a cancelled or expired caller context and the failures a
// retry cannot fix (neterr.Permanent: certificates, TLS, unknown hosts).
func retryableError(ctx context.Context, err error) bool {
	if ctx.Err() != nil || neterr.Permanent(err) {
		return false
	}
	var uerr *url.Error
	if errors.As(err, &uerr) && errors.Is(uerr.Err, context.Canceled) {
		return false
	}
	return true
}
