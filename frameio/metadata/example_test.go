package metadata_test

import (
	"context"
	"fmt"
	"log"

	"github.com/frameio-go/frameio-go/frameio/metadata"
	"github.com/frameio-go/frameio-go/frameiotest"
)

// Create a field definition: the request is a union, so pass its typed
// variant; the answer comes back typed too.
func ExampleFieldDefinitionParams() {
	srv, err := frameiotest.Start()
	if err != nil {
		log.Fatal(err)
	}
	defer srv.Close()

	def, err := srv.Client().MetadataFields.MetadataFieldDefinitionsCreate(context.Background(), srv.Seed().AccountID,
		&metadata.SelectDefinitionParams{
			Name: "Approval Status",
			FieldConfiguration: metadata.SelectFieldConfiguration{
				Options: []metadata.SelectFieldOption{{DisplayName: "Approved"}, {DisplayName: "Needs changes"}},
			},
		})
	if err != nil {
		log.Fatal(err)
	}
	if s, ok := def.(*metadata.SelectDefinition); ok {
		fmt.Println(s.Kind(), s.Name)
	}
	// Output: select Approval Status
}
