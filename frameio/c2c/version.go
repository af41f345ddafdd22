package c2c

import (
	"fmt"
	"regexp"
)

// semverPattern is the x-client-version pattern of api/c2c.codegen.yaml
// (internal/specfix.SemverPattern): semantic versioning 2.0.0, relaxed so
// that the guide's own examples of valid versions pass: numeric pre-release
// identifiers may have leading zeros ("2.1.3-preview.01") and build
// metadata may hold underscores ("2.1.3-preview.01+build_19770504.01").
const semverPattern = `^(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)` +
	`(-[0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*)?(\+[0-9A-Za-z_-]+(\.[0-9A-Za-z_-]+)*)?$`

var semverRE = regexp.MustCompile(semverPattern)

// ValidVersion reports whether v can be sent as x-client-version: a
// semantic version such as "0.1.2", "2.1.3-preview.01" or
// "2.1.3-preview.01+build_19770504.01".
func ValidVersion(v string) error {
	if !semverRE.MatchString(v) {
		return fmt.Errorf("c2c: client version %q is not a semantic version (MAJOR.MINOR.PATCH[-PRERELEASE][+BUILD], e.g. 1.4.0)", v)
	}
	return nil
}
