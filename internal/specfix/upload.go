package specfix

import (
	"fmt"

	"gopkg.in/yaml.v3"

	"github.com/frameio-go/frameio-go/internal/yamlnode"
)

// localUploadData is the data object of a files.create-local-upload body.
const localUploadData = "FileCreateLocalUploadParamsData"

// localUploadMediaType declares the optional media_type of a local
// upload's data, in its alphabetical place among the properties. A
// document that declares it already is left alone.
func localUploadMediaType(schemas *yaml.Node) ([]string, error) {
	props := yamlnode.Get(yamlnode.Get(schemas, localUploadData), "properties")
	if props == nil || props.Kind != yaml.MappingNode {
		return nil, fmt.Errorf("%s has no properties", localUploadData)
	}
	if yamlnode.Has(props, "media_type") {
		return nil, nil
	}
	mt := yamlnode.Map()
	yamlnode.Set(mt, "type", yamlnode.Str("string"))
	yamlnode.Set(mt, "description", yamlnode.Str("MIME type, Example: image/gif. Every part is then uploaded with it as "+
		"Content-Type; without it Frame.io derives one from the name (the media_type of the response)."))
	at := len(props.Content)
	for i := 0; i+1 < len(props.Content); i += 2 {
		if props.Content[i].Value > "media_type" {
			at = i
			break
		}
	}
	props.Content = append(props.Content[:at], append([]*yaml.Node{yamlnode.Str("media_type"), mt}, props.Content[at:]...)...)
	return []string{localUploadData + ".media_type (optional string)"}, nil
}
