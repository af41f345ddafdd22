package transfer_test

import (
	"context"
	"fmt"
	"log"
	"maps"
	"os"
	"path/filepath"
	"slices"

	"github.com/frameio-go/frameio-go/frameio/transfer"
	"github.com/frameio-go/frameio-go/frameiotest"
)

// Upload a folder: the local tree is mirrored into Frame.io (subfolders are
// created or reused by name) and every file is uploaded, a failed one not
// stopping the others.
func ExampleUploader_UploadDir() {
	srv, err := frameiotest.Start()
	if err != nil {
		log.Fatal(err)
	}
	defer srv.Close()
	dir, err := os.MkdirTemp("", "dailies-")
	if err != nil {
		log.Fatal(err)
	}
	defer os.RemoveAll(dir)
	for _, f := range []string{"A001_C001.mov", "sound/A001_01.wav", "sound/A001_02.wav"} {
		path := filepath.Join(dir, f)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			log.Fatal(err)
		}
		if err := os.WriteFile(path, []byte("media of "+f), 0o644); err != nil {
			log.Fatal(err)
		}
	}

	up, err := transfer.NewUploader(srv.Client(), transfer.WithHTTPClient(srv.HTTPClient()))
	if err != nil {
		log.Fatal(err)
	}
	res, err := up.UploadDir(context.Background(), srv.Seed().AccountID, srv.Seed().RootFolderID, dir)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("folders:", slices.Sorted(maps.Keys(res.Folders)))
	for _, f := range res.Files {
		fmt.Println(f.RelPath, f.Err == nil)
	}
	// Output:
	// folders: [. sound]
	// A001_C001.mov true
	// sound/A001_01.wav true
	// sound/A001_02.wav true
}
