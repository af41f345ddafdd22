package main

import (
	"fmt"
	"sort"
	"strings"

	"github.com/frameio-go/frameio-go/internal/sdknames"
)

// service is one resource: client.<Name>.
type service struct {
	Name    string // Go field and type prefix, e.g. VersionStacks
	Tag     string // the docs' tag, e.g. versionStacks
	Methods []method
}

// method is one generated wrapper.
type method struct {
	Op          operation
	Name        string // e.g. CreateLocalUpload
	GoOp        string // gen's name, e.g. FilesCreateLocalUpload
	PathParams  []pathParam
	Query, Body string      // gen types of params and body, "" when absent
	Result      string      // gen type of the success body, "" for none
	Headers     [][2]string // headers the SDK sends itself (callers may override)
	Doc         []string
	Item        string // list item type for paginated operations, "" otherwise
	Typed       string // the frameio sum type All yields for a union Item, "" otherwise
	Decoder     string // the function turning an Item into Typed
}

type pathParam struct{ Spec, Go, GenType string }

func plan(ops []operation, sigs map[string]*signature) ([]service, error) {
	byTag := map[string]*service{}
	for _, op := range ops {
		goOp := camel(op.ID)
		sig := sigs[goOp]
		if sig == nil {
			return nil, fmt.Errorf("%s: gen has no New%sRequest", op.ID, goOp)
		}
		svc := byTag[op.Tag]
		if svc == nil {
			svc = &service{Name: camel(snakeTag(op.Tag)), Tag: op.Tag}
			byTag[op.Tag] = svc
		}
		m := method{Op: op, Name: camel(strings.TrimPrefix(op.ID, snakeTag(op.Tag)+"_")), GoOp: goOp,
			Result: sig.Result, Headers: op.FixedHeaders}
		i := 0
		for _, p := range sig.Params {
			switch p.Name {
			case "params":
				m.Query = strings.TrimPrefix(p.Type, "*")
			case "body":
				m.Body = p.Type
			default:
				if i >= len(op.PathParams) {
					return nil, fmt.Errorf("%s: builder parameter %s is not in the path %s", op.ID, p.Name, op.Path)
				}
				m.PathParams = append(m.PathParams, pathParam{Spec: op.PathParams[i], Go: goIdent(p.Name), GenType: p.Type})
				i++
			}
		}
		if i != len(op.PathParams) {
			return nil, fmt.Errorf("%s: builder takes %d path parameters, path has %d", op.ID, i, len(op.PathParams))
		}
		if op.Paginated {
			if sig.Item == "" || m.Query == "" {
				return nil, fmt.Errorf("%s takes the after cursor but its result %s has no data list", op.ID, sig.Result)
			}
			m.Item = sig.Item
			// A list of union items yields the frameio sum type (see
			// frameio/union.go), so a folder's children arrive as *File,
			// *Folder, *VersionStack instead of gen's raw union.
			if u, ok := sdknames.UnionFor(sig.Item); ok {
				m.Typed, m.Decoder = u.Name, "Decode"+u.Name
			}
		}
		m.Doc = docLines(m)
		svc.Methods = append(svc.Methods, m)
	}
	var out []service
	for _, s := range byTag {
		sort.Slice(s.Methods, func(i, j int) bool { return s.Methods[i].Name < s.Methods[j].Name })
		out = append(out, *s)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out, nil
}

func snakeTag(tag string) string {
	var b strings.Builder
	for i, r := range tag {
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

// docLines is the method's doc comment: summary, the endpoint, and the
// docs' description (rate limits included).
func docLines(m method) []string {
	lines := []string{fmt.Sprintf("%s calls %q: %s %s (operation %s).", m.Name, strings.TrimSuffix(m.Op.Summary, "."), m.Op.Method, m.Op.Path, m.Op.ID)}
	if d := strings.TrimSpace(m.Op.Description); d != "" {
		lines = append(lines, "")
		for _, l := range strings.Split(d, "\n") {
			if l = strings.TrimSpace(l); l != "" || lines[len(lines)-1] != "" {
				lines = append(lines, l)
			}
		}
	}
	for _, h := range m.Headers {
		lines = append(lines, "", fmt.Sprintf("The request carries the %q header this endpoint needs.", h[0]+": "+h[1]))
	}
	if m.Op.Deprecated {
		lines = append(lines, "", "Deprecated: Frame.io's published API marks this operation deprecated; the description above says what replaces it.")
	}
	return lines
}
