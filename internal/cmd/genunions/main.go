// Command genunions writes frameio/union_gen.go, frameio/metadata/union_gen.go
// and frameio/search/union_gen.go:
// the Go sum types of the unions of api/frameio.codegen.yaml (see
// frameio/union.go for the decoding rules). The variants and discriminator
// values are read from the spec; the Go names, documentation and packages
// come from the table in internal/sdknames.
//
// Usage (from the module root, as `make generate` does):
//
//	go run ./internal/cmd/genunions [-in api/frameio.codegen.yaml] [-out frameio]
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
)

func main() {
	in := flag.String("in", "api/frameio.codegen.yaml", "OpenAPI document to read")
	out := flag.String("out", "frameio", "directory of package frameio; the files go there and below")
	flag.Parse()
	if err := run(*in, *out); err != nil {
		fmt.Fprintln(os.Stderr, "genunions:", err)
		os.Exit(1)
	}
}

func run(in, out string) error {
	spec, err := os.ReadFile(in)
	if err != nil {
		return err
	}
	files, err := Generate(spec)
	if err != nil {
		return err
	}
	for name, src := range files {
		path := filepath.Join(out, name)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(path, src, 0o644); err != nil {
			return err
		}
	}
	return nil
}
