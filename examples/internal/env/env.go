// Package env connects the examples to Frame.io: the real API when
// FRAMEIO_TOKEN is set, the embedded fake (frameiotest) otherwise, so every
// example runs on a fresh machine without an account.
package env

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/frameio-go/frameio-go/frameio"
	"github.com/frameio-go/frameio-go/frameiotest"
)

// Config says where to connect. Zero values read the environment:
// FRAMEIO_TOKEN, FRAMEIO_BASE_URL, FRAMEIO_ACCOUNT_ID, FRAMEIO_PROJECT_ID.
type Config struct {
	Token, BaseURL       string
	AccountID, ProjectID string
	// Fake, when true, ignores the environment and uses the fake server.
	Fake bool
}

// FromEnv fills the empty fields of c from the environment.
func (c Config) FromEnv() Config {
	if c.Fake {
		return c
	}
	set := func(v *string, key string) {
		if *v == "" {
			*v = os.Getenv(key)
		}
	}
	set(&c.Token, "FRAMEIO_TOKEN")
	set(&c.BaseURL, "FRAMEIO_BASE_URL")
	set(&c.AccountID, "FRAMEIO_ACCOUNT_ID")
	set(&c.ProjectID, "FRAMEIO_PROJECT_ID")
	return c
}

// Env is a connected example: a client, and the account and project to
// work in (the first ones found unless configured).
type Env struct {
	Client    *frameio.Client
	AccountID string
	ProjectID string
	// RootFolderID is the project's root folder.
	RootFolderID string
	// Fake is the embedded server when no token was given, else nil.
	Fake *frameiotest.Server
}

// Open connects, tells out where, and resolves the account and project.
func Open(ctx context.Context, c Config, out io.Writer, opts ...frameio.RequestOption) (*Env, error) {
	e := &Env{}
	if c.Token == "" {
		fake, err := frameiotest.Start(frameiotest.WithTranscodeDelay(300 * time.Millisecond))
		if err != nil {
			return nil, err
		}
		e.Fake = fake
		e.Client = fake.Client(opts...)
		fmt.Fprintf(out, "No FRAMEIO_TOKEN set: using the embedded fake Frame.io at %s\n", fake.URL())
	} else {
		opts = append([]frameio.RequestOption{frameio.WithToken(c.Token)}, opts...)
		if c.BaseURL != "" {
			opts = append(opts, frameio.WithBaseURL(c.BaseURL))
		}
		client, err := frameio.NewClient(opts...)
		if err != nil {
			return nil, err
		}
		e.Client = client
	}
	if err := e.resolve(ctx, c); err != nil {
		e.Close()
		return nil, err
	}
	return e, nil
}

// resolve picks the configured or first account and project.
func (e *Env) resolve(ctx context.Context, c Config) error {
	e.AccountID, e.ProjectID = c.AccountID, c.ProjectID
	if e.AccountID == "" {
		accounts, err := frameio.Collect(e.Client.Accounts.IndexAll(ctx, nil), 1)
		if err != nil {
			return err
		}
		if len(accounts) == 0 {
			return errors.New("no account found")
		}
		e.AccountID = accounts[0].ID
	}
	if e.ProjectID == "" {
	workspaces:
		for ws, err := range e.Client.Workspaces.IndexAll(ctx, e.AccountID, nil) {
			if err != nil {
				return err
			}
			for p, err := range e.Client.Projects.IndexAll(ctx, e.AccountID, ws.ID, nil) {
				if err != nil {
					return err
				}
				e.ProjectID = p.ID
				break workspaces
			}
		}
		if e.ProjectID == "" {
			return errors.New("no project found")
		}
	}
	p, err := e.Client.Projects.Show(ctx, e.AccountID, e.ProjectID, nil)
	if err != nil {
		return err
	}
	e.RootFolderID = p.RootFolderID
	return nil
}

// Close stops the fake server, if any.
func (e *Env) Close() {
	if e.Fake != nil {
		e.Fake.Close()
	}
}
