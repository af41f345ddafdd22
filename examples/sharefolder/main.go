// Command sharefolder shares a folder for review: it creates a secure
// share of the folder with downloads off, adds reviewers by email, and
// prints the link to send.
//
//	go run ./examples/sharefolder [-folder ID] [-reviewer email]...
//
// Without FRAMEIO_TOKEN it runs on the embedded fake Frame.io.
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/frameio-go/frameio-go/examples/internal/env"
	"github.com/frameio-go/frameio-go/frameio"
	"github.com/frameio-go/frameio-go/gen"
)

// emails collects repeated -reviewer flags.
type emails []string

func (e *emails) String() string     { return strings.Join(*e, ",") }
func (e *emails) Set(v string) error { *e = append(*e, v); return nil }

func main() {
	var cfg env.Config
	folder := flag.String("folder", "", "folder to share (default: the project's root folder)")
	var reviewers emails
	flag.Var(&reviewers, "reviewer", "reviewer email (repeatable)")
	flag.Parse()
	if len(reviewers) == 0 {
		reviewers = emails{"reviewer@example.com"}
	}
	if err := run(context.Background(), cfg.FromEnv(), *folder, reviewers, os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "sharefolder:", err)
		os.Exit(1)
	}
}

func run(ctx context.Context, cfg env.Config, folderID string, reviewers []string, out io.Writer) error {
	e, err := env.Open(ctx, cfg, out)
	if err != nil {
		return err
	}
	defer e.Close()
	c := e.Client
	if folderID == "" {
		folderID = e.RootFolderID
	}
	share, err := c.Shares.Create(ctx, e.AccountID, e.ProjectID, &frameio.AssetShare{
		Name:               "Review: cut v2",
		Access:             gen.ShareAccessSecure,
		AssetIDs:           []string{folderID},
		DownloadingEnabled: new(false),
	})
	if err != nil {
		return err
	}
	err = c.Shares.AddReviewers(ctx, e.AccountID, share.ID, gen.AddReviewersToShareParamsData{
		Reviewers: gen.AddReviewersToShareParamsDataReviewers{Emails: reviewers},
	})
	if err != nil {
		return err
	}
	fmt.Fprintf(out, "Shared folder %s as %q with %s\nLink: %s\n",
		folderID, frameio.Value(share.Name), strings.Join(reviewers, ", "), frameio.Value(share.ShortURL))
	return nil
}
