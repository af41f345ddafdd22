// Command gensdk writes the generated part of package frameio from the
// spec and the code oapi-codegen made of it:
//
//   - frameio/services_gen.go: one service per resource (Files, Folders,
//     ...) with one thin method per operation, each calling the request
//     builder oapi-codegen generated in gen/ and executing it through
//     frameio.Client;
//   - frameio/union_gen.go, frameio/metadata/union_gen.go and
//     frameio/search/union_gen.go: the Go sum types of the unions (see
//     "Unions" in the documentation of package frameio).
//
// It reads api/frameio.codegen.yaml once (kin-openapi) for the operations,
// their success responses, the unions, their variants and tag values, and
// gen/frameio.gen.go for the exact signatures of the request builders and
// the types and fields of the models oapi-codegen made, so it never guesses
// a Go name or type: a spec operation without its builder, or a response
// schema without exactly one gen type (sdknames.Fold), is an error. The
// names the SDK keeps stable come from one table, internal/sdknames.
//
// Usage (from the module root, as `make generate` does):
//
//	go run ./internal/cmd/gensdk [-spec api/frameio.codegen.yaml] [-gen gen/frameio.gen.go] [-out frameio]
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/frameio-go/frameio-go/internal/sdknames"
)

func main() {
	spec := flag.String("spec", "api/frameio.codegen.yaml", "the OpenAPI document gen/ was generated from")
	genFile := flag.String("gen", "gen/frameio.gen.go", "the generated models and request builders")
	out := flag.String("out", "frameio", "the directory of package frameio; the files go there and below")
	flag.Parse()
	if err := run(*spec, *genFile, *out); err != nil {
		fmt.Fprintln(os.Stderr, "gensdk:", err)
		os.Exit(1)
	}
}

func run(specPath, genPath, out string) error {
	raw, err := os.ReadFile(specPath)
	if err != nil {
		return err
	}
	files, err := generate(raw, genPath)
	if err != nil {
		return err
	}
	for name, src := range files {
		path := filepath.Join(out, name)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			return err
		}
		tmp := path + ".tmp"
		if err := os.WriteFile(tmp, src, 0o644); err != nil {
			return err
		}
		if err := os.Rename(tmp, path); err != nil {
			return err
		}
	}
	return nil
}

// generate returns the generated files, keyed by their path below frameio/.
func generate(spec []byte, genPath string) (map[string][]byte, error) {
	doc, err := loadSpec(spec)
	if err != nil {
		return nil, err
	}
	// The unions are read once: their sum types are generated, and the
	// services take and return them.
	model, err := buildModel(doc, sdknames.Unions())
	if err != nil {
		return nil, err
	}
	files, err := unionFiles(model)
	if err != nil {
		return nil, err
	}
	g, err := readGenerated(genPath)
	if err != nil {
		return nil, err
	}
	src, err := servicesFile(doc, g, unionsBySchema(model))
	if err != nil {
		return nil, err
	}
	files["services_gen.go"] = src
	return files, nil
}

// loadSpec parses and validates the OpenAPI document.
func loadSpec(spec []byte) (*openapi3.T, error) {
	doc, err := openapi3.NewLoader().LoadFromData(spec)
	if err != nil {
		return nil, fmt.Errorf("load spec: %w", err)
	}
	// Examples are documentation; the published document's do not all
	// match their schemas, and nothing generated depends on them.
	if err := doc.Validate(context.Background(), openapi3.DisableExamplesValidation()); err != nil {
		return nil, fmt.Errorf("validate spec: %w", err)
	}
	return doc, nil
}
