package inventory

import (
	"context"
	"fmt"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/rego"
	"github.com/open-policy-agent/opa/v1/storage/inmem"

	"github.com/kubeward/kubeward/engine/load"
)

// AddTo adds the run's inventory of objs and its indexes to data, whose
// data.kubeward is kw. The indexes are built by the Rego library itself
// (data.kubeward.lib.inventory.index_build), once per run, so that where
// pods keep their labels stays known in one place only; each is evaluated
// with the first of compilers that holds its module. On an error data
// holds the inventory but not every index.
func AddTo(ctx context.Context, data, kw ast.Object, compilers []*ast.Compiler, objs []*load.Object) (ast.Object, error) {
	kw.Insert(ast.StringTerm("inventory"), ast.NewTerm(Build(objs)))
	index := ast.NewObject()
	for _, b := range indexBuilders {
		// A helper module that this run's rules do not import has no index
		// to build; one that several parts import is built once.
		var compiler *ast.Compiler
		for _, c := range compilers {
			if _, ok := c.Modules[b.module]; ok {
				compiler = c
				break
			}
		}
		if compiler == nil {
			continue
		}
		t, err := buildIndex(ctx, compiler, data, b.ref)
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

// astResults keeps results as Rego terms: converting them to Go maps would
// cost more than building most indexes.
var astResults = rego.GenerateJSON(func(t *ast.Term, _ *rego.EvalContext) (any, error) { return t, nil })

// buildIndex evaluates one index builder over the run's data.
func buildIndex(ctx context.Context, compiler *ast.Compiler, data ast.Object, ref string) (*ast.Term, error) {
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
	{IndexModule, "data.kubeward.lib.inventory.index_build", ""},
	{"policies/lib/rbac.rego", "data.kubeward.lib.rbac.index_build", "rbac"},
}

// IndexModule is the library file that defines index_build: every compile
// of a run includes it, so that the run's inventory index has a compiler.
const IndexModule = "policies/lib/inventory.rego"
