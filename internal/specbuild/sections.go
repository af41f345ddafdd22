package specbuild

import (
	"cmp"
	"fmt"
	"regexp"
	"slices"
	"strings"
)

// Section is one endpoint section of the Frame.io docs: its heading and the
// OpenAPI fragment that documents it.
type Section struct {
	// Title is the human title of the section, e.g. "List accounts".
	Title string
	// Method is the HTTP method written in the heading, upper case.
	Method string
	// Path is the URL path written in the heading, e.g. "/v4/accounts".
	Path string
	// Fragment is the raw text between "```yaml" and the closing fence.
	Fragment string
	// Line is the 1-based line of the docs where the heading starts.
	Line int
}

// API selects which of the two APIs documented in the docs a section
// belongs to.
type API int

const (
	// V4 is the Frame.io V4 REST API (paths under /v4/).
	V4 API = iota
	// C2C is the Camera-to-Cloud device API (paths under /v2/), documented
	// after the "Frame.io Camera to Cloud" heading.
	C2C
)

// pathPrefix is the path every operation of the API starts with.
func (a API) pathPrefix() string {
	if a == C2C {
		return "/v2/"
	}
	return "/v4/"
}

// The docs come in two layouts; both are read:
//
//   - flattened (the single text file of the whole docs): the heading, the
//     method and the URL on one line: "# List accounts GET https://api.frame.io/v4/accounts ...";
//   - per page (the markdown the docs site serves for each endpoint): "# List
//     accounts" on its own line, a blank line, then "GET https://api.frame.io/v4/accounts".
var (
	flatHeadingRE = regexp.MustCompile("(?:^|\\s)# ([^\\n#`]{1,160}?) (GET|POST|PUT|PATCH|DELETE) https://api\\.frame\\.io(/[^\\s`]*)")
	pageHeadingRE = regexp.MustCompile("(?m)^# ([^\\n#`]{1,160}?)[ \\t]*\\n(?:[ \\t]*\\n)+(GET|POST|PUT|PATCH|DELETE) https://api\\.frame\\.io(/[^\\s`]*)")
)

// ExtractSections finds every endpoint section of the given API in the
// docs text, in either layout (they may even be mixed). A section is a
// heading naming the method and URL followed, before the next such
// heading, by exactly one "```yaml" fragment; other fenced blocks (the SDK
// code samples of the per-page layout) are ignored.
func ExtractSections(docs string, api API) ([]Section, error) {
	locs := append(flatHeadingRE.FindAllStringSubmatchIndex(docs, -1), pageHeadingRE.FindAllStringSubmatchIndex(docs, -1)...)
	slices.SortFunc(locs, func(a, b []int) int { return cmp.Compare(a[0], b[0]) })
	var out []Section
	for i, loc := range locs {
		path := docs[loc[6]:loc[7]]
		if !strings.HasPrefix(path, api.pathPrefix()) {
			continue
		}
		end := len(docs)
		if i+1 < len(locs) {
			end = locs[i+1][0]
		}
		title := strings.TrimSpace(docs[loc[2]:loc[3]])
		line := lineOf(docs, loc[0])
		body := docs[loc[1]:end]
		start := strings.Index(body, "```yaml")
		if start < 0 {
			continue // a guide heading that happens to name an endpoint
		}
		rest := body[start+len("```yaml"):]
		stop := strings.Index(rest, "```")
		if stop < 0 {
			return nil, fmt.Errorf("line %d: yaml fragment of %q has no closing fence", line, title)
		}
		if strings.Contains(rest[stop+3:], "```yaml") {
			return nil, fmt.Errorf("line %d: section %q holds more than one yaml fragment", line, title)
		}
		out = append(out, Section{
			Title:    title,
			Method:   docs[loc[4]:loc[5]],
			Path:     path,
			Fragment: strings.TrimSpace(rest[:stop]),
			Line:     line,
		})
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("no endpoint sections found: expected headings like %q or %q followed by a ```yaml fragment",
			"# Title GET https://api.frame.io"+api.pathPrefix()+"...", "# Title\\n\\nGET https://api.frame.io"+api.pathPrefix()+"...")
	}
	return out, nil
}

func lineOf(s string, off int) int { return strings.Count(s[:off], "\n") + 1 }
