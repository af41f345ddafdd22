package frameio_test

import (
	"context"
	"fmt"
	"log"
	"strings"

	"github.com/frameio-go/frameio-go/frameio"
	"github.com/frameio-go/frameio-go/frameiotest"
	"github.com/frameio-go/frameio-go/gen"
)

// The examples below run against frameiotest, the in-memory Frame.io: a
// real program builds its client with frameio.NewClient(frameio.WithToken(...))
// and otherwise reads the same.

// Walk a folder tree: a folder's children arrive as *frameio.File,
// *frameio.Folder and *frameio.VersionStack, page after page.
func Example_walkFolderTree() {
	srv, err := frameiotest.Start()
	if err != nil {
		log.Fatal(err)
	}
	defer srv.Close()
	seed := srv.Seed()
	dailies, _ := srv.AddFolder(seed.RootFolderID, "Dailies")
	_, _ = srv.AddFile(dailies, "A001_C001.mov", []byte("clip"))
	_, _ = srv.AddFile(seed.RootFolderID, "Cut_v2.mov", []byte("cut"))

	client := srv.Client()
	var walk func(folderID string, depth int) error
	walk = func(folderID string, depth int) error {
		for asset, err := range client.Folders.IndexAll(context.Background(), seed.AccountID, folderID, nil) {
			if err != nil {
				return err
			}
			indent := strings.Repeat("  ", depth)
			switch a := asset.(type) {
			case *frameio.Folder:
				fmt.Printf("%s%s/\n", indent, a.Name)
				if err := walk(a.ID, depth+1); err != nil {
					return err
				}
			case *frameio.File:
				fmt.Printf("%s%s (%d bytes)\n", indent, a.Name, a.FileSize)
			case *frameio.VersionStack:
				fmt.Printf("%s%s (version stack)\n", indent, a.Name)
			}
		}
		return nil
	}
	if err := walk(seed.RootFolderID, 0); err != nil {
		log.Fatal(err)
	}
	// Output:
	// Dailies/
	//   A001_C001.mov (4 bytes)
	// Cut_v2.mov (3 bytes)
}

// Create a folder and share it for review. A share request is a union:
// pass its variant, here *frameio.AssetShare; optional fields take new(v).
func ExampleSharesService_Create() {
	srv, err := frameiotest.Start()
	if err != nil {
		log.Fatal(err)
	}
	defer srv.Close()
	ctx, acct, seed := context.Background(), srv.Seed().AccountID, srv.Seed()
	client := srv.Client()

	folder, err := client.Folders.Create(ctx, acct, seed.RootFolderID,
		gen.FolderCreateParamsData{Name: new("Dailies")})
	if err != nil {
		log.Fatal(err)
	}
	share, err := client.Shares.Create(ctx, acct, seed.ProjectID, &frameio.AssetShare{
		Name:               "Review",
		Access:             gen.ShareAccessPublic,
		AssetIDs:           []string{folder.ID},
		DownloadingEnabled: new(false),
	})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(frameio.Value(share.Name), share.Access, frameio.Value(share.ShortURL) != "")
	// Output: Review public true
}

// Post comments at a frame and at a timecode, then list them with their
// owners: CommentTimestamp values go in and come back as they are, and an
// optional field is read with frameio.Value, without error checks.
func ExampleCommentsService_IndexAll() {
	srv, err := frameiotest.Start()
	if err != nil {
		log.Fatal(err)
	}
	defer srv.Close()
	ctx, acct := context.Background(), srv.Seed().AccountID
	fileID, _ := srv.AddFile(srv.Seed().RootFolderID, "Cut_v2.mov", []byte("cut"))
	client := srv.Client()

	for _, c := range []gen.CreateCommentParamsData{
		{Text: "Hold on this frame", Timestamp: frameio.FrameNumber(120)},
		{Text: "Music comes in here", Timestamp: frameio.Timecode("00:00:05:00")},
		{Text: "Cut before the fade", Timestamp: frameio.FrameNumber(240)},
	} {
		if _, err := client.Comments.Create(ctx, acct, fileID, nil, c); err != nil {
			log.Fatal(err)
		}
	}

	params := &gen.CommentsIndexParams{Include: new(gen.CommentIncludeOwner), PageSize: new(2)}
	for c, err := range client.Comments.IndexAll(ctx, acct, fileID, params) {
		if err != nil {
			log.Fatal(err)
		}
		at := c.Timestamp.String()
		if n, ok := c.Timestamp.FrameNumber(); ok {
			at = fmt.Sprintf("frame %d", n)
		}
		owner := ""
		if c.Owner != nil {
			owner = frameio.Value(c.Owner.Name)
		}
		fmt.Printf("%s | %s | %s\n", owner, at, c.Text)
	}
	// Output:
	// Test User | frame 120 | Hold on this frame
	// Test User | 00:00:05:00 | Music comes in here
	// Test User | frame 240 | Cut before the fade
}
