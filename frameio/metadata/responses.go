package metadata

import "github.com/frameio-go/frameio-go/gen"

// DefinitionsOf decodes one page of an account's metadata field
// definitions (client.MetadataFields.MetadataFieldDefinitionsIndex).
func DefinitionsOf(resp *gen.FieldDefinitionsWithIncludesResponse) ([]FieldDefinitionWithIncludes, error) {
	if resp == nil {
		return nil, nil
	}
	return DecodeFieldDefinitionsWithIncludes(resp.Data)
}

// ValuesOf decodes the metadata values of a file
// (client.Metadata.Show).
func ValuesOf(m *gen.MetadataWithDefinition) ([]Value, error) {
	if m == nil {
		return nil, nil
	}
	return DecodeValues(m.Metadata)
}
