package webhook

import (
	"errors"
	"strconv"
)

// FieldType is the type of a form field, telling Frame.io which component
// to render.
type FieldType string

// Form field types supported by Frame.io custom actions.
const (
	// FieldText is a single-line text field.
	FieldText FieldType = "text"
	// FieldTextArea is a multi-line text area.
	FieldTextArea FieldType = "textarea"
	// FieldSelect is a pick list; it requires options.
	FieldSelect FieldType = "select"
	// FieldBoolean is a checkbox; its value is the string "true" or "false".
	FieldBoolean FieldType = "boolean"
	// FieldLink is a link the user can copy in one click.
	FieldLink FieldType = "link"
)

// Field is one form field:
// {"type": "text", "label": "Title", "name": "title", "value": "MyVideo.mp4"}.
type Field struct {
	// Type selects the component Frame.io renders.
	Type FieldType `json:"type"`
	// Label is shown above the field.
	Label string `json:"label"`
	// Name is the key of the field's value in the submitted [FormData].
	Name string `json:"name"`
	// Value pre-populates the field.
	Value string `json:"value,omitempty"`
	// Options lists the choices of a select field.
	Options []SelectOption `json:"options,omitempty"`
}

// SelectOption is one choice of a select field: a human-readable Name and a
// machine-parseable Value.
type SelectOption struct {
	// Name is shown to the user.
	Name string `json:"name"`
	// Value is submitted when the option is chosen.
	Value string `json:"value"`
}

// TextField returns a single-line text field pre-populated with value.
func TextField(name, label, value string) Field {
	return Field{Type: FieldText, Label: label, Name: name, Value: value}
}

// TextAreaField returns a multi-line text area pre-populated with value.
func TextAreaField(name, label, value string) Field {
	return Field{Type: FieldTextArea, Label: label, Name: name, Value: value}
}

// SelectField returns a pick list with the given options; value, if not
// empty, preselects the option with that value.
func SelectField(name, label, value string, options ...SelectOption) Field {
	return Field{Type: FieldSelect, Label: label, Name: name, Value: value, Options: options}
}

// BooleanField returns a checkbox. As in the documentation, its value is
// sent as the string "true" or "false".
func BooleanField(name, label string, value bool) Field {
	return Field{Type: FieldBoolean, Label: label, Name: name, Value: strconv.FormatBool(value)}
}

// LinkField returns a link field showing url, which the user can copy in one
// click.
func LinkField(name, label, url string) Field {
	return Field{Type: FieldLink, Label: label, Name: name, Value: url}
}

func (f Field) validate() error {
	if f.Name == "" {
		return errors.New("empty name")
	}
	switch f.Type {
	case FieldSelect:
		if len(f.Options) == 0 {
			return errors.New("select field without options")
		}
		return nil
	case FieldText, FieldTextArea, FieldBoolean, FieldLink:
		if len(f.Options) > 0 {
			return errors.New("options are only allowed on select fields")
		}
		return nil
	default:
		return errors.New("unknown field type " + strconv.Quote(string(f.Type)))
	}
}
