package frameio

import "runtime"

// Version is the version of this SDK. It is sent in the User-Agent header of
// every request.
const Version = "0.1.0"

// defaultUserAgent returns the User-Agent sent when the caller adds nothing,
// e.g. "frameio-go/0.1.0 (go1.26.8; linux/amd64)".
func defaultUserAgent() string {
	return "frameio-go/" + Version + " (" + runtime.Version() + "; " + runtime.GOOS + "/" + runtime.GOARCH + ")"
}
