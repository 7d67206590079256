package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestClassifiesATinyReport(t *testing.T) {
	dir := t.TempDir()
	manifest := `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  template:
    spec:
      containers:
        - name: web
          image: nginx
`
	patch := `- op: add
  path: /spec/template/spec/hostPID
  value: true
- op: add
  path: /metadata/labels/a~1b
  value: c
`
	kust := "images:\n  - name: nginx\n    newTag: \"1.27\"\nconfigMapGenerator:\n  - name: settings\n"
	for name, text := range map[string]string{"deploy.yaml": manifest, "patch.yaml": patch, "kustomization.yaml": kust} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	report := `{"findings": [
  {"rule": {"id": "A"}, "location": {"file": "deploy.yaml", "line": 10, "column": 11, "path": "spec.template.spec.containers[0].image"}},
  {"rule": {"id": "B"}, "location": {"file": "deploy.yaml", "line": 9, "column": 11, "path": "spec.template.spec.containers[0]"}},
  {"rule": {"id": "C"}, "location": {"file": "deploy.yaml", "line": 9, "column": 11, "path": "spec.template.spec.containers[0].securityContext"}},
  {"rule": {"id": "D"}, "location": {"file": "deploy.yaml", "line": 7, "column": 5, "path": "spec.template.spec.hostPID"}},
  {"rule": {"id": "E"}, "location": {"file": "deploy.yaml", "line": 1, "column": 1, "path": "spec.replicas"}},
  {"rule": {"id": "F"}, "location": {"file": "deploy.yaml", "line": 4, "column": 3, "path": "spec.template.spec.containers[0].image"}},
  {"rule": {"id": "G"}, "location": {"file": "deploy.yaml", "line": 10, "path": "spec.template.spec.containers[0].image"}},
  {"rule": {"id": "H"}, "location": {"file": "patch.yaml", "line": 2, "column": 29, "path": "spec.template.spec.hostPID"}},
  {"rule": {"id": "I"}, "location": {"file": "deploy.yaml", "path": "spec"}},
  {"rule": {"id": "J"}, "location": {"file": "chart.yaml", "line": 3, "template": "c/templates/d.yaml", "path": "spec"}},
  {"rule": {"id": "K"}, "location": {"file": "kustomization.yaml", "line": 3, "column": 5, "path": "spec.template.spec.containers[0].image"}},
  {"rule": {"id": "L"}, "location": {"file": "kustomization.yaml", "line": 5, "column": 5, "path": "metadata.labels"}},
  {"rule": {"id": "M"}, "location": {"file": "patch.yaml", "line": 5, "column": 26, "path": "metadata.labels[\"a/b\"]"}}
]}`
	c := newChecker(dir)
	if err := c.add("", []byte(report)); err != nil {
		t.Fatal(err)
	}
	want := map[string]map[string]int{
		"file":          {"exact": 4, "parent": 2, "object-start": 1, "wrong": 1, "line-only": 1, "no-line": 1},
		"helm":          {"wrong": 1}, // chart.yaml does not exist
		"kustomization": {"exact": 1, "generator": 1},
	}
	for kind, classes := range want {
		for cl, n := range classes {
			if got := c.counts[kind][cl]; got != n {
				t.Errorf("%s %s = %d, want %d (misses: %s)", kind, cl, got, n, strings.Join(c.misses, "; "))
			}
		}
	}
	var out bytes.Buffer
	c.print(&out, false)
	for _, s := range []string{"kind", "file", "helm", "all", "5 (38.5%)"} {
		if !strings.Contains(out.String(), s) {
			t.Errorf("output lacks %q:\n%s", s, out.String())
		}
	}
}

func TestParsePath(t *testing.T) {
	got := parsePath(`metadata.annotations["a.b/c]"].x[2]`)
	want := []step{{key: "metadata"}, {key: "annotations"}, {key: "a.b/c]"}, {key: "x"}, {key: "2", index: true}}
	if len(got) != len(want) {
		t.Fatalf("parsePath = %v", got)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("step %d = %v, want %v", i, got[i], want[i])
		}
	}
}
