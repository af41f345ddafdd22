package main

import (
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"strings"
)

// param is one parameter of a generated request builder.
type param struct{ Name, Type string }

// signature is what gen/ offers for one operation.
type signature struct {
	Params   []param // after server, as generated
	Result   string  // success body type, "" when the operation returns no body
	HasQuery bool
	HasBody  bool
	Item     string // element type of the success body's Data slice, for lists
}

// generated is what gensdk reads from gen/frameio.gen.go.
type generated struct {
	sigs map[string]*signature // by operation (FoldersCreate)
	// fields lists the fields of each struct type, with an alias
	// (FoldersCreateJSONRequestBody = FolderCreateParams) resolved.
	fields map[string][]param
}

// dataOnly returns the type of the Data field of struct typ when it is the
// struct's only field: an envelope {"data": ...} and nothing more.
func (g *generated) dataOnly(typ string) (string, bool) {
	f := g.fields[typ]
	if len(f) != 1 || f[0].Name != "Data" {
		return "", false
	}
	return f[0].Type, true
}

// readGenerated collects New<Op>Request signatures, <Op>Response success
// types and the fields of every struct from the generated file.
func readGenerated(path string) (*generated, error) {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, path, nil, parser.SkipObjectResolution)
	if err != nil {
		return nil, err
	}
	sigs := map[string]*signature{}
	fields := map[string][]param{}
	aliases := map[string]string{}
	results := map[string]string{}
	dataFields := map[string]string{}
	for _, decl := range f.Decls {
		switch d := decl.(type) {
		case *ast.FuncDecl:
			name := d.Name.Name
			if d.Recv != nil || !strings.HasPrefix(name, "New") || !strings.HasSuffix(name, "Request") ||
				strings.HasSuffix(name, "RequestWithBody") {
				continue
			}
			op := strings.TrimSuffix(strings.TrimPrefix(name, "New"), "Request")
			s := &signature{}
			for i, field := range d.Type.Params.List {
				typ := exprString(field.Type)
				for _, n := range field.Names {
					if i == 0 && n.Name == "server" {
						continue
					}
					s.Params = append(s.Params, param{Name: n.Name, Type: typ})
					switch n.Name {
					case "params":
						s.HasQuery = true
					case "body":
						s.HasBody = true
					}
				}
			}
			sigs[op] = s
		case *ast.GenDecl:
			for _, spec := range d.Specs {
				ts, ok := spec.(*ast.TypeSpec)
				if !ok {
					continue
				}
				if id, ok := ts.Type.(*ast.Ident); ok && ts.Assign.IsValid() {
					aliases[ts.Name.Name] = id.Name
				}
				st, ok := ts.Type.(*ast.StructType)
				if !ok {
					continue
				}
				for _, fld := range st.Fields.List {
					for _, n := range fld.Names {
						fields[ts.Name.Name] = append(fields[ts.Name.Name], param{Name: n.Name, Type: exprString(fld.Type)})
						if strings.HasPrefix(n.Name, "JSON2") && results[ts.Name.Name] == "" {
							results[ts.Name.Name] = strings.TrimPrefix(exprString(fld.Type), "*")
						}
						if n.Name == "Data" {
							dataFields[ts.Name.Name] = exprString(fld.Type)
						}
					}
				}
			}
		}
	}
	for op, s := range sigs {
		s.Result = results[op+"Response"]
		if d := dataFields[s.Result]; strings.HasPrefix(d, "[]") {
			s.Item = strings.TrimPrefix(d, "[]")
		}
	}
	for alias, target := range aliases {
		if f, ok := fields[target]; ok {
			fields[alias] = f
		}
	}
	return &generated{sigs: sigs, fields: fields}, nil
}

func exprString(e ast.Expr) string { return types.ExprString(e) }
