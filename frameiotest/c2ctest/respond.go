package c2ctest

import (
	"encoding/json"
	"encoding/xml"
	"net/http"

	"github.com/frameio-go/frameio-go/frameio/c2c"
)

// semver reports whether v matches the x-client-version pattern of
// api/c2c.codegen.yaml; the client's own check (c2c.ValidVersion) is the
// one copy of it.
func semver(v string) bool { return c2c.ValidVersion(v) == nil }

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}

// SimpleError is the guides' simple error body, {"error": message}.
func SimpleError(message string) string {
	b, _ := json.Marshal(simple(message))
	return string(b)
}

// DetailedError is the guides' detailed error body: {"code": status,
// "errors": [{"code", "detail", "status", "title": message}], "message"}.
func DetailedError(status int, message, detail string) string {
	b, _ := json.Marshal(detailed(status, message, detail))
	return string(b)
}

func simple(message string) map[string]string { return map[string]string{"error": message} }

func detailed(status int, message, detail string) map[string]any {
	return map[string]any{"code": status, "message": message,
		"errors": []map[string]any{{"code": status, "status": status, "title": message, "detail": detail}}}
}

// S3Error is an object-store error body in AWS's XML format.
func S3Error(code, message string) string {
	b, _ := xml.Marshal(struct {
		XMLName   xml.Name `xml:"Error"`
		Code      string
		Message   string
		RequestID string `xml:"RequestId"`
	}{Code: code, Message: message, RequestID: randomHex(8)})
	return xml.Header + string(b)
}

func writeS3(w http.ResponseWriter, status int, code, message string) {
	w.Header().Set("Content-Type", "application/xml")
	w.WriteHeader(status)
	_, _ = w.Write([]byte(S3Error(code, message)))
}
