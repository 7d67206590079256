package engine

import (
	"context"
	"runtime"
	"sort"
	"strconv"
	"strings"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/storage"

	"github.com/kubeward/kubeward/engine/internal/evaluate"
	"github.com/kubeward/kubeward/engine/internal/inventory"
	"github.com/kubeward/kubeward/engine/load"
	"github.com/kubeward/kubeward/engine/policy"
)

// part is a compiled share of the rules a run evaluates.
type part struct {
	compiler *ast.Compiler
	rules    []*policy.Rule
	// queries are the part's compiled per-kind queries, kept with it so that
	// a long-lived Linter compiles each once, not once per call.
	queries *evaluate.Queries
}

func newPart(c *ast.Compiler, rules []*policy.Rule) part {
	return part{compiler: c, rules: rules, queries: evaluate.NewQueries()}
}

// maxSubsets bounds the compiled subsets a long-lived Linter keeps; past it,
// it compiles the whole library once and uses that for everything.
const maxSubsets = 4

// partsFor returns compilers holding at least the active rules that apply to
// kinds, split into n parts compiled (and later evaluated) side by side. The
// bundled library is compiled only for the kinds of the input, which is most
// of a short run's time saved; splitting it puts a short run's compile on
// every core (the helper modules both parts import are compiled twice).
func (l *Linter) partsFor(kinds []string, n int) ([]part, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.full != nil {
		return l.full, nil
	}
	sort.Strings(kinds)
	key := strings.Join(kinds, ",") + "/" + strconv.Itoa(n)
	if p, ok := l.subsets[key]; ok {
		return p, nil
	}
	if len(l.subsets) >= maxSubsets {
		c, err := l.library.CompileRules(l.evaluated, inventory.IndexModule)
		if err != nil {
			return nil, err
		}
		l.full, l.subsets = []part{newPart(c, l.evaluated)}, nil
		return l.full, nil
	}
	var rules []*policy.Rule
	for _, r := range l.evaluated {
		for _, k := range kinds {
			if r.AppliesTo(k) {
				rules = append(rules, r)
				break
			}
		}
	}
	parts := split(rules, n)
	sets := make([][]*policy.Rule, len(parts))
	for i, p := range parts {
		sets[i] = p.rules
	}
	compilers, err := l.library.CompileRuleSets(sets, inventory.IndexModule)
	if err != nil {
		return nil, err
	}
	for i := range parts {
		parts[i].compiler = compilers[i]
	}
	l.subsets[key] = parts
	return parts, nil
}

// wholeLibrary returns the active rules compiled in one part, whatever the
// kinds: a run past StreamAfter evaluates objects before it knows them all.
func (l *Linter) wholeLibrary() ([]part, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.full != nil {
		return l.full, nil
	}
	if p, ok := l.subsets[wholeKey]; ok {
		return p, nil
	}
	c, err := l.library.CompileRules(l.evaluated, inventory.IndexModule)
	if err != nil {
		return nil, err
	}
	parts := []part{newPart(c, l.evaluated)}
	if len(l.subsets) >= maxSubsets {
		l.full, l.subsets = parts, nil
	} else {
		l.subsets[wholeKey] = parts
	}
	return parts, nil
}

// wholeKey is the subsets key of the whole library.
const wholeKey = "*"

func (l *Linter) newEvaluator(c *ast.Compiler, store storage.Store, rules []*policy.Rule) *evaluate.Evaluator {
	return &evaluate.Evaluator{Compiler: c, Store: store, Timeout: l.opts.Timeout, Queries: evaluate.NewQueries(), Rules: rules, Print: l.opts.Print, Tracer: l.opts.Tracer}
}

// partEvaluator evaluates a part's rules with the part's compiled queries.
func (l *Linter) partEvaluator(p part, store storage.Store) *evaluate.Evaluator {
	return &evaluate.Evaluator{Compiler: p.compiler, Store: store, Timeout: l.opts.Timeout, Queries: p.queries, Rules: p.rules, Print: l.opts.Print, Tracer: l.opts.Tracer}
}

// split cuts rules into at most n runs of consecutive rules of near equal
// length. Rules next to each other in the library (one category) tend to
// import the same helpers: keeping them together keeps the helpers that both
// parts compile few. There is always one part, even with no rules, so that
// the run's inventory index has a compiler.
func split(rules []*policy.Rule, n int) []part {
	n = max(1, min(n, len(rules)))
	parts := make([]part, n)
	for i := range parts {
		parts[i] = part{rules: rules[i*len(rules)/n : (i+1)*len(rules)/n], queries: evaluate.NewQueries()}
	}
	return parts
}

// partsOf is how many parts a run of objects is compiled in: one per worker
// for runs too short to keep the workers busy with objects alone, else one
// (parts repeat the helpers' work for every object). A user's policies are
// compiled whole, once, in New.
func (l *Linter) partsOf(objects int) int {
	workers := l.workers()
	if !l.library.Trusted() || objects > shortRun*workers {
		return 1
	}
	return workers
}

// shortRun is, per worker, the number of objects under which a run's time is
// mostly its compile.
const shortRun = 4

func (l *Linter) workers() int {
	if l.opts.Workers > 0 {
		return l.opts.Workers
	}
	return runtime.GOMAXPROCS(0)
}

// compiledFor is the library compiled for the kinds of objs, or the error
// that ends the run: compiling failed, or ctx ended first. A run that
// streamed compiled the whole library when streaming started (s).
func (l *Linter) compiledFor(ctx context.Context, s *stream, objs []*load.Object) ([]part, *Error) {
	if parts := s.compiled(); parts != nil {
		return parts, nil
	}
	kindSet := map[string]bool{}
	for _, o := range objs {
		kindSet[o.Kind] = true
	}
	kinds := make([]string, 0, len(kindSet))
	for k := range kindSet {
		kinds = append(kinds, k)
	}
	parts, err := compiledUnlessDone(ctx, func() ([]part, error) { return l.partsFor(kinds, l.partsOf(len(objs))) })
	switch {
	case err == nil:
		return parts, nil
	case ctx.Err() != nil:
		e := interrupted(ctx)
		return nil, &e
	}
	return nil, &Error{Stage: StagePolicy, Code: CodeCompile, Message: err.Error(), Err: err}
}

// compiledUnlessDone returns compile's result, or ctx's error as soon as ctx
// ends: OPA's compiler cannot be interrupted, and a Ctrl-C must not wait for
// it. An abandoned compile finishes in the background and is kept for the
// Linter's next run.
func compiledUnlessDone(ctx context.Context, compile func() ([]part, error)) ([]part, error) {
	if ctx.Done() == nil {
		return compile()
	}
	type compiled struct {
		parts []part
		err   error
	}
	done := make(chan compiled, 1)
	go func() {
		p, err := compile()
		done <- compiled{p, err}
	}()
	select {
	case c := <-done:
		return c.parts, c.err
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}
