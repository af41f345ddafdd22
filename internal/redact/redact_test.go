package redact

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/url"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestScrub(t *testing.T) {
	s := Secrets{}.Add("", "tok-123456", "123456789")
	assert.Equal(t, "a [REDACTED] b", s.Scrub("a tok-123456 b"))
	assert.Equal(t, "[REDACTED]x[REDACTED]", s.Scrub("tok-123456xtok-123456"))
	// Overlapping occurrences leave no fragment behind.
	assert.Equal(t, "[REDACTED]9 c", Secrets{"tok-1234", "1234567"}.Scrub("tok-12345679 c"))
	assert.Equal(t, "nothing here", s.Scrub("nothing here"))
	assert.Equal(t, "", s.Scrub(""))
	assert.Equal(t, "x", Secrets(nil).Scrub("x"))
	b := []byte("clean")
	assert.Same(t, &b[0], &s.ScrubBytes(b)[0], "clean bytes are not copied")
	assert.Equal(t, "[REDACTED]", string(s.ScrubBytes([]byte("tok-123456"))))
	assert.True(t, s.In("xx123456789"))
	assert.False(t, s.In("12345678"))
}

func TestSensitiveParam(t *testing.T) {
	for _, n := range []string{"X-Amz-Signature", "x-amz-credential", "X-Amz-Security-Token", "access_token",
		"code", "client_secret", "api_key", "sig", "Signature", "Policy", "Key-Pair-Id", "X-Goog-Signature", "password"} {
		assert.True(t, SensitiveParam(n), n)
	}
	for _, n := range []string{"after", "page_size", "include", "X-Amz-Date", "X-Amz-Expires", "X-Amz-Algorithm", "codec"} {
		assert.False(t, SensitiveParam(n), n)
	}
}

func TestFromURL(t *testing.T) {
	raw := "https://s3.example/b/k?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIAEXAMPLEKEY%2F20260101%2Fus-east-1%2Fs3%2Faws4_request" +
		"&X-Amz-Date=20260101T000000Z&X-Amz-Signature=deadbeefdeadbeef&sig=short#frag"
	s := FromURL(raw)
	assert.ElementsMatch(t, Secrets{
		"AKIAEXAMPLEKEY%2F20260101%2Fus-east-1%2Fs3%2Faws4_request",
		"AKIAEXAMPLEKEY/20260101/us-east-1/s3/aws4_request",
		"AKIAEXAMPLEKEY",
		"deadbeefdeadbeef",
	}, s)
	assert.Nil(t, FromURL("https://h/p"))
}

func TestStripQuery(t *testing.T) {
	assert.Equal(t, "https://h/p", StripQuery("https://user:pw@h/p?X-Amz-Signature=s#f"))
	assert.Equal(t, "(invalid URL)", StripQuery("http://h/\x7f?sig=x"))
}

func TestErr(t *testing.T) {
	s := FromURL("http://h/p?X-Amz-Signature=0123456789abcdef")
	assert.Nil(t, s.Err(nil))
	inner := &net.OpError{Op: "read", Net: "tcp", Err: errors.New("connection reset")}
	ue := &url.Error{Op: "Put", URL: "http://h/p?X-Amz-Signature=0123456789abcdef", Err: inner}
	got := s.Err(ue)
	assert.Equal(t, `Put "http://h/p": read tcp: connection reset`, got.Error())
	assert.NotContains(t, fmt.Sprintf("%#v", got), "0123456789abcdef")
	var op *net.OpError
	assert.ErrorAs(t, got, &op)
	assert.Equal(t, "http://h/p?X-Amz-Signature=0123456789abcdef", ue.URL, "the original is not changed")

	echo := fmt.Errorf("server said 0123456789abcdef: %w", context.Canceled)
	got = s.Err(echo)
	assert.Equal(t, "server said [REDACTED]: context canceled", got.Error())
	assert.ErrorIs(t, got, context.Canceled)
	assert.Nil(t, errors.Unwrap(got), "a scrubbed error does not hand out the original to chain walkers")
	plain := errors.New("plain")
	assert.Same(t, plain, s.Err(plain))
}

func TestScrubCut(t *testing.T) {
	s := Secrets{"tok-0123456789"}
	assert.Equal(t, `{"a":"[REDACTED]`, string(s.ScrubCut([]byte(`{"a":"tok-01234`))))
	assert.Equal(t, `x [REDACTED] y`, string(s.ScrubCut([]byte(`x tok-0123456789 y`))))
	assert.Equal(t, `ends tok`, string(s.ScrubCut([]byte(`ends tok`))), "shorter than 4 bytes: kept")
	orig := []byte("abc tok-0123")
	_ = s.ScrubCut(orig[:8])
	assert.Equal(t, "abc tok-0123", string(orig), "the input is not written to")
	assert.Empty(t, s.ScrubCut(nil))
}

func TestURL(t *testing.T) {
	u, _ := url.Parse("https://user:pw@h/p?token=abc&keep=1&X-Amz-Signature=s&flag&after=g3Q%3D")
	assert.Equal(t, "https://h/p?token=REDACTED&keep=1&X-Amz-Signature=REDACTED&flag&after=g3Q%3D", URL(u), "cursors are kept byte for byte")
	assert.Equal(t, "", URL(nil))
	assert.Equal(t, "https://h/p?access%5Ftoken=REDACTED", RawURL("https://h/p?access%5Ftoken=abc"), "an encoded name is decoded before the check")
	assert.Equal(t, "(invalid URL)", RawURL("http://[::1"))
}

func TestParamName(t *testing.T) {
	assert.Equal(t, "page size", ParamName("page%20size=10"))
	assert.Equal(t, "flag", ParamName("flag"))
	assert.Equal(t, "%zz", ParamName("%zz=1"), "an undecodable name is kept as written")
}
