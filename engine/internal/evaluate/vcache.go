package evaluate

import (
	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/topdown"
)

// virtualCache is topdown's cache of the values of rules (and function
// calls) within one query, keyed by the whole ref in one hash table per
// frame. OPA's own keeps a tree with a hash map at every segment of every
// ref: a query over one Deployment made some 340 maps and 580 insertions
// into them, a fifth of all its allocations, and each query is over one
// object. Its behaviour is OPA's: a value is found only under the ref it
// was put with, in the frame it was put in (a with statement pushes one).
type virtualCache struct {
	frames []cacheFrame
}

type cacheFrame struct {
	first   map[int]int32 // a ref's hash → its latest entry
	entries []cacheEntry
	// terms hold the entries' refs: topdown passes refs whose backing
	// array it goes on changing, so they are copied, into one array.
	terms []*ast.Term
}

type cacheEntry struct {
	ref       ast.Ref
	value     *ast.Term
	undefined bool
	next      int32 // the previous entry of the same hash, -1 for none
}

func newVirtualCache() *virtualCache {
	return &virtualCache{frames: make([]cacheFrame, 1, 2)}
}

var _ topdown.VirtualCache = (*virtualCache)(nil)

func (c *virtualCache) Push() { c.frames = append(c.frames, cacheFrame{}) }

func (c *virtualCache) Pop() {
	c.frames[len(c.frames)-1] = cacheFrame{}
	c.frames = c.frames[:len(c.frames)-1]
}

// refHash is a hash of ref that depends on the order of its terms
// (ast.Ref.Hash does not: f(a, b) and f(b, a) would share a chain).
func refHash(ref ast.Ref) int {
	h := len(ref)
	for _, t := range ref {
		h = h*31 + t.Value.Hash()
	}
	return h
}

func (f *cacheFrame) find(ref ast.Ref, h int) *cacheEntry {
	i, ok := f.first[h]
	if !ok {
		return nil
	}
	for i >= 0 {
		e := &f.entries[i]
		if e.ref.Equal(ref) {
			return e
		}
		i = e.next
	}
	return nil
}

// Get is the value put under ref: (nil, true) when it was put as undefined,
// (nil, false) when nothing was put.
func (c *virtualCache) Get(ref ast.Ref) (*ast.Term, bool) {
	f := &c.frames[len(c.frames)-1]
	e := f.find(ref, refHash(ref))
	if e == nil {
		return nil, false
	}
	if e.undefined {
		return nil, true
	}
	return e.value, false
}

// Put records value under ref, a nil value as undefined. As in OPA's cache,
// a ref once recorded as undefined stays so.
func (c *virtualCache) Put(ref ast.Ref, value *ast.Term) {
	f := &c.frames[len(c.frames)-1]
	h := refHash(ref)
	e := f.find(ref, h)
	if e == nil {
		if f.first == nil {
			f.first = map[int]int32{}
		}
		if cap(f.terms)-len(f.terms) < len(ref) {
			f.terms = make([]*ast.Term, 0, max(256, 2*len(ref)))
		}
		start := len(f.terms)
		f.terms = append(f.terms, ref...)
		next, ok := f.first[h]
		if !ok {
			next = -1
		}
		f.entries = append(f.entries, cacheEntry{ref: f.terms[start:len(f.terms):len(f.terms)], next: next})
		f.first[h] = int32(len(f.entries) - 1)
		e = &f.entries[len(f.entries)-1]
	}
	if value == nil {
		e.undefined = true
		return
	}
	e.value = value
}

// Keys are the refs with a value in the current frame.
func (c *virtualCache) Keys() []ast.Ref {
	f := &c.frames[len(c.frames)-1]
	var keys []ast.Ref
	for _, e := range f.entries {
		if e.value != nil {
			keys = append(keys, e.ref)
		}
	}
	return keys
}
