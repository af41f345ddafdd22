package specfix

import (
	"gopkg.in/yaml.v3"

	"github.com/frameio-go/frameio-go/internal/yamlnode"
)

// renameComponent changes the key (and title) of component old, one of
// schemas, to repl and every $ref to it below root (renameRefs); it
// returns how many $refs it rewrote.
func renameComponent(root, schemas *yaml.Node, old, repl string) int {
	renameKey(schemas, old, repl)
	return renameRefs(root, old, repl)
}

// renameKey changes the key (and title) of component old to repl.
func renameKey(schemas *yaml.Node, old, repl string) {
	for i := 0; i+1 < len(schemas.Content); i += 2 {
		if schemas.Content[i].Value == old {
			schemas.Content[i].Value = repl
			if yamlnode.Has(schemas.Content[i+1], "title") {
				yamlnode.Set(schemas.Content[i+1], "title", yamlnode.Str(repl))
			}
		}
	}
}
