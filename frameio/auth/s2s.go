package auth

import (
	"context"
	"strings"

	"golang.org/x/oauth2"
	"golang.org/x/oauth2/clientcredentials"
)

// ServerToServer authenticates as an Adobe service account with the OAuth
// client_credentials grant. The client ID and secret are long-lived; each
// access token (typically valid 24 h) is cached and replaced before it
// expires. The client ID and secret are sent as form fields, as documented
// for IMS OAuth Server-to-Server credentials. Safe for concurrent use.
type ServerToServer struct {
	*core
	cc clientcredentials.Config
}

var _ ContextTokenSource = (*ServerToServer)(nil)

// NewServerToServer returns a server-to-server credential. Default scopes
// are [DefaultServerToServerScopes]. No request is sent until a token is
// needed; call Authenticate to fail fast on bad credentials.
func NewServerToServer(clientID, clientSecret string, opts ...Option) (*ServerToServer, error) {
	cfg, base, err := newConfig(DefaultServerToServerScopes(), clientID, opts)
	if err != nil {
		return nil, err
	}
	if err := validateSecret(clientSecret); err != nil {
		return nil, err
	}
	s := &ServerToServer{
		core: newCore("ServerToServer", cfg, base, clientID, clientSecret),
		cc: clientcredentials.Config{
			ClientID:     clientID,
			ClientSecret: clientSecret,
			TokenURL:     base + cfg.tokenPath,
			Scopes:       cfg.scopes,
			AuthStyle:    oauth2.AuthStyleInParams,
		},
	}
	s.cache = newTokenCache(cfg, s.fetch)
	return s, nil
}

// Authenticate fetches a new access token now, even if one is cached, so
// that bad credentials surface at startup as an [*AuthenticationError].
func (s *ServerToServer) Authenticate(ctx context.Context) error {
	_, err := s.cache.token(ctx, true)
	return err
}

func (s *ServerToServer) fetch(ctx context.Context, _ *oauth2.Token) (*oauth2.Token, error) {
	s.cfg.logger.DebugContext(ctx, "requesting token", "grant_type", opClientCredentials, "scope", strings.Join(s.cc.Scopes, " "))
	tok, err := s.cc.Token(s.withClient(ctx))
	if err != nil {
		return nil, classify(opClientCredentials, err, s.cc.ClientSecret)
	}
	return stamp(tok, s.cfg.now()), nil
}
