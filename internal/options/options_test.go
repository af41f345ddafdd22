package options

import (
	"errors"
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
)

type config struct{ n int }

type option func(*config) error

func set(n int) option {
	return func(c *config) error {
		if n < 0 {
			return fmt.Errorf("test: set: %d is negative", n)
		}
		c.n = n
		return nil
	}
}

func TestApplyReportsEveryBadValue(t *testing.T) {
	var c config
	assert.NoError(t, Apply(&c, []option{set(1), nil, set(2)}))
	assert.Equal(t, 2, c.n, "in order, nil skipped")

	err := Apply(&c, []option{set(-1), set(3), set(-2)})
	assert.EqualError(t, err, "test: set: -1 is negative\ntest: set: -2 is negative")
	assert.Equal(t, 3, c.n, "the good ones still apply")

	sentinel := errors.New("typed")
	err = Apply(&c, []option{func(*config) error { return sentinel }})
	assert.ErrorIs(t, err, sentinel)
}
