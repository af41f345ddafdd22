package specbuild

import (
	"fmt"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/frameio-go/frameio-go/internal/yamlnode"
)

// Report is what a build found on its way: the operations it merged, the
// conflicts it refused and the ambiguous spots it settled by a rule.
type Report struct {
	Operations []OperationRef
	Schemas    int
	Decisions  []SectionDecision
}

// OperationRef names one operation of the built document.
type OperationRef struct {
	Method, Path, OperationID, Section string
}

// SectionDecision is a parser Decision with the section it was made in.
type SectionDecision struct {
	Section string
	Decision
}

// ConflictError lists schemas that two fragments define differently.
type ConflictError struct{ Conflicts []string }

// Error implements the error interface.
func (e *ConflictError) Error() string {
	return fmt.Sprintf("%d conflicting definitions:\n  %s", len(e.Conflicts), strings.Join(e.Conflicts, "\n  "))
}

// Build reads every endpoint section of api in docs (either layout, see
// ExtractSections) and merges their fragments into one OpenAPI document.
func Build(docs string, api API, opts ...Option) (*yaml.Node, *Report, error) {
	sections, err := ExtractSections(docs, api)
	if err != nil {
		return nil, nil, err
	}
	m := newMerger(api)
	for _, s := range sections {
		where := fmt.Sprintf("%s (%s %s, line %d)", s.Title, s.Method, s.Path, s.Line)
		frag, decisions, err := ParseFragment(s.Fragment)
		if err != nil {
			m.errs = append(m.errs, fmt.Errorf("%s: %w", where, err))
			continue
		}
		for _, d := range decisions {
			m.rep.Decisions = append(m.rep.Decisions, SectionDecision{Section: s.Title, Decision: d})
		}
		if err := checkSectionOperation(frag, s); err != nil {
			m.errs = append(m.errs, fmt.Errorf("%s: %w", where, err))
			continue
		}
		m.add(frag, where, s.Title, strict)
	}
	if err := m.apply(opts); err != nil {
		return nil, m.rep, err
	}
	return m.finish()
}

// checkSectionOperation checks that the fragment documents exactly the
// section's operation.
func checkSectionOperation(frag *yaml.Node, s Section) error {
	p := yamlnode.Get(frag, "paths")
	if p == nil || len(p.Content) != 2 {
		return fmt.Errorf("fragment must hold exactly one path")
	}
	if p.Content[0].Value != s.Path {
		return fmt.Errorf("fragment path %q differs from heading path %q", p.Content[0].Value, s.Path)
	}
	item := p.Content[1]
	if len(item.Content) != 2 || item.Content[0].Value != strings.ToLower(s.Method) {
		return fmt.Errorf("fragment must hold exactly the %s operation", s.Method)
	}
	return nil
}
