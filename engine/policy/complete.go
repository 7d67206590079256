package policy

import "github.com/open-policy-agent/opa/v1/ast"

// completenessRefs are what a rule reads to know whether the input is the
// whole picture: the library's helper and the run setting it wraps.
var completenessRefs = []ast.Ref{
	ast.MustParseRef("data.kubeward.lib.inventory.complete"),
	ast.MustParseRef("data.kubeward.run.assumeComplete"),
}

// readsCompleteness reports whether module m reads completenessRefs, by a
// full ref or through an import: such a rule fires because something is
// absent, and its METADATA need not say requiresComplete by hand. A rule
// that reads them only through its own helper package still declares it.
func readsCompleteness(m *ast.Module) bool {
	imports := map[ast.Var]ast.Ref{}
	for _, imp := range m.Imports {
		ref, ok := imp.Path.Value.(ast.Ref)
		if !ok || !ref.HasPrefix(ast.DefaultRootRef) {
			continue
		}
		alias := imp.Alias
		if alias == "" {
			last, ok := ref[len(ref)-1].Value.(ast.String)
			if !ok {
				continue
			}
			alias = ast.Var(last)
		}
		imports[alias] = ref
	}
	matches := func(ref ast.Ref) bool {
		for _, c := range completenessRefs {
			if ref.HasPrefix(c) {
				return true
			}
		}
		return false
	}
	found := false
	for _, r := range m.Rules {
		ast.WalkTerms(r, func(t *ast.Term) bool {
			switch v := t.Value.(type) {
			case ast.Ref:
				if head, ok := v[0].Value.(ast.Var); ok {
					if full, ok := imports[head]; ok {
						found = found || matches(full.Concat(v[1:]))
					}
				}
				found = found || matches(v)
			case ast.Var:
				if full, ok := imports[v]; ok {
					found = found || matches(full)
				}
			}
			return found
		})
		if found {
			return true
		}
	}
	return false
}
