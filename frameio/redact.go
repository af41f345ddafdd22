package frameio

import (
	"net/url"
	"strings"
)

// sensitiveParam reports whether a query parameter value must be hidden by
// redactURL.
func sensitiveParam(name string) bool {
	switch strings.ToLower(name) {
	case "access_token", "token", "refresh_token", "id_token", "client_secret",
		"code", "api_key", "apikey", "key", "signature", "sig",
		"x-amz-signature", "x-amz-credential", "x-amz-security-token":
		return true
	}
	return false
}

// redactURL renders u for errors and logs: user info is dropped and the
// values of sensitive query parameters are replaced by "REDACTED"; the rest
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
			if hasValue && sensitiveParam(queryParamName(p)) {
				parts[i] = k + "=REDACTED"
			}
		}
		c.RawQuery = strings.Join(parts, "&")
	}
	return c.String()
}
