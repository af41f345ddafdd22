// Package redact hides secrets in text meant for error strings and log
// lines: bearer tokens, presigned URL signatures and credentials, codes.
//
// Two tools: Secrets scrubs known secret strings out of free text (response
// bodies, wrapped error messages), and the URL helpers render URLs without
// their credentials. The SDK packages use both, so that a secret is hidden
// whether it travels in a URL or is echoed back in a body.
package redact

import (
	"errors"
	"net/url"
	"strings"
)

// Placeholder replaces every hidden secret.
const Placeholder = "[REDACTED]"

// MinQueryValue is the shortest query parameter value FromURL treats as a
// secret: shorter values would match ordinary words of the text scrubbed.
// URLs themselves are redacted structurally, whatever the length.
const MinQueryValue = 8

// Secrets is a list of secret strings to hide. The zero value hides
// nothing. A secret that contains "[" or "]" or is part of Placeholder
// cannot be told apart from the placeholder; real tokens and signatures
// (hex, base64, percent-encoded) never are.
type Secrets []string

// Add returns s with each non-empty secret appended.
func (s Secrets) Add(secrets ...string) Secrets {
	for _, v := range secrets {
		if v != "" {
			s = append(s, v)
		}
	}
	return s
}

// Scrub returns text with every occurrence of every secret replaced by
// Placeholder. Overlapping or adjacent occurrences become one placeholder,
// so no part of a secret survives next to another one.
func (s Secrets) Scrub(text string) string {
	covered := s.cover(text)
	if covered == nil {
		return text
	}
	var b strings.Builder
	b.Grow(len(text))
	for i := 0; i < len(text); {
		start := i
		if covered[i] {
			for i < len(text) && covered[i] {
				i++
			}
			b.WriteString(Placeholder)
			continue
		}
		for i < len(text) && !covered[i] {
			i++
		}
		b.WriteString(text[start:i])
	}
	return b.String()
}

// ScrubBytes is Scrub for a byte slice. It returns b itself when b holds no
// secret, and a new slice otherwise.
func (s Secrets) ScrubBytes(b []byte) []byte {
	if !s.In(string(b)) {
		return b
	}
	return []byte(s.Scrub(string(b)))
}

// ScrubCut is ScrubBytes for text that may have been cut short (a body
// cut off by the network or by a size limit): a trailing fragment of at
// least 4 bytes that starts a secret is hidden too.
func (s Secrets) ScrubCut(b []byte) []byte {
	b = s.ScrubBytes(b)
	for _, v := range s {
		for n := min(len(v)-1, len(b)); n >= 4; n-- {
			if string(b[len(b)-n:]) == v[:n] {
				return append(b[:len(b)-n:len(b)-n], Placeholder...)
			}
		}
	}
	return b
}

// In reports whether text contains any of the secrets.
func (s Secrets) In(text string) bool {
	for _, v := range s {
		if v != "" && strings.Contains(text, v) {
			return true
		}
	}
	return false
}

// cover marks the bytes of text that belong to an occurrence of a secret;
// it is nil when there is none.
func (s Secrets) cover(text string) []bool {
	var covered []bool
	for _, v := range s {
		if v == "" {
			continue
		}
		for i := 0; i+len(v) <= len(text); {
			j := strings.Index(text[i:], v)
			if j < 0 {
				break
			}
			if covered == nil {
				covered = make([]bool, len(text))
			}
			for k := i + j; k < i+j+len(v); k++ {
				covered[k] = true
			}
			i += j + 1
		}
	}
	return covered
}

// SensitiveParam reports whether the value of the query parameter name is
// a credential: access and refresh tokens, codes, client secrets, API keys,
// and the signatures, credentials, policies and security tokens of
// presigned URLs (S3 X-Amz-*, Google X-Goog-*, Azure sig, CloudFront
// Signature, Policy and Key-Pair-Id). The match ignores case.
func SensitiveParam(name string) bool {
	n := strings.ToLower(name)
	if n == "code" {
		return true
	}
	for _, part := range []string{"token", "secret", "sig", "credential", "password", "key", "policy"} {
		if strings.Contains(n, part) {
			return true
		}
	}
	return false
}

// FromURL returns the secrets carried by the query of rawURL: the value of
// every sensitive parameter (see SensitiveParam) at least MinQueryValue
// bytes long, as written and decoded, and for a credential of the form
// "<key id>/<date>/..." its key id, which error bodies print on its own.
func FromURL(rawURL string) Secrets {
	_, query, ok := strings.Cut(rawURL, "?")
	if !ok {
		return nil
	}
	query, _, _ = strings.Cut(query, "#")
	var s Secrets
	add := func(v string) {
		if len(v) >= MinQueryValue {
			s = append(s, v)
		}
	}
	for part := range strings.SplitSeq(query, "&") {
		_, v, _ := strings.Cut(part, "=")
		if !SensitiveParam(ParamName(part)) {
			continue
		}
		add(v)
		dv, err := url.QueryUnescape(v)
		if err != nil {
			continue
		}
		if dv != v {
			add(dv)
		}
		if id, _, found := strings.Cut(dv, "/"); found {
			add(id)
		}
	}
	return s
}

// URL renders u for errors and logs, keeping its query readable: user
// information is dropped and the value of every sensitive parameter
// (SensitiveParam) becomes "REDACTED"; the rest of the query is kept as
// written, cursors included. A nil u gives "".
func URL(u *url.URL) string {
	if u == nil {
		return ""
	}
	c := *u
	c.User = nil
	if c.RawQuery != "" {
		parts := strings.Split(c.RawQuery, "&")
		for i, p := range parts {
			k, _, hasValue := strings.Cut(p, "=")
			if hasValue && SensitiveParam(ParamName(p)) {
				parts[i] = k + "=REDACTED"
			}
		}
		c.RawQuery = strings.Join(parts, "&")
	}
	return c.String()
}

// RawURL is URL for a URL given as a string, such as a links.next from
// the server. An unparsable URL becomes "(invalid URL)".
func RawURL(raw string) string {
	u, err := url.Parse(raw)
	if err != nil {
		return "(invalid URL)"
	}
	return URL(u)
}

// ParamName returns the decoded name of one "name=value" part of a raw
// query string (the name as written when it does not decode): the one
// reading of a parameter name for redaction and for merging queries.
func ParamName(part string) string {
	k, _, _ := strings.Cut(part, "=")
	if uk, err := url.QueryUnescape(k); err == nil {
		return uk
	}
	return k
}

// StripQuery returns rawURL without its query string, fragment and user
// information: the form in which presigned URLs appear in errors and logs.
// An unparsable URL becomes "(invalid URL)".
func StripQuery(rawURL string) string {
	u, err := url.Parse(rawURL)
	if err != nil {
		return "(invalid URL)"
	}
	u.RawQuery, u.ForceQuery, u.User, u.Fragment, u.RawFragment = "", false, nil, "", ""
	return u.String()
}

// Err returns err ready for an error string or a log line. A *url.Error,
// as http.Client.Do returns, is copied with its URL stripped of the query
// (StripQuery); an error whose message still holds one of the secrets is
// replaced by one that prints scrubbed. errors.Is and errors.As still see
// the original error; only its message changes.
func (s Secrets) Err(err error) error {
	if err == nil {
		return nil
	}
	if ue, ok := err.(*url.Error); ok {
		c := *ue
		c.URL = StripQuery(ue.URL)
		c.Err = s.Err(ue.Err)
		return &c
	}
	if msg := err.Error(); s.In(msg) {
		return &scrubbedError{msg: s.Scrub(msg), err: err}
	}
	return err
}

// scrubbedError prints the scrubbed message of err. It has no Unwrap, so
// that code walking a chain of errors to print it never reaches err's own
// message; Is and As delegate to err instead.
type scrubbedError struct {
	msg string
	err error
}

func (e *scrubbedError) Error() string { return e.msg }

// Is reports whether err matches target (errors.Is).
func (e *scrubbedError) Is(target error) bool { return errors.Is(e.err, target) }

// As finds the first error in err's chain matching target (errors.As).
func (e *scrubbedError) As(target any) bool { return errors.As(e.err, target) }
