package policies_test

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	regoast "github.com/open-policy-agent/opa/v1/ast"
	"github.com/stretchr/testify/require"

	"github.com/kubeward/kubeward/policies"
)

// copiedPodKinds says whether a literal list holds the pod kinds again: all
// of them, or all but one, and nothing else. A table of every kind's
// apiVersion names others too, and a rule's own choice of kinds (those with
// a label selector, those that run to completion) is a smaller subset.
func copiedPodKinds(strs []string) bool {
	n := 0
	for _, s := range strs {
		if !policies.Kinds.IsPodKind(s) {
			return false
		}
		n++
	}
	return n >= len(policies.Kinds.PodKinds())-1
}

// No Go source (tests aside: oracles keep their own lists on purpose) holds
// a list or map of the pod kinds, or a pod template path: they are read from
// policies/kinds.yaml.
func TestGoDoesNotCopyTheKindTable(t *testing.T) {
	fset := token.NewFileSet()
	var found []string
	err := filepath.WalkDir("..", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (strings.HasPrefix(d.Name(), ".") || d.Name() == "testdata") && p != ".." {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(p, ".go") || strings.HasSuffix(p, "_test.go") {
			return nil
		}
		f, err := parser.ParseFile(fset, p, nil, 0)
		if err != nil {
			return err
		}
		ast.Inspect(f, func(n ast.Node) bool {
			switch x := n.(type) {
			case *ast.CompositeLit:
				var strs []string
				for _, e := range x.Elts {
					if kv, ok := e.(*ast.KeyValueExpr); ok {
						e = kv.Key
					}
					if s, ok := stringLit(e); ok {
						strs = append(strs, s)
					}
				}
				if copiedPodKinds(strs) {
					found = append(found, fset.Position(x.Pos()).String()+": a list of the pod kinds")
				}
			case *ast.BasicLit:
				if s, ok := stringLit(x); ok && s == "jobTemplate" {
					found = append(found, fset.Position(x.Pos()).String()+": a pod template path")
				}
			}
			return true
		})
		return nil
	})
	require.NoError(t, err)
	require.Empty(t, found, "read the kind table (policies.Kinds) instead")
}

func stringLit(e ast.Expr) (string, bool) {
	b, ok := e.(*ast.BasicLit)
	if !ok || b.Kind != token.STRING {
		return "", false
	}
	s, err := strconv.Unquote(b.Value)
	return s, err == nil
}

// No bundled rule's METADATA lists the pod kinds (they write
// kinds: [pod-kinds]) and no Rego module of the library holds them in a
// literal: lib/pods.rego reads data.kubeward.kinds.
func TestRegoDoesNotCopyTheKindTable(t *testing.T) {
	var found []string
	err := fs.WalkDir(policies.FS, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".rego") || strings.HasSuffix(p, "_test.rego") {
			return err
		}
		b, err := policies.FS.ReadFile(p)
		if err != nil {
			return err
		}
		m, err := regoast.ParseModuleWithOpts(p, string(b), regoast.ParserOptions{ProcessAnnotation: true, RegoVersion: regoast.RegoV1})
		if err != nil {
			return err
		}
		for _, a := range m.Annotations {
			list, _ := a.Custom["kinds"].([]any)
			var strs []string
			for _, k := range list {
				if s, ok := k.(string); ok && policies.Kinds.IsPodKind(s) {
					strs = append(strs, s)
				}
			}
			if len(strs) == len(policies.Kinds.PodKinds()) {
				found = append(found, p+": METADATA kinds lists every pod kind; write pod-kinds")
			}
		}
		regoast.WalkTerms(m, func(term *regoast.Term) bool {
			var strs []string
			collect := func(el *regoast.Term) {
				if s, ok := el.Value.(regoast.String); ok {
					strs = append(strs, string(s))
				} else {
					strs = append(strs, "") // not a kind: the literal is something else
				}
			}
			switch v := term.Value.(type) {
			case regoast.Set:
				v.Foreach(collect)
			case *regoast.Array:
				v.Foreach(collect)
			case regoast.Object:
				v.Foreach(func(k, _ *regoast.Term) { collect(k) })
			}
			if copiedPodKinds(strs) {
				found = append(found, term.Location.String()+": a literal of the pod kinds")
			}
			return false
		})
		return nil
	})
	require.NoError(t, err)
	require.Empty(t, found, "use kinds: [pod-kinds] in METADATA and data.kubeward.lib.pods in Rego")
}
