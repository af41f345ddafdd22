package webhook

import (
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
)

// Response is what a custom action answers with: a message
// ({"title", "description"}) shown to the user, or a form
// ({"title", "description", "fields"}) the user fills in and submits back.
// Build one with [Message] or [Form].
type Response struct {
	// Title is shown at the top of the message or form.
	Title string `json:"title"`
	// Description is shown below the title.
	Description string `json:"description"`
	// Fields are the form's fields; a Response without fields is a message.
	Fields []Field `json:"fields,omitempty"`
}

// Message returns a message callback, for example
// {"title": "Success!", "description": "The thing worked! Nice."}.
func Message(title, description string) *Response {
	return &Response{Title: title, Description: description}
}

// Form returns a form callback with the given fields. The submitted values
// come back in [ActionEvent.Data], keyed by field name, with the same
// interaction ID.
func Form(title, description string, fields ...Field) *Response {
	return &Response{Title: title, Description: description, Fields: fields}
}

// IsForm reports whether r has fields.
func (r *Response) IsForm() bool { return len(r.Fields) > 0 }

// Validate checks that every field has a known type and a unique, non-empty
// name, and that select fields, and only they, have options.
func (r *Response) Validate() error {
	var errs []error
	seen := make(map[string]bool, len(r.Fields))
	for i, f := range r.Fields {
		if err := f.validate(); err != nil {
			errs = append(errs, fmt.Errorf("field %d (%q): %w", i, f.Name, err))
		}
		if f.Name != "" && seen[f.Name] {
			errs = append(errs, fmt.Errorf("field %d: duplicate name %q", i, f.Name))
		}
		seen[f.Name] = true
	}
	if len(errs) > 0 {
		return fmt.Errorf("webhook: invalid response: %w", errors.Join(errs...))
	}
	return nil
}

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

// FormData holds the values of a submitted form, keyed by field name, as
// decoded from the payload's "data" object. Values are JSON values: the
// documentation shows strings, including for boolean fields ("false"); the
// accessors below also accept JSON booleans, numbers and arrays.
type FormData map[string]any

// Has reports whether the form data contains a value for name.
func (d FormData) Has(name string) bool {
	_, ok := d[name]
	return ok
}

// String returns the value of name as a string: strings as is, booleans and
// numbers formatted, arrays and objects as JSON, and "" if absent or null.
func (d FormData) String(name string) string {
	return stringify(d[name])
}

// Bool returns the value of name as a boolean: a JSON boolean, or a string
// accepted by [strconv.ParseBool] ("true", "false", "1", "0", ...). It
// returns false if the value is absent or not a boolean.
func (d FormData) Bool(name string) bool {
	switch v := d[name].(type) {
	case bool:
		return v
	case string:
		b, err := strconv.ParseBool(v)
		return err == nil && b
	}
	return false
}

// Strings returns the value of name as a list: each element of an array
// (formatted like [FormData.String]), a single value as a one-element list,
// or nil if absent or null. It suits multi-select fields.
func (d FormData) Strings(name string) []string {
	switch v := d[name].(type) {
	case nil:
		return nil
	case []any:
		out := make([]string, 0, len(v))
		for _, x := range v {
			out = append(out, stringify(x))
		}
		return out
	default:
		return []string{stringify(v)}
	}
}

func stringify(v any) string {
	switch v := v.(type) {
	case nil:
		return ""
	case string:
		return v
	case bool:
		return strconv.FormatBool(v)
	case float64:
		return strconv.FormatFloat(v, 'f', -1, 64)
	default:
		b, err := json.Marshal(v)
		if err != nil {
			return ""
		}
		return string(b)
	}
}
