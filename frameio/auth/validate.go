package auth

import (
	"net/url"
	"strings"
)

// validate checks what no single option can: the client ID and the IMS
// base URL (its scheme depends on WithInsecureHTTP). It returns the
// normalized IMS base URL.
func (c *config) validate(clientID string) (string, error) {
	if strings.TrimSpace(clientID) == "" {
		return "", &ConfigError{Field: "clientID", Reason: "must not be empty"}
	}
	u, err := url.Parse(c.imsBaseURL)
	if err != nil || u.Host == "" || u.RawQuery != "" || u.Fragment != "" || u.User != nil {
		return "", &ConfigError{Field: "imsBaseURL", Reason: "must be an absolute URL without query, fragment or user info"}
	}
	switch u.Scheme {
	case "https":
	case "http":
		if !c.insecureHTTP {
			return "", &ConfigError{Field: "imsBaseURL", Reason: "must use https (WithInsecureHTTP allows http for tests)"}
		}
	default:
		return "", &ConfigError{Field: "imsBaseURL", Reason: "must use https"}
	}
	return strings.TrimRight(u.String(), "/"), nil
}

func validateSecret(secret string) error {
	if strings.TrimSpace(secret) == "" {
		return &ConfigError{Field: "clientSecret", Reason: "must not be empty"}
	}
	return nil
}

type redirectKind int

const (
	redirectWeb    redirectKind = iota // https, or http on a loopback host
	redirectNative                     // adobe+...:// scheme, or http on a loopback host
)

// validateRedirect checks a redirect URI. HTTPS is required except for
// loopback hosts (RFC 8252 section 7.3) and, for native apps, the
// adobe+<id> custom scheme Adobe assigns to Native App credentials.
func validateRedirect(raw string, kind redirectKind) error {
	u, err := url.Parse(raw)
	if err != nil || !u.IsAbs() || u.Fragment != "" {
		return &ConfigError{Field: "redirectURI", Reason: "must be an absolute URI without fragment"}
	}
	scheme := strings.ToLower(u.Scheme)
	switch {
	case scheme == "http" && isLoopbackHost(u.Hostname()):
		return nil
	case kind == redirectWeb && scheme == "https" && u.Host != "":
		return nil
	case kind == redirectNative && strings.HasPrefix(scheme, "adobe+") && len(scheme) > len("adobe+"):
		return nil
	case kind == redirectNative:
		return &ConfigError{Field: "redirectURI", Reason: "must use an adobe+...:// scheme or a loopback http URI"}
	default:
		return &ConfigError{Field: "redirectURI", Reason: "must use https, or http on 127.0.0.1, localhost or [::1]"}
	}
}

func isLoopbackHost(host string) bool {
	switch strings.ToLower(host) {
	case "127.0.0.1", "localhost", "::1":
		return true
	}
	return false
}
