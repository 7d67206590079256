package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Issue 23: what a new user meets running kubeward at a repository root.
// testdata/firstrun holds manifests, a chart and a kustomize overlay beside
// YAML and JSON that are not manifests (see its README.md).

func firstrun(parts ...string) string {
	return filepath.Join(append([]string{"..", "..", "testdata", "firstrun"}, parts...)...)
}

// notManifests are the files of testdata/firstrun that hold no Kubernetes
// object, as the report names them (.github/ is not walked at all).
var notManifests = []string{
	firstrun("ci", "pipeline.yml"), firstrun("docker-compose.yml"),
	firstrun("helm", "values.yaml"), firstrun("package.json"),
}

func TestFirstRunSkipsFilesThatAreNotManifests(t *testing.T) {
	t.Parallel()
	r := kw(t, "lint", firstrun(), "--no-cache")
	require.Equal(t, exitFindings, r.code, "the finding fails the run, the other files do not; stdout:\n%s\nstderr:\n%s", r.stdout, r.stderr)
	assert.Contains(t, r.stdout, "deploy/web.yaml:11:9: CRITICAL KW-PSS-007")
	assert.Contains(t, summaryLine(r.stdout), "4 objects,", "the pod, the chart's ConfigMap, the base's and the overlay's")
	assert.Contains(t, summaryLine(r.stdout), ", 0 errors.")
	assert.Contains(t, r.stdout, "\n4 files skipped: not Kubernetes manifests: "+strings.Join(notManifests, ", ")+"\n")
	assert.NotContains(t, r.stdout, ".github")

	r = kw(t, "lint", firstrun(), "--no-cache", "--format", "json")
	require.Equal(t, exitFindings, r.code, r.stdout)
	var rep struct {
		Summary struct {
			Skipped      []string `json:"skipped"`
			SkippedFiles int      `json:"skippedFiles"`
			Errors       int      `json:"errors"`
		} `json:"summary"`
	}
	require.NoError(t, json.Unmarshal([]byte(r.stdout), &rep))
	assert.Equal(t, notManifests, rep.Summary.Skipped)
	assert.Equal(t, 4, rep.Summary.SkippedFiles)
	assert.Zero(t, rep.Summary.Errors)

	// The other formats carry at least the count.
	for format, want := range map[string]string{
		"sarif": "4 files skipped: not Kubernetes manifests",
		"junit": `<property name="skipped-files" value="4">`,
		"html":  `id="total-skipped">4<`,
	} {
		r := kw(t, "lint", firstrun(), "--no-cache", "--format", format)
		assert.Equal(t, exitFindings, r.code, format)
		assert.Contains(t, r.stdout, want, format)
	}
}

// Named on the command line (as the pre-commit hook does) a file that is no
// manifest is skipped all the same; and the result cache, which replays runs
// over unchanged files, replays the skipped list too.
func TestSkippedFilesNamedAndCached(t *testing.T) {
	t.Parallel()
	cache := t.TempDir()
	args := []string{"lint", firstrun("package.json"), firstrun("deploy", "web.yaml"), "--cache-dir", cache, "--format", "json"}
	first := kw(t, args...)
	require.Equal(t, exitFindings, first.code, first.stdout)
	entries, err := os.ReadDir(cache)
	require.NoError(t, err)
	require.NotEmpty(t, entries, "the run was cached")
	again := kw(t, args...)
	assert.Equal(t, first.stdout, again.stdout)
	assert.Contains(t, again.stdout, `"skipped": [`+"\n"+`      "`+firstrun("package.json")+`"`)
}

func TestStrictInputMakesSkippedFilesErrors(t *testing.T) {
	t.Parallel()
	r := kw(t, "lint", firstrun(), "--no-cache", "--strict-input")
	require.Equal(t, exitError, r.code, r.stdout)
	assert.Contains(t, r.stdout, firstrun("docker-compose.yml")+":1:1: error: document has no apiVersion and kind: not a Kubernetes object\n")
	assert.Contains(t, r.stdout, firstrun("package.json")+":1:1: error:")
	assert.Len(t, linesWith(r.stdout, firstrun("ci", "pipeline.yml")+":"), 2, "one error per document")
	assert.NotContains(t, r.stdout, "skipped: not Kubernetes manifests")
	assert.Contains(t, r.stdout, "KW-PSS-007", "the manifests are still linted")
}

// Only a file of nothing but non-objects is skipped: one that mixes them
// with objects, a half-written object, or YAML that does not parse is an
// error as before.
func TestNotSkippedStillErrors(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	files := map[string]string{
		"mixed.yaml":   "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n---\nfoo: bar\n",
		"nokind.yaml":  "apiVersion: v1\nmetadata: {name: a}\n",
		"invalid.yaml": "services:\n  web: [unclosed\n",
	}
	for name, text := range files {
		require.NoError(t, os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644))
	}
	r := kw(t, "lint", dir, "--no-cache")
	require.Equal(t, exitError, r.code, r.stdout)
	assert.Contains(t, r.stdout, filepath.Join(dir, "mixed.yaml")+":5:1: error: document has no apiVersion and kind")
	assert.Contains(t, r.stdout, filepath.Join(dir, "nokind.yaml")+":1:1: error: document has no kind")
	assert.Contains(t, r.stdout, filepath.Join(dir, "invalid.yaml")+":2:")
	assert.NotContains(t, r.stdout, "skipped")
}

// A run that finds no object at all is an error, so that a mistyped path
// in CI does not pass; --allow-empty accepts it.
func TestNoKubernetesObjects(t *testing.T) {
	t.Parallel()
	empty := t.TempDir()
	r := kw(t, "lint", empty, "--no-cache")
	require.Equal(t, exitError, r.code, r.stdout)
	assert.Contains(t, r.stdout, "(load): error: no Kubernetes objects in "+empty+"; --allow-empty accepts a run with none\n")

	r = kw(t, "lint", firstrun("package.json"), firstrun("helm"), "--no-cache")
	require.Equal(t, exitError, r.code, r.stdout)
	assert.Contains(t, r.stdout, "no Kubernetes objects in "+firstrun("package.json")+", "+firstrun("helm")+" (2 skipped: not Kubernetes manifests)")

	r = kwStdin(t, strings.NewReader("services: {web: {image: nginx}}\n"), "lint", "-", "--no-cache")
	require.Equal(t, exitError, r.code, r.stdout)
	assert.Contains(t, r.stdout, "no Kubernetes objects in <stdin> (1 skipped: not Kubernetes manifests)")

	for _, args := range [][]string{{empty}, {firstrun("package.json"), firstrun("helm")}} {
		r = kw(t, append(append([]string{"lint"}, args...), "--no-cache", "--allow-empty")...)
		assert.Equal(t, exitClean, r.code, r.stdout)
		assert.Contains(t, r.stdout, "0 objects, 0 findings, 0 errors.")
	}
}

// Every file excluded by the configuration counts as no object too.
func TestNoKubernetesObjectsAllExcluded(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(dir, "pod.yaml"), []byte(privilegedPod), 0o644))
	require.NoError(t, os.WriteFile(filepath.Join(dir, ".kubeward.yaml"), []byte("exclude: [\"*.yaml\"]\n"), 0o644))
	r := kw(t, "lint", dir, "--no-cache")
	require.Equal(t, exitError, r.code, r.stdout)
	assert.Contains(t, r.stdout, "(1 excluded by the configuration)")
	r = kw(t, "lint", dir, "--no-cache", "--allow-empty")
	assert.Equal(t, exitClean, r.code, r.stdout)
}
