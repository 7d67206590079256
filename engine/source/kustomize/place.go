package kustomize

import (
	"strings"

	yaml "go.yaml.in/yaml/v3"
	"sigs.k8s.io/kustomize/api/resource"
)

// placer places the fields of a build's objects in the files that wrote
// them, by structure: kustomize writes its output with keys sorted, so its
// text says nothing of where a field is in a file written by hand.
type placer struct {
	f    *confinedFS
	root *kustNode
	docs map[string][]*yaml.Node
}

func newPlacer(f *confinedFS, dirRel string) *placer {
	return &placer{f: f, root: f.readTree(dirRel, map[string]bool{}), docs: map[string][]*yaml.Node{}}
}

// step is one kustomization on the way from the root to the one that
// brought an object in; comp is the index among its components of the next
// step, or -1.
type step struct {
	k    *kustNode
	comp int
}

// chain finds the kustomizations from k down to the first one want accepts.
func chain(k *kustNode, want func(*kustNode) bool, seen map[*kustNode]bool) []step {
	if k == nil || seen[k] {
		return nil
	}
	seen[k] = true
	if want(k) {
		return []step{{k, -1}}
	}
	for _, c := range k.children {
		if rest := chain(c, want, seen); rest != nil {
			return append([]step{{k, -1}}, rest...)
		}
	}
	for i, c := range k.components {
		if rest := chain(c, want, seen); rest != nil {
			return append([]step{{k, i}}, rest...)
		}
	}
	return nil
}

// after is the patches k applies to what it has accumulated when its
// components from the from-th on are added: theirs, then its own.
func (k *kustNode) after(from, depth int) []*patchSrc {
	var out []*patchSrc
	if depth > 100 {
		return nil
	}
	for _, c := range k.components[min(from, len(k.components)):] {
		out = append(out, c.after(0, depth+1)...)
	}
	return append(out, k.patches...)
}

// applied is the patches that run on an object brought in at the end of
// steps, in the order kustomize applies them: the innermost
// kustomization's first.
func applied(steps []step) []*patchSrc {
	var out []*patchSrc
	for i := len(steps) - 1; i >= 0; i-- {
		from := 0
		if i < len(steps)-1 && steps[i].comp >= 0 {
			from = steps[i].comp + 1
		}
		out = append(out, steps[i].k.after(from, 0)...)
	}
	return out
}

// locator returns how to place r's fields, or nil when its source is not
// known: rel is its resource file (relative to the root) or, for a
// generated object, the kustomization that generated it.
func (pl *placer) locator(r *resource.Resource, rel string, generated bool) *locator {
	if pl.root == nil || rel == "" {
		return nil
	}
	built, err := r.Map()
	if err != nil || built == nil {
		return nil
	}
	kind, name := r.GetKind(), r.GetName()
	names := []string{name}
	labels := map[string]any{}
	for k, v := range r.GetLabels() {
		labels[k] = v
	}
	l := &locator{built: built, name: pl.f.userPath, own: rel}
	var steps []step
	if generated {
		steps = chain(pl.root, func(k *kustNode) bool { return k.file == rel }, map[*kustNode]bool{})
		if len(steps) == 0 {
			return nil
		}
		for _, g := range steps[len(steps)-1].k.generators {
			if g.kind == kind && strings.Contains(name, g.name) && (l.gen == nil || len(g.name) > len(l.gen.name)) {
				l.gen = g
			}
		}
		if l.gen == nil {
			return nil
		}
	} else {
		doc := pl.document(rel, kind, name)
		if doc == nil {
			return nil
		}
		names = append(names, docTarget(doc).name)
		l.layers = append(l.layers, layer{file: rel, doc: doc})
		steps = chain(pl.root, func(k *kustNode) bool {
			for _, f := range k.resources {
				if f == rel {
					return true
				}
			}
			return false
		}, map[*kustNode]bool{})
	}
	for i := range steps {
		// The outermost kustomization runs its transformers last.
		k := steps[i].k
		if k.namespace != nil {
			l.namespace = append(l.namespace, &at{node: k.namespace, file: k.file, depth: 2})
		}
		l.images = append(l.images, k.images...)
	}
	for _, p := range applied(steps) {
		for _, d := range p.docs {
			t := p.target
			if t == nil {
				t = docTarget(d)
			}
			if t.matches(kind, names, labels) {
				l.layers = append(l.layers, layer{file: p.file, doc: d})
			}
		}
		if p.target != nil && p.target.matches(kind, names, labels) {
			for _, op := range p.ops {
				l.layers = append(l.layers, layer{file: p.file, op: op})
			}
		}
	}
	return l
}

// document finds the document of a resource file that became the object
// kind/name: same kind, and the name it was written with inside the built
// one (prefixes and suffixes are added around it), the longest such.
func (pl *placer) document(rel, kind, name string) *yaml.Node {
	docs, ok := pl.docs[rel]
	if !ok {
		docs = pl.f.docs(rel)
		pl.docs[rel] = docs
	}
	var best, only *yaml.Node
	bestLen, ofKind := -1, 0
	for _, d := range docs {
		t := docTarget(d)
		if t.kind != kind {
			continue
		}
		ofKind++
		only = resolve(d)
		if strings.Contains(name, t.name) && len(t.name) > bestLen {
			best, bestLen = resolve(d), len(t.name)
		}
	}
	if best == nil && ofKind == 1 {
		return only // renamed by a patch or a replacement
	}
	return best
}
