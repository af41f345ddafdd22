package frameio

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/frameio-go/frameio-go/internal/redact"
)

// FuzzErrorBody feeds arbitrary error bodies, with the request's token
// spliced in anywhere (and echoed in a header), to the parser of non-2xx
// responses. It must never panic, never keep or print the token (%v, %+v,
// %#v), keep at most maxErrorBody bytes, and parse "errors" exactly as
// encoding/json does on the scrubbed body.
func FuzzErrorBody(f *testing.F) {
	f.Add([]byte(`{"errors":[{"title":"Invalid","detail":"bad token ","source":{"pointer":"/data/x"}}]}`), 60, 422)
	f.Add([]byte(`{"errors":[{"detail":"`), 12, 401)
	f.Add([]byte("<html>Bad Gateway</html>"), 6, 502)
	f.Add([]byte(`{"errors":"not a list"}`), 0, 400)
	f.Add([]byte(`{"errors":[{"source":{"parameter":"page_size"}}]}`), 3, 400)
	f.Add(bytes.Repeat([]byte("x"), maxErrorBody+10), maxErrorBody-12, 500) // the token straddles the cut
	f.Fuzz(func(t *testing.T, body []byte, at, status int) {
		if status < 100 || status > 999 {
			status = 400
		}
		at = min(max(at, 0), len(body))
		full := append(append(append([]byte{}, body[:at]...), testToken...), body[at:]...)
		resp := &http.Response{StatusCode: status, Header: http.Header{
			"X-Request-Id": {"req-" + testToken},
			"X-Other":      {string(body)},
		}}
		e := newAPIError(http.MethodGet, "https://api.frame.io/v4/x", resp, full, 1, redact.Secrets{}.Add(testToken))

		if len(e.Body) > maxErrorBody {
			t.Fatalf("kept %d bytes, more than %d", len(e.Body), maxErrorBody)
		}
		printed := fmt.Sprintf("%v\n%+v\n%#v\n%s", e, e, e, e.Body)
		for k, vs := range e.Header {
			printed += k + strings.Join(vs, ",")
		}
		// The token may only appear where the fuzzer's own bytes spell it
		// out around a redaction (impossible for this token's alphabet).
		if strings.Contains(printed, testToken) {
			t.Fatalf("token printed:\n%s", printed)
		}
		// Nor is a piece of it left where the body was cut.
		if half := testToken[:len(testToken)/2]; bytes.Contains(e.Body, []byte(half)) && !bytes.Contains(body, []byte(half)) {
			t.Fatalf("part of the token kept: %q", e.Body[max(0, len(e.Body)-40):])
		}
		var parsed struct {
			Errors []ErrorDetail `json:"errors"`
		}
		if json.Unmarshal(e.Body, &parsed) == nil {
			if len(parsed.Errors) != len(e.Errors) {
				t.Fatalf("parsed %d details, kept %d", len(parsed.Errors), len(e.Errors))
			}
		} else if len(e.Errors) != 0 {
			t.Fatalf("details kept from a body that does not parse")
		}
		if msg := e.Error(); !utf8.ValidString(msg) && utf8.Valid(full) {
			t.Fatalf("message of a UTF-8 body is not UTF-8: %q", msg)
		}
	})
}
