package specfix

import (
	"fmt"
	"maps"
	"slices"

	"gopkg.in/yaml.v3"

	"github.com/frameio-go/frameio-go/internal/yamlnode"
)

// namedData hoists the inline object of a schema's data property into a
// component named <Schema>Data, as the docs' own schemas already are
// (FolderCreateParamsData). oapi-codegen would make it an anonymous struct
// (the published BulkFileCopyMoveParams), which a service method taking the
// inner data (see internal/cmd/gensdk) could not name.
func namedData(schemas *yaml.Node) ([]string, error) {
	var log []string
	for _, name := range slices.Sorted(maps.Keys(mapOf(schemas))) {
		props := yamlnode.Get(yamlnode.Get(schemas, name), "properties")
		data := yamlnode.Get(props, "data")
		if data == nil || yamlnode.Scalar(data, "type") != "object" || yamlnode.Get(data, "properties") == nil {
			continue
		}
		target := name + "Data"
		if yamlnode.Get(schemas, target) != nil {
			return log, fmt.Errorf("%s.data: %s is taken", name, target)
		}
		yamlnode.Set(data, "title", yamlnode.Str(target))
		yamlnode.Set(schemas, target, data)
		yamlnode.Set(props, "data", yamlnode.SchemaRef(target))
		log = append(log, fmt.Sprintf("%s.data -> %s", name, target))
	}
	return log, nil
}

// mapOf returns the keys of a mapping node as a set.
func mapOf(n *yaml.Node) map[string]bool {
	out := map[string]bool{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		out[n.Content[i].Value] = true
	}
	return out
}
