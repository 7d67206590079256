package engine_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kubeward/kubeward/engine"
	"github.com/kubeward/kubeward/engine/policy"
)

// TestStreamingGivesTheSameFindings runs every multi-object fixture of the
// project twice: held whole, and with every file kept as a projection and
// read again (StreamAfter of one byte). The cross-resource rules read other
// objects through the projections: a field they need and the projection
// drops would change a finding here.
func TestStreamingGivesTheSameFindings(t *testing.T) {
	var dirs []string
	for _, pattern := range []string{"../testdata/e2e/*", "../testdata/controlplane/*", "../testdata/cluster", "../testdata/examples"} {
		found, err := filepath.Glob(pattern)
		require.NoError(t, err)
		dirs = append(dirs, found...)
	}
	require.Greater(t, len(dirs), 20)
	// One file of more objects than one worker evaluates alone.
	big := t.TempDir()
	var docs []string
	for i := range 40 {
		docs = append(docs, strings.ReplaceAll(strings.ReplaceAll(privilegedDeployment, "name: web", fmt.Sprintf("name: web-%d", i)), "app: web", fmt.Sprintf("app: web-%d", i%3)))
	}
	docs = append(docs, "apiVersion: v1\nkind: Service\nmetadata: {name: web, namespace: shop}\nspec:\n  selector: {app: web-1}\n  ports: [{port: 80, targetPort: http}]\n")
	writeFile(t, big, "many.yaml", strings.Join(docs, "---\n"))
	dirs = append(dirs, big)
	for _, complete := range []bool{true, false} {
		whole, err := engine.New(engine.Options{Complete: complete, StreamAfter: -1})
		require.NoError(t, err)
		// From the first file on; or after a few files, which are then
		// read again for every rule.
		for _, after := range []int64{1, 2000} {
			streamed, err := engine.New(engine.Options{Complete: complete, StreamAfter: after})
			require.NoError(t, err)
			findings := 0
			for _, dir := range dirs {
				a := whole.Lint(context.Background(), []string{dir})
				b := streamed.Lint(context.Background(), []string{dir})
				findings += len(a.Findings)
				what := fmt.Sprintf("%s (complete: %v, stream after %d bytes)", dir, complete, after)
				assert.Equal(t, findingLines(a), findingLines(b), what)
				assert.Equal(t, a.Errors, b.Errors, what)
				assert.Equal(t, a.Checked, b.Checked, what)
				assert.Equal(t, a.Owned, b.Owned, what)
			}
			assert.Greater(t, findings, 100, "the fixtures have findings to compare")
		}
	}
}

// findingLines are a run's findings, a readable line each.
func findingLines(res *engine.Result) []string {
	out := make([]string, len(res.Findings))
	for i, f := range res.Findings {
		out[i] = fmt.Sprintf("%s:%d:%d %s %s %s %v", f.Location.File, f.Location.Line, f.Location.Column, f.Rule.ID, f.Severity, f.Message, f.Path)
	}
	return out
}

// TestStreamingOnlyWithTheBundledLibrary: a user's rule may read any field of
// another object through data.kubeward.inventory, so with user policies
// every object is held whole whatever StreamAfter says.
func TestStreamingOnlyWithTheBundledLibrary(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "policies/annotated.rego", `# METADATA
# title: The settings name their owner
# description: The settings ConfigMap of a Deployment's namespace is annotated with its owner.
# custom:
#   id: USR-ANN
#   severity: low
#   kinds: [Deployment]
package kubeward.rules.user.annotated

deny contains {"msg": "the settings ConfigMap names no owner", "path": ["metadata"]} if {
	cm := data.kubeward.inventory.namespaced["default"].ConfigMap.settings
	not cm.metadata.annotations.owner
}
`)
	const deployment = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: app
spec:
  selector: {matchLabels: {app: a}}
  template:
    metadata: {labels: {app: a}}
    spec:
      containers: [{name: a, image: registry.example.com/a:1.0.0}]
`
	annotated := writeFile(t, dir, "in/annotated.yaml", `apiVersion: v1
kind: ConfigMap
metadata:
  name: settings
  annotations:
    owner: team-a
data:
  level: debug
---
`+deployment)
	bare := writeFile(t, dir, "in/bare.yaml", `apiVersion: v1
kind: ConfigMap
metadata:
  name: settings
data:
  level: debug
---
`+deployment)
	l, err := engine.New(engine.Options{
		Policy:      policy.Options{PolicyDirs: []string{filepath.Join(dir, "policies")}},
		StreamAfter: 1,
	})
	require.NoError(t, err)
	res := l.Lint(context.Background(), []string{annotated})
	require.Empty(t, res.Errors)
	assert.Empty(t, byRule(res, "USR-ANN"), "the annotation is seen: the ConfigMap was held whole")
	res = l.Lint(context.Background(), []string{bare})
	require.Empty(t, res.Errors)
	assert.Len(t, byRule(res, "USR-ANN"), 1, "the rule fires without the annotation")
}

// TestFileChangedBeforeItIsReadAgain: an object kept as a projection whose
// file no longer holds it when it is read again is an error naming the file,
// not a silent skip.
func TestFileChangedBeforeItIsReadAgain(t *testing.T) {
	dir := t.TempDir()
	file := writeFile(t, dir, "app.yaml", privilegedDeployment)
	objs := engine.LoadProjected(t, file)
	require.Len(t, objs, 1)
	require.True(t, objs[0].Partial)
	require.NoError(t, os.WriteFile(file, []byte("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: other\n"), 0o644))
	res := bundled(t).LintObjects(context.Background(), objs)
	require.Len(t, res.Errors, 1)
	assert.Equal(t, file, res.Errors[0].File)
	assert.Contains(t, res.Errors[0].Message, "changed while it was linted")
	assert.Empty(t, res.Findings)

	require.NoError(t, os.Remove(file))
	res = bundled(t).LintObjects(context.Background(), objs)
	require.Len(t, res.Errors, 1)
	assert.Equal(t, file, res.Errors[0].File)
	assert.Contains(t, res.Errors[0].Message, "cannot read "+file+" again")
	assert.Contains(t, res.Errors[0].Message, "no such file or directory")
}

// TestLintLeavesTheCollectorAlone: the engine is a library; the garbage
// collector's percentage and memory limit belong to the program that imports
// it. Two Linters compile and lint at the same time (one streaming, so that
// both ways of running are covered), and the settings are the program's own
// while they run and after.
func TestLintLeavesTheCollectorAlone(t *testing.T) {
	const percent, limit = 123, int64(3 << 30)
	oldPercent := debug.SetGCPercent(percent)
	oldLimit := debug.SetMemoryLimit(limit)
	defer func() {
		debug.SetGCPercent(oldPercent)
		debug.SetMemoryLimit(oldLimit)
	}()
	// Reading a setting means setting it: put back what was read at once.
	settings := func() (int, int64) {
		p := debug.SetGCPercent(percent)
		debug.SetGCPercent(p)
		return p, debug.SetMemoryLimit(-1) // a negative limit only reads it
	}
	var mu sync.Mutex
	var during [][2]int64
	seen := func(int, int) {
		p, m := settings()
		mu.Lock()
		during = append(during, [2]int64{int64(p), m})
		mu.Unlock()
	}
	dir := "../testdata/e2e/checkout-availability/"
	inputs := []string{dir + "autoscaling.yaml", dir + "budgets.yaml", dir + "deployments.yaml", dir + "namespace.yaml"}
	var wg sync.WaitGroup
	results := make([]*engine.Result, 2)
	for i, streamAfter := range []int64{1, -1} {
		wg.Go(func() {
			l, err := engine.New(engine.Options{StreamAfter: streamAfter, Complete: true, Progress: seen})
			if !assert.NoError(t, err) {
				return
			}
			results[i] = l.Lint(context.Background(), inputs)
		})
	}
	wg.Wait()
	for _, res := range results {
		require.NotNil(t, res)
		require.Empty(t, res.Errors)
		require.NotEmpty(t, res.Findings)
	}
	require.NotEmpty(t, during)
	for _, d := range during {
		assert.Equal(t, [2]int64{percent, limit}, d, "while linting")
	}
	p, m := settings()
	assert.Equal(t, percent, p, "GOGC after linting")
	assert.Equal(t, limit, m, "memory limit after linting")
}
