package specfix

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/frameio-go/frameio-go/internal/sdknames"
	"gopkg.in/yaml.v3"

	"github.com/frameio-go/frameio-go/internal/yamlnode"
)

// pluralWord matches the plural of an initialism as a CamelCase word:
// Ids in FileIds, Urls in FileWithUploadUrls (not Idsx, not Urlsafe).
var pluralWord = regexp.MustCompile(`(Id|Url)s([A-Z]|$)`)

// fixPlurals writes the plural initialism words of a CamelCase name in
// upper case: FileIds -> FileIDs, UploadUrls -> UploadURLs.
func fixPlurals(s string) string {
	for {
		loc := pluralWord.FindStringSubmatchIndex(s)
		if loc == nil {
			return s
		}
		s = s[:loc[2]] + strings.ToUpper(s[loc[2]:loc[3]]) + s[loc[3]:]
	}
}

// pluralInitialisms completes what oapi-codegen's name normalizer does for
// ID and URL (FileId -> FileID): its list knows no plurals, so file_ids
// would be FileIds. Properties named *_ids or *_urls get an x-go-name
// (FileIDs, UploadURLs), and component names with such a word are renamed
// (FileWithUploadUrls -> FileWithUploadURLs), refs following.
func pluralInitialisms(root *yaml.Node) ([]string, error) {
	schemas, err := yamlnode.Lookup(root, "components", "schemas")
	if err != nil {
		return nil, err
	}
	var log []string
	for i := 0; i+1 < len(schemas.Content); i += 2 {
		old := schemas.Content[i].Value
		if repl := fixPlurals(old); repl != old {
			if yamlnode.Get(schemas, repl) != nil {
				return log, fmt.Errorf("%s: %s is taken", old, repl)
			}
			log = append(log, fmt.Sprintf("%s -> %s (%d refs)", old, repl, renameComponent(root, schemas, old, repl)))
		}
	}
	n := 0
	yamlnode.Walk(root, func(m *yaml.Node, _ string) {
		props := yamlnode.Get(m, "properties")
		for name, p := range yamlnode.Pairs(props) {
			if p.Kind != yaml.MappingNode || yamlnode.Get(p, "x-go-name") != nil {
				continue
			}
			if goName := fixPlurals(sdknames.Camel(name)); goName != sdknames.Camel(name) {
				yamlnode.Set(p, "x-go-name", yamlnode.Str(goName))
				n++
			}
		}
	})

	return append(log, fmt.Sprintf("%d properties named *_ids or *_urls get Go names ending in IDs or URLs", n)), nil
}
