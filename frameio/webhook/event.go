package webhook

import (
	"encoding/json"
	"fmt"
	"time"
)

// Event is a decoded webhook delivery, for example:
//
//	{
//	  "account":   {"id": "6f70f1bd-7e89-4a7e-b4d3-7e576585a181"},
//	  "project":   {"id": "7e46e495-4444-4555-8649-bee4d391a997"},
//	  "resource":  {"id": "d3075547-4e64-45f0-ad12-d075660eddd2", "type": "file"},
//	  "type":      "file.ready",
//	  "user":      {"id": "56556a3f-859f-4b38-b6c6-e8625b5da8a5"},
//	  "workspace": {"id": "378fcbf7-6f88-4224-8139-6a743ed940b2"}
//	}
//
// Frame.io includes nothing beyond these IDs; call the API for details.
type Event struct {
	// Type is the event name, such as [FileReady].
	Type EventType `json:"type"`
	// Resource is the resource the event is about.
	Resource Resource `json:"resource"`
	// Account is the account the event belongs to.
	Account Ref `json:"account"`
	// Workspace is the workspace the webhook is scoped to.
	Workspace Ref `json:"workspace"`
	// Project is the project containing the resource, if any.
	Project Ref `json:"project"`
	// User is the user who caused the event, if any.
	User Ref `json:"user"`

	// Timestamp is the verified X-Frameio-Request-Timestamp of the delivery.
	// It is set by [Handler]; [DecodeEvent] leaves it zero.
	Timestamp time.Time `json:"-"`
	// Raw is the undecoded body, for fields this package does not model.
	Raw json.RawMessage `json:"-"`
}

// DecodeEvent decodes a webhook body. It fails with an error wrapping
// [ErrMalformedPayload] if body is not a JSON object, or lacks "type" or
// "resource.id". Unknown event types and unknown fields are accepted. The
// returned Event's Raw field aliases body.
func DecodeEvent(body []byte) (*Event, error) {
	var e Event
	if err := json.Unmarshal(body, &e); err != nil {
		return nil, fmt.Errorf("%w: %w", ErrMalformedPayload, err)
	}
	switch {
	case e.Type == "":
		return nil, fmt.Errorf("%w: missing \"type\"", ErrMalformedPayload)
	case e.Resource.ID == "":
		return nil, fmt.Errorf("%w: missing \"resource.id\"", ErrMalformedPayload)
	}
	e.Raw = body
	return &e, nil
}

// IdempotencyKey identifies the event for deduplication:
// "<event type>|<resource type>|<resource id>". Retries of a delivery share
// the key. Distinct occurrences of the same event on the same resource (two
// successive "file.updated") share it too, so keep seen keys only for a
// window longer than Frame.io's retry horizon (a few minutes).
func (e *Event) IdempotencyKey() string {
	return string(e.Type) + "|" + string(e.Resource.Type) + "|" + e.Resource.ID
}
