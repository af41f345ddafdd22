package specbuild

import (
	"strings"

	"gopkg.in/yaml.v3"
)

// Flatten writes a parsed fragment back in the docs' flattened form: every
// key, list marker, block indicator and word in document order, one space
// apart. Flatten(ParseFragment(x)) equals x up to whitespace exactly when
// the parser placed every token once: the round-trip test relies on it.
func Flatten(n *yaml.Node) string {
	var b strings.Builder
	flatten(&b, n)
	return strings.TrimSpace(b.String())
}

func flatten(b *strings.Builder, n *yaml.Node) {
	switch n.Kind {
	case yaml.DocumentNode:
		for _, c := range n.Content {
			flatten(b, c)
		}
	case yaml.MappingNode:
		if n.Style == yaml.FlowStyle && len(n.Content) == 0 {
			b.WriteString(" {}")
			return
		}
		for i := 0; i+1 < len(n.Content); i += 2 {
			b.WriteString(" ")
			k := *n.Content[i]
			if k.Style == yaml.DoubleQuotedStyle || k.Style == yaml.SingleQuotedStyle {
				flatten(b, &k)
			} else {
				b.WriteString(" " + k.Value)
			}
			b.WriteString(":")
			flatten(b, n.Content[i+1])
		}
	case yaml.SequenceNode:
		if n.Style == yaml.FlowStyle && len(n.Content) == 0 {
			b.WriteString(" []")
			return
		}
		for _, c := range n.Content {
			b.WriteString(" -")
			flatten(b, c)
		}
	case yaml.ScalarNode:
		b.WriteString(" ")
		switch n.Style {
		case yaml.SingleQuotedStyle:
			b.WriteString("'" + strings.ReplaceAll(n.Value, "'", "''") + "'")
		case yaml.DoubleQuotedStyle:
			b.WriteString(`"` + strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\n", `\n`).Replace(n.Value) + `"`)
		case yaml.FoldedStyle, yaml.LiteralStyle:
			ind := ">"
			if n.Style == yaml.LiteralStyle {
				ind = "|"
			}
			v := n.Value
			if strings.HasSuffix(v, "\n") {
				v = strings.TrimSuffix(v, "\n")
			} else {
				ind += "-"
			}
			b.WriteString(ind)
			if v != "" {
				b.WriteString(" " + v)
			}
		default:
			b.WriteString(n.Value)
		}
	}
}

// normalizeSpace collapses every run of whitespace to one space.
func normalizeSpace(s string) string { return strings.Join(strings.Fields(s), " ") }
