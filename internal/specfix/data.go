package specfix

import (
	"fmt"

	"gopkg.in/yaml.v3"
)

// namedData hoists the inline object of a schema's data property into a
// component named <Schema>Data, as the docs' own schemas already are
// (FolderCreateParamsData). oapi-codegen would make it an anonymous struct
// (the published BulkFileCopyMoveParams), which a service method taking the
// inner data (see internal/cmd/gensdk) could not name.
func namedData(schemas *yaml.Node) ([]string, error) {
	var log []string
	for _, name := range sortedKeys(mapOf(schemas)) {
		props := get(get(schemas, name), "properties")
		data := get(props, "data")
		if data == nil || scalar(data, "type") != "object" || get(data, "properties") == nil {
			continue
		}
		target := name + "Data"
		if get(schemas, target) != nil {
			return log, fmt.Errorf("%s.data: %s is taken", name, target)
		}
		set(data, "title", str(target))
		set(schemas, target, data)
		set(props, "data", refNode(target))
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
