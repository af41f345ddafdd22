// Command walktree prints the folder tree of a project: every folder,
// version stack and file, depth first, with sizes.
//
//	go run ./examples/walktree [-project ID]
//
// Without FRAMEIO_TOKEN it runs on the embedded fake Frame.io, seeded with
// a small tree.
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
)

func main() {
	var cfg env.Config
	flag.StringVar(&cfg.ProjectID, "project", "", "project ID (default: FRAMEIO_PROJECT_ID or the first project)")
	flag.Parse()
	if err := run(context.Background(), cfg.FromEnv(), os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "walktree:", err)
		os.Exit(1)
	}
}

func run(ctx context.Context, cfg env.Config, out io.Writer) error {
	e, err := env.Open(ctx, cfg, out)
	if err != nil {
		return err
	}
	defer e.Close()
	if e.Fake != nil {
		if err := seedTree(e); err != nil {
			return err
		}
	}
	files, bytes := 0, int64(0)
	err = walk(ctx, e.Client, e.AccountID, e.RootFolderID, 0, func(depth int, a frameio.Asset) {
		indent := strings.Repeat("  ", depth)
		switch a := a.(type) {
		case *frameio.Folder:
			fmt.Fprintf(out, "%s%s/\n", indent, a.Name)
		case *frameio.VersionStack:
			fmt.Fprintf(out, "%s%s (version stack)\n", indent, a.Name)
		case *frameio.File:
			files++
			bytes += int64(a.FileSize)
			fmt.Fprintf(out, "%s%s  %d bytes\n", indent, a.Name, a.FileSize)
		default:
			fmt.Fprintf(out, "%s(%s)\n", indent, a.Kind())
		}
	})
	if err != nil {
		return err
	}
	fmt.Fprintf(out, "%d files, %d bytes\n", files, bytes)
	return nil
}

// walk visits the children of folderID depth first, one page in memory
// per open folder.
func walk(ctx context.Context, c *frameio.Client, accountID, folderID string, depth int, visit func(int, frameio.Asset)) error {
	for a, err := range c.Folders.IndexAll(ctx, accountID, folderID, nil) {
		if err != nil {
			return err
		}
		visit(depth, a)
		if f, ok := a.(*frameio.Folder); ok {
			if err := walk(ctx, c, accountID, f.ID, depth+1, visit); err != nil {
				return err
			}
		}
	}
	return nil
}

// seedTree gives the fake project something to walk.
func seedTree(e *env.Env) error {
	dailies, err := e.Fake.AddFolder(e.RootFolderID, "Dailies")
	if err != nil {
		return err
	}
	day1, err := e.Fake.AddFolder(dailies, "Day 1")
	if err != nil {
		return err
	}
	for parent, names := range map[string][]string{e.RootFolderID: {"brief.pdf"}, day1: {"A001_C001.mov", "A001_C002.mov"}} {
		for _, n := range names {
			if _, err := e.Fake.AddFile(parent, n, []byte(strings.Repeat(n, 100))); err != nil {
				return err
			}
		}
	}
	return nil
}
