package main

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// kustomizePositions is a kustomization written as people write them: keys
// in human order, a strategic-merge patch, JSON 6902 patches (a file in a
// component, inline in an overlay), generators, and a second overlay level
// with an inline strategic-merge patch. Its expected.txt lists every
// finding's file:line:col, rule and field path.
var kustomizePositions = filepath.Join("..", "..", "testdata", "positions", "kustomize")

// expectedPositions reads expected.txt: "file:line:col rule path" lines,
// files relative to the suite folder.
func expectedPositions(t *testing.T) []string {
	t.Helper()
	f, err := os.Open(filepath.Join(kustomizePositions, "expected.txt"))
	require.NoError(t, err)
	defer f.Close()
	var out []string
	s := bufio.NewScanner(f)
	for s.Scan() {
		if l := strings.TrimSpace(s.Text()); l != "" && !strings.HasPrefix(l, "#") {
			out = append(out, l)
		}
	}
	require.NoError(t, s.Err())
	return out
}

func suiteRel(t *testing.T, file string) string {
	t.Helper()
	rel, err := filepath.Rel(kustomizePositions, filepath.FromSlash(file))
	require.NoError(t, err, file)
	return filepath.ToSlash(rel)
}

func TestKustomizePositionsJSON(t *testing.T) {
	r := kw(t, "lint", filepath.Join(kustomizePositions, "overlays", "prod"), "--format", "json", "--fail-on", "none")
	require.Equal(t, 0, r.code, r.stderr)
	rep := decodeReport(t, r.stdout)
	require.Empty(t, rep.Errors)
	var got []string
	for _, f := range rep.Findings {
		got = append(got, fmt.Sprintf("%s:%d:%d %s %s", suiteRel(t, f.Location.File), f.Location.Line, f.Location.Column, f.Rule.ID, f.Location.Path))
		assert.NotContains(t, f.Message, "config.kubernetes.io/origin")
	}
	sort.Strings(got)
	want := expectedPositions(t)
	sort.Strings(want)
	assert.Equal(t, want, got)
}

// TestKustomizePositionsSARIFAndGitHub checks that the places reach the
// formats code scanning and pull-request annotations read.
func TestKustomizePositionsSARIFAndGitHub(t *testing.T) {
	dir := filepath.Join(kustomizePositions, "overlays", "prod")
	want := map[string]bool{}
	for _, l := range expectedPositions(t) {
		place, rest, _ := strings.Cut(l, " ")
		rule, _, _ := strings.Cut(rest, " ")
		want[place+" "+rule] = true
	}

	r := kw(t, "lint", dir, "--format", "sarif", "--fail-on", "none")
	require.Equal(t, 0, r.code, r.stderr)
	run := sarifOf(t, r.stdout).Runs[0]
	got := map[string]bool{}
	for _, res := range run.Results {
		pl := res.Locations[0].PhysicalLocation
		require.NotNil(t, pl.Region.StartColumn, *res.RuleID)
		got[fmt.Sprintf("%s:%d:%d %s", suiteRel(t, *pl.ArtifactLocation.URI), *pl.Region.StartLine, *pl.Region.StartColumn, *res.RuleID)] = true
	}
	assert.Equal(t, want, got, "SARIF regions")

	r = kw(t, "lint", dir, "--format", "github", "--fail-on", "none")
	require.Equal(t, 0, r.code, r.stderr)
	got = map[string]bool{}
	for _, l := range strings.Split(r.stdout, "\n") {
		if !strings.HasPrefix(l, "::") || !strings.Contains(l, "file=") {
			continue
		}
		props, _, _ := strings.Cut(l[strings.Index(l, " ")+1:], "::")
		kv := map[string]string{}
		for _, p := range strings.Split(props, ",") {
			k, v, _ := strings.Cut(p, "=")
			kv[k] = v
		}
		rule, _, _ := strings.Cut(kv["title"], " ")
		got[fmt.Sprintf("%s:%s:%s %s", suiteRel(t, kv["file"]), kv["line"], kv["col"], rule)] = true
	}
	assert.Equal(t, want, got, "GitHub annotations")
}

// TestKustomizeIgnoreAnnotationCoversPatchedField: a finding placed in a
// patch file is still the object's, so the object's kubeward.io/ignore
// annotation suppresses it.
func TestKustomizeIgnoreAnnotationCoversPatchedField(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"kustomization.yaml": "resources:\n  - deploy.yaml\npatches:\n  - path: patch.yaml\n",
		"deploy.yaml": `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  annotations:
    kubeward.io/ignore: KW-PSS-007
    kubeward.io/ignore-reason: the node agent needs the host
spec:
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
        - name: web
          image: nginx:1.27
`,
		"patch.yaml": `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  template:
    spec:
      containers:
        - name: web
          securityContext:
            privileged: true
`,
	}
	for name, text := range files {
		require.NoError(t, os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644))
	}
	r := kw(t, "lint", dir, "--format", "json", "--fail-on", "none", "--show-suppressed")
	require.Equal(t, 0, r.code, r.stderr)
	rep := decodeReport(t, r.stdout)
	assert.Empty(t, findingsOf(rep, "KW-PSS-007"), r.stdout)
	assert.Equal(t, 1, rep.Summary.Suppressed)
}
