package webhook

import (
	"encoding/json"
	"fmt"
	"time"
)

// MaxActionResources is the largest number of resources Frame.io sends in
// one multi-asset custom action request. [DecodeAction] does not enforce it.
const MaxActionResources = 100

// ActionEvent is a decoded custom action request: either the user's click on
// the action, or the submission of a form returned earlier in the same
// interaction.
//
// Frame.io has two mutually exclusive payload formats, selected by the
// action's multi-asset setting: the legacy one carries a single "resource"
// object, the multi-asset one a "resources" list of up to 100 entries. Both
// are normalised into Resources, so callers can always iterate over it.
type ActionEvent struct {
	// Type is the event name configured on the custom action ("event" field).
	Type string
	// InteractionID identifies the interaction; it stays the same across the
	// click and every chained form submission.
	InteractionID string
	// ActionID identifies the custom action.
	ActionID string
	// Account is the action's account (payload "account_id", or "account.id").
	Account Ref
	// Workspace is the workspace the action belongs to.
	Workspace Ref
	// Project is the project containing the resources (payload "project.id",
	// or "project_id").
	Project Ref
	// User is the user who triggered the action.
	User Ref
	// Resources are the files, folders or version stacks the action was
	// triggered on. Form submissions may carry none.
	Resources []Resource
	// Legacy reports that the payload used the single "resource" object of
	// actions without multi-asset support.
	Legacy bool
	// Data holds submitted form values by field name; it is empty on the
	// initial click of an action that has not returned a form yet.
	Data FormData

	// Timestamp is the verified X-Frameio-Request-Timestamp. It is set by
	// [ActionHandler]; [DecodeAction] leaves it zero.
	Timestamp time.Time
	// Raw is the undecoded body, for fields this package does not model.
	Raw json.RawMessage
}

// actionPayload is the wire format, accepting both documented spellings of
// account and project.
type actionPayload struct {
	Type          string     `json:"type"`
	InteractionID string     `json:"interaction_id"`
	ActionID      string     `json:"action_id"`
	AccountID     string     `json:"account_id"`
	Account       Ref        `json:"account"`
	Workspace     Ref        `json:"workspace"`
	ProjectID     string     `json:"project_id"`
	Project       Ref        `json:"project"`
	User          Ref        `json:"user"`
	Resource      *Resource  `json:"resource"`
	Resources     []Resource `json:"resources"`
	Data          FormData   `json:"data"`
}

// DecodeAction decodes a custom action body. It fails with an error wrapping
// [ErrMalformedPayload] if body is not a JSON object of the documented shape
// or lacks "interaction_id". If a payload carries both "resources" and
// "resource" (the documentation says they are mutually exclusive),
// "resources" wins. The returned event's Raw field aliases body.
func DecodeAction(body []byte) (*ActionEvent, error) {
	var p actionPayload
	if err := json.Unmarshal(body, &p); err != nil {
		return nil, fmt.Errorf("%w: %w", ErrMalformedPayload, err)
	}
	if p.InteractionID == "" {
		return nil, fmt.Errorf("%w: missing \"interaction_id\"", ErrMalformedPayload)
	}
	e := &ActionEvent{
		Type:          p.Type,
		InteractionID: p.InteractionID,
		ActionID:      p.ActionID,
		Account:       Ref{ID: firstNonEmpty(p.AccountID, p.Account.ID)},
		Workspace:     p.Workspace,
		Project:       Ref{ID: firstNonEmpty(p.Project.ID, p.ProjectID)},
		User:          p.User,
		Resources:     p.Resources,
		Data:          p.Data,
		Raw:           body,
	}
	if len(e.Resources) == 0 && p.Resource != nil {
		e.Resources = []Resource{*p.Resource}
		e.Legacy = true
	}
	if e.Data == nil {
		e.Data = FormData{}
	}
	return e, nil
}

// IsSubmission reports whether the request carries form data, that is,
// whether it is the submission of a form returned earlier in the same
// interaction. When an action chains several forms, tell them apart by the
// field names each one asked for (see [FormData.Has]).
func (e *ActionEvent) IsSubmission() bool { return len(e.Data) > 0 }

func firstNonEmpty(a, b string) string {
	if a != "" {
		return a
	}
	return b
}
