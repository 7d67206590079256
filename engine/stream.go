package engine

import (
	"context"
	"fmt"
	"sync"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/storage"
	"github.com/open-policy-agent/opa/v1/storage/inmem"

	"github.com/kubeward/kubeward/engine/internal/evaluate"
	"github.com/kubeward/kubeward/engine/internal/inventory"
	"github.com/kubeward/kubeward/engine/load"
	"github.com/kubeward/kubeward/engine/policy"
	"github.com/kubeward/kubeward/engine/result"
)

// stream is what a run keeps while its input loads, to bound memory past
// Options.StreamAfter bytes of input files. Up to there every object is kept
// whole. Past it, every object of a plain file becomes a projection (what
// the cross-resource rules read of other objects), the files read before
// included; those later objects are first evaluated, while still whole, by
// every rule that reads nothing of other objects, and their files are read
// again only for the objects that rules reading other objects apply to.
type stream struct {
	l     *Linter
	ctx   context.Context
	limit int64

	mu        sync.Mutex
	read      int64
	held      [][]*load.Object // files kept whole so far: Load keeps these slices
	streaming bool

	setup sync.Once
	parts []part // the whole active library, compiled when streaming starts
	cross map[*policy.Rule]bool
	local *evaluate.Evaluator // the rules that read nothing of other objects
	// crossKinds are the kinds a rule of cross applies to (every kind when
	// crossAll).
	crossKinds map[string]bool
	crossAll   bool

	// schema validates the objects of a streamed run: against the CRDs of
	// --crd only, as objects are judged before the input's CRDs are all read.
	schema *schemaRun

	earlyMu sync.Mutex
	early   map[*load.Object]*early

	// shared are the paths and messages of the run's findings
	// (Evaluator.Shared), those found while objects load included.
	shared *evaluate.Shared
}

// early is what was found of an object while it was whole.
type early struct {
	outcome
	labels, annotations, template map[string]string
}

// newStream returns the stream of a run over paths, nil when every object is
// to be held whole: StreamAfter is negative, or a user's rules may read any
// field of data.kubeward.inventory.
func (l *Linter) newStream(ctx context.Context) *stream {
	limit := l.opts.StreamAfter
	if limit == 0 {
		limit = DefaultStreamAfter
	}
	if limit < 0 || !l.library.Trusted() {
		return nil
	}
	return &stream{l: l, ctx: ctx, limit: limit, early: map[*load.Object]*early{}, shared: evaluate.NewShared()}
}

// loaded is load.Options.Loaded.
func (s *stream) loaded(size int, objs []*load.Object) []*load.Object {
	s.l.place(objs) // before anything reports them
	s.mu.Lock()
	s.read += int64(size)
	if !s.streaming && s.read <= s.limit {
		s.held = append(s.held, objs)
		s.mu.Unlock()
		return objs
	}
	var held [][]*load.Object
	if !s.streaming {
		s.streaming = true
		held, s.held = s.held, nil
	}
	s.mu.Unlock()
	// Files read before: their objects are read again for every rule.
	for _, h := range held {
		for i, o := range h {
			h[i] = inventory.Project(o)
		}
	}
	s.setup.Do(s.prepare)
	for i, o := range objs {
		objs[i] = s.evaluateEarly(o)
	}
	return objs
}

// prepare compiles the whole library once streaming starts (the kinds of the
// input are not known yet) and splits its rules by whether they read other
// objects. Without it (a compile error, reported by the run's own compile),
// objects are evaluated when they are read again.
func (s *stream) prepare() {
	parts, err := s.l.wholeLibrary()
	if err != nil {
		return
	}
	s.parts = parts
	p := s.parts[0]
	s.cross = crossRules(p.compiler, p.rules)
	s.crossKinds = map[string]bool{}
	var local []*policy.Rule
	for _, r := range p.rules {
		if !s.cross[r] {
			local = append(local, r)
			continue
		}
		s.crossAll = s.crossAll || len(r.Kinds) == 0
		for _, k := range r.Kinds {
			s.crossKinds[k] = true
		}
	}
	s.schema = s.l.newSchemaRun(s.ctx, nil)
	data, _ := s.l.baseData()
	s.local = s.l.newEvaluator(p.compiler, inmem.NewFromASTObject(data), local)
	s.local.Shared = s.shared
}

// findingsShared is what the findings of the run s holds share (a new Shared
// for a nil stream).
func (s *stream) findingsShared() *evaluate.Shared {
	if s == nil {
		return evaluate.NewShared()
	}
	return s.shared
}

// evaluateEarly evaluates o with the rules that read nothing of other
// objects and returns its projection. An object that rules reading other
// objects apply to is read again anyway: it is evaluated then, by every rule
// in one query.
func (s *stream) evaluateEarly(o *load.Object) *load.Object {
	stub := inventory.Project(o)
	if s.local == nil || s.crossApplies(o.Kind) {
		return stub
	}
	f, errs := s.local.Evaluate(s.ctx, o)
	sf, se := s.schema.check(o)
	f, errs = append(f, sf...), append(errs, staged(se, StageLoad)...)
	e := &early{outcome: outcome{f, errs}}
	e.labels, e.annotations, e.template = inventory.Metadata(o)
	s.earlyMu.Lock()
	s.early[stub] = e
	s.earlyMu.Unlock()
	return stub
}

// schemaRun is the schema validation of a run that streamed (nil otherwise,
// or for a nil stream): every object is judged by the same CRDs.
func (s *stream) schemaRun() *schemaRun {
	if s == nil {
		return nil
	}
	s.mu.Lock()
	streaming := s.streaming
	s.mu.Unlock()
	if !streaming {
		return nil
	}
	s.setup.Do(s.prepare)
	return s.schema
}

// compiled is the library compiled for the run when streaming started (nil
// otherwise, or for a nil stream).
func (s *stream) compiled() []part {
	if s == nil {
		return nil
	}
	return s.parts
}

// earlyOf is what was found of o while it was whole, nil when it was not
// evaluated then. Called once loading is over.
func (s *stream) earlyOf(o *load.Object) *early {
	if s == nil {
		return nil
	}
	return s.early[o]
}

// crossApplies reports whether a rule that reads other objects applies to kind.
func (s *stream) crossApplies(kind string) bool {
	return s.crossAll || s.crossKinds[kind]
}

// crossEvaluator evaluates the rules that read other objects, for objects
// evaluated early (nil when there are none).
func (s *stream) crossEvaluator(parts []part, store storage.Store) *evaluate.Evaluator {
	if s == nil || s.parts == nil {
		return nil
	}
	var rules []*policy.Rule
	for _, r := range parts[0].rules {
		if s.cross[r] {
			rules = append(rules, r)
		}
	}
	ev := s.l.newEvaluator(parts[0].compiler, store, rules)
	ev.Shared = s.shared
	return ev
}

// crossRules are the rules that read other objects: their deny, or a rule or
// function it depends on, refers to data.kubeward.inventory or
// data.kubeward.index. Found on the compiled rule graph, so a helper that
// merely lives in the same package as an inventory reader does not count.
func crossRules(c *ast.Compiler, rules []*policy.Rule) map[*policy.Rule]bool {
	inventory := ast.MustParseRef("data.kubeward.inventory")
	index := ast.MustParseRef("data.kubeward.index")
	reads := func(r *ast.Rule) bool {
		found := false
		ast.WalkRefs(r, func(ref ast.Ref) bool {
			found = found || ref.HasPrefix(inventory) || ref.HasPrefix(index)
			return found
		})
		return found
	}
	out := map[*policy.Rule]bool{}
	for _, r := range rules {
		todo := c.GetRules(ast.MustParseRef("data." + evaluate.QuotePackage(r.Package) + "." + r.EntryRule()))
		seen := map[*ast.Rule]bool{}
		for len(todo) > 0 {
			x := todo[len(todo)-1]
			todo = todo[:len(todo)-1]
			if seen[x] {
				continue
			}
			seen[x] = true
			if reads(x) {
				out[r] = true
				break
			}
			for d := range c.Graph.Dependencies(x) {
				todo = append(todo, d.(*ast.Rule))
			}
		}
	}
	return out
}

// reread reads file again and returns, for each of todo[at...], the whole
// object it was projected from (nil, with an error in outcomes, when the file
// no longer holds it).
func (l *Linter) reread(file string, todo []*load.Object, at []int, outcomes []outcome, parts int) []*load.Object {
	stubs := make([]*load.Object, len(at))
	for n, i := range at {
		stubs[n] = todo[i]
	}
	objs, errs := load.ReadAgain(file, load.Options{Limits: l.opts.Limits}, stubs)
	l.place(objs)
	type place struct{ doc, item int }
	byPlace := make(map[place]*load.Object, len(objs))
	for _, o := range objs {
		byPlace[place{o.Source.Document, o.Source.Item}] = o
	}
	whole := make([]*load.Object, len(at))
	for n, i := range at {
		stub := todo[i]
		o := byPlace[place{stub.Source.Document, stub.Source.Item}]
		if o == nil || o.Ref() != stub.Ref() {
			// Its loading errors were reported the first time it was read.
			msg := fmt.Sprintf("%s changed while it was linted: %s is no longer document %d; not evaluated", file, result.Describe(stub.Ref()), stub.Source.Document+1)
			if len(objs) == 0 && len(errs) > 0 {
				msg = fmt.Sprintf("cannot read %s again to evaluate %s: %s", file, result.Describe(stub.Ref()), errs[0].Message)
			}
			o := &outcomes[i*parts]
			o.errors = append(o.errors, Error{Stage: StageLoad, Code: CodeChanged, File: file, Message: msg})
			continue
		}
		whole[n] = o
	}
	return whole
}

// manyObjects is how many objects of one file read again are evaluated by
// the worker that read it alone; past it, idle workers take some.
const manyObjects = 32
