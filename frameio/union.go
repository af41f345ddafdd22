package frameio

// The sum types of the unions (see "Unions" in the package documentation),
// their variant types and their Decode and Encode functions are generated
// from api/frameio.codegen.yaml into union_gen.go, metadata/union_gen.go and
// search/union_gen.go by internal/cmd/gensdk, with the services of
// services_gen.go (`make generate` runs it); the helpers the unions share
// are in internal/unions.
