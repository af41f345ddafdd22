package search

import "github.com/frameio-go/frameio-go/gen"

// ResultsOf decodes the results of one page of a search
// (client.Search.Search) into assets and projects.
func ResultsOf(resp *gen.SearchResponse) ([]Result, error) {
	if resp == nil {
		return nil, nil
	}
	return DecodeResults(resp.Data)
}

// TypedMatches decodes why the asset matched the search.
func (v *AssetResult) TypedMatches() ([]Match, error) { return DecodeMatches(v.Matches) }

// TypedMatches decodes why the project matched the search.
func (v *ProjectResult) TypedMatches() ([]Match, error) { return DecodeMatches(v.Matches) }
