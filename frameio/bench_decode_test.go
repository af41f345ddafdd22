package frameio_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"testing"

	"github.com/frameio-go/frameio-go/frameio"
	"github.com/frameio-go/frameio-go/gen"
)

// folderPage builds a 100-item folder children page from the items of
// the folders index fixtures (files, folders and version stacks, with
// every property set or with nullable ones null), in turn.
func folderPage(b *testing.B) []byte {
	b.Helper()
	var items []json.RawMessage
	for _, name := range []string{"folders_index_200.json", "folders_index_200.nulls.json"} {
		data, err := os.ReadFile("../testdata/responses/" + name)
		if err != nil {
			b.Fatal(err)
		}
		var page struct{ Data []json.RawMessage }
		if err := json.Unmarshal(data, &page); err != nil {
			b.Fatal(err)
		}
		items = append(items, page.Data...)
	}
	var buf bytes.Buffer
	buf.WriteString(`{"data":[`)
	for i := range 100 {
		if i > 0 {
			buf.WriteByte(',')
		}
		if err := json.Compact(&buf, items[i%len(items)]); err != nil {
			b.Fatal(err)
		}
	}
	buf.WriteString(`],"links":{"next":"/v4/accounts/a/folders/f/children?after=g3QAAAABZAAEcGFnZWEC"},"total_count":1000}`)
	return buf.Bytes()
}

// BenchmarkDecodeFolderChildren decodes one 100-item mixed folder page
// into typed values: with the SDK's sum types ("sdk": the page into
// gen's response type, then FolderAssets, as Folders.IndexAll does) and
// with the generated types' own decoding ("gen": the same page, then
// ValueByDiscriminator on each item), the two alternating (see
// alternate); ratio-to-gen is sdk's time over gen's in the same run.
func BenchmarkDecodeFolderChildren(b *testing.B) {
	page := folderPage(b)
	sdk := func() error {
		var resp gen.FolderAssetsWithIncludesResponse
		if err := json.Unmarshal(page, &resp); err != nil {
			return err
		}
		assets, err := frameio.FolderAssets(&resp)
		if err == nil && len(assets) != 100 {
			err = fmt.Errorf("decoded %d assets", len(assets))
		}
		return err
	}
	generated := func() error {
		var resp gen.FolderAssetsWithIncludesResponse
		if err := json.Unmarshal(page, &resp); err != nil {
			return err
		}
		assets := make([]any, len(resp.Data))
		for i, it := range resp.Data {
			v, err := it.ValueByDiscriminator()
			if err != nil {
				return err
			}
			assets[i] = v
		}
		return nil
	}
	b.Run("sdk", func(b *testing.B) { alternate(b, sdk, generated, "ratio-to-gen") })
	b.Run("gen", func(b *testing.B) { alternate(b, generated, sdk, "") })
}
