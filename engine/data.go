package engine

import (
	"context"

	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/kubeward/kubeward/engine/internal/inventory"
	"github.com/kubeward/kubeward/engine/load"
	"github.com/kubeward/kubeward/engine/policy"
)

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

// evaluatedOf is what a run evaluates of the active rules: without complete
// input, a rule that needs it would find nothing, so it is not compiled or
// evaluated at all (6 of the 75 rules a Deployment meets).
func evaluatedOf(active []*policy.Rule, complete bool) []*policy.Rule {
	if complete {
		return active
	}
	out := make([]*policy.Rule, 0, len(active))
	for _, r := range active {
		if !requiresComplete(r) {
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

// runData is data for one run: the library's data plus the run's
// settings, its inventory, and the inventory's indexes
// (engine/internal/inventory).
func (l *Linter) runData(ctx context.Context, parts []part, objs []*load.Object) (ast.Object, error) {
	data, kw := l.baseData()
	compilers := make([]*ast.Compiler, len(parts))
	for i, p := range parts {
		compilers[i] = p.compiler
	}
	return inventory.AddTo(ctx, data, kw, compilers, objs)
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
