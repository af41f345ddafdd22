package auth

import (
	"log/slog"
	"strconv"
)

// The credential types print without their secrets: String, GoString and
// LogValue of core are promoted to ServerToServer, WebApp and PKCEApp, so
// that fmt's %v, %+v and %#v and log/slog show the client ID and the IMS
// base URL, never the client secret or a token.

// String describes the credential, e.g.
// auth.ServerToServer{client_id: "id", client_secret: <redacted>, ims: "https://ims-na1.adobelogin.com"}.
func (c *core) String() string {
	return "auth." + c.kind + "{client_id: " + strconv.Quote(c.revoker.clientID) +
		", client_secret: " + redacted(c.revoker.clientSecret) + ", ims: " + strconv.Quote(c.baseURL) + "}"
}

// GoString implements fmt.GoStringer like String.
func (c *core) GoString() string { return c.String() }

// LogValue implements slog.LogValuer with the secret redacted.
func (c *core) LogValue() slog.Value {
	return slog.GroupValue(
		slog.String("type", "auth."+c.kind),
		slog.String("client_id", c.revoker.clientID),
		slog.String("client_secret", redacted(c.revoker.clientSecret)),
		slog.String("ims", c.baseURL),
	)
}

// String shows the authorization URL and hides the verifier.
func (r AuthCodeRequest) String() string {
	return "auth.AuthCodeRequest{URL: " + strconv.Quote(r.URL) + ", Verifier: " + redacted(r.Verifier) + "}"
}

// GoString implements fmt.GoStringer like String.
func (r AuthCodeRequest) GoString() string { return r.String() }

// LogValue implements slog.LogValuer with the verifier redacted.
func (r AuthCodeRequest) LogValue() slog.Value {
	return slog.GroupValue(slog.String("url", r.URL), slog.String("verifier", redacted(r.Verifier)))
}
