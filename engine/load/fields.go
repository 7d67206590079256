package load

import (
	"github.com/open-policy-agent/opa/v1/ast"
)

// Field is where one field of an object is written.
type Field struct {
	// Path is the field's path as reports write it (spec.containers[0].image).
	Path string
	Position
}

// Fields lists the position of every field of the object (mappings' keys
// and sequences' items, at every depth), in the order rules see them: what
// a rule's "path" resolves to. A projection (Partial) has none.
func (o *Object) Fields() []Field {
	if o.pos == nil || o.Partial {
		return nil
	}
	var out []Field
	var walk func(v ast.Value, path []any)
	walk = func(v ast.Value, path []any) {
		switch x := v.(type) {
		case ast.Object:
			for _, k := range x.Keys() {
				key, ok := k.Value.(ast.String)
				if !ok {
					continue
				}
				p := append(path[:len(path):len(path)], string(key))
				out = append(out, Field{Path: FormatPath(p), Position: o.Position(p)})
				walk(x.Get(k).Value, p)
			}
		case *ast.Array:
			for i := 0; i < x.Len(); i++ {
				p := append(path[:len(path):len(path)], i)
				out = append(out, Field{Path: FormatPath(p), Position: o.Position(p)})
				walk(x.Elem(i).Value, p)
			}
		}
	}
	walk(o.Value, nil)
	return out
}
