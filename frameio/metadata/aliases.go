package metadata

import "github.com/frameio-go/frameio-go/gen"

// Short names for the nested types of the field definition request
// variants, whose generated names are long.
type (
	// SelectFieldConfiguration configures a new "select" field definition
	// (SelectDefinitionParams.FieldConfiguration).
	SelectFieldConfiguration = gen.CreateFieldDefinitionParamsDataDiscriminatorMappingSelectFieldConfiguration
	// SelectFieldOption is one option of a new "select" field definition.
	SelectFieldOption = gen.CreateFieldDefinitionParamsDataDiscriminatorMappingSelectFieldConfigurationOptionsItems
	// UpdateSelectFieldConfiguration changes the configuration of a "select"
	// field definition (UpdateSelectDefinitionParams.FieldConfiguration).
	UpdateSelectFieldConfiguration = gen.UpdateFieldDefinitionParamsDataDiscriminatorMappingSelectFieldConfiguration
	// UpdateSelectFieldOption is one option of an updated "select" field definition.
	UpdateSelectFieldOption = gen.UpdateFieldDefinitionParamsDataDiscriminatorMappingSelectFieldConfigurationOptionsItems
)
