package c2c

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"sync"
	"time"
)

// Credentials are a device's permanent identity: losing them means the
// device can never pair again, so store them apart from the tokens.
// String, GoString and LogValue hide the secret.
type Credentials struct {
	// ClientID is unique per physical device: a serial number or a UUID it
	// generated once (never a MAC address or an e-mail address).
	ClientID string
	// ClientSecret identifies the device model; issued by Frame.io.
	ClientSecret string
}

// String shows the client id and hides the secret.
func (c Credentials) String() string {
	return fmt.Sprintf("c2c.Credentials{ClientID:%q, ClientSecret:%s}", c.ClientID, redacted(c.ClientSecret))
}

// GoString is String, for %#v.
func (c Credentials) GoString() string { return c.String() }

// LogValue implements slog.LogValuer without the secret.
func (c Credentials) LogValue() slog.Value { return slog.StringValue(c.String()) }

// CredentialStore yields the device's credentials when a call needs them.
type CredentialStore interface {
	Credentials(ctx context.Context) (Credentials, error)
}

// StaticCredentials is a CredentialStore holding fixed credentials.
type StaticCredentials Credentials

// Credentials returns s.
func (s StaticCredentials) Credentials(context.Context) (Credentials, error) {
	return Credentials(s), s.validate()
}

// String hides the secret.
func (s StaticCredentials) String() string { return Credentials(s).String() }

// GoString hides the secret.
func (s StaticCredentials) GoString() string { return Credentials(s).String() }

func (s StaticCredentials) validate() error {
	var errs []error
	if s.ClientID == "" {
		errs = append(errs, errors.New("c2c: client id is empty (use the device serial number or a UUID it keeps)"))
	}
	if s.ClientSecret == "" {
		errs = append(errs, errors.New("c2c: client secret is empty (Frame.io issues one per device model)"))
	}
	return errors.Join(errs...)
}

// Token is the authorization of a paired device. Refresh tokens are single
// use: after a refresh only the new pair is valid. String, GoString and
// LogValue hide both tokens; the JSON form does not, so store it as a
// secret.
type Token struct {
	AccessToken  string    `json:"access_token"`
	RefreshToken string    `json:"refresh_token,omitempty"`
	ExpiresAt    time.Time `json:"expires_at"`
}

// String hides the tokens.
func (t Token) String() string {
	return fmt.Sprintf("c2c.Token{AccessToken:%s, RefreshToken:%s, ExpiresAt:%s}",
		redacted(t.AccessToken), redacted(t.RefreshToken), t.ExpiresAt.UTC().Format(time.RFC3339))
}

// GoString hides the tokens.
func (t Token) GoString() string { return t.String() }

// LogValue hides the tokens.
func (t Token) LogValue() slog.Value { return slog.StringValue(t.String()) }

func redacted(s string) string {
	if s == "" {
		return `""`
	}
	return "[REDACTED]"
}

// TokenStore persists the device's token across restarts. LoadToken
// returns (nil, nil) when there is none. SaveToken must be durable when it
// returns: the client saves a refreshed pair before it uses it, because the
// old refresh token is already spent.
type TokenStore interface {
	LoadToken(ctx context.Context) (*Token, error)
	SaveToken(ctx context.Context, t *Token) error
	DeleteToken(ctx context.Context) error
}

// MemoryTokenStore keeps the token in memory only. Safe for concurrent use.
type MemoryTokenStore struct {
	mu  sync.Mutex
	tok *Token
}

// LoadToken returns a copy of the stored token, or nil.
func (m *MemoryTokenStore) LoadToken(context.Context) (*Token, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.tok == nil {
		return nil, nil
	}
	t := *m.tok
	return &t, nil
}

// SaveToken stores a copy of t.
func (m *MemoryTokenStore) SaveToken(_ context.Context, t *Token) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	c := *t
	m.tok = &c
	return nil
}

// DeleteToken forgets the token.
func (m *MemoryTokenStore) DeleteToken(context.Context) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.tok = nil
	return nil
}

// FileTokenStore keeps the token as JSON in a file readable by its owner
// only (0600), replaced atomically (write, fsync, rename) so a power cut
// leaves either the old or the new pair. Encrypt the file system if the
// device allows it.
type FileTokenStore struct{ Path string }

// LoadToken reads the file; a missing file is no token.
func (f FileTokenStore) LoadToken(context.Context) (*Token, error) {
	b, err := os.ReadFile(f.Path)
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("c2c: token store: %w", err)
	}
	var t Token
	if err := json.Unmarshal(b, &t); err != nil {
		return nil, fmt.Errorf("c2c: token store %s: not a token file: %w", f.Path, err)
	}
	return &t, nil
}

// SaveToken writes t durably.
func (f FileTokenStore) SaveToken(_ context.Context, t *Token) error {
	b, err := json.Marshal(t)
	if err != nil {
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(f.Path), ".c2c-token-*")
	if err != nil {
		return fmt.Errorf("c2c: token store: %w", err)
	}
	defer os.Remove(tmp.Name())
	if err := tmp.Chmod(0o600); err == nil {
		_, err = tmp.Write(b)
		if err == nil {
			err = tmp.Sync()
		}
		if cerr := tmp.Close(); err == nil {
			err = cerr
		}
		if err == nil {
			err = os.Rename(tmp.Name(), f.Path)
		}
		if err == nil {
			return nil
		}
	}
	_ = tmp.Close()
	return fmt.Errorf("c2c: token store: saving %s failed", f.Path)
}

// DeleteToken removes the file.
func (f FileTokenStore) DeleteToken(context.Context) error {
	if err := os.Remove(f.Path); err != nil && !errors.Is(err, os.ErrNotExist) {
		return fmt.Errorf("c2c: token store: %w", err)
	}
	return nil
}
