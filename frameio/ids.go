package frameio

// requireID reports an *InvalidParamError when value, the required path
// parameter called name, is empty. Frame.io IDs are opaque strings (UUIDs,
// Adobe user IDs such as "B0DC108C5CD449CA0A494133@c62f24cc5b5b7e0e0a494004",
// "adobe:"-prefixed IDs): they are never trimmed, validated or altered
// beyond this emptiness check. Path escaping is the request builder's job.
func requireID(name, value string) error {
	if value == "" {
		return &InvalidParamError{Param: name, Reason: "is required and must not be empty"}
	}
	return nil
}
