package webhook_test

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"math"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/frameio-go/frameio-go/frameio/webhook"
	"github.com/frameio-go/frameio-go/internal/testutil"
)

func TestVerify(t *testing.T) {
	body := vectorBody
	valid := func() http.Header { return signedHeader(testSecret, testNow, body) }
	with := func(key, value string) http.Header {
		h := valid()
		h.Set(key, value)
		return h
	}
	without := func(key string) http.Header {
		h := valid()
		h.Del(key)
		return h
	}
	mac := strings.TrimPrefix(valid().Get(webhook.HeaderSignature), "v0=")

	tests := []struct {
		name   string
		header http.Header
		body   []byte
		want   error // nil means success
	}{
		{name: "valid", header: valid(), body: body},
		{name: "valid uppercase hex", header: with(webhook.HeaderSignature, "v0="+strings.ToUpper(mac)), body: body},
		{name: "valid at past edge of tolerance", header: signedHeader(testSecret, testNow.Add(-5*time.Minute), body), body: body},
		{name: "valid at future edge of tolerance", header: signedHeader(testSecret, testNow.Add(5*time.Minute), body), body: body},
		{name: "tampered body", header: valid(), body: append(bytes.Clone(body), ' '), want: webhook.ErrSignatureMismatch},
		{name: "wrong secret", header: signedHeader("other-secret", testNow, body), body: body, want: webhook.ErrSignatureMismatch},
		{name: "signature of other timestamp", header: with(webhook.HeaderTimestamp, "1604004498"), body: body, want: webhook.ErrSignatureMismatch},
		{name: "stale", header: signedHeader(testSecret, testNow.Add(-5*time.Minute-time.Second), body), body: body, want: webhook.ErrTimestampExpired},
		{name: "very stale", header: signedHeader(testSecret, time.Unix(0, 0), body), body: body, want: webhook.ErrTimestampExpired},
		{name: "future", header: signedHeader(testSecret, testNow.Add(5*time.Minute+time.Second), body), body: body, want: webhook.ErrTimestampInFuture},
		{name: "missing timestamp", header: without(webhook.HeaderTimestamp), body: body, want: webhook.ErrMissingTimestamp},
		{name: "empty timestamp", header: with(webhook.HeaderTimestamp, ""), body: body, want: webhook.ErrMissingTimestamp},
		{name: "missing signature", header: without(webhook.HeaderSignature), body: body, want: webhook.ErrMissingSignature},
		{name: "no headers", header: http.Header{}, body: body, want: webhook.ErrMissingTimestamp},
		{name: "timestamp not a number", header: with(webhook.HeaderTimestamp, "yesterday"), body: body, want: webhook.ErrMalformedTimestamp},
		{name: "timestamp with sign", header: with(webhook.HeaderTimestamp, "+1604004499"), body: body, want: webhook.ErrMalformedTimestamp},
		{name: "timestamp negative", header: with(webhook.HeaderTimestamp, "-1"), body: body, want: webhook.ErrMalformedTimestamp},
		{name: "timestamp fractional", header: with(webhook.HeaderTimestamp, "1604004499.5"), body: body, want: webhook.ErrMalformedTimestamp},
		{name: "timestamp with space", header: with(webhook.HeaderTimestamp, " 1604004499"), body: body, want: webhook.ErrMalformedTimestamp},
		{name: "timestamp overflow", header: with(webhook.HeaderTimestamp, "99999999999999999999"), body: body, want: webhook.ErrMalformedTimestamp},
		{name: "signature without version", header: with(webhook.HeaderSignature, mac), body: body, want: webhook.ErrMalformedSignature},
		{name: "signature not hex", header: with(webhook.HeaderSignature, "v0="+strings.Repeat("z", 64)), body: body, want: webhook.ErrMalformedSignature},
		{name: "signature truncated", header: with(webhook.HeaderSignature, "v0="+mac[:62]), body: body, want: webhook.ErrMalformedSignature},
		{name: "signature odd length", header: with(webhook.HeaderSignature, "v0="+mac[:63]), body: body, want: webhook.ErrMalformedSignature},
		{name: "signature too long", header: with(webhook.HeaderSignature, "v0="+mac+"00"), body: body, want: webhook.ErrMalformedSignature},
		{name: "signature empty digest", header: with(webhook.HeaderSignature, "v0="), body: body, want: webhook.ErrMalformedSignature},
		{name: "signature garbage version", header: with(webhook.HeaderSignature, "sha256="+mac), body: body, want: webhook.ErrMalformedSignature},
		{name: "signature two values", header: with(webhook.HeaderSignature, "v0="+mac+",v0="+mac), body: body, want: webhook.ErrMalformedSignature},
		{name: "version v1", header: with(webhook.HeaderSignature, "v1="+mac), body: body, want: webhook.ErrUnsupportedVersion},
		{name: "version v1 other digest", header: with(webhook.HeaderSignature, "v1=c2lnbmF0dXJl"), body: body, want: webhook.ErrUnsupportedVersion},
		{name: "version V0 uppercase", header: with(webhook.HeaderSignature, "V0="+mac), body: body, want: webhook.ErrMalformedSignature},
	}
	v := newVerifier(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := v.Verify(tt.header, tt.body)
			if tt.want == nil {
				require.NoError(t, err)
				return
			}
			require.ErrorIs(t, err, tt.want)
			var verr *webhook.VerificationError
			require.ErrorAs(t, err, &verr)
			assert.Equal(t, tt.want, verr.Reason)
			assert.Equal(t, http.StatusUnauthorized, webhook.StatusCode(err))
			for _, other := range []error{
				webhook.ErrMissingTimestamp, webhook.ErrMissingSignature, webhook.ErrMalformedTimestamp,
				webhook.ErrMalformedSignature, webhook.ErrUnsupportedVersion, webhook.ErrTimestampExpired,
				webhook.ErrTimestampInFuture, webhook.ErrSignatureMismatch, webhook.ErrBodyTooLarge,
			} {
				if other != tt.want {
					assert.NotErrorIs(t, err, other, "errors must be distinguishable")
				}
			}
		})
	}
}

func TestVerifyTimestampErrorDetails(t *testing.T) {
	err := newVerifier(t).Verify(signedHeader(testSecret, testNow.Add(-time.Hour), vectorBody), vectorBody)
	var verr *webhook.VerificationError
	require.ErrorAs(t, err, &verr)
	assert.Equal(t, testNow.Add(-time.Hour), verr.Timestamp)
	assert.Equal(t, testNow, verr.Now)
	assert.Contains(t, err.Error(), "too old")
	assert.Contains(t, err.Error(), "1604000899")
}

func TestVerifyTolerance(t *testing.T) {
	v := newVerifier(t, webhook.WithTolerance(30*time.Second))
	assert.NoError(t, v.Verify(signedHeader(testSecret, testNow.Add(-30*time.Second), vectorBody), vectorBody))
	assert.ErrorIs(t, v.Verify(signedHeader(testSecret, testNow.Add(-31*time.Second), vectorBody), vectorBody), webhook.ErrTimestampExpired)
	assert.ErrorIs(t, v.Verify(signedHeader(testSecret, testNow.Add(31*time.Second), vectorBody), vectorBody), webhook.ErrTimestampInFuture)
}

func TestVerifyClockIsUsed(t *testing.T) {
	now := testNow
	v, err := webhook.NewVerifier([]string{testSecret}, webhook.WithClock(func() time.Time { return now }))
	require.NoError(t, err)
	h := signedHeader(testSecret, testNow, vectorBody)
	require.NoError(t, v.Verify(h, vectorBody))
	now = now.Add(6 * time.Minute) // replaying the same request later
	assert.ErrorIs(t, v.Verify(h, vectorBody), webhook.ErrTimestampExpired)
}

func TestVerifyRotation(t *testing.T) {
	v, err := webhook.NewVerifier([]string{"new-secret", "old-secret"}, webhook.WithClock(fixedClock(testNow)))
	require.NoError(t, err)
	assert.NoError(t, v.Verify(signedHeader("new-secret", testNow, vectorBody), vectorBody))
	assert.NoError(t, v.Verify(signedHeader("old-secret", testNow, vectorBody), vectorBody))
	assert.ErrorIs(t, v.Verify(signedHeader("retired-secret", testNow, vectorBody), vectorBody), webhook.ErrSignatureMismatch)
}

func TestVerifyOversizedBody(t *testing.T) {
	v := newVerifier(t, webhook.WithMaxBodySize(16))
	body := bytes.Repeat([]byte("a"), 17)
	err := v.Verify(signedHeader(testSecret, testNow, body), body)
	require.ErrorIs(t, err, webhook.ErrBodyTooLarge)
	assert.Equal(t, http.StatusRequestEntityTooLarge, webhook.StatusCode(err))
	assert.False(t, errors.As(err, new(*webhook.VerificationError)), "oversize is not an authentication failure")

	body = body[:16]
	assert.NoError(t, v.Verify(signedHeader(testSecret, testNow, body), body))
}

func TestNewVerifierValidation(t *testing.T) {
	_, err := webhook.NewVerifier(nil)
	assert.ErrorIs(t, err, webhook.ErrNoSecret)
	_, err = webhook.NewVerifier([]string{"ok", ""})
	assert.ErrorIs(t, err, webhook.ErrNoSecret)
	_, err = webhook.NewVerifier([]string{"ok"}, webhook.WithTolerance(0))
	assert.ErrorContains(t, err, "tolerance")
	_, err = webhook.NewVerifier([]string{"ok"}, webhook.WithMaxBodySize(-1))
	assert.ErrorContains(t, err, "body size")
	_, err = webhook.NewVerifier([]string{"ok"}, webhook.WithClock(nil))
	assert.ErrorContains(t, err, "clock")

	v, err := webhook.NewVerifier([]string{"ok"})
	require.NoError(t, err)
	assert.Equal(t, webhook.DefaultMaxBodySize, v.MaxBodySize())
	assert.EqualValues(t, 1<<20, v.MaxBodySize())
}

func newRequest(t *testing.T, header http.Header, body io.Reader) *http.Request {
	t.Helper()
	r := httptest.NewRequestWithContext(t.Context(), http.MethodPost, "/hook", body)
	for k, vs := range header {
		r.Header[k] = vs
	}
	return r
}

func TestVerifyRequest(t *testing.T) {
	v := newVerifier(t)

	t.Run("returns body", func(t *testing.T) {
		got, err := v.VerifyRequest(newRequest(t, signedHeader(testSecret, testNow, vectorBody), bytes.NewReader(vectorBody)))
		require.NoError(t, err)
		assert.Equal(t, vectorBody, got)
	})
	t.Run("empty body", func(t *testing.T) {
		r := newRequest(t, signedHeader(testSecret, testNow, nil), nil)
		got, err := v.VerifyRequest(r)
		require.NoError(t, err)
		assert.Empty(t, got)
	})
	t.Run("tampered body", func(t *testing.T) {
		got, err := v.VerifyRequest(newRequest(t, signedHeader(testSecret, testNow, vectorBody), strings.NewReader("{}")))
		assert.ErrorIs(t, err, webhook.ErrSignatureMismatch)
		assert.Nil(t, got)
	})
	t.Run("headers checked before body is read", func(t *testing.T) {
		r := newRequest(t, http.Header{}, &failingReader{})
		_, err := v.VerifyRequest(r)
		assert.ErrorIs(t, err, webhook.ErrMissingTimestamp)
	})
	t.Run("read error", func(t *testing.T) {
		r := newRequest(t, signedHeader(testSecret, testNow, vectorBody), &failingReader{})
		_, err := v.VerifyRequest(r)
		require.ErrorIs(t, err, errBoom)
		assert.Contains(t, err.Error(), "reading request body")
		assert.Equal(t, http.StatusBadRequest, webhook.StatusCode(err))
	})
}

func TestVerifyRequestOversized(t *testing.T) {
	v := newVerifier(t, webhook.WithMaxBodySize(16))
	body := bytes.Repeat([]byte("a"), 17)
	h := signedHeader(testSecret, testNow, body)

	t.Run("declared length", func(t *testing.T) {
		r := newRequest(t, h, bytes.NewReader(body))
		require.EqualValues(t, 17, r.ContentLength)
		_, err := v.VerifyRequest(r)
		assert.ErrorIs(t, err, webhook.ErrBodyTooLarge)
	})
	t.Run("unknown length", func(t *testing.T) {
		r := newRequest(t, h, io.MultiReader(bytes.NewReader(body))) // hides the length
		require.EqualValues(t, -1, r.ContentLength)
		_, err := v.VerifyRequest(r)
		assert.ErrorIs(t, err, webhook.ErrBodyTooLarge)
	})
	t.Run("outer MaxBytesReader", func(t *testing.T) {
		r := newRequest(t, h, io.MultiReader(bytes.NewReader(body)))
		r.Body = http.MaxBytesReader(httptest.NewRecorder(), r.Body, 4)
		_, err := v.VerifyRequest(r)
		assert.ErrorIs(t, err, webhook.ErrBodyTooLarge)
		assert.Equal(t, http.StatusRequestEntityTooLarge, webhook.StatusCode(err))
	})
	t.Run("exactly at limit", func(t *testing.T) {
		ok := body[:16]
		got, err := v.VerifyRequest(newRequest(t, signedHeader(testSecret, testNow, ok), io.MultiReader(bytes.NewReader(ok))))
		require.NoError(t, err)
		assert.Equal(t, ok, got)
	})
	t.Run("no limit overflow", func(t *testing.T) {
		v := newVerifier(t, webhook.WithMaxBodySize(math.MaxInt64))
		got, err := v.VerifyRequest(newRequest(t, h, io.MultiReader(bytes.NewReader(body))))
		require.NoError(t, err)
		assert.Equal(t, body, got)
	})
}

var errBoom = errors.New("boom")

type failingReader struct{}

func (*failingReader) Read([]byte) (int, error) { return 0, errBoom }

func TestStatusCode(t *testing.T) {
	assert.Equal(t, http.StatusOK, webhook.StatusCode(nil))
	assert.Equal(t, http.StatusInternalServerError, webhook.StatusCode(errBoom))
	_, err := webhook.DecodeEvent([]byte("nope"))
	assert.Equal(t, http.StatusBadRequest, webhook.StatusCode(err))
}

// A Verifier printed by mistake (fmt, slog) does not show its secrets.
func TestVerifierNeverPrintsSecrets(t *testing.T) {
	const secret = "whsec-SECRET-5a4b3c2d1e"
	v, err := webhook.NewVerifier([]string{secret, secret + "-old"})
	require.NoError(t, err)
	out := testutil.PrintValue(v) + testutil.PrintValue(*v) + fmt.Sprintf("%s", v)
	assert.NotContains(t, out, secret)
	assert.NotContains(t, out, fmt.Sprint([]byte(secret)))
	assert.Contains(t, out, "2 secrets")
}

// TestNewVerifierReportsEveryProblem: bad options and bad secrets are all
// reported by the one call.
func TestNewVerifierReportsEveryProblem(t *testing.T) {
	_, err := webhook.NewVerifier([]string{""}, webhook.WithTolerance(-time.Second), webhook.WithMaxBodySize(0), webhook.WithClock(nil))
	require.ErrorIs(t, err, webhook.ErrNoSecret)
	for _, want := range []string{"secret 0 is empty", "webhook: WithTolerance: the tolerance must be positive, got -1s",
		"webhook: WithMaxBodySize: the max body size must be positive, got 0", "webhook: WithClock: the clock must not be nil"} {
		assert.ErrorContains(t, err, want)
	}
	_, err = webhook.NewVerifier([]string{"ok"}, webhook.Option(nil))
	assert.NoError(t, err, "a nil option is skipped")
}
