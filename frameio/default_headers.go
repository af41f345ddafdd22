package frameio

// withDefaultHeader puts a header an endpoint needs (custom actions:
// "api-version: experimental"; audit logs: "api-version: 4.0") in front of
// the caller's options, so a caller can still override it with WithHeader.
func withDefaultHeader(opts []RequestOption, key, value string) []RequestOption {
	return append([]RequestOption{WithHeader(key, value)}, opts...)
}
