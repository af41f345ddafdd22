// Command genunions writes frameio/union_gen.go: the Go sum types of the
// unions of api/frameio.codegen.yaml (see frameio/union.go for the decoding
// rules). The variants and discriminator values are read from the spec; the
// Go names and documentation come from the table in config.go.
//
// Usage (from the module root, as `make generate` does):
//
//	go run ./internal/cmd/genunions [-in api/frameio.codegen.yaml] [-out frameio/union_gen.go]
package main

import (
	"flag"
	"fmt"
	"os"
)

func main() {
	in := flag.String("in", "api/frameio.codegen.yaml", "OpenAPI document to read")
	out := flag.String("out", "frameio/union_gen.go", "Go file to write")
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
	src, err := Generate(spec)
	if err != nil {
		return err
	}
	return os.WriteFile(out, src, 0o644)
}
