// Command bulkmetadata marks every file of a folder as approved in one
// call: it creates two metadata fields (a toggle and a text field) and sets
// both on all the files with metadata.bulk-update.
//
//	go run ./examples/bulkmetadata [-folder ID]
//
// Without FRAMEIO_TOKEN it runs on the embedded fake Frame.io, with three
// files in the project's root folder.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/frameio-go/frameio-go/examples/internal/env"
	"github.com/frameio-go/frameio-go/frameio"
	"github.com/frameio-go/frameio-go/frameio/metadata"
	"github.com/frameio-go/frameio-go/gen"
)

func main() {
	var cfg env.Config
	folder := flag.String("folder", "", "folder whose files to update (default: the project's root folder)")
	flag.Parse()
	if err := run(context.Background(), cfg.FromEnv(), *folder, os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "bulkmetadata:", err)
		os.Exit(1)
	}
}

func run(ctx context.Context, cfg env.Config, folderID string, out io.Writer) error {
	e, err := env.Open(ctx, cfg, out)
	if err != nil {
		return err
	}
	defer e.Close()
	if folderID == "" {
		folderID = e.RootFolderID
	}
	if e.Fake != nil {
		for _, n := range []string{"cut_v1.mov", "cut_v2.mov", "poster.png"} {
			if _, err := e.Fake.AddFile(folderID, n, []byte(n)); err != nil {
				return err
			}
		}
	}
	c := e.Client

	var fileIDs []gen.FrameOrAdobeID
	for a, err := range c.Folders.IndexAll(ctx, e.AccountID, folderID, nil) {
		if err != nil {
			return err
		}
		if f, ok := a.(*frameio.File); ok {
			fileIDs = append(fileIDs, f.ID)
		}
	}
	if len(fileIDs) == 0 {
		return errors.New("the folder has no files")
	}

	approved, err := createField(ctx, c, e.AccountID, &metadata.ToggleDefinitionParams{Name: "Approved"})
	if err != nil {
		return err
	}
	notes, err := createField(ctx, c, e.AccountID, &metadata.TextDefinitionParams{Name: "Approval notes"})
	if err != nil {
		return err
	}
	err = c.Metadata.BulkUpdate(ctx, e.AccountID, e.ProjectID, gen.BulkUpdateMetadataParamsData{
		FileIDs: fileIDs,
		Values: []gen.BulkUpdateMetadataParamsDataValuesItems{
			{FieldDefinitionID: approved, Value: true},
			{FieldDefinitionID: notes, Value: "Approved by the client on " + time.Now().UTC().Format("2006-01-02")},
		},
	})
	if err != nil {
		return err
	}
	fmt.Fprintf(out, "Set Approved and Approval notes on %d files\n", len(fileIDs))
	return nil
}

// createField creates a metadata field definition and returns its ID.
func createField(ctx context.Context, c *frameio.Client, accountID string, def metadata.FieldDefinitionParams) (string, error) {
	created, err := c.MetadataFields.MetadataFieldDefinitionsCreate(ctx, accountID, def)
	if err != nil {
		return "", err
	}
	var id string
	switch d := created.(type) {
	case *metadata.ToggleDefinition:
		id = d.ID
	case *metadata.TextDefinition:
		id = d.ID
	default:
		return "", fmt.Errorf("created a %s field, not the kind asked for", created.Kind())
	}
	return id, nil
}
