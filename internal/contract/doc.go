// Package contract holds the spec-contract tests: api/ is valid OpenAPI,
// it documents exactly the endpoints of the docs, its discriminator
// mappings agree with their variants, and gen/ is what api/ generates.
package contract
