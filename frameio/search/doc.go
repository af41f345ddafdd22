// Package search holds the typed results of a search
// (client.Search.SearchAll): each Result is an *AssetResult (a file,
// folder or version stack) or a *ProjectResult, and says why it matched
// through TypedMatches, one Match per matching property (*NameMatch,
// *TranscriptionMatch, *RatingMatch, ...). They live apart from package
// frameio so that their 40 types do not bury the client there.
//
//	for r, err := range client.Search.SearchAll(ctx, accountID, nil, gen.SearchParams{Query: "interview", Engine: gen.SearchEngineLexical}) {
//		if err != nil { ... }
//		if a, ok := r.(*search.AssetResult); ok {
//			matches, _ := a.TypedMatches()
//			fmt.Println(a.ID, len(matches))
//		}
//	}
//
// The types decode and encode as described under "Unions" in the
// documentation of package frameio: an unknown kind of result or match
// arrives as *UnknownResult or *UnknownMatch, keeping its JSON.
package search
