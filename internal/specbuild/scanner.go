package specbuild

import (
	"strings"
)

// scanner walks a flattened YAML fragment word by word. Words are separated
// by any whitespace; a quoted scalar in value position may span several
// words. Line breaks inside the fragment are kept only as part of text
// values (they are the paragraph breaks of the original block scalars).
type scanner struct {
	src string
	pos int
}

func isSpace(b byte) bool { return b == ' ' || b == '\n' || b == '\t' || b == '\r' }

// skip moves pos past whitespace.
func (s *scanner) skip() {
	for s.pos < len(s.src) && isSpace(s.src[s.pos]) {
		s.pos++
	}
}

// eof reports whether only whitespace is left.
func (s *scanner) eof() bool {
	s.skip()
	return s.pos >= len(s.src)
}

// wordAt returns the bounds of the word starting at or after p.
func (s *scanner) wordAt(p int) (start, end int) {
	for p < len(s.src) && isSpace(s.src[p]) {
		p++
	}
	start = p
	for p < len(s.src) && !isSpace(s.src[p]) {
		p++
	}
	return start, p
}

// keyAt reports whether a mapping key starts at or after p, returning the
// key (unquoted) and the position just after its colon.
func (s *scanner) keyAt(p int) (key string, after int, ok bool) {
	start, end := s.wordAt(p)
	if start >= len(s.src) {
		return "", 0, false
	}
	c := s.src[start]
	if c == '\'' || c == '"' {
		v, qend, qok := s.quotedAt(start)
		if !qok || qend >= len(s.src) || s.src[qend] != ':' {
			return "", 0, false
		}
		if qend+1 < len(s.src) && !isSpace(s.src[qend+1]) {
			return "", 0, false
		}
		return v, qend + 1, true
	}
	w := s.src[start:end]
	if len(w) < 2 || !strings.HasSuffix(w, ":") || w == "-:" {
		return "", 0, false
	}
	return w[:len(w)-1], end, true
}

// dashAt reports whether the next word is a sequence item marker "-".
func (s *scanner) dashAt(p int) (after int, ok bool) {
	start, end := s.wordAt(p)
	if end-start == 1 && s.src[start] == '-' {
		return end, true
	}
	return 0, false
}

// quotedAt decodes a single- or double-quoted scalar starting at p.
func (s *scanner) quotedAt(p int) (val string, end int, ok bool) {
	q := s.src[p]
	var b strings.Builder
	i := p + 1
	for i < len(s.src) {
		c := s.src[i]
		switch {
		case q == '\'' && c == '\'':
			if i+1 < len(s.src) && s.src[i+1] == '\'' {
				b.WriteByte('\'')
				i += 2
				continue
			}
			return b.String(), i + 1, true
		case q == '"' && c == '\\' && i+1 < len(s.src):
			n := s.src[i+1]
			switch n {
			case 'n':
				b.WriteByte('\n')
			case 't':
				b.WriteByte('\t')
			default:
				b.WriteByte(n)
			}
			i += 2
			continue
		case q == '"' && c == '"':
			return b.String(), i + 1, true
		}
		b.WriteByte(c)
		i++
	}
	return "", 0, false
}
