package specbuild

import (
	"fmt"
	"regexp"
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

var headingRE = regexp.MustCompile("(?:^|\\s)# ([^\\n#`]{1,160}?) (GET|POST|PUT|PATCH|DELETE) https://api\\.frame\\.io(/[^\\s`]*)")

// ExtractSections finds every endpoint section of the given API in the
// docs text. A section is a line starting with "# <title> <METHOD>
// https://api.frame.io<path>" followed, before the next such heading, by
// exactly one "```yaml" fragment.
func ExtractSections(docs string, api API) ([]Section, error) {
	var out []Section
	locs := headingRE.FindAllStringSubmatchIndex(docs, -1)
	for i, loc := range locs {
		path := docs[loc[6]:loc[7]]
		prefix := "/v4/"
		if api == C2C {
			prefix = "/v2/"
		}
		if !strings.HasPrefix(path, prefix) {
			continue
		}
		end := len(docs)
		if i+1 < len(locs) {
			end = locs[i+1][0]
		}
		body := docs[loc[1]:end]
		start := strings.Index(body, "```yaml")
		if start < 0 {
			continue // a guide heading that happens to name an endpoint
		}
		rest := body[start+len("```yaml"):]
		stop := strings.Index(rest, "```")
		if stop < 0 {
			return nil, fmt.Errorf("line %d: yaml fragment of %q has no closing fence", lineOf(docs, loc[0]), docs[loc[2]:loc[3]])
		}
		if strings.Contains(rest[stop+3:], "```yaml") && strings.Count(body, "```yaml") > 1 {
			return nil, fmt.Errorf("line %d: section %q holds more than one yaml fragment", lineOf(docs, loc[0]), docs[loc[2]:loc[3]])
		}
		out = append(out, Section{
			Title:    docs[loc[2]:loc[3]],
			Method:   docs[loc[4]:loc[5]],
			Path:     path,
			Fragment: strings.TrimSpace(rest[:stop]),
			Line:     lineOf(docs, loc[0]),
		})
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("no endpoint sections found")
	}
	return out, nil
}

func lineOf(s string, off int) int { return strings.Count(s[:off], "\n") + 1 }
