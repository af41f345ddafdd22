// Package specbuild builds api/frameio.yaml and api/c2c.yaml from what
// Frame.io publishes: the developer docs (flattened text or per-page
// markdown), whose OpenAPI fragments lost their layout, or an OpenAPI
// document (JSON or YAML, 3.0 or 3.1). Every place where the input allows
// two readings is settled by a rule and reported as a Decision.
//
// # Where things live
//
// build.go holds Build (the docs) with its Report and ConflictError,
// document.go BuildSpec (an OpenAPI document) and the options;
// sections.go finds the endpoint sections; scanner.go, grammar.go,
// parser.go, values.go and schemas.go read a flattened fragment with the
// OpenAPI object grammar; merge.go merges the fragments; normalize.go and
// convert30.go bring every form to the project's conventions (3.1);
// additions.go merges api/published over the docs; encode.go, flatten.go
// and jsonnode.go write and read documents. The YAML node helpers are
// internal/yamlnode's, shared with internal/specfix.
package specbuild
