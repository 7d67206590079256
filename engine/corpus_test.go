package engine_test

import (
	"context"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

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

// crossResource lists the active rules that read the inventory (the engine's
// own classification, engine/stream.go).
func crossResource(b *testing.B, l *engine.Linter) []string {
	var ids []string
	for id := range engine.CrossRuleIDs(b, l) {
		ids = append(ids, id)
	}
	sort.Strings(ids)
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
