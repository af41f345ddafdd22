// Package metadata holds the typed metadata of Frame.io assets: the Value
// of each field of a file, folder or version stack (*TextValue,
// *SelectValue, *DateValue, ...), an account's field definitions
// (FieldDefinition: *TextDefinition, *SelectDefinition, ...), and the
// bodies that create and update them (FieldDefinitionParams,
// UpdateFieldDefinitionParams). The metadata services of package frameio
// take and return these; they live apart so that their 60 types do not
// bury the client there.
//
//	def, err := client.MetadataFields.MetadataFieldDefinitionsCreate(ctx, accountID,
//		&metadata.SelectDefinitionParams{Name: "Status", FieldConfiguration: metadata.SelectFieldConfiguration{
//			Options: []metadata.SelectFieldOption{{DisplayName: "Approved"}, {DisplayName: "Rejected"}}}})
//	values, err := file.MetadataValues() // a file fetched with include=metadata
//	for _, v := range values {
//		if t, ok := v.(*metadata.TextValue); ok { ... }
//	}
//
// The types decode and encode as described under "Unions" in the
// documentation of package frameio: a field type added to the API after
// this SDK arrives as *UnknownValue (or *UnknownFieldDefinition, ...),
// keeping its JSON.
package metadata
