// Command quickstart does what a new Frame.io integration does first: it
// signs in, lists accounts, workspaces and projects, creates a folder,
// uploads a generated file with a progress bar, waits until Frame.io has
// transcoded it, lists the folder's children as typed assets, comments on
// the file and prints a share link.
//
//	go run ./examples/quickstart
//
// Without FRAMEIO_TOKEN it starts the embedded fake Frame.io (frameiotest)
// and runs there in seconds. With FRAMEIO_TOKEN it runs against the real
// API, in the account and project named by -account/-project (or
// FRAMEIO_ACCOUNT_ID/FRAMEIO_PROJECT_ID), by default the first it finds.
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"

	"github.com/frameio-go/frameio-go/examples/internal/env"
	"github.com/frameio-go/frameio-go/frameio"
	"github.com/frameio-go/frameio-go/frameio/transfer"
)

func main() {
	cfg := config{Config: env.Config{}.FromEnv()}
	flag.StringVar(&cfg.AccountID, "account", cfg.AccountID, "account ID (default: the first account)")
	flag.StringVar(&cfg.ProjectID, "project", cfg.ProjectID, "project ID (default: the first project of the first workspace)")
	flag.Int64Var(&cfg.FileSize, "size", 12<<20, "size in bytes of the generated file to upload")
	flag.Parse()

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	if err := run(ctx, cfg, os.Stdout, os.Stderr); err != nil {
		fmt.Fprintln(os.Stderr, "quickstart:", err)
		os.Exit(1)
	}
}

// config is what the quickstart needs to know: where to connect (an
// empty token means the embedded fake) and how big a file to upload.
type config struct {
	env.Config
	FileSize int64
}

// run is the whole quickstart; out gets the story, progress the upload bar.
func run(ctx context.Context, cfg config, out, progress io.Writer) error {
	if cfg.FileSize <= 0 {
		cfg.FileSize = 12 << 20
	}
	e, err := env.Open(ctx, cfg.Config, out, frameio.WithUserAgent("frameio-go-quickstart"))
	if err != nil {
		return err
	}
	defer e.Close()
	up, err := transfer.NewUploader(e.Client, transfer.WithProgressBar(progress, transfer.BarLabel("upload")))
	if err != nil {
		return err
	}
	q := &quickstart{size: cfg.FileSize, out: out, client: e.Client, up: up,
		accountID: e.AccountID, projectID: e.ProjectID, rootFolderID: e.RootFolderID}
	return q.run(ctx)
}
