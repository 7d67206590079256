package engine

import (
	"context"
	"fmt"
	"io"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/rego"
	"github.com/open-policy-agent/opa/v1/storage"
	"github.com/open-policy-agent/opa/v1/storage/inmem"
	"github.com/open-policy-agent/opa/v1/topdown"

	"github.com/kubeward/kubeward/engine/load"
	"github.com/kubeward/kubeward/engine/policy"
	"github.com/kubeward/kubeward/engine/schema"
)

// Options configure a Linter.
type Options struct {
	// Policy says which policies and data to load.
	Policy policy.Options
	// Profile selects rules ("all" when empty).
	Profile string
	// Disabled are rule ids left out of the run.
	Disabled []string
	// DisabledBy says, by upper-case rule id, what disabled it (a
	// configuration's file:line): reports name it (Result.RulesOff).
	DisabledBy map[string]string
	// Complete declares the input the whole picture: rules that fire because
	// something is absent run only then.
	Complete bool
	// Timeout bounds the evaluation of one object (DefaultTimeout when 0).
	Timeout time.Duration
	// Limits bound what loading one input may cost.
	Limits load.Limits
	// Workers is how many objects are evaluated at once (all cores when 0).
	Workers int
	// Stdin is read for the input path "-" (os.Stdin when nil).
	Stdin io.Reader
	// Exclude says which input files are not read (config exclude globs).
	Exclude func(file string) bool
	// StrictInput makes an input file none of whose documents is a
	// Kubernetes object an error, instead of skipped (Result.Skipped).
	StrictInput bool
	// AllowEmpty accepts a run over paths that hold no Kubernetes object at
	// all (every file skipped, excluded, or none found); without it that is
	// an error, so that a mistyped path does not pass.
	AllowEmpty bool
	// Renderers are the sources that turn an input path that is not plain
	// YAML into objects: engine/source/helm (charts) and
	// engine/source/kustomize (kustomizations) provide them. A path none
	// claims is read as plain files, so a program that gives none links
	// neither Helm nor Kustomize.
	Renderers []load.Renderer
	// CacheDir keeps the results of runs over plain files, keyed by the
	// binary, the policies, these options and the input bytes, so that a run
	// repeated on unchanged files skips compiling and evaluating ("" = off).
	CacheDir string
	// Progress, when set, is told how many of the run's objects have been
	// evaluated, every percent or so and at the end (from one goroutine at a
	// time). The CLI shows it on a terminal.
	Progress func(done, total int)
	// StreamAfter is how many bytes of input files a run keeps whole
	// (DefaultStreamAfter when 0; negative: no limit). Past it, objects are
	// kept as a projection (what cross-resource rules read of other
	// objects): the rest of the rules evaluate them as they load, and the
	// documents the cross-resource rules apply to are parsed again once the
	// inventory is built (engine/stream.go). Only for the bundled library on
	// its own: a user's rules may read any field of the inventory.
	StreamAfter int64
	// Print, when set, receives the output of the rules' print() calls,
	// with the rule and object each came from; without it print() does
	// nothing. It is called from several goroutines at once.
	Print func(PrintLine)
	// Tracer, when set, is given every step of every evaluation (coverage
	// of the rules the run evaluated). It is called from several
	// goroutines at once.
	Tracer topdown.QueryTracer
	// Namespace is where objects that name none are placed, as the API
	// server would place them: the release namespace of charts, and -n for
	// plain files ("" = "default"; see NamespaceOf). Renderers are given the
	// same namespace by their own options.
	Namespace string
	// Combine evaluates the conftest rules once, on one input holding every
	// object: an array of {"path": file, "contents": object}, as conftest's
	// --combine. Their findings are about CombinedKind in CombinedFile.
	Combine bool
	// KubeVersion is the Kubernetes release the input is judged for: the
	// schema rules (KW-SCH-*) validate against its API, and the removed-API
	// rule reads it as data.kubeward.config.kubeVersion ("" = the newest
	// release whose schema is embedded, engine/schema).
	KubeVersion string
	// NoSchema turns schema validation off (the KW-SCH rules do not run).
	NoSchema bool
	// CRDs are files and folders of CustomResourceDefinitions that custom
	// resources are validated against, besides those in the input.
	CRDs []string
}

// DefaultStreamAfter is Options.StreamAfter when unset: inputs of this size
// are evaluated as before, in one read.
const DefaultStreamAfter = 64 << 20

// DefaultTimeout is the evaluation time limit for one object.
const DefaultTimeout = 10 * time.Second

// Linter holds a compiled policy library, ready to lint any number of inputs,
// from any number of goroutines.
type Linter struct {
	opts    Options
	library *policy.Library
	active  []*policy.Rule
	off     []RulesOff
	data    ast.Object
	// schemaRules are the active KW-SCH rules, by the problem each reports.
	schemaRules map[schema.Code]*policy.Rule

	fingerprintOnce  sync.Once
	fingerprintValue string
	cache            cacheState

	// combined are the rules evaluated on every object at once
	// (Options.Combine), with their compiled queries.
	combined        []*policy.Rule
	combinedQueries *queries

	mu      sync.Mutex
	full    []part            // every active rule, in one part
	subsets map[string][]part // by the sorted kinds they cover and their number of parts
}

// part is a compiled share of the rules a run evaluates.
type part struct {
	compiler *ast.Compiler
	rules    []*policy.Rule
	// queries are the part's compiled per-kind queries, kept with it so that
	// a long-lived Linter compiles each once, not once per call.
	queries *queries
}

func newPart(c *ast.Compiler, rules []*policy.Rule) part {
	return part{compiler: c, rules: rules, queries: newQueries()}
}

// maxSubsets bounds the compiled subsets a long-lived Linter keeps; past it,
// it compiles the whole library once and uses that for everything.
const maxSubsets = 4

// New loads and compiles the policies once.
func New(opts Options) (*Linter, error) {
	if opts.Print != nil {
		opts.Policy.PrintStatements = true
	}
	lib, err := policy.Load(opts.Policy)
	if err != nil {
		return nil, err
	}
	active, err := policy.Select(lib.Rules, opts.Profile)
	if err != nil {
		return nil, err
	}
	if len(opts.Disabled) > 0 {
		off := map[string]bool{}
		for _, id := range opts.Disabled {
			off[strings.ToUpper(id)] = true
		}
		kept := active[:0:0]
		for _, r := range active {
			if !off[strings.ToUpper(r.ID)] {
				kept = append(kept, r)
			}
		}
		active = kept
	}
	if opts.KubeVersion == "" {
		// parameters: {kubeVersion: …} of a configuration, or --data, set
		// the target too: the schema and the removed-API rule agree.
		opts.KubeVersion = configKubeVersion(lib.Data)
	}
	if opts.KubeVersion != "" {
		v, err := schema.ParseVersion(opts.KubeVersion)
		if err != nil {
			return nil, fmt.Errorf("--kube-version: %w", err)
		}
		opts.KubeVersion = v
		setKubeVersion(lib.Data, v)
	}
	if !opts.NoSchema {
		// Decoded while the rules compile; a run that validates nothing
		// does not wait for it.
		schema.Preload(opts.KubeVersion)
	}
	data, err := ast.InterfaceToValue(lib.Data)
	if err != nil {
		return nil, fmt.Errorf("policy data: %w", err)
	}
	if opts.Timeout <= 0 {
		opts.Timeout = DefaultTimeout
	}
	// A replayed result would print nothing and trace nothing.
	if opts.Print != nil || opts.Tracer != nil {
		opts.CacheDir = ""
	}
	l := &Linter{opts: opts, library: lib, active: active, data: data.(ast.Object), subsets: map[string][]part{},
		off: rulesOff(lib, opts, opts.Profile), schemaRules: schemaRules(active, opts.NoSchema)}
	if !lib.Trusted() {
		// The user's policies are compiled whole, with every check, now: a
		// mistake in a rule for kinds absent from this input is still an error.
		c, err := lib.Compile()
		if err != nil {
			return nil, err
		}
		perObject, combined := splitCombined(active, opts.Combine)
		l.full = []part{newPart(c, perObject)}
		l.combined, l.combinedQueries = combined, newQueries()
	}
	return l, nil
}

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
		c, err := l.library.CompileRules(l.active, indexModule)
		if err != nil {
			return nil, err
		}
		l.full, l.subsets = []part{newPart(c, l.active)}, nil
		return l.full, nil
	}
	var rules []*policy.Rule
	for _, r := range l.active {
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
	compilers, err := l.library.CompileRuleSets(sets, indexModule)
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
	c, err := l.library.CompileRules(l.active, indexModule)
	if err != nil {
		return nil, err
	}
	parts := []part{newPart(c, l.active)}
	if len(l.subsets) >= maxSubsets {
		l.full, l.subsets = parts, nil
	} else {
		l.subsets[wholeKey] = parts
	}
	return parts, nil
}

// wholeKey is the subsets key of the whole library.
const wholeKey = "*"

func (l *Linter) newEvaluator(c *ast.Compiler, store storage.Store, rules []*policy.Rule) *evaluator {
	return &evaluator{compiler: c, store: store, timeout: l.opts.Timeout, queries: newQueries(), rules: rules, print: l.opts.Print, tracer: l.opts.Tracer}
}

// partEvaluator evaluates a part's rules with the part's compiled queries.
func (l *Linter) partEvaluator(p part, store storage.Store) *evaluator {
	return &evaluator{compiler: p.compiler, store: store, timeout: l.opts.Timeout, queries: p.queries, rules: p.rules, print: l.opts.Print, tracer: l.opts.Tracer}
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
		parts[i] = part{rules: rules[i*len(rules)/n : (i+1)*len(rules)/n], queries: newQueries()}
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

// Library returns every loaded rule, active or not.
func (l *Linter) Library() *policy.Library { return l.library }

// Active returns the rules the profile selects.
func (l *Linter) Active() []*policy.Rule { return l.active }

// Lint loads the paths and evaluates every object.
func (l *Linter) Lint(ctx context.Context, paths []string) *Result {
	dir, key, refused := l.cacheFor(paths)
	if dir != nil {
		if res, ok := l.cacheGet(dir, key); ok {
			return res
		}
	}
	res := l.lint(ctx, paths)
	if refused != nil {
		res.Warnings = append(res.Warnings, *refused)
	}
	// A run with errors may have met a timeout or an unreadable file: not
	// something to replay.
	if dir != nil && len(res.Errors) == 0 && ctx.Err() == nil {
		l.cachePut(dir, key, res)
	}
	return res
}

func (l *Linter) lint(ctx context.Context, paths []string) *Result {
	opts := l.loadOptions()
	s := l.newStream(ctx)
	if s != nil {
		opts.Loaded = s.loaded
	}
	loaded := load.Load(ctx, paths, opts)
	res := l.lintObjects(ctx, loaded.Objects, s)
	res.Files = loaded.Files
	res.Excluded = loaded.Excluded
	res.Skipped = loaded.Skipped
	res.Errors = append(res.Errors, staged(loaded.Errors, StageLoad)...)
	// Only when nothing else went wrong: an unreadable file already says why
	// nothing was linted.
	if len(loaded.Objects) == 0 && len(res.Errors) == 0 && !l.opts.AllowEmpty && ctx.Err() == nil {
		res.Errors = append(res.Errors, emptyRunError(paths, loaded))
	}
	sortErrors(res.Errors)
	return res
}

// emptyRunError says that paths held no Kubernetes object, and why when
// it is known (files skipped or excluded).
func emptyRunError(paths []string, loaded load.Result) Error {
	shown := make([]string, 0, min(len(paths), 3))
	for _, p := range paths[:cap(shown)] {
		if p == "-" {
			p = load.StdinName // as reports name it
		}
		shown = append(shown, p)
	}
	msg := "no Kubernetes objects in " + strings.Join(shown, ", ")
	if len(paths) > len(shown) {
		msg += fmt.Sprintf(" and %d more", len(paths)-len(shown))
	}
	var why []string
	if n := len(loaded.Skipped); n > 0 {
		why = append(why, fmt.Sprintf("%d skipped: not Kubernetes manifests", n))
	}
	if loaded.Excluded > 0 {
		why = append(why, fmt.Sprintf("%d excluded by the configuration", loaded.Excluded))
	}
	if len(why) > 0 {
		msg += " (" + strings.Join(why, "; ") + ")"
	}
	return Error{Stage: StageLoad, Code: CodeEmpty, Message: msg + "; --allow-empty accepts a run with none"}
}

// LintObjects evaluates objects that were loaded elsewhere (a chart rendered
// in memory, a cluster read). Each object's Namespace is set to the one
// NamespaceOf gives it, in the namespace of Options.Helm (-n).
func (l *Linter) LintObjects(ctx context.Context, objs []*load.Object) *Result {
	return l.lintObjects(ctx, objs, nil)
}

// lintObjects evaluates objs; s, when not nil, holds what was found while
// they loaded.
func (l *Linter) lintObjects(ctx context.Context, objs []*load.Object, s *stream) *Result {
	res := &Result{Rules: l.active, RulesOff: l.off}
	l.place(objs)
	kindSet := map[string]bool{}
	for _, o := range objs {
		kindSet[o.Kind] = true
	}
	kinds := make([]string, 0, len(kindSet))
	for k := range kindSet {
		kinds = append(kinds, k)
	}
	sr := s.schemaRun()
	if sr == nil {
		sr = l.newSchemaRun(ctx, objs)
	}
	res.Errors = append(res.Errors, sr.errs...)
	parts := s.compiled()
	var err error
	if parts == nil {
		parts, err = compiledUnlessDone(ctx, func() ([]part, error) { return l.partsFor(kinds, l.partsOf(len(objs))) })
	}
	if err != nil {
		if ctx.Err() != nil {
			res.Errors = append(res.Errors, interrupted(ctx))
			return res
		}
		res.Errors = append(res.Errors, Error{Stage: StagePolicy, Code: CodeCompile, Message: err.Error(), Err: err})
		return res
	}
	data, err := l.runData(ctx, parts, objs)
	if err != nil && ctx.Err() != nil {
		res.Errors = append(res.Errors, interrupted(ctx))
		return res
	}
	if err != nil {
		res.Errors = append(res.Errors, Error{Stage: StageEvaluate, Code: CodeInventory, Message: err.Error(), Err: err})
	}
	store := inmem.NewFromASTObject(data)
	evs := make([]*evaluator, len(parts))
	for i, p := range parts {
		evs[i] = l.partEvaluator(p, store)
	}
	cross := s.crossEvaluator(parts, store)
	// Owned objects are evaluated too, and keep only what differs from
	// their controller (keepDiffering, after the evaluation).
	ctrl := controllers(objs)
	res.Owned = len(ctrl)
	todo := objs
	res.Objects = len(todo) - len(ctrl)
	res.Checked = make([]Checked, len(todo))
	for i, o := range todo {
		res.Checked[i] = Checked{Object: o.Ref(), File: o.Source.File, Document: o.Source.Document, Item: o.Source.Item}
		c := &res.Checked[i]
		if e := s.earlyOf(o); e != nil {
			c.Labels, c.Annotations, c.TemplateAnnotations = e.labels, e.annotations, e.template
		} else if !o.Partial {
			// Those of a projection are read from the whole object.
			c.Labels, c.Annotations, c.TemplateAnnotations = metadataOf(o)
		}
	}

	// One outcome per object and part: outcomes[i*len(evs)+p] is todo[i]
	// under part p.
	outcomes := make([]outcome, len(todo)*len(evs))
	jobs := make(chan func())
	var wg sync.WaitGroup
	report := l.progress(len(todo))
	evaluate := func(i, p int, o *load.Object) {
		f, e := evs[p].evaluate(ctx, o)
		// Progress counts objects evaluated, not those a cancel skipped.
		if p == 0 && ctx.Err() == nil {
			// What the API server would refuse or drop; the object is
			// still evaluated for the rest.
			sf, se := sr.check(o)
			f, e = append(f, sf...), append(e, staged(se, StageLoad)...)
			report()
		}
		outcomes[i*len(evs)+p] = outcome{f, e}
	}
	for w := 0; w < l.workers(); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for job := range jobs {
				job()
			}
		}()
	}
	// Objects kept whole are evaluated one part at a time; those kept as a
	// projection (a large input) a file at a time, as the file is read again,
	// so that only the files being evaluated are held whole.
	reread := map[string][]int{}
	var files []string
	// Once the run is cancelled no more work is handed out; what a worker
	// already holds stops at its next check (evaluator.evaluate).
	send := func(job func()) bool {
		select {
		case jobs <- job:
			return true
		case <-ctx.Done():
			return false
		}
	}
dispatch:
	for i, o := range todo {
		if top := ctrl[o]; top != nil && sameTemplate(o, top) {
			// Nothing of its own to report (keepDiffering would drop all).
			outcomes[i*len(evs)] = outcome{}
			report()
			continue
		}
		if e := s.earlyOf(o); e != nil {
			// Evaluated while whole but for the rules that read other
			// objects; read again only for those.
			outcomes[i*len(evs)] = e.outcome
			if !s.crossApplies(o.Kind) {
				report()
				continue
			}
		}
		if o.Partial {
			if _, ok := reread[o.Source.File]; !ok {
				files = append(files, o.Source.File)
			}
			reread[o.Source.File] = append(reread[o.Source.File], i)
			continue
		}
		for p := range evs {
			if !send(func() { evaluate(i, p, o) }) {
				break dispatch
			}
		}
	}
	for _, file := range files {
		if ctx.Err() != nil {
			break
		}
		send(func() {
			at := reread[file]
			whole := l.reread(file, todo, at, outcomes, len(evs))
			// A file of many objects (a List exported from a cluster) is
			// not left to one worker.
			workers := 1
			if len(at) > manyObjects {
				workers = l.workers()
			}
			each(len(at), workers, func(n int) {
				if ctx.Err() != nil {
					return
				}
				i := at[n]
				if whole[n] == nil {
					report()
					return
				}
				if s.earlyOf(todo[i]) != nil {
					f, e := cross.evaluate(ctx, whole[n])
					o := &outcomes[i*len(evs)]
					o.findings, o.errors = append(o.findings, f...), append(o.errors, e...)
					report()
					return
				}
				c := &res.Checked[i]
				c.Labels, c.Annotations, c.TemplateAnnotations = metadataOf(whole[n])
				for p := range evs {
					evaluate(i, p, whole[n])
				}
			})
		})
	}
	close(jobs)
	wg.Wait()
	if ctx.Err() == nil && len(l.combined) > 0 {
		combined := l.evaluateCombined(ctx, parts[0].compiler, store, todo)
		res.Findings = append(res.Findings, combined.findings...)
		res.Errors = append(res.Errors, combined.errors...)
	}
	if ctx.Err() != nil {
		res.Errors = append(res.Errors, interrupted(ctx))
	}

	keepDiffering(todo, ctrl, outcomes, len(evs))
	res.Findings = append(merge(todo, outcomes, len(evs)), res.Findings...)
	for _, o := range outcomes {
		res.Errors = append(res.Errors, o.errors...)
	}
	res.Errors = oncePerRule(res.Errors)
	if !l.opts.Complete {
		res.SkippedIncomplete = l.completeOnly()
	}
	res.Unvalidated = sr.unvalidatedKinds()
	sortFindings(res.Findings)
	sortErrors(res.Errors)
	return res
}

// interrupted is the error of a run whose context ended before every
// object was evaluated: the objects not evaluated are not silently clean.
func interrupted(ctx context.Context) Error {
	return Error{Stage: StageEvaluate, Code: CodeInterrupted, Err: ctx.Err(), Message: fmt.Sprintf("interrupted (%v) before every object was evaluated: the findings are incomplete", ctx.Err())}
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

// merge lists the findings of every outcome once: the same file given twice,
// or one object in two files, is one problem. Only findings of an object whose
// identity occurs more than once are remembered across objects (a large run
// has hundreds of thousands of findings); outcomes give up their findings as
// they are copied.
func merge(todo []*load.Object, outcomes []outcome, parts int) []Finding {
	total := 0
	for _, o := range outcomes {
		total += len(o.findings)
	}
	count := make(map[load.Ref]int, len(todo))
	for _, o := range todo {
		count[o.Ref()]++
	}
	out := make([]Finding, 0, total)
	across := map[findingKey]bool{}
	within := map[findingKey]bool{}
	for j := range outcomes {
		if j%parts == 0 {
			clear(within)
		}
		seen := within
		if count[todo[j/parts].Ref()] > 1 {
			seen = across
		}
		for _, f := range outcomes[j].findings {
			k := keyOf(f)
			if seen[k] {
				continue
			}
			seen[k] = true
			out = append(out, f)
		}
		outcomes[j].findings = nil
	}
	return out
}

// outcome is what evaluating one object under one part gave.
type outcome struct {
	findings []Finding
	errors   []Error
}

// progress returns what a worker calls after each object: it tells
// Options.Progress every percent of total and at the end.
func (l *Linter) progress(total int) func() {
	if l.opts.Progress == nil || total == 0 {
		return func() {}
	}
	var mu sync.Mutex
	done := 0
	step := max(total/100, 1)
	return func() {
		mu.Lock()
		defer mu.Unlock()
		done++
		if done%step == 0 || done == total {
			l.opts.Progress(done, total)
		}
	}
}

type findingKey struct {
	rule, file, message, path string
	object                    load.Ref
	line, column              int
}

func keyOf(f Finding) findingKey {
	return findingKey{f.Rule.ID, f.Location.File, f.Message, f.Location.Path, f.Object, f.Location.Line, f.Location.Column}
}

// completeOnly lists the active rules marked as needing complete input.
func (l *Linter) completeOnly() []*policy.Rule {
	var out []*policy.Rule
	for _, r := range l.active {
		if requiresComplete(r) {
			out = append(out, r)
		}
	}
	return out
}

// requiresComplete reports whether r is marked as firing only on complete input.
func requiresComplete(r *policy.Rule) bool {
	v, _ := r.Custom["requiresComplete"].(bool)
	return v
}

// runData is data for one run: the library's data plus the run's settings, its
// inventory, and the inventory's indexes. The indexes are built by the Rego
// library itself (data.kubeward.lib.inventory.index_build), once per run, so
// that where pods keep their labels stays known in one place only.
func (l *Linter) runData(ctx context.Context, parts []part, objs []*load.Object) (ast.Object, error) {
	data, kw := l.baseData()
	kw.Insert(ast.StringTerm("inventory"), ast.NewTerm(inventory(objs)))
	index := ast.NewObject()
	for _, b := range indexBuilders {
		// A helper module that this run's rules do not import has no index
		// to build; one that several parts import is built once.
		var compiler *ast.Compiler
		for _, p := range parts {
			if _, ok := p.compiler.Modules[b.module]; ok {
				compiler = p.compiler
				break
			}
		}
		if compiler == nil {
			continue
		}
		t, err := l.buildIndex(ctx, compiler, data, b.ref)
		if err != nil {
			return data, fmt.Errorf("building the inventory index (%s): %w", b.ref, err)
		}
		if b.key == "" {
			if o, ok := t.Value.(ast.Object); ok {
				o.Foreach(func(k, v *ast.Term) { index.Insert(k, v) })
			}
			continue
		}
		index.Insert(ast.StringTerm(b.key), t)
	}
	if index.Len() > 0 {
		kw.Insert(ast.StringTerm("index"), ast.NewTerm(index))
	}
	return data, nil
}

// baseData is the library's data plus the run's settings; kw is its
// data.kubeward, where runData adds the inventory.
func (l *Linter) baseData() (data, kw ast.Object) {
	data = l.data.Copy()
	kw = ast.NewObject()
	if t := data.Get(ast.StringTerm("kubeward")); t != nil {
		if o, ok := t.Value.(ast.Object); ok {
			kw = o.Copy()
		}
	}
	kw.Insert(ast.StringTerm("run"), ast.NewTerm(ast.NewObject(
		ast.Item(ast.StringTerm("assumeComplete"), ast.BooleanTerm(l.opts.Complete)),
		ast.Item(ast.StringTerm("namespace"), ast.StringTerm(l.requestNamespace())),
	)))
	data.Insert(ast.StringTerm("kubeward"), ast.NewTerm(kw))
	return data, kw
}

// astResults keeps results as Rego terms: converting them to Go maps would
// cost more than building most indexes.
var astResults = rego.GenerateJSON(func(t *ast.Term, _ *rego.EvalContext) (any, error) { return t, nil })

// buildIndex evaluates one index builder over the run's data.
func (l *Linter) buildIndex(ctx context.Context, compiler *ast.Compiler, data ast.Object, ref string) (*ast.Term, error) {
	rs, err := rego.New(
		rego.Query("x := "+ref),
		rego.Compiler(compiler),
		rego.Store(inmem.NewFromASTObject(data)),
		astResults,
	).Eval(ctx)
	if err != nil {
		return nil, err
	}
	if len(rs) == 1 {
		if t, ok := rs[0].Bindings["x"].(*ast.Term); ok {
			return t, nil
		}
	}
	return nil, fmt.Errorf("%s is undefined", ref)
}

// indexBuilders are the library's per-run indexes: each module's index_build
// is evaluated once per run, when the run's rules import that module, and
// stored under data.kubeward.index (key "" merges the result's keys there).
// The Rego library computes them itself when they are absent (unit tests).
var indexBuilders = []struct{ module, ref, key string }{
	{indexModule, "data.kubeward.lib.inventory.index_build", ""},
	{"policies/lib/rbac.rego", "data.kubeward.lib.rbac.index_build", "rbac"},
}

// indexModule is the library file that defines index_build.
const indexModule = "policies/lib/inventory.rego"
