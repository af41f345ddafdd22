package search_test

import (
	"encoding/json"
	"fmt"

	"github.com/frameio-go/frameio-go/frameio/search"
	"github.com/frameio-go/frameio-go/gen"
)

// A page of search results decodes into assets and projects, and each says
// why it matched; a kind of match this SDK does not know stays readable.
func ExampleResultsOf() {
	body := `{"data": [
		{"type": "file_result", "result": {"id": "6f2b1c9e-3a4d-4e8f-9b0a-1c2d3e4f5a6b", "name": "Interview_A.mov"},
		 "matches": [{"type": "name_match", "name": "Interview_A.mov", "terms": ["interview"]},
		             {"type": "smell_match", "smell": "fresh"}]},
		{"type": "project_result", "result": {"id": "0c9d8e7f-6a5b-4c3d-8e2f-1a0b9c8d7e6f", "name": "Interviews"}, "matches": []}
	], "links": {}}`
	var resp gen.SearchResponse
	if err := json.Unmarshal([]byte(body), &resp); err != nil {
		panic(err)
	}
	results, err := search.ResultsOf(&resp)
	if err != nil {
		panic(err)
	}
	for _, r := range results {
		switch r := r.(type) {
		case *search.AssetResult:
			matches, _ := r.TypedMatches()
			for _, m := range matches {
				switch m := m.(type) {
				case *search.NameMatch:
					fmt.Println(r.Kind(), "name matches", m.Terms)
				case *search.UnknownMatch:
					fmt.Println(r.Kind(), "unknown match", m.Type)
				}
			}
		case *search.ProjectResult:
			fmt.Println(r.Kind())
		}
	}
	// Output:
	// file_result name matches [interview]
	// file_result unknown match smell_match
	// project_result
}
