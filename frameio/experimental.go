package frameio

// withExperimentalAPI puts the "api-version: experimental" header the
// custom action endpoints need in front of the caller's options, so a
// caller can still override it with WithHeader.
func withExperimentalAPI(opts []RequestOption) []RequestOption {
	return append([]RequestOption{WithHeader("api-version", "experimental")}, opts...)
}
