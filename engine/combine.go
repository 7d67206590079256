package engine

import (
	"context"
	"sort"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/storage"

	"github.com/kubeward/kubeward/engine/internal/evaluate"
	"github.com/kubeward/kubeward/engine/load"
	"github.com/kubeward/kubeward/engine/policy"
)

// CombinedKind and CombinedFile name what the findings of a combined
// evaluation (Options.Combine) are about: every document at once, which
// conftest reports as "Combined".
const (
	CombinedKind = "Combined"
	CombinedFile = "(combined)"
)

// splitCombined separates, for Options.Combine, the conftest rules (which
// see every document at once) from the rules evaluated object by object.
func splitCombined(active []*policy.Rule, combine bool) (perObject, combined []*policy.Rule) {
	if !combine {
		return active, nil
	}
	for _, r := range active {
		if r.Conftest {
			combined = append(combined, r)
		} else {
			perObject = append(perObject, r)
		}
	}
	return perObject, combined
}

// combinedInput is conftest's --combine input: an array of {path, contents},
// one per document, ordered by path (and, within a file, as written).
func combinedInput(objs []*load.Object) *load.Object {
	sorted := make([]*load.Object, len(objs))
	copy(sorted, objs)
	sort.SliceStable(sorted, func(i, j int) bool {
		a, b := sorted[i].Source, sorted[j].Source
		if a.File != b.File {
			return a.File < b.File
		}
		if a.Document != b.Document {
			return a.Document < b.Document
		}
		return a.Item < b.Item
	})
	terms := make([]*ast.Term, len(sorted))
	for i, o := range sorted {
		terms[i] = ast.ObjectTerm(
			ast.Item(ast.StringTerm("path"), ast.StringTerm(o.Source.File)),
			ast.Item(ast.StringTerm("contents"), ast.NewTerm(o.Value)),
		)
	}
	return &load.Object{Kind: CombinedKind, Value: ast.NewArray(terms...), Source: load.Source{File: CombinedFile, Item: -1}}
}

// evaluateCombined evaluates the combined rules once, on every object.
func (l *Linter) evaluateCombined(ctx context.Context, c *ast.Compiler, store storage.Store, objs []*load.Object) outcome {
	if len(l.combined) == 0 || len(objs) == 0 || c == nil {
		return outcome{}
	}
	ev := &evaluate.Evaluator{Compiler: c, Store: store, Timeout: l.opts.Timeout, Queries: l.combinedQueries, Rules: l.combined}
	f, e := ev.Evaluate(ctx, combinedInput(objs))
	return outcome{f, e}
}
