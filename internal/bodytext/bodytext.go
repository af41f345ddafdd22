// Package bodytext renders response bodies for error messages.
package bodytext

import (
	"strings"
	"unicode/utf8"
)

// Excerpt returns at most n bytes of body on one line (runs of whitespace
// become one space), cut at a rune boundary, with an ellipsis when
// shortened.
func Excerpt(body []byte, n int) string {
	s := strings.Join(strings.Fields(string(body)), " ")
	if len(s) <= n {
		return s
	}
	cut := n
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return s[:cut] + "…"
}
