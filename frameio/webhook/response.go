package webhook

import (
	"errors"
	"fmt"
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
