package retry

import (
	"crypto/tls"
	"crypto/x509"
	"errors"
	"net"
	"net/http"
)

// Permanent reports whether err, returned by an http.Client or a
// RoundTripper, is a failure that sending the same request again cannot
// fix: a TLS certificate the client does not trust or that does not match
// the host, a server that does not speak TLS on an https URL, or a host
// name that does not exist. Every other transport error (refused or reset
// connections, timeouts, bodies cut short, temporary DNS failures) is
// worth a retry.
func Permanent(err error) bool {
	var (
		certErr     *tls.CertificateVerificationError
		unknownAuth x509.UnknownAuthorityError
		hostErr     x509.HostnameError
		invalid     x509.CertificateInvalidError
		record      tls.RecordHeaderError
		dnsErr      *net.DNSError
	)
	switch {
	case errors.As(err, &certErr), errors.As(err, &unknownAuth), errors.As(err, &hostErr), errors.As(err, &invalid):
		return true
	case errors.As(err, &record), errors.Is(err, http.ErrSchemeMismatch):
		return true
	case errors.As(err, &dnsErr):
		return dnsErr.IsNotFound
	}
	return false
}

// PermanentStatus reports whether an HTTP status says the server cannot do
// what the request asks whatever the number of tries: 501 Not Implemented
// and 505 HTTP Version Not Supported, the 5xx that retries cannot fix.
func PermanentStatus(code int) bool {
	return code == http.StatusNotImplemented || code == http.StatusHTTPVersionNotSupported
}
