package c2c_test

import (
	"bytes"
	"context"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"time"

	"github.com/frameio-go/frameio-go/frameio/c2c"
	"github.com/frameio-go/frameio-go/frameiotest/c2ctest"
)

// Pairing a device: show the six-digit code (or a QR code of
// VerificationURIComplete) and wait until the user enters it in Frame.io.
// Here the fake server plays the user.
func ExampleClient_Pair() {
	srv, err := c2ctest.Start(c2ctest.WithPollInterval(10 * time.Millisecond))
	if err != nil {
		log.Fatal(err)
	}
	defer srv.Close()

	dev, err := c2c.NewClient(
		c2c.WithBaseURL(srv.URL()), // omit for https://api.frame.io
		c2c.WithClientVersion("1.4.0"),
		c2c.WithCredentials("serial-0042", c2ctest.DefaultClientSecret),
		c2c.WithTokenStore(c2c.FileTokenStore{Path: filepath.Join(os.TempDir(), "c2c-example-token.json")}),
	)
	if err != nil {
		log.Fatal(err)
	}
	defer dev.Close()

	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	_, err = dev.Pair(ctx, func(p *c2c.Pairing) {
		fmt.Println("enter the code in Frame.io; it has", len(p.UserCode), "digits")
		go func() { _ = srv.Approve(p.UserCode) }() // the user types it
	})
	if err != nil {
		log.Fatal(err)
	}
	me, err := dev.Me(ctx)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("paired with", *me.Project.Name)
	// Output:
	// enter the code in Frame.io; it has 6 digits
	// paired with c2ctest project
}

// Uploading a clip while it is still being recorded: the recorder writes
// the file and calls Finish; UploadStream sends parts as data arrives and
// the final part once the file is complete.
func ExampleClient_UploadStream() {
	srv, err := c2ctest.Start(c2ctest.WithAutoApprove(1), c2ctest.WithPollInterval(time.Millisecond))
	if err != nil {
		log.Fatal(err)
	}
	defer srv.Close()
	dev, err := c2c.NewClient(c2c.WithBaseURL(srv.URL()), c2c.WithClientVersion("1.4.0"),
		c2c.WithCredentials("serial-0042", c2ctest.DefaultClientSecret))
	if err != nil {
		log.Fatal(err)
	}
	defer dev.Close()
	ctx := context.Background()
	if _, err := dev.Pair(ctx, nil); err != nil {
		log.Fatal(err)
	}

	dir, _ := os.MkdirTemp("", "c2c-example")
	defer os.RemoveAll(dir)
	path := filepath.Join(dir, "A001_C001.mov")
	f, _ := os.Create(path)
	clip, _ := c2c.OpenFileStream(path, 5*time.Millisecond, nil)
	defer clip.Close()
	frames := bytes.Repeat([]byte("frame data "), 1_000_000) // 11 MB
	go func() {                                              // the recorder
		for off := 0; off < len(frames); off += 1 << 20 {
			_, _ = f.Write(frames[off:min(off+1<<20, len(frames))])
			time.Sleep(time.Millisecond)
		}
		_ = f.Close()
		clip.Finish()
	}()

	asset, err := dev.UploadStream(ctx, clip, c2c.AssetParams{
		Name: "A001_C001.mov", Filetype: "video/quicktime", CreatedAt: time.Now(),
	})
	if err != nil {
		log.Fatal(err)
	}
	info, _ := srv.Asset(asset.ID)
	fmt.Println(info.Name, "complete:", info.Complete, "identical:", bytes.Equal(info.Data, frames), "parts:", info.Parts)
	// Output:
	// A001_C001.mov complete: true identical: true parts: 3
}
