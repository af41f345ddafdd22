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

//go:embed frameio.codegen.yaml
var codegenYAML []byte

// V4 returns the OpenAPI 3.1 document of the Frame.io V4 API, as built
// from the docs. The caller may modify the returned slice.
func V4() []byte { return append([]byte(nil), frameioYAML...) }

// V4Codegen returns frameio.yaml after the SDK's code-generation fixes
// (see NOTES.md): the document gen/ is made from. Its discriminated unions
// have explicit mappings, so a response can be validated against exactly
// one variant; the docs' own unions cannot be satisfied strictly (their
// variants overlap). The caller may modify the returned slice.
func V4Codegen() []byte { return append([]byte(nil), codegenYAML...) }

//go:embed c2c.yaml
var c2cYAML []byte

//go:embed c2c.codegen.yaml
var c2cCodegenYAML []byte

// C2C returns the OpenAPI 3.1 document of the Camera-to-Cloud device API,
// as built from the 16 C2C fragments of the docs. The caller may modify the
// returned slice.
func C2C() []byte { return append([]byte(nil), c2cYAML...) }

// C2CCodegen returns c2c.yaml after the C2C steps of internal/specfix (the
// guides' corrections, see NOTES.md): the document gen/c2c is made from
// and frameiotest/c2ctest validates against. The caller may modify the
// returned slice.
func C2CCodegen() []byte { return append([]byte(nil), c2cCodegenYAML...) }
