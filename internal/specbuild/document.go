package specbuild

import (
	"fmt"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/frameio-go/frameio-go/internal/yamlnode"
)

// BuildSpec reads an OpenAPI document (JSON or YAML, OpenAPI 3.0 or 3.1:
// the form of Frame.io's published document) and writes it in the
// project's conventions, as Build does for the docs: 3.0 constructs are
// converted to 3.1 (see convert30), operation ids and tags normalized,
// the Authorization header parameters replaced by the global bearer
// requirement, paths and components sorted. The operations must all be
// under api's path prefix (/v4/ or /v2/).
func BuildSpec(raw []byte, api API, opts ...Option) (*yaml.Node, *Report, error) {
	doc, err := decodeDocument(raw)
	if err != nil {
		return nil, nil, err
	}
	m := newMerger(api)
	if err := m.addDocument(doc, "the OpenAPI document", strict); err != nil {
		return nil, m.rep, err
	}
	if err := m.apply(opts); err != nil {
		return nil, m.rep, err
	}
	return m.finish()
}

// addDocument checks an OpenAPI document's version, converts a 3.0 one to
// 3.1 and merges it.
func (m *merger) addDocument(doc *yaml.Node, where string, md mode) error {
	version := yamlnode.Scalar(doc, "openapi")
	switch {
	case strings.HasPrefix(version, "3.0."):
		m.decide(where, convert30(doc)...)
	case strings.HasPrefix(version, "3.1."):
	case version == "" && yamlnode.Scalar(doc, "swagger") != "":
		return fmt.Errorf("%s: Swagger %s is not supported: give an OpenAPI 3.0 or 3.1 document", where, yamlnode.Scalar(doc, "swagger"))
	default:
		return fmt.Errorf("%s: openapi version %q is not supported: give an OpenAPI 3.0 or 3.1 document", where, version)
	}
	if md == override {
		puts, err := takePuts(doc, where)
		if err != nil {
			return err
		}
		m.puts = append(m.puts, puts...)
	}
	m.add(doc, where, where, md)
	return nil
}

// Option adds a source to a build.
type Option func(*merger) error

// WithAdditions merges an additions document (OpenAPI 3.0 or 3.1, JSON or
// YAML; see api/published) over the main input: what it defines replaces
// what the input says, and every replacement that changes something is
// listed in the report. name says where it comes from in errors.
func WithAdditions(name string, raw []byte) Option {
	return func(m *merger) error {
		doc, err := decodeDocument(raw)
		if err != nil {
			return fmt.Errorf("%s: %w", name, err)
		}
		return m.addDocument(doc, name, override)
	}
}

func (m *merger) apply(opts []Option) error {
	for _, o := range opts {
		if err := o(m); err != nil {
			return err
		}
	}
	return nil
}
