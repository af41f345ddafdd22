package sdknames

import "strings"

// tagPrefix is what the docs' tags carry in front of the SDK's tag:
// subpackage_versionStacks is the tag versionStacks.
const tagPrefix = "subpackage_"

// Tag returns the SDK's tag of a document's tag: subpackage_versionStacks
// -> versionStacks. A tag without the prefix is returned as it is.
func Tag(docTag string) string { return strings.TrimPrefix(docTag, tagPrefix) }

// DocTag is the inverse of Tag, the tag as the document writes it:
// versionStacks -> subpackage_versionStacks.
func DocTag(tag string) string { return tagPrefix + tag }

// Service returns the Go name of the service of a tag (lowerCamel, as Tag
// returns it): versionStacks -> VersionStacks, client.VersionStacks.
func Service(tag string) string { return Camel(Snake(tag)) }

// Method returns the Go name of the method of an operation: its id
// without the tag's snake-case prefix, in CamelCase. Tag versionStacks
// with id version_stacks_list_children -> ListChildren
// (client.VersionStacks.ListChildren); an id without the prefix keeps all
// its words.
func Method(tag, id string) string { return Camel(strings.TrimPrefix(id, Snake(tag)+"_")) }
