package engine

import (
	"context"
	"fmt"
	"io"
	"strings"
	"sync"
	"time"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/storage/inmem"
	"github.com/open-policy-agent/opa/v1/topdown"

	"github.com/kubeward/kubeward/engine/internal/evaluate"
	"github.com/kubeward/kubeward/engine/internal/filter"
	"github.com/kubeward/kubeward/engine/internal/inventory"
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
	// evaluated are the active rules a run evaluates: all of them with
	// Options.Complete, else those that do not need complete input (the
	// report lists those as skipped, and they are neither compiled nor run).
	evaluated []*policy.Rule
	off       []RulesOff
	data      ast.Object
	// schemaRules are the active KW-SCH rules, by the problem each reports.
	schemaRules map[schema.Code]*policy.Rule

	fingerprintOnce  sync.Once
	fingerprintValue string
	cache            cacheState

	// combined are the rules evaluated on every object at once
	// (Options.Combine), with their compiled queries.
	combined        []*policy.Rule
	combinedQueries *evaluate.Queries

	mu      sync.Mutex
	full    []part            // every active rule, in one part
	subsets map[string][]part // by the sorted kinds they cover and their number of parts
}

// withoutDisabled is active without the rules of the ids disabled.
func withoutDisabled(active []*policy.Rule, disabled []string) []*policy.Rule {
	if len(disabled) == 0 {
		return active
	}
	off := map[string]bool{}
	for _, id := range disabled {
		off[strings.ToUpper(id)] = true
	}
	kept := active[:0:0]
	for _, r := range active {
		if !off[strings.ToUpper(r.ID)] {
			kept = append(kept, r)
		}
	}
	return kept
}

// kubeVersion is the release the run targets, normalized, and written into
// the library's data where the bundled rules read it: the one asked for,
// else the one parameters: {kubeVersion: …} of a configuration, or --data,
// set (the schema and the removed-API rule agree); "" for the newest.
func kubeVersion(asked string, data map[string]any) (string, error) {
	if asked == "" {
		asked = configKubeVersion(data)
	}
	if asked == "" {
		return "", nil
	}
	v, err := schema.ParseVersion(asked)
	if err != nil {
		return "", fmt.Errorf("--kube-version: %w", err)
	}
	setKubeVersion(data, v)
	return v, nil
}

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
	active = withoutDisabled(active, opts.Disabled)
	if opts.KubeVersion, err = kubeVersion(opts.KubeVersion, lib.Data); err != nil {
		return nil, err
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
	l := &Linter{opts: opts, library: lib, active: active, evaluated: evaluatedOf(active, opts.Complete), data: data.(ast.Object), subsets: map[string][]part{},
		off: filter.RulesOff(lib, opts.Policy, opts.Profile, opts.Disabled, opts.DisabledBy), schemaRules: schemaRules(active, opts.NoSchema)}
	if !lib.Trusted() {
		// The user's policies are compiled whole, with every check, now: a
		// mistake in a rule for kinds absent from this input is still an error.
		c, err := lib.Compile()
		if err != nil {
			return nil, err
		}
		perObject, combined := splitCombined(l.evaluated, opts.Combine)
		l.full = []part{newPart(c, perObject)}
		l.combined, l.combinedQueries = combined, evaluate.NewQueries()
	}
	return l, nil
}

// Library returns every loaded rule, active or not.
func (l *Linter) Library() *policy.Library { return l.library }

// Active returns the rules the profile selects.
func (l *Linter) Active() []*policy.Rule { return l.active }

// Lint loads the paths and evaluates every object.
func (l *Linter) Lint(ctx context.Context, paths []string) *Result {
	entry, refused := l.cacheFor(paths)
	if entry != nil {
		if res, ok := entry.Get(l.library.Rule); ok {
			res.Rules, res.RulesOff = l.active, l.off
			return res
		}
	}
	res := l.lint(ctx, paths)
	if refused != nil {
		res.Warnings = append(res.Warnings, *refused)
	}
	// A run with errors may have met a timeout or an unreadable file: not
	// something to replay.
	if entry != nil && len(res.Errors) == 0 && ctx.Err() == nil {
		entry.Put(res)
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

// lintObjects runs the stages after loading on objs, in one direction:
// schema checks and compile, the inventory and its indexes, evaluation
// (objectRun), then the findings and errors of every object in order. s,
// when not nil, holds what was found while they loaded.
func (l *Linter) lintObjects(ctx context.Context, objs []*load.Object, s *stream) *Result {
	res := &Result{Rules: l.active, RulesOff: l.off}
	l.place(objs)
	sr := s.schemaRun()
	if sr == nil {
		sr = l.newSchemaRun(ctx, objs)
	}
	res.Errors = append(res.Errors, sr.errs...)
	parts, failed := l.compiledFor(ctx, s, objs)
	if failed != nil {
		res.Errors = append(res.Errors, *failed)
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
	// Owned objects are evaluated too, and keep only what differs from
	// their controller (inventory.KeepDiffering, after the evaluation).
	ctrl := inventory.Controllers(objs)
	res.Owned = len(ctrl)
	res.Objects = len(objs) - len(ctrl)
	res.Checked = checkedOf(objs, s)
	run := l.newObjectRun(ctx, objs, parts, store, s, sr, ctrl, res.Checked)
	run.evaluateAll()
	if ctx.Err() == nil && len(l.combined) > 0 {
		combined := l.evaluateCombined(ctx, parts[0].compiler, store, objs)
		res.Findings = append(res.Findings, combined.findings...)
		res.Errors = append(res.Errors, combined.errors...)
	}
	if ctx.Err() != nil {
		res.Errors = append(res.Errors, interrupted(ctx))
	}
	res.Findings = append(run.findings(), res.Findings...)
	res.Errors = evaluate.OncePerRule(append(res.Errors, run.errors()...))
	if !l.opts.Complete {
		res.SkippedIncomplete = l.completeOnly()
	}
	res.Unvalidated = sr.unvalidatedKinds()
	sortFindings(res.Findings)
	sortErrors(res.Errors)
	return res
}

// checkedOf lists the objects of a run with the metadata the config filter
// matches: read from the whole object, or, for one kept as a projection,
// when it was whole (s) or once it is read again.
func checkedOf(objs []*load.Object, s *stream) []Checked {
	out := make([]Checked, len(objs))
	for i, o := range objs {
		c := &out[i]
		*c = Checked{Object: o.Ref(), File: o.Source.File, Document: o.Source.Document, Item: o.Source.Item}
		if e := s.earlyOf(o); e != nil {
			c.Labels, c.Annotations, c.TemplateAnnotations = e.labels, e.annotations, e.template
		} else if !o.Partial {
			c.Labels, c.Annotations, c.TemplateAnnotations = inventory.Metadata(o)
		}
	}
	return out
}

// interrupted is the error of a run whose context ended before every
// object was evaluated: the objects not evaluated are not silently clean.
func interrupted(ctx context.Context) Error {
	return Error{Stage: StageEvaluate, Code: CodeInterrupted, Err: ctx.Err(), Message: fmt.Sprintf("interrupted (%v) before every object was evaluated: the findings are incomplete", ctx.Err())}
}
