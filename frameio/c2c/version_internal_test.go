package c2c

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/frameio-go/frameio-go/internal/specfix"
)

// The client checks x-client-version against the pattern specfix writes
// into api/c2c.codegen.yaml (internal/specfix's tests check the document
// holds it; frameiotest/c2ctest checks with ValidVersion). The SDK does
// not import specfix, so the pattern is written twice: the two must agree.
func TestSemverPatternIsTheSpecs(t *testing.T) {
	assert.Equal(t, specfix.SemverPattern, semverPattern)
}
