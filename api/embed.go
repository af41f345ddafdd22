// Package api embeds the OpenAPI documents of the SDK so that tests and
// the in-memory server (frameiotest) can validate against them at run time.
//
// frameio.yaml is built from the Frame.io docs by `make spec` and never
// edited by hand; frameio.codegen.yaml is frameio.yaml after the SDK's
// code-generation fixes (internal/specfix) and is what gen/ is made from.
// See NOTES.md for the decisions taken where the docs disagree.
package api

import _ "embed"

//go:embed frameio.yaml
var frameioYAML []byte

// V4 returns the OpenAPI 3.1 document of the Frame.io V4 API, as built
// from the docs. The caller may modify the returned slice.
func V4() []byte { return append([]byte(nil), frameioYAML...) }
