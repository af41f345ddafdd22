// Command genservices writes frameio/services_gen.go: one service per
// resource (Files, Folders, ...) with one thin method per operation of
// api/frameio.codegen.yaml, each calling the request builder that
// oapi-codegen generated in gen/ and executing it through frameio.Client.
//
// It reads the operations from the spec and the exact signatures of the
// generated builders from gen/frameio.gen.go, so it never guesses a Go
// name or type: a spec operation without its builder is an error.
package main

import (
	"bytes"
	"flag"
	"fmt"
	"go/format"
	"maps"
	"os"
	"slices"
	"sort"
	"strings"

	"gopkg.in/yaml.v3"
)

func main() {
	spec := flag.String("spec", "api/frameio.codegen.yaml", "the OpenAPI document gen/ was generated from")
	genFile := flag.String("gen", "gen/frameio.gen.go", "the generated models and request builders")
	out := flag.String("out", "frameio/services_gen.go", "where to write the services")
	flag.Parse()
	if err := run(*spec, *genFile, *out); err != nil {
		fmt.Fprintln(os.Stderr, "genservices:", err)
		os.Exit(1)
	}
}

func run(specPath, genPath, out string) error {
	ops, err := readOperations(specPath)
	if err != nil {
		return err
	}
	g, err := readGenerated(genPath)
	if err != nil {
		return err
	}
	services, err := plan(ops, g)
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	data := struct {
		Services []service
		Imports  []string
	}{services, imports(services)}
	if err := tmpl.Execute(&buf, data); err != nil {
		return err
	}
	src, err := format.Source(buf.Bytes())
	if err != nil {
		return fmt.Errorf("formatting: %w\n%s", err, buf.Bytes())
	}
	tmp := out + ".tmp"
	if err := os.WriteFile(tmp, src, 0o644); err != nil {
		return err
	}
	return os.Rename(tmp, out)
}

// operation is what the spec says of one operation.
type operation struct {
	ID, Tag, Method, Path, Summary, Description string
	Deprecated                                  bool        // the spec marks it deprecated
	PathParams                                  []string    // in path order
	Paginated                                   bool        // takes the after cursor
	FixedHeaders                                [][2]string // headers the SDK sends itself: required single-value header parameters and x-frameio-headers
}

// yamlSchema is the part of a schema genservices reads.
type yamlSchema struct {
	Ref  string   `yaml:"$ref"`
	Enum []string `yaml:"enum"`
}

func readOperations(path string) ([]operation, error) {
	raw, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var doc struct {
		Paths map[string]map[string]struct {
			OperationID string            `yaml:"operationId"`
			Summary     string            `yaml:"summary"`
			Description string            `yaml:"description"`
			Deprecated  bool              `yaml:"deprecated"`
			Tags        []string          `yaml:"tags"`
			Headers     map[string]string `yaml:"x-frameio-headers"`
			Parameters  []struct {
				Name     string     `yaml:"name"`
				In       string     `yaml:"in"`
				Required bool       `yaml:"required"`
				Schema   yamlSchema `yaml:"schema"`
			} `yaml:"parameters"`
		} `yaml:"paths"`
		Components struct {
			Schemas map[string]yamlSchema `yaml:"schemas"`
		} `yaml:"components"`
	}
	if err := yaml.Unmarshal(raw, &doc); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	var ops []operation
	for p, item := range doc.Paths {
		for m, op := range item {
			if len(op.Tags) != 1 {
				return nil, fmt.Errorf("%s %s: want exactly one tag", m, p)
			}
			o := operation{ID: op.OperationID, Tag: strings.TrimPrefix(op.Tags[0], "subpackage_"),
				Method: strings.ToUpper(m), Path: p, Summary: op.Summary, Description: op.Description, Deprecated: op.Deprecated}
			for _, prm := range op.Parameters {
				if prm.In == "query" && prm.Name == "after" {
					o.Paginated = true
				}
				// A required header whose schema allows one value (audit
				// logs: "api-version: 4.0") is sent by the SDK itself.
				if prm.In == "header" && prm.Required {
					sch := prm.Schema
					if sch.Ref != "" {
						sch = doc.Components.Schemas[strings.TrimPrefix(sch.Ref, "#/components/schemas/")]
					}
					if len(sch.Enum) != 1 {
						return nil, fmt.Errorf("%s %s: required header %s has no single value to send", m, p, prm.Name)
					}
					o.FixedHeaders = append(o.FixedHeaders, [2]string{prm.Name, sch.Enum[0]})
				}
			}
			// Headers the spec leaves out but the endpoint needs, added by
			// internal/specfix (custom actions: "api-version: experimental").
			for _, name := range slices.Sorted(maps.Keys(op.Headers)) {
				o.FixedHeaders = append(o.FixedHeaders, [2]string{name, op.Headers[name]})
			}
			for _, seg := range strings.Split(p, "/") {
				if strings.HasPrefix(seg, "{") && strings.HasSuffix(seg, "}") {
					o.PathParams = append(o.PathParams, seg[1:len(seg)-1])
				}
			}
			ops = append(ops, o)
		}
	}
	sort.Slice(ops, func(i, j int) bool { return ops[i].ID < ops[j].ID })
	return ops, nil
}

// goIdent makes a generated parameter name idiomatic: accountId -> accountID.
func goIdent(s string) string {
	if strings.HasSuffix(s, "Id") {
		return strings.TrimSuffix(s, "Id") + "ID"
	}
	return s
}
