package transfer

import (
	"bytes"
	"context"
	"encoding/base64"
	"encoding/hex"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/frameio-go/frameio-go/internal/redact"
)

// FuzzPresignedRedaction sends part uploads and downloads, through real
// HTTP, to presigned URLs whose signature, credential and path the fuzzer
// chooses: to a store that answers 403 and echoes the query back as S3
// does in a SignatureDoesNotMatch body (after a fuzzed amount of text, so
// the secrets land anywhere around the excerpt's cut), and to a closed
// port (Go's *url.Error then prints the whole URL). No error (%v, %+v,
// %#v, whole chain) and no debug log line may hold the signature, the
// credential or its key id, whole, encoded or in part.
func FuzzPresignedRedaction(f *testing.F) {
	store := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		q := r.URL.Query()
		cred := q.Get("X-Amz-Credential")
		key, _, _ := strings.Cut(cred, "/")
		w.WriteHeader(http.StatusForbidden)
		fmt.Fprintf(w, "%s<Error><Code>SignatureDoesNotMatch</Code><AWSAccessKeyId>%s</AWSAccessKeyId>"+
			"<SignatureProvided>%s</SignatureProvided><CanonicalQueryString>%s</CanonicalQueryString></Error>",
			r.URL.Path, key, q.Get("X-Amz-Signature"), r.URL.RawQuery)
	}))
	f.Cleanup(store.Close)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		f.Fatal(err)
	}
	closed := "http://" + ln.Addr().String()
	_ = ln.Close()

	f.Add([]byte("0123456789abcdef0123456789abcdef"), false, "clip.mov")
	f.Add([]byte{0xfb, 0xff, 0xfe, 0x00, 0x01, 0x02, 0x03, 0x04, 0x05}, true, strings.Repeat("p", 170))
	f.Add([]byte("signature-bytes!"), true, "a/b?c=d&e")
	f.Fuzz(func(t *testing.T, sig []byte, std bool, name string) {
		enc := base64.RawURLEncoding
		if std {
			enc = base64.StdEncoding
		}
		secret := enc.EncodeToString(sig)
		key := "AKIA" + strings.ToUpper(hex.EncodeToString(sig[:min(len(sig), 8)]))
		credential := key + "/20260101/us-east-1/s3/aws4_request"
		forbidden := []string{secret, url.QueryEscape(secret), credential, url.QueryEscape(credential), key}
		if len(secret) >= 16 {
			forbidden = append(forbidden, secret[:len(secret)/2])
		}
		if len(secret) < redact.MinQueryValue || len(key) < redact.MinQueryValue {
			t.Skip("shorter than any real signature")
		}
		for _, s := range forbidden {
			if strings.Contains(name, s) || strings.Contains(url.PathEscape(name), s) || strings.Contains(redact.Placeholder, s) {
				t.Skip("the path spells the secret itself")
			}
		}
		query := "?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=" + url.QueryEscape(credential) +
			"&X-Amz-Signature=" + url.QueryEscape(secret)
		path := "/up/" + url.PathEscape(name)

		logs := &lockedBuffer{}
		cfg := defaultConfig(store.Client())
		cfg.maxRetries, cfg.jitter, cfg.logger = 1, 0, debugLoggers(logs)
		cfg.sleep = func(ctx context.Context, _ time.Duration) error { return ctx.Err() }
		cfg.stallTimeout = 0
		job := &uploadJob{cfg: &cfg, src: source{r: bytes.NewReader([]byte("0123456789")), size: 10, name: "f"}, mediaType: "video/mp4"}
		var printed strings.Builder
		for _, base := range []string{store.URL, closed} {
			raw := base + path + query
			parts := []part{{num: 1, size: 10, url: raw, secrets: redact.FromURL(raw)}}
			err := job.sendParts(t.Context(), parts)
			if err == nil {
				t.Fatalf("upload to %s succeeded", base)
			}
			printed.WriteString(printedError(&UploadError{FileID: "f", Name: "f", Err: err}))
			printed.WriteString(printedError(&FileError{Path: "p", Err: err}))
			_, _, err = fetch(t.Context(), &cfg, raw, -1, &bytes.Buffer{})
			if err == nil {
				t.Fatalf("download from %s succeeded", base)
			}
			printed.WriteString(printedError(err))
		}
		out := printed.String() + logs.String()
		for _, s := range forbidden {
			if strings.Contains(out, s) {
				t.Fatalf("%q printed:\n%s", s, out)
			}
		}
	})
}
