// Package sdknames is the one table of the Go names the SDK keeps stable
// whatever the spec calls things: the sum types of the unions, their
// variants and packages (read by internal/cmd/gensdk, which writes the sum
// types and types the services' bodies, results and iterators with them),
// the enum names internal/specfix pins, and the operations whose ids the
// SDK keeps. Everything else about a union (its variants, their tag values,
// their order) is read from the spec. Each entry names a spec schema,
// parameter or operation; a spec without it fails the generation loudly
// instead of silently generating other names. Camel, Snake, Words and
// LowerCamel are the one spelling of spec names the tools use; Tag,
// DocTag, Service and Method the one rule from a tag and an operation id to
// a service and a method; Fold finds the gen type oapi-codegen gave a
// component schema.
package sdknames

// Union names one union of the spec in Go.
type Union struct {
	// Schema is the component schema holding the oneOf; gen.<Schema> is its
	// generated wrapper type.
	Schema string
	// Name is the Go interface (the sum type) in package frameio.
	Name string
	// Plural names the slice decoder: Decode<Plural>.
	Plural string
	// Doc is the first sentence of the interface's doc comment, after the name.
	Doc string
	// Variants gives Go names to variants by a tag value they stand for
	// (the discriminator value, or the enum of the tag property); other
	// variants keep their schema's name. Keyed by value, the names do not
	// depend on what a spec calls its variant schemas
	// (AssetWithIncludesFileWithIncludes in the docs, FileWithIncludes in
	// the published document: both are File).
	Variants map[string]string
	// Defaults are the tag values written when a variant that stands for
	// several values is encoded with its tag unset: the variant holding the
	// value gets it.
	Defaults []string
	// Package is the package below frameio the sum type lives in ("search":
	// frameio/search), "" for frameio itself. The unions of one concern
	// (search results and matches; metadata values and field definitions)
	// live apart, so that their many variants do not bury the client and
	// the services in frameio's documentation.
	Package string
}

// Qualified returns name (the union's or a variant's) as package frameio
// refers to it: search.Match for a union of package search.
func (u Union) Qualified(name string) string {
	if u.Package == "" {
		return name
	}
	return u.Package + "." + name
}

// Unions lists the unions the SDK names, in the order they appear in
// frameio/union_gen.go. Unions of the spec missing here are generated too,
// under their schema's name, after these.
func Unions() []Union {
	return []Union{
		{
			Schema: "AssetWithIncludes", Name: "Asset", Plural: "Assets",
			Doc: "is a file, a folder or a version stack, as returned by the asset endpoints " +
				"(show, children of a folder or version stack, copy, move...)",
			Variants: map[string]string{"file": "File", "folder": "Folder", "version_stack": "VersionStack"},
		},
		{
			Schema: "MetadataField", Name: "Value", Plural: "Values", Package: "metadata",
			Doc:      "is the value of one metadata field of an asset, typed by its field_type",
			Defaults: []string{"text", "user_multi"},
		},
		{
			Schema: "FieldDefinition", Name: "FieldDefinition", Plural: "FieldDefinitions", Package: "metadata",
			Doc: "is an account's metadata field definition, typed by its field_type",
		},
		{
			Schema: "FieldDefinitionWithIncludes", Name: "FieldDefinitionWithIncludes",
			Plural: "FieldDefinitionsWithIncludes", Package: "metadata",
			Doc: "is a metadata field definition with its requested includes (creator...), typed by its field_type",
		},
		{
			Schema: "CreateFieldDefinitionParamsData", Name: "FieldDefinitionParams",
			Plural: "FieldDefinitionParamsList", Package: "metadata",
			Doc: "is the body of a create-field-definition request, typed by its field_type",
		},
		{
			Schema: "UpdateFieldDefinitionParamsData", Name: "UpdateFieldDefinitionParams",
			Plural: "UpdateFieldDefinitionParamsList", Package: "metadata",
			Doc: "is the body of an update-field-definition request, typed by its field_type",
		},
		{
			Schema: "GroupWithIncludes", Name: "Group", Plural: "Groups",
			Doc: "is a user group of an account: a group managed in Frame.io or Workfront, " +
				"or one synchronised from the Adobe Admin Console",
			Variants: map[string]string{"adobe": "SyncGroup", "frame": "StandardGroup"},
			Defaults: []string{"frame"},
		},
		{
			Schema: "CreateShareParamsData", Name: "ShareParams", Plural: "ShareParamsList",
			Doc:      "is the body of a create-share request, typed by its type",
			Variants: map[string]string{"asset": "AssetShare"},
		},
		{
			Schema: "SearchMatch", Name: "Match", Plural: "Matches", Package: "search",
			Doc: "explains why a search result was returned (its name, its transcript, its rating... matched)",
		},
		{
			Schema: "SearchResponseDataItems", Name: "Result", Plural: "Results", Package: "search",
			Doc:      "is one result of a search: an asset or a project",
			Variants: map[string]string{"file_result": "AssetResult", "project_result": "ProjectResult"},
		},
	}
}

// UnionFor returns the entry for schema, or a default one (the schema's
// own name) when the table does not list it.
func UnionFor(schema string) (Union, bool) {
	for _, u := range Unions() {
		if u.Schema == schema {
			return u, true
		}
	}
	return Union{Schema: schema, Name: schema, Plural: schema + "List", Doc: "is one of the variants of " + schema}, false
}
