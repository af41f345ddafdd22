package specfix

import (
	"strings"

	"github.com/frameio-go/frameio-go/internal/sdknames"
)

// pathName is the prefix the docs' generator gives schemas of the
// parameters of an operation: /v4/accounts/{account_id}/users, get ->
// V4AccountsAccountIdUsersGetParameters.
func pathName(path, method string) string {
	var b strings.Builder
	for seg := range strings.SplitSeq(strings.Trim(path, "/"), "/") {
		b.WriteString(sdknames.Camel(strings.Trim(seg, "{}")))
	}
	return b.String() + sdknames.Camel(method) + "Parameters"
}

// commonSuffix is the longest run of trailing CamelCase words all names
// share (ProjectPermission, WorkspacePermission -> Permission), or the first
// name when they share none.
func commonSuffix(names []string) string {
	if len(names) == 1 {
		return names[0]
	}
	split := func(s string) []string {
		var words []string
		start := 0
		for i := 1; i < len(s); i++ {
			if s[i] >= 'A' && s[i] <= 'Z' {
				words = append(words, s[start:i])
				start = i
			}
		}
		return append(words, s[start:])
	}
	common := split(names[0])
	for _, name := range names[1:] {
		w := split(name)
		k := 0
		for k < len(common) && k < len(w) && common[len(common)-1-k] == w[len(w)-1-k] {
			k++
		}
		common = common[len(common)-k:]
	}
	if len(common) == 0 {
		return names[0]
	}
	return strings.Join(common, "")
}

// singular drops a plural s: Comments -> Comment, Metadata -> Metadata.
func singular(s string) string {
	if strings.HasSuffix(s, "s") && !strings.HasSuffix(s, "ss") {
		return s[:len(s)-1]
	}
	return s
}
