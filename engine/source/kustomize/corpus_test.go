package kustomize

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"testing"

	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/kubeward/kubeward/engine/load"
)

// TestCorpusFieldPositions places every field of every object the shared
// corpus's kustomizations build (KUBEWARD_CORPUS, default ../shared/corpus
// beside the project). Placing must give a line for every field; with
// KUBEWARD_FIELD_REPORT set, the places are written there as a JSON report,
// one finding per field, for scripts/poscheck to measure. Building the
// corpus takes minutes on a shared machine: the test runs only when one of
// the two variables is set.
//
//	KUBEWARD_FIELD_REPORT=/tmp/fields.json go test -run TestCorpusFieldPositions ./engine/source/kustomize/
//	go run ./scripts/poscheck /tmp/fields.json
func TestCorpusFieldPositions(t *testing.T) {
	dir := os.Getenv("KUBEWARD_CORPUS")
	if testing.Short() || (dir == "" && os.Getenv("KUBEWARD_FIELD_REPORT") == "") {
		t.Skip("set KUBEWARD_CORPUS or KUBEWARD_FIELD_REPORT to place the corpus's fields")
	}
	if dir == "" {
		dir = filepath.Join("..", "..", "..", "..", "shared", "corpus")
	} else if !filepath.IsAbs(dir) {
		dir = filepath.Join("..", "..", "..", dir)
	}
	root := filepath.Join(dir, "kustomize")
	if _, err := os.Stat(root); err != nil {
		t.Skipf("corpus not found at %s (set KUBEWARD_CORPUS): skipping", dir)
	}
	res := load.Load(context.Background(), []string{root}, load.Options{Renderers: []load.Renderer{Source{}}})
	type location struct {
		File   string `json:"file"`
		Line   int    `json:"line"`
		Column int    `json:"column"`
		Path   string `json:"path"`
	}
	type finding struct {
		Location location `json:"location"`
	}
	var out []finding
	unplaced := 0
	for _, o := range res.Objects {
		if o.Kind == "CustomResourceDefinition" {
			continue // thousands of schema fields, nothing rules read
		}
		v, err := ast.JSON(o.Value)
		if err != nil {
			t.Fatal(err)
		}
		fields(v, nil, func(p []any) {
			pos := o.Position(p)
			file := o.Source.File
			if pos.File != "" {
				file = pos.File
			}
			if pos.Line == 0 {
				unplaced++
			}
			rel, err := filepath.Rel(dir, file)
			if err != nil {
				rel = file
			}
			out = append(out, finding{location{rel, pos.Line, pos.Column, load.FormatPath(p)}})
		})
	}
	if unplaced > 0 {
		t.Errorf("%d of %d fields have no line", unplaced, len(out))
	}
	if name := os.Getenv("KUBEWARD_FIELD_REPORT"); name != "" {
		data, err := json.Marshal(map[string]any{"findings": out})
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(name, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// fields calls fn with the path of every key and list item below v.
func fields(v any, p []any, fn func([]any)) {
	switch c := v.(type) {
	case map[string]any:
		keys := make([]string, 0, len(c))
		for k := range c {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			q := append(append([]any(nil), p...), k)
			fn(q)
			fields(c[k], q, fn)
		}
	case []any:
		for i, e := range c {
			q := append(append([]any(nil), p...), i)
			fn(q)
			fields(e, q, fn)
		}
	}
}
