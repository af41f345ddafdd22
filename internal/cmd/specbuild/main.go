// Command specbuild builds the OpenAPI 3.1 document of a Frame.io API in
// the project's conventions from whatever Frame.io publishes:
//
//	go run ./internal/cmd/specbuild -docs ../shared/seeds/003_ca67f33d460f59c7.txt -out api/frameio.yaml
//	go run ./internal/cmd/specbuild -docs webhooks.md -out /tmp/webhooks.yaml      # docs pages
//	go run ./internal/cmd/specbuild -spec openapi.json -out /tmp/published.yaml    # an OpenAPI 3.0/3.1 document
//
// -docs reads the developer docs text (the flattened single file or the
// per-page markdown); -spec reads an OpenAPI document (JSON or YAML, 3.0 or
// 3.1). -additions merges every *.yaml file of a folder over the input
// (api/published: what the published document has beyond the docs).
//
// It fails, writing nothing, on any token it cannot place and on any
// schema two sources define differently. The decisions it took (readings
// the grammar left open, normalizations, defaults, published replacements)
// are written next to the output (-report).
package main

import (
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/frameio-go/frameio-go/internal/specbuild"
	"gopkg.in/yaml.v3"
)

func main() {
	docs := flag.String("docs", "", "the Frame.io docs text (flattened or per-page markdown)")
	spec := flag.String("spec", "", "an OpenAPI document (JSON or YAML, 3.0 or 3.1), instead of -docs")
	additions := flag.String("additions", "", "a folder whose *.yaml files are merged over the input ('' for none)")
	apiName := flag.String("api", "v4", "which API to build: v4 or c2c")
	out := flag.String("out", "api/frameio.yaml", "where to write the OpenAPI document")
	report := flag.String("report", "", "where to write the decisions report ('' for none)")
	flag.Parse()
	if err := run(*docs, *spec, *additions, *apiName, *out, *report); err != nil {
		fmt.Fprintln(os.Stderr, "specbuild:", err)
		os.Exit(1)
	}
}

func run(docsPath, specPath, additionsDir, apiName, out, reportPath string) error {
	api := specbuild.V4
	switch apiName {
	case "v4":
	case "c2c":
		api = specbuild.C2C
	default:
		return fmt.Errorf("-api must be v4 or c2c, not %q", apiName)
	}
	if (docsPath == "") == (specPath == "") {
		return errors.New("give exactly one input: -docs (DOCS=) or -spec (SPEC=)")
	}
	opts, sources, err := additions(additionsDir)
	if err != nil {
		return err
	}
	input := docsPath
	if specPath != "" {
		input = specPath
	}
	raw, err := os.ReadFile(input)
	if err != nil {
		return fmt.Errorf("reading the input: %w", err)
	}
	build := func() (*yaml.Node, *specbuild.Report, error) { return specbuild.Build(string(raw), api, opts...) }
	if specPath != "" {
		build = func() (*yaml.Node, *specbuild.Report, error) { return specbuild.BuildSpec(raw, api, opts...) }
	}
	doc, rep, err := build()
	if err != nil {
		return fmt.Errorf("%s: %w", input, err)
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
		fmt.Fprintf(&r, "# input: %s\n", filepath.Base(input))
		for _, s := range sources {
			fmt.Fprintf(&r, "# additions: %s\n", filepath.ToSlash(s))
		}
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

// additions reads the *.yaml files of dir, in name order.
func additions(dir string) ([]specbuild.Option, []string, error) {
	if dir == "" {
		return nil, nil, nil
	}
	files, err := filepath.Glob(filepath.Join(dir, "*.yaml"))
	if err != nil {
		return nil, nil, err
	}
	if len(files) == 0 {
		return nil, nil, fmt.Errorf("-additions %s: no *.yaml files", dir)
	}
	sort.Strings(files)
	var opts []specbuild.Option
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			return nil, nil, err
		}
		opts = append(opts, specbuild.WithAdditions(filepath.ToSlash(f), raw))
	}
	return opts, files, nil
}

// writeFile replaces path atomically, so a failed run leaves the old file.
func writeFile(path string, b []byte) error {
	tmp := path + ".tmp"
	if err := os.WriteFile(tmp, b, 0o644); err != nil {
		return err
	}
	return os.Rename(tmp, path)
}
