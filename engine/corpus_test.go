package engine_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/stretchr/testify/assert"

	"github.com/kubeward/kubeward/engine"
)

// corpus returns the shared real-world corpus (KUBEWARD_CORPUS, default
// ../shared/corpus beside the project), or skips: users clone only the
// project, and the tests must pass without it.
func corpus(tb testing.TB) string {
	tb.Helper()
	dir := os.Getenv("KUBEWARD_CORPUS")
	if dir == "" {
		dir = filepath.Join("..", "..", "shared", "corpus")
	} else if !filepath.IsAbs(dir) {
		// Relative to the project root, where make runs.
		dir = filepath.Join("..", dir)
	}
	if _, err := os.Stat(filepath.Join(dir, "helm")); err != nil {
		tb.Skipf("corpus not found at %s (set KUBEWARD_CORPUS): skipping", dir)
	}
	return dir
}

func corpusPaths(dir string) []string {
	// kustomize/ holds partial objects (patches) that only make sense built.
	return []string{filepath.Join(dir, "helm"), filepath.Join(dir, "manifests"), filepath.Join(dir, "cluster")}
}

// TestCorpusSmoke lints every real-world manifest of the corpus: no rule may
// fail to evaluate, and the only input errors are the corpus files that the
// API server refuses too (duplicate keys, placeholders in typed fields).
func TestCorpusSmoke(t *testing.T) {
	dir := corpus(t)
	res := bundled(t).Lint(context.Background(), corpusPaths(dir))
	assert.Greater(t, res.Objects, 3000)
	for _, e := range res.Errors {
		ok := strings.HasPrefix(e.Message, "duplicate key") || strings.HasPrefix(e.Message, "invalid ")
		assert.True(t, ok, "unexpected error on the corpus: %s", e.Error())
	}
	assert.LessOrEqual(t, len(res.Errors), 10)
}

// BenchmarkLintCorpus lints the corpus with the whole library on all cores:
// objects/s and ns/object are reported per run.
func BenchmarkLintCorpus(b *testing.B) {
	dir := corpus(b)
	l, err := engine.New(engine.Options{})
	if err != nil {
		b.Fatal(err)
	}
	objects := 0
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		res := l.Lint(context.Background(), corpusPaths(dir))
		objects = res.Objects + res.Owned
	}
	b.StopTimer()
	perObject := float64(b.Elapsed().Nanoseconds()) / float64(b.N*objects)
	b.ReportMetric(float64(objects), "objects")
	b.ReportMetric(perObject, "ns/object")
	b.ReportMetric(1e9/perObject, "objects/s")
}

// BenchmarkLoadCorpus is the floor: reading and parsing the corpus, no rules.
func BenchmarkLoadCorpus(b *testing.B) {
	dir := corpus(b)
	l, err := engine.New(engine.Options{Policy: policyNone()})
	if err != nil {
		b.Fatal(err)
	}
	for i := 0; i < b.N; i++ {
		l.Lint(context.Background(), corpusPaths(dir))
	}
}

// BenchmarkNew is the cold-start cost of loading and compiling the library.
func BenchmarkNew(b *testing.B) {
	for i := 0; i < b.N; i++ {
		if _, err := engine.New(engine.Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

// scaled is the corpus scaled to 10,000 objects by ../shared/tools/scale-corpus
// (KUBEWARD_SCALED, e.g. /tmp/c10k), or a skip.
func scaled(b *testing.B) string {
	dir := os.Getenv("KUBEWARD_SCALED")
	if dir == "" {
		b.Skip("KUBEWARD_SCALED not set (make bench builds it with ../shared/tools/scale-corpus): skipping")
	}
	return dir
}

// crossResource lists the active rules that read the inventory: rules whose
// deny, or any rule or function it depends on, refers to data.kubeward.inventory
// or data.kubeward.index. Found on the compiled rule graph, so a helper that
// merely lives in the same lib package as an inventory reader does not count.
func crossResource(b *testing.B, l *engine.Linter) []string {
	c, err := l.Library().Compile()
	if err != nil {
		b.Fatal(err)
	}
	inventory := ast.MustParseRef("data.kubeward.inventory")
	index := ast.MustParseRef("data.kubeward.index")
	reads := func(r *ast.Rule) bool {
		found := false
		ast.WalkRefs(r, func(ref ast.Ref) bool {
			if ref.HasPrefix(inventory) || ref.HasPrefix(index) {
				found = true
			}
			return found
		})
		return found
	}
	var ids []string
	for _, r := range l.Active() {
		entry := ast.MustParseRef("data." + r.Package + "." + r.EntryRule())
		todo := c.GetRules(entry)
		seen := map[*ast.Rule]bool{}
		for len(todo) > 0 {
			x := todo[len(todo)-1]
			todo = todo[:len(todo)-1]
			if seen[x] {
				continue
			}
			seen[x] = true
			if reads(x) {
				ids = append(ids, r.ID)
				break
			}
			for d := range c.Graph.Dependencies(x) {
				todo = append(todo, d.(*ast.Rule))
			}
		}
	}
	return ids
}

// BenchmarkScaledInventory compares the whole library (with --complete, so
// every cross-resource rule runs) with the library minus the rules that read
// the inventory, on the 10,000-object corpus: the inventory and its index
// should cost little.
func BenchmarkScaledInventory(b *testing.B) {
	dir := scaled(b)
	full, err := engine.New(engine.Options{Complete: true})
	if err != nil {
		b.Fatal(err)
	}
	cross := crossResource(b, full)
	without, err := engine.New(engine.Options{Complete: true, Disabled: cross})
	if err != nil {
		b.Fatal(err)
	}
	b.Logf("%d cross-resource rules: %s", len(cross), strings.Join(cross, " "))
	// A first run on a third Linter warms what the process keeps between
	// runs (interned keys, OPA's caches, the page cache), which would
	// otherwise favour whichever variant runs second. It shares no compiled
	// policies with the two measured ones.
	warm, err := engine.New(engine.Options{Complete: true})
	if err != nil {
		b.Fatal(err)
	}
	warm.Lint(context.Background(), []string{dir})
	for _, c := range []struct {
		name string
		l    *engine.Linter
	}{{"whole-library", full}, {"without-cross-resource", without}} {
		b.Run(c.name, func(b *testing.B) {
			b.ReportMetric(float64(len(c.l.Active())), "rules")
			for i := 0; i < b.N; i++ {
				res := c.l.Lint(context.Background(), []string{dir})
				b.ReportMetric(float64(res.Objects+res.Owned), "objects")
			}
		})
	}
}
