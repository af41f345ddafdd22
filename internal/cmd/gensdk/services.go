package main

import (
	"fmt"
	"maps"
	"slices"
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
	Op         operation
	Name       string // e.g. CreateLocalUpload
	GoOp       string // gen's name, e.g. FilesCreateLocalUpload
	PathParams []pathParam
	Query      string      // gen type of the params, "" when absent
	Result     string      // gen type of the success body, "" for none
	Headers    [][2]string // headers the SDK sends itself (callers may override)
	Doc        []string
	Item       string // list item type for paginated operations, "" otherwise
	Typed      string // the frameio sum type All yields for a union Item, "" otherwise
	Decoder    string // the function turning an Item into Typed
	In         input  // what the method takes as the request body
	Out        output // what the method returns
}

// input is how a method takes its request body. A body that is only an
// envelope {"data": ...} is taken as its data (gen.FolderCreateParamsData,
// or the frameio sum type of a union: ShareParams) and wrapped by the
// method; any other body is taken whole.
type input struct {
	Param   string // the parameter: "data gen.FolderCreateParamsData", "body gen.SearchSearchJSONRequestBody"
	Encode  string // for a union: the function building its gen wrapper (EncodeShareParams)
	Builder string // the value handed to the request builder
	Arg     string // the parameter's name, to pass it on
}

// output is what a method returns. A response that is only an envelope
// {"data": ...} gives its data (the resource, or the frameio sum type of a
// union); one that carries more (links, total_count) is returned whole.
type output struct {
	Type   string // the method's result type: "*gen.Folder", "Asset", "[]gen.BulkFileCopyResult"
	Return string // the expression returned from out
}

type pathParam struct{ Spec, Go, GenType string }

// planner decides the services and their methods from the operations,
// gen's code and the unions the SDK has sum types for; it records the
// packages below frameio the methods' types come from.
type planner struct {
	g      *generated
	unions map[string]sdknames.Union // by component schema
	used   map[string]bool           // import paths of the packages below frameio used
}

func newPlanner(g *generated, unions map[string]sdknames.Union) *planner {
	return &planner{g: g, unions: unions, used: map[string]bool{}}
}

// union returns the union of schema, if the SDK has a sum type for it, and
// records its package as used.
func (p *planner) union(schema string) (sdknames.Union, bool) {
	u, ok := p.unions[schema]
	if ok && u.Package != "" {
		p.used["github.com/frameio-go/frameio-go/frameio/"+u.Package] = true
	}
	return u, ok
}

// imports lists the packages below frameio that the planned methods refer
// to (the sum types of sdknames.Union.Package), as import paths.
func (p *planner) imports() []string { return slices.Sorted(maps.Keys(p.used)) }

func (p *planner) plan(ops []operation) ([]service, error) {
	byTag := map[string]*service{}
	for _, op := range ops {
		goOp := sdknames.Camel(op.ID)
		sig := p.g.sigs[goOp]
		if sig == nil {
			return nil, fmt.Errorf("%s: gen has no New%sRequest", op.ID, goOp)
		}
		svc := byTag[op.Tag]
		if svc == nil {
			svc = &service{Name: sdknames.Service(op.Tag), Tag: op.Tag}
			byTag[op.Tag] = svc
		}
		result, item, err := p.g.result(op.Success)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", op.ID, err)
		}
		m := method{Op: op, Name: sdknames.Method(op.Tag, op.ID), GoOp: goOp,
			Result: result, Headers: op.FixedHeaders}
		i, body := 0, "" // body: gen type of the request body, "" when absent
		for _, p := range sig.Params {
			switch p.Name {
			case "params":
				m.Query = strings.TrimPrefix(p.Type, "*")
			case "body":
				body = p.Type
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
		m.In = p.bodyInput(body)
		m.Out = p.resultOutput(m.Result)
		if op.Paginated {
			if item == "" || m.Query == "" {
				return nil, fmt.Errorf("%s takes the after cursor but its result %s has no data list", op.ID, result)
			}
			m.Item = item
			// A list of union items yields the frameio sum type (see
			// frameio/union.go), so a folder's children arrive as *File,
			// *Folder, *VersionStack instead of gen's raw union.
			if u, ok := p.union(item); ok {
				m.Typed, m.Decoder = u.Qualified(u.Name), u.Qualified("Decode"+u.Name)
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

// bodyInput decides how a method takes the request body of gen type body.
func (p *planner) bodyInput(body string) input {
	if body == "" {
		return input{}
	}
	data, ok := p.g.dataOnly(body)
	if !ok {
		return input{Param: "body gen." + body, Builder: "body", Arg: "body"}
	}
	elem, ptr := strings.CutPrefix(data, "*")
	if u, ok := p.union(elem); ok {
		w := "w"
		if ptr {
			w = "&w"
		}
		return input{Param: "data " + u.Qualified(u.Name), Encode: u.Qualified("Encode" + u.Name), Builder: "gen." + body + "{Data: " + w + "}", Arg: "data"}
	}
	return input{Param: "data " + genType(data), Builder: "gen." + body + "{Data: data}", Arg: "data"}
}

// resultOutput decides what a method returns for the success body of gen
// type result.
func (p *planner) resultOutput(result string) output {
	if result == "" {
		return output{}
	}
	data, ok := p.g.dataOnly(result)
	if !ok {
		return output{Type: "*gen." + result, Return: "&out, nil"}
	}
	elem, list := strings.CutPrefix(data, "[]")
	if u, ok := p.union(elem); ok {
		if list {
			return output{Type: "[]" + u.Qualified(u.Name), Return: u.Qualified("Decode"+u.Plural) + "(out.Data)"}
		}
		return output{Type: u.Qualified(u.Name), Return: u.Qualified("Decode"+u.Name) + "(out.Data)"}
	}
	if list || strings.HasPrefix(data, "*") {
		return output{Type: genType(data), Return: "out.Data, nil"}
	}
	return output{Type: "*" + genType(data), Return: "&out.Data, nil"}
}

// genType qualifies a type of package gen as seen from package frameio:
// *FileCopyParamsData -> *gen.FileCopyParamsData, []Link -> []gen.Link.
func genType(t string) string {
	elem := strings.TrimLeft(t, "*[]")
	switch elem {
	case "string", "int", "bool", "float32", "float64", "any":
		return t
	}
	return t[:len(t)-len(elem)] + "gen." + elem
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
	var shape []string
	if m.In.Arg == "data" {
		shape = append(shape, `data is sent as the request's {"data": ...} body.`)
	}
	if m.Out.Return != "" && m.Out.Return != "&out, nil" {
		shape = append(shape, `The result is the response's "data".`)
	}
	if len(shape) > 0 {
		lines = append(lines, "", strings.Join(shape, " "))
	}
	for _, h := range m.Headers {
		lines = append(lines, "", fmt.Sprintf("The request carries the %q header this endpoint needs.", h[0]+": "+h[1]))
	}
	if m.Op.Deprecated {
		lines = append(lines, "", "Deprecated: Frame.io's published API marks this operation deprecated; the description above says what replaces it.")
	}
	return lines
}
