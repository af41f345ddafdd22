package sdknames

import (
	"strings"
	"unicode"
)

// Camel turns snake, kebab or dotted case into CamelCase, the way the spec's
// names become Go names before oapi-codegen's name normalizer adds the
// initialisms: files_create_local_upload -> FilesCreateLocalUpload,
// api-version -> ApiVersion (APIVersion once normalized).
func Camel(s string) string {
	var b strings.Builder
	for part := range strings.FieldsFuncSeq(s, func(r rune) bool { return r == '_' || r == '-' || r == '.' || r == ' ' }) {
		b.WriteString(strings.ToUpper(part[:1]) + part[1:])
	}
	return b.String()
}

// Snake turns lowerCamel into snake case, as operation ids spell tags:
// versionStacks -> version_stacks.
func Snake(s string) string {
	var b strings.Builder
	for i, r := range s {
		if r >= 'A' && r <= 'Z' {
			if i > 0 {
				b.WriteByte('_')
			}
			r += 'a' - 'A'
		}
		b.WriteRune(r)
	}
	return b.String()
}

// Fold is a name without case and without what oapi-codegen's name
// normalizer drops or adds: the Go type of a component schema is the one
// type gen declares that folds like the schema's name (JsonErrorResponse
// and JSONErrorResponse, Share.SortBy.Direction and ShareSortByDirection).
func Fold(name string) string {
	return strings.ToLower(strings.Map(func(r rune) rune {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return r
		}
		return -1
	}, name))
}

// Words splits camelCase, kebab-case, snake_case and spaced names into
// lower-case words: "createLocalUpload", "create-local-upload" and "Create
// local upload" all give [create local upload].
func Words(s string) []string {
	var out []string
	var cur strings.Builder
	flush := func() {
		if cur.Len() > 0 {
			out = append(out, cur.String())
			cur.Reset()
		}
	}
	prevLower := false
	for _, r := range s {
		switch {
		case r == '-' || r == '_' || r == ' ' || r == '.':
			flush()
			prevLower = false
		case unicode.IsUpper(r):
			if prevLower {
				flush()
			}
			cur.WriteRune(unicode.ToLower(r))
			prevLower = false
		default:
			cur.WriteRune(r)
			prevLower = unicode.IsLower(r) || unicode.IsDigit(r)
		}
	}
	flush()
	return out
}

// LowerCamel joins words as lowerCamel, the form of the SDK's tags:
// [version stacks] -> versionStacks.
func LowerCamel(ws []string) string {
	var b strings.Builder
	for i, w := range ws {
		if i > 0 && w != "" {
			w = strings.ToUpper(w[:1]) + w[1:]
		}
		b.WriteString(w)
	}
	return b.String()
}
