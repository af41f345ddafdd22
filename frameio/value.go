package frameio

// Value returns *p, or the zero value of T when p is nil. It reads an
// optional or nullable field of a response in one expression:
//
//	link := frameio.Value(share.ShortURL)   // "" when the share has none
//
// The generated models follow one rule: a required field that cannot be
// null is a T; an optional or nullable scalar or struct is a *T (nil means
// absent or null); slices and maps are never pointers (nil means absent).
// To set an optional field, take the address of a value: Go 1.26's
// new(expr) does it in place, as in Name: new("Dailies").
//
// Request bodies that can clear a field by sending null (PATCH) give that
// field the type nullable.Nullable[T] (github.com/oapi-codegen/nullable):
// leave it unset to send nothing, nullable.NewNullableWithValue(v) to send
// v, nullable.NewNullNullable[T]() to send null.
func Value[T any](p *T) T {
	if p == nil {
		var zero T
		return zero
	}
	return *p
}
