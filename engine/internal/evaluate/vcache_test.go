package evaluate

import (
	"testing"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/topdown"
	"github.com/stretchr/testify/assert"
)

// The cache must answer as OPA's does for every sequence of calls topdown
// makes; this runs the same sequence on both.
func TestVirtualCacheAnswersAsOPAs(t *testing.T) {
	f := ast.MustParseRef("data.lib.f")
	ab := append(f.Copy(), ast.StringTerm("a"), ast.StringTerm("b"))
	ba := append(f.Copy(), ast.StringTerm("b"), ast.StringTerm("a")) // the same ast.Ref.Hash as ab
	rule := ast.MustParseRef("data.lib.pods.containers")
	prefix := ast.MustParseRef("data.lib.pods")
	obj := append(f.Copy(), ast.MustParseTerm(`{"name": "web", "ports": [1, 2]}`))

	ours, theirs := newVirtualCache(), topdown.NewVirtualCache()
	same := func(step string, refs ...ast.Ref) {
		t.Helper()
		for _, r := range refs {
			v1, u1 := ours.Get(r)
			v2, u2 := theirs.Get(r)
			assert.Equal(t, v2, v1, "%s: value of %v", step, r)
			assert.Equal(t, u2, u1, "%s: undefined of %v", step, r)
		}
	}
	put := func(r ast.Ref, v *ast.Term) {
		ours.Put(r, v)
		theirs.Put(r, v)
	}
	all := []ast.Ref{f, ab, ba, rule, prefix, obj}

	same("empty", all...)
	put(ab, ast.IntNumberTerm(1))
	put(rule, ast.ArrayTerm(ast.StringTerm("web")))
	put(obj, ast.BooleanTerm(true))
	same("after puts", all...)
	put(ba, nil) // undefined, under a ref whose terms are ab's in another order
	same("undefined", all...)
	put(ba, ast.IntNumberTerm(2)) // stays undefined, as in OPA's
	put(ab, ast.IntNumberTerm(3)) // replaced
	same("replaced", all...)

	// A copy of a ref finds what the ref was put under; a change to the
	// ref put changes nothing cached (topdown reuses its arrays).
	changed := rule.Copy()
	put(changed, ast.IntNumberTerm(4))
	changed[len(changed)-1] = ast.StringTerm("other")
	same("after the caller changed its ref", rule.Copy(), changed)

	// with statements push a frame that starts empty and is gone when popped.
	ours.Push()
	theirs.Push()
	same("pushed", all...)
	put(rule, ast.IntNumberTerm(5))
	same("put in the pushed frame", all...)
	ours.Pop()
	theirs.Pop()
	same("popped", all...)

	assert.ElementsMatch(t, theirs.Keys(), ours.Keys())
}

// A frame holds many refs: its entries and the array of their terms grow.
func TestVirtualCacheGrows(t *testing.T) {
	c := newVirtualCache()
	base := ast.MustParseRef("data.lib.f")
	refs := make([]ast.Ref, 2000)
	for i := range refs {
		refs[i] = append(base.Copy(), ast.IntNumberTerm(i))
		c.Put(refs[i], ast.IntNumberTerm(i*2))
	}
	for i, r := range refs {
		v, undefined := c.Get(r)
		assert.False(t, undefined)
		assert.Equal(t, ast.IntNumberTerm(i*2), v, "%v", r)
	}
	assert.Len(t, c.Keys(), len(refs))
}
