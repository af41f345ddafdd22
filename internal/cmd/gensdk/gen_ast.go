package main

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"strings"

	"github.com/frameio-go/frameio-go/internal/sdknames"
)

// param is one parameter of a generated request builder.
type param struct{ Name, Type string }

// signature is what gen/ offers for one operation.
type signature struct {
	Params []param // after server, as generated
}

// generated is what gensdk reads from gen/frameio.gen.go.
type generated struct {
	sigs map[string]*signature // by operation (FoldersCreate)
	// fields lists the fields of each struct type, with an alias
	// (FoldersCreateJSONRequestBody = FolderCreateParams) resolved.
	fields map[string][]param
	// types lists the declared type names by their sdknames.Fold: the
	// Go type of schema JsonErrorResponse is the one type folding like it,
	// JSONErrorResponse.
	types map[string][]string
}

// result returns the Go type of the component schema a success response
// holds ("" for none) and, when its data is a list, the list's item type.
func (g *generated) result(schema string) (typ, item string, err error) {
	if schema == "" {
		return "", "", nil
	}
	types := g.types[sdknames.Fold(schema)]
	if len(types) != 1 {
		return "", "", fmt.Errorf("gen has %d types for schema %s (%v), want one", len(types), schema, types)
	}
	typ = types[0]
	for _, f := range g.fields[typ] {
		if f.Name == "Data" && strings.HasPrefix(f.Type, "[]") {
			item = strings.TrimPrefix(f.Type, "[]")
		}
	}
	return typ, item, nil
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

// readGenerated collects New<Op>Request signatures, the type names and the
// fields of every struct from the generated file.
func readGenerated(path string) (*generated, error) {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, path, nil, parser.SkipObjectResolution)
	if err != nil {
		return nil, err
	}
	sigs := map[string]*signature{}
	fields := map[string][]param{}
	aliases := map[string]string{}
	types := map[string][]string{}
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
				}
			}
			sigs[op] = s
		case *ast.GenDecl:
			for _, spec := range d.Specs {
				ts, ok := spec.(*ast.TypeSpec)
				if !ok {
					continue
				}
				types[sdknames.Fold(ts.Name.Name)] = append(types[sdknames.Fold(ts.Name.Name)], ts.Name.Name)
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
					}
				}
			}
		}
	}
	for alias, target := range aliases {
		if f, ok := fields[target]; ok {
			fields[alias] = f
		}
	}
	return &generated{sigs: sigs, fields: fields, types: types}, nil
}

func exprString(e ast.Expr) string { return types.ExprString(e) }
