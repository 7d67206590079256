package load

// Locate makes positions come from f instead of the object's parsed
// document: a renderer that knows, field by field, which of its source files
// wrote what (a Kustomize patch, a generator entry) answers there, with the
// file when it is not Source.File. f gets the field path (nil for the object
// itself) and gives the nearest place it knows; it must not keep the path.
func (o *Object) Locate(f func(path []any) Position) { o.locate = f }
