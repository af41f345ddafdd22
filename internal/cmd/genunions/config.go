package main

// unionConfig names one union of the spec in Go. Everything else (the
// variants, their order, the discriminator values) comes from the spec.
type unionConfig struct {
	// Schema is the component schema holding the oneOf; gen.<Schema> is its
	// generated wrapper type.
	Schema string
	// Name is the Go interface (the sum type) in package frameio.
	Name string
	// Plural names the slice decoder: Decode<Plural>.
	Plural string
	// Doc is the first sentence of the interface's doc comment, after the name.
	Doc string
	// Rename gives Go names to variant schemas whose own name reads badly
	// in package frameio; other variants keep their schema name.
	Rename map[string]string
	// Defaults is the tag value written when a variant that stands for several
	// values is encoded with its tag unset.
	Defaults map[string]string
}

// unions lists the unions in the order they appear in union_gen.go.
// Discriminated ones choose their variant by discriminator.mapping; the
// others by shape (see frameio/union.go).
func unions() []unionConfig {
	return []unionConfig{
		{
			Schema: "AssetWithIncludes", Name: "Asset", Plural: "Assets",
			Doc: "is a file, a folder or a version stack, as returned by the asset endpoints " +
				"(show, children of a folder or version stack, copy, move...)",
			Rename: map[string]string{
				"AssetWithIncludesFileWithIncludes":         "File",
				"AssetWithIncludesFolderWithIncludes":       "Folder",
				"AssetWithIncludesVersionStackWithIncludes": "VersionStack",
			},
		},
		{
			Schema: "MetadataField", Name: "MetadataValue", Plural: "MetadataValues",
			Doc: "is the value of one metadata field of an asset, typed by its field_type",
			Defaults: map[string]string{
				"TextValue":      "text",
				"MultiUserValue": "user_multi",
			},
		},
		{
			Schema: "FieldDefinition", Name: "FieldDefinition", Plural: "FieldDefinitions",
			Doc: "is an account's metadata field definition, typed by its field_type",
		},
		{
			Schema: "FieldDefinitionWithIncludes", Name: "FieldDefinitionWithIncludes",
			Plural: "FieldDefinitionsWithIncludes",
			Doc:    "is a metadata field definition with its requested includes (creator...), typed by its field_type",
		},
		{
			Schema: "CreateFieldDefinitionParamsData", Name: "FieldDefinitionParams",
			Plural: "FieldDefinitionParamsList",
			Doc:    "is the body of a create-field-definition request, typed by its field_type",
		},
		{
			Schema: "UpdateFieldDefinitionParamsData", Name: "UpdateFieldDefinitionParams",
			Plural: "UpdateFieldDefinitionParamsList",
			Doc:    "is the body of an update-field-definition request, typed by its field_type",
		},
		{
			Schema: "GroupWithIncludes", Name: "Group", Plural: "Groups",
			Doc: "is a user group of an account: a group managed in Frame.io or Workfront, " +
				"or one synchronised from the Adobe Admin Console",
			Rename: map[string]string{
				"GroupCommonWithIncludes": "StandardGroup",
				"SyncGroupWithIncludes":   "SyncGroup",
			},
			Defaults: map[string]string{"GroupCommonWithIncludes": "frame"},
		},
		{
			Schema: "CreateShareParamsData", Name: "ShareParams", Plural: "ShareParamsList",
			Doc: "is the body of a create-share request, typed by its type",
		},
		{
			Schema: "SearchMatch", Name: "SearchMatch", Plural: "SearchMatches",
			Doc: "explains why a search result was returned (its name, its transcript, its rating... matched)",
		},
		{
			Schema: "SearchResponseDataItems", Name: "SearchResult", Plural: "SearchResults",
			Doc: "is one result of a search: an asset or a project",
		},
	}
}
