package frameio

import (
	"net/url"
	"strings"

	"github.com/frameio-go/frameio-go/internal/redact"
)

// redactURL renders u for errors and logs: user info is dropped and the
// values of sensitive query parameters (redact.SensitiveParam: tokens,
// codes, secrets, keys, signatures) are replaced by "REDACTED"; the rest
// of the query is kept as written.
func redactURL(u *url.URL) string {
	if u == nil {
		return ""
	}
	c := *u
	c.User = nil
	if c.RawQuery != "" {
		parts := strings.Split(c.RawQuery, "&")
		for i, p := range parts {
			k, _, hasValue := strings.Cut(p, "=")
			if hasValue && redact.SensitiveParam(queryParamName(p)) {
				parts[i] = k + "=REDACTED"
			}
		}
		c.RawQuery = strings.Join(parts, "&")
	}
	return c.String()
}

// redactRawURL is redactURL for a URL given as a string, such as a
// links.next from the server.
func redactRawURL(raw string) string {
	u, err := url.Parse(raw)
	if err != nil {
		return "(invalid URL)"
	}
	return redactURL(u)
}
