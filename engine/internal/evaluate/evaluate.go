// Package evaluate is the evaluation stage: it evaluates compiled rules on
// one object at a time, one query per kind holding every rule that applies
// to that kind, and turns each member of a rule's deny set into a finding
// at the position of its path.
package evaluate

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"time"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/storage"
	"github.com/open-policy-agent/opa/v1/topdown"

	"github.com/kubeward/kubeward/engine/load"
	"github.com/kubeward/kubeward/engine/policy"
	"github.com/kubeward/kubeward/engine/result"
)

// Evaluator evaluates the active rules on objects. One query per kind holds
// every rule that applies to that kind, compiled once on first use, so an
// object costs one evaluation whatever the number of rules.
type Evaluator struct {
	Compiler *ast.Compiler
	// Store holds the run's data (its inventory and indexes).
	Store storage.Store
	// Timeout bounds the evaluation of one object (none when 0).
	Timeout time.Duration
	// Queries are the compiled per-kind queries, shared by the evaluators
	// of one compiler (NewQueries).
	Queries *Queries
	Rules   []*policy.Rule
	// Print, when set, receives the output of the rules' print() calls.
	Print func(PrintLine)
	// Tracer, when set, is given every step of every evaluation.
	Tracer topdown.QueryTracer
	// Shared, when set, gives the findings of the run it serves one copy of
	// each field path and message.
	Shared *Shared
}

// Queries are compiled per-kind queries. They hold no data: evaluators with
// different stores (one per call of a long-lived Linter) share them.
type Queries struct {
	mu     sync.Mutex
	byKind map[string]*kindQuery
}

// NewQueries returns an empty set of queries, compiled as kinds are met.
func NewQueries() *Queries { return &Queries{byKind: map[string]*kindQuery{}} }

// Compiled is how many per-kind queries q holds compiled.
func (q *Queries) Compiled() int {
	q.mu.Lock()
	defer q.mu.Unlock()
	n := 0
	for _, k := range q.byKind {
		if k.query.body != nil {
			n++
		}
	}
	return n
}

type kindQuery struct {
	once  sync.Once
	rules []*policy.Rule
	query compiledQuery
	err   error
}

// compiledQuery is a query compiled once and evaluated many times with
// topdown directly: rego's prepared queries are bound to one store, and a
// call of the Go API has a store of its own (its inventory); preparing the
// query again for each was three times the evaluation of one Deployment.
type compiledQuery struct {
	body     ast.Body
	compiler ast.QueryCompiler
	// exceptions are the packages whose conftest exception set follows the
	// rules' sets in the result, in this order.
	exceptions []string
}

// result is the variable the query binds to the rules' deny sets.
var resultVar = ast.Var("x")

func (e *Evaluator) queryFor(kind string) *kindQuery {
	e.Queries.mu.Lock()
	q, ok := e.Queries.byKind[kind]
	if !ok {
		q = &kindQuery{}
		for _, r := range e.Rules {
			if r.AppliesTo(kind) {
				q.rules = append(q.rules, r)
			}
		}
		e.Queries.byKind[kind] = q
	}
	e.Queries.mu.Unlock()
	q.once.Do(func() {
		if len(q.rules) == 0 {
			return
		}
		q.query, q.err = e.prepare(q.rules)
	})
	return q
}

func (e *Evaluator) prepare(rules []*policy.Rule) (compiledQuery, error) {
	terms := make([]string, len(rules))
	var exceptions []string
	seen := map[string]bool{}
	for i, r := range rules {
		terms[i] = "data." + QuotePackage(r.Package) + "." + r.EntryRule()
		// A trace (explain --trace) shows the rule being evaluated: keep it.
		if v, ok := constantEntry(e.Compiler, terms[i]); ok && e.Tracer == nil {
			terms[i] = v.String()
		}
		if r.ExceptionFile != "" && !seen[r.Package] {
			seen[r.Package] = true
			exceptions = append(exceptions, r.Package)
		}
	}
	// conftest asks exception[_][_] == name: the names of every member of the
	// package's exception set, evaluated with the same input.
	for _, pkg := range exceptions {
		terms = append(terms, "{n | n := data."+QuotePackage(pkg)+".exception[_][_]}")
	}
	body, err := ast.ParseBodyWithOpts(string(resultVar)+" = ["+strings.Join(terms, ", ")+"]", ast.ParserOptions{RegoVersion: ast.RegoV1})
	if err != nil {
		return compiledQuery{}, err
	}
	qc := e.Compiler.QueryCompiler()
	compiled, err := qc.Compile(body)
	if err != nil {
		return compiledQuery{}, err
	}
	return compiledQuery{body: compiled, compiler: qc, exceptions: exceptions}, nil
}

// QuotePackage writes a package path so that segments that are not Rego
// identifiers (a user's "kubeward.rules.my-team") still form a valid ref.
func QuotePackage(pkg string) string {
	parts := strings.Split(pkg, ".")
	var b strings.Builder
	for i, p := range parts {
		if i > 0 && !isRegoIdent(p) {
			b.WriteString(`["` + p + `"]`)
			continue
		}
		if i > 0 {
			b.WriteByte('.')
		}
		b.WriteString(p)
	}
	return b.String()
}

func isRegoIdent(s string) bool {
	if s == "" || ast.IsKeyword(s) {
		return false
	}
	for i, r := range s {
		if r == '_' || (r >= 'a' && r <= 'z') || (r >= 'A' && r <= 'Z') || (i > 0 && r >= '0' && r <= '9') {
			continue
		}
		return false
	}
	return true
}

// Evaluate runs every rule that applies to o and returns its findings.
func (e *Evaluator) Evaluate(ctx context.Context, o *load.Object) ([]result.Finding, []result.Error) {
	// A cancelled run reports that it was interrupted (interrupted), not
	// one timeout per rule and object.
	if ctx.Err() != nil {
		return nil, nil
	}
	q := e.queryFor(o.Kind)
	if len(q.rules) == 0 {
		return nil, nil
	}
	if q.err != nil {
		return nil, []result.Error{{Stage: result.StageEvaluate, Code: result.CodePrepare, File: o.Source.File, Message: "preparing the rules for kind " + o.Kind + ": " + q.err.Error()}}
	}
	// A failure here is followed by evaluating the rules one by one, which
	// prints again what this pass printed: its print() output is dropped.
	sets, err := e.run(ctx, q.query, o, false)
	if err != nil && ctx.Err() != nil {
		return nil, nil
	}
	if err != nil {
		// One failing rule must not hide the others' findings: evaluate them
		// one by one, so that the error names the rule.
		return e.evaluateEach(ctx, q.rules, o)
	}
	// Findings are kept to the end of a run (a streamed one holds hundreds
	// of thousands): one slice of the exact size, not one grown per rule.
	n := 0
	for i := range q.rules {
		if set, ok := sets.Elem(i).Value.(ast.Set); ok {
			n += set.Len()
		}
	}
	var out []result.Finding
	if n > 0 {
		out = make([]result.Finding, 0, n)
	}
	var errs []result.Error
	for i, r := range q.rules {
		var es []result.Error
		from := len(out)
		out, es = e.findings(r, sets.Elem(i), o, out)
		errs = append(errs, es...)
		exceptConftest(r, q.query, sets, len(q.rules), out[from:])
	}
	return out, errs
}

// exceptConftest marks the findings of a conftest rule that its package's
// exception set names as suppressed, as conftest counts them as exceptions
// rather than failures. sets holds the exception sets after the n rules'.
func exceptConftest(r *policy.Rule, q compiledQuery, sets *ast.Array, n int, fs []result.Finding) {
	if r.ExceptionFile == "" || len(fs) == 0 {
		return
	}
	for j, pkg := range q.exceptions {
		if pkg != r.Package || n+j >= sets.Len() {
			continue
		}
		names, ok := sets.Elem(n + j).Value.(ast.Set)
		if !ok || !names.Contains(ast.StringTerm(r.ExceptionName)) {
			return
		}
		where := fmt.Sprintf("%s:%d", r.ExceptionFile, r.ExceptionLine)
		for i := range fs {
			fs[i].Suppression = &result.Suppression{Kind: result.SuppressedByException,
				Reason: fmt.Sprintf("conftest exception %q in package %s", r.ExceptionName, r.Package), Where: where}
		}
		return
	}
}

func (e *Evaluator) evaluateEach(ctx context.Context, rules []*policy.Rule, o *load.Object) ([]result.Finding, []result.Error) {
	var out []result.Finding
	var errs []result.Error
	for _, r := range rules {
		if ctx.Err() != nil {
			return out, errs
		}
		pq, err := e.prepare([]*policy.Rule{r})
		if err != nil {
			errs = append(errs, e.ruleError(r, o, err))
			continue
		}
		sets, err := e.run(ctx, pq, o, true)
		if err != nil {
			errs = append(errs, e.ruleError(r, o, err))
			continue
		}
		var es []result.Error
		from := len(out)
		out, es = e.findings(r, sets.Elem(0), o, out)
		errs = append(errs, es...)
		exceptConftest(r, pq, sets, 1, out[from:])
	}
	return out, errs
}

// run evaluates q on o. The rules' print() output is handed to e.print once
// the query is over: always when it succeeded, and when it failed only if
// printsOnError (the failing rule's own output says how far it got).
func (e *Evaluator) run(ctx context.Context, q compiledQuery, o *load.Object, printsOnError bool) (_ *ast.Array, err error) {
	if e.Timeout > 0 {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, e.Timeout)
		defer cancel()
	}
	txn, err := e.Store.NewTransaction(ctx)
	if err != nil {
		return nil, err
	}
	defer e.Store.Abort(ctx, txn)
	// topdown stops at its cancel, not at the context's end: tie the two.
	c := topdown.NewCancel()
	defer context.AfterFunc(ctx, c.Cancel)()
	query := topdown.NewQuery(q.body).
		WithQueryCompiler(q.compiler).
		WithCompiler(e.Compiler).
		WithStore(e.Store).
		WithTransaction(txn).
		WithInput(ast.NewTerm(o.Value)).
		WithVirtualCache(newVirtualCache()).
		WithCancel(c)
	if e.Print != nil {
		var printed []PrintLine
		query = query.WithPrintHook(e.printHook(o, func(l PrintLine) { printed = append(printed, l) }))
		defer func() {
			if err == nil || printsOnError {
				for _, l := range printed {
					e.Print(l)
				}
			}
		}()
	}
	if e.Tracer != nil {
		query = query.WithQueryTracer(e.Tracer)
	}
	rs, err := query.Run(ctx)
	if err != nil {
		return nil, err
	}
	if len(rs) != 1 {
		return nil, errors.New("a rule's deny is undefined")
	}
	t, ok := rs[0][resultVar]
	if !ok {
		return nil, errors.New("unexpected query result")
	}
	arr, ok := t.Value.(*ast.Array)
	if !ok {
		return nil, errors.New("unexpected query result")
	}
	return arr, nil
}

func (e *Evaluator) ruleError(r *policy.Rule, o *load.Object, err error) result.Error {
	pos := o.Start()
	msg := err.Error()
	var te *topdown.Error
	if errors.As(err, &te) && te.Code == topdown.CancelErr || errors.Is(err, context.DeadlineExceeded) {
		msg = fmt.Sprintf("timed out after %s (limit --timeout)", e.Timeout)
	}
	// Reports are one line per problem; OPA's messages may span several.
	msg = strings.Join(strings.Fields(msg), " ")
	return result.Error{Stage: result.StageEvaluate, Code: result.CodeRuleFailed, File: o.Source.File, Line: pos.Line, Column: pos.Column,
		Message: fmt.Sprintf("rule %s failed on %s: %s", r.ID, describeObject(o), msg)}
}

func describeObject(o *load.Object) string { return result.Describe(o.Ref()) }

// findings turns a rule's deny set into findings. A member that does not keep
// the contract is an error naming the rule, not a silent drop.
func (e *Evaluator) findings(r *policy.Rule, t *ast.Term, o *load.Object, out []result.Finding) ([]result.Finding, []result.Error) {
	set, ok := t.Value.(ast.Set)
	if !ok {
		return out, []result.Error{e.contractError(r, o, r.EntryRule()+" is not a set")}
	}
	var errs []result.Error
	set.Foreach(func(m *ast.Term) {
		var msg, problem string
		var path []any
		if r.Conftest {
			// conftest rules name no field: their other keys (details, …)
			// are theirs, and the finding is at the object's start.
			msg, problem = decodeConftest(m.Value)
		} else {
			msg, path, problem = decodeFinding(m.Value)
		}
		if problem != "" {
			errs = append(errs, e.contractError(r, o, problem))
			return
		}
		pos := o.Position(path)
		if len(path) == 0 {
			pos = o.Start()
		}
		path, text := e.Shared.path(path)
		file, objectFile := o.Source.File, ""
		if pos.File != "" && pos.File != file {
			file, objectFile = pos.File, o.Source.File
		}
		out = append(out, result.Finding{
			Rule:     r,
			Severity: r.Severity,
			Message:  e.Shared.message(msg),
			Object:   o.Ref(),
			Path:     path,
			Document: o.Source.Document,
			Item:     o.Source.Item,
			Location: result.Location{
				File:     file,
				Line:     pos.Line,
				Column:   pos.Column,
				Path:     text,
				Template: o.Source.Template,
			},
		})
		out[len(out)-1].ObjectFile = objectFile
	})
	return out, errs
}

func (e *Evaluator) contractError(r *policy.Rule, o *load.Object, problem string) result.Error {
	pos := o.Start()
	return result.Error{Stage: result.StageEvaluate, Code: result.CodeContract, File: o.Source.File, Line: pos.Line, Column: pos.Column,
		Message: fmt.Sprintf("rule %s (%s:%d)%s%s: %s", r.ID, r.File, r.Line, contractOn, describeObject(o), problem)}
}

// contractOn joins a contract error's rule to the object it was met on:
// OncePerRule finds the rule and the problem on either side of it.
const contractOn = " breaks the policy contract on "

// OncePerRule keeps the first of the contract errors that name the same
// rule and problem, and says on how many more objects it was met: a rule
// that returns a wrong path does so on every object it fires on, and a
// thousand lines would bury the one fix. errs are in input order.
func OncePerRule(errs []result.Error) []result.Error {
	type key struct{ rule, problem string }
	first := map[key]int{}
	more := map[key]int{}
	out := errs[:0]
	for _, e := range errs {
		rule, rest, ok := strings.Cut(e.Message, contractOn)
		if !ok {
			out = append(out, e)
			continue
		}
		// The problems (decodeFinding's) hold no ": ": the last one ends
		// the object's description, whatever its name holds.
		problem := rest[strings.LastIndex(rest, ": ")+1:]
		k := key{rule, problem}
		if _, seen := first[k]; seen {
			more[k]++
			continue
		}
		first[k] = len(out)
		out = append(out, e)
	}
	for k, n := range more {
		s := "s"
		if n == 1 {
			s = ""
		}
		out[first[k]].Message += fmt.Sprintf(" (and on %d more object%s)", n, s)
	}
	return out
}

// decodeConftest reads what conftest accepts: a string, or an object with a
// string msg.
func decodeConftest(v ast.Value) (string, string) {
	switch x := v.(type) {
	case ast.String:
		return string(x), ""
	case ast.Object:
		if mt := x.Get(ast.StringTerm("msg")); mt != nil {
			if m, ok := mt.Value.(ast.String); ok {
				return string(m), ""
			}
		}
		return "", "a result has no string msg"
	}
	return "", "a result is neither a string nor an object with msg"
}

// decodeFinding reads {"msg": string, "path": [..]}; conftest-style rules may
// return a bare string.
func decodeFinding(v ast.Value) (string, []any, string) {
	switch x := v.(type) {
	case ast.String:
		return string(x), nil, ""
	case ast.Object:
		mt := x.Get(ast.StringTerm("msg"))
		if mt == nil {
			return "", nil, "a deny member has no msg"
		}
		m, ok := mt.Value.(ast.String)
		if !ok {
			return "", nil, "a deny member has no string msg"
		}
		pt := x.Get(ast.StringTerm("path"))
		if pt == nil {
			return string(m), nil, ""
		}
		arr, ok := pt.Value.(*ast.Array)
		if !ok {
			return "", nil, "a deny member's path is not an array"
		}
		path := make([]any, 0, arr.Len())
		var problem string
		arr.Foreach(func(s *ast.Term) {
			switch sv := s.Value.(type) {
			case ast.String:
				path = append(path, string(sv))
			case ast.Number:
				if i, ok := sv.Int(); ok {
					path = append(path, i)
					return
				}
				problem = "a deny member's path has a non-integer number"
			default:
				problem = "a deny member's path has a step that is neither a string nor an index"
			}
		})
		return string(m), path, problem
	}
	return "", nil, "a deny member is neither an object with msg nor a string"
}

// One evaluates rule r alone on o, printing even when it fails, as a trace
// of it shows it (explain --trace): its findings, or why it failed.
func (e *Evaluator) One(ctx context.Context, r *policy.Rule, o *load.Object) ([]result.Finding, error) {
	q, err := e.prepare([]*policy.Rule{r})
	if err != nil {
		return nil, err
	}
	sets, err := e.run(ctx, q, o, true)
	if err != nil {
		return nil, fmt.Errorf("rule %s on %s: %w", r.ID, describeObject(o), err)
	}
	fs, errs := e.findings(r, sets.Elem(0), o, nil)
	if len(errs) > 0 {
		return nil, errs[0]
	}
	return fs, nil
}
