package frameio

// Unions.
//
// The API returns and accepts several polymorphic objects. gen/ models each
// as a struct wrapping raw JSON; this package decodes them into Go sum types:
// an interface with one pointer type per variant, for use in a type switch:
//
//	assets, err := frameio.FolderAssets(resp)
//	for _, a := range assets {
//		switch a := a.(type) {
//		case *frameio.File:
//			fmt.Println("file", a.Name, a.FileSize)
//		case *frameio.Folder:
//			fmt.Println("folder", a.Name)
//		case *frameio.VersionStack:
//			fmt.Println("version stack", a.Name)
//		case *frameio.UnknownAsset: // a type added to the API after this SDK
//			fmt.Println("unknown asset", a.Type)
//		}
//	}
//
// Each variant type is a defined type over its gen struct (File is
// gen.AssetWithIncludesFileWithIncludes), so the two convert freely.
//
// Decoding rules, the same for every union:
//
//   - Discriminated unions (Asset, MetadataValue, FieldDefinition,
//     FieldDefinitionWithIncludes, FieldDefinitionParams,
//     UpdateFieldDefinitionParams, Group, ShareParams) choose the variant by
//     the discriminator property, using the spec's discriminator.mapping.
//     Several values may share a variant (MetadataValue "text" and
//     "long_text" are both *TextValue); the variant keeps the value it was
//     decoded from.
//   - Unions without discriminator (SearchMatch, SearchResult) choose the
//     first variant, in the spec's oneOf order, whose required properties are
//     all present and whose tag property ("type") holds one of the values of
//     its enum. Timestamp (a string or an integer) is chosen by JSON type.
//   - A oneOf of one schema and null is not a union here: gen decodes it as
//     nullable.Nullable[T] or *T, null meaning null.
//   - A value no variant matches (an unknown or missing discriminator, a new
//     kind of search match) is never an error: it decodes into the union's
//     Unknown variant, which keeps the JSON as received and encodes back to it
//     unchanged. JSON null decodes into a nil interface.
//   - Errors are reserved for input that is not a JSON object (or null) and
//     for a known variant whose properties have the wrong JSON types.
//
// Encoding goes the other way: Encode<Union> builds the gen wrapper from a
// variant, setting the discriminator from the variant's Go type, so a
// request body never needs it spelled out.
//
// The sum types, variant types and their Decode/Encode functions are
// generated from api/frameio.codegen.yaml into union_gen.go by
// internal/cmd/genunions.

//go:generate go run ../internal/cmd/genunions -in ../api/frameio.codegen.yaml -out .
