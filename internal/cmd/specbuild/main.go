// Command specbuild rebuilds the OpenAPI document of the Frame.io API from
// the developer docs (the flattened fragments of its endpoint sections).
//
//	go run ./internal/cmd/specbuild -docs ../shared/seeds/003_ca67f33d460f59c7.txt -api v4 -out api/frameio.yaml
//
// It fails, writing nothing, on any token it cannot place and on any schema
// two fragments define differently. The decisions it took where the
// grammar allowed two readings are written next to the output (-report).
package main

import (
	"flag"
	"fmt"
	"os"
	"strings"

	"github.com/frameio-go/frameio-go/internal/specbuild"
)

func main() {
	docs := flag.String("docs", "../shared/seeds/003_ca67f33d460f59c7.txt", "the Frame.io docs text")
	apiName := flag.String("api", "v4", "which API to build: v4 or c2c")
	out := flag.String("out", "api/frameio.yaml", "where to write the OpenAPI document")
	report := flag.String("report", "api/frameio.decisions.txt", "where to write the decisions report ('' for none)")
	flag.Parse()
	if err := run(*docs, *apiName, *out, *report); err != nil {
		fmt.Fprintln(os.Stderr, "specbuild:", err)
		os.Exit(1)
	}
}

func run(docsPath, apiName, out, reportPath string) error {
	raw, err := os.ReadFile(docsPath)
	if err != nil {
		return fmt.Errorf("reading docs (set DOCS=path): %w", err)
	}
	api := specbuild.V4
	switch apiName {
	case "v4":
	case "c2c":
		api = specbuild.C2C
	default:
		return fmt.Errorf("-api must be v4 or c2c, not %q", apiName)
	}
	doc, rep, err := specbuild.Build(string(raw), api)
	if err != nil {
		return err
	}
	b, err := specbuild.Encode(doc)
	if err != nil {
		return err
	}
	if err := writeFile(out, b); err != nil {
		return err
	}
	if reportPath != "" {
		var r strings.Builder
		fmt.Fprintf(&r, "# Written by internal/cmd/specbuild: do not edit.\n")
		fmt.Fprintf(&r, "# %d operations, %d component schemas, %d decisions\n", len(rep.Operations), rep.Schemas, len(rep.Decisions))
		for _, d := range rep.Decisions {
			fmt.Fprintf(&r, "%s\t%s\t%s\n", d.Rule, d.Section, d.Detail)
		}
		if err := writeFile(reportPath, []byte(r.String())); err != nil {
			return err
		}
	}
	fmt.Printf("specbuild: %s: %d operations, %d schemas, %d decisions\n", out, len(rep.Operations), rep.Schemas, len(rep.Decisions))
	return nil
}

// writeFile replaces path atomically, so a failed run leaves the old file.
func writeFile(path string, b []byte) error {
	tmp := path + ".tmp"
	if err := os.WriteFile(tmp, b, 0o644); err != nil {
		return err
	}
	return os.Rename(tmp, path)
}
