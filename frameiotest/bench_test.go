package frameiotest_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/frameio-go/frameio-go/frameiotest"
	"github.com/frameio-go/frameio-go/gen"
)

// BenchmarkFakeIndexAll is the SDK iterating the 2,000 children (files and
// folders, alternating) of one folder, 100 per page, against the fake with
// request and response validation on: what a user's test suite pays for
// one full listing.
func BenchmarkFakeIndexAll(b *testing.B) {
	const children = 2000
	srv := frameiotest.NewServer(b)
	seed := srv.Seed()
	for i := range children {
		var err error
		if i%2 == 0 {
			_, err = srv.AddFile(seed.RootFolderID, fmt.Sprintf("clip-%04d.mov", i), []byte("x"))
		} else {
			_, err = srv.AddFolder(seed.RootFolderID, fmt.Sprintf("folder-%04d", i))
		}
		if err != nil {
			b.Fatal(err)
		}
	}
	client := srv.Client()
	params := &gen.FoldersIndexParams{PageSize: new(100)}
	ctx := context.Background()
	b.ReportAllocs()
	for b.Loop() {
		n := 0
		for _, err := range client.Folders.IndexAll(ctx, seed.AccountID, seed.RootFolderID, params) {
			if err != nil {
				b.Fatal(err)
			}
			n++
		}
		if n != children {
			b.Fatalf("listed %d children, want %d", n, children)
		}
	}
	if v := srv.Violations(); len(v) > 0 {
		b.Fatalf("spec violations: %v", v[0])
	}
}
