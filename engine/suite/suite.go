// Package suite runs fixture suites: a folder of manifests and an
// expected.yaml listing the findings the real engine must produce on them.
// Policy authors test rules exactly as users will hit them.
package suite

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/open-policy-agent/opa/v1/topdown"
	"sigs.k8s.io/yaml"

	"github.com/kubeward/kubeward/engine"
	"github.com/kubeward/kubeward/engine/load"
	"github.com/kubeward/kubeward/engine/policy"
	"github.com/kubeward/kubeward/engine/source/helm"
	"github.com/kubeward/kubeward/engine/source/kustomize"
)

// ExpectedFile names a suite's expectations inside its folder.
const ExpectedFile = policy.SuiteFile

// Expected is the content of expected.yaml.
type Expected struct {
	// Description says what the suite shows.
	Description string `json:"description,omitempty"`
	// Complete lints with --complete.
	Complete bool `json:"complete,omitempty"`
	// Profile selects rules ("all" when empty).
	Profile string `json:"profile,omitempty"`
	// Data are data files (relative to the suite) merged into data.
	Data []string `json:"data,omitempty"`
	// Rules whose findings are compared exactly; by default the rules named
	// in Findings. Findings of other rules are ignored.
	Rules []string `json:"rules,omitempty"`
	// Findings are the expected findings of those rules.
	Findings []Finding `json:"findings"`
}

// Finding is one expected finding.
type Finding struct {
	Rule string `json:"rule"`
	// Object is "Kind namespace/name", "Kind name", or "Kind" for objects
	// without a name (KubeletConfiguration).
	Object string `json:"object"`
	// File is the manifest's name in the suite folder (optional).
	File string `json:"file,omitempty"`
	// Line is checked when set.
	Line int `json:"line,omitempty"`
	// Message is checked, as a substring, when set.
	Message string `json:"message,omitempty"`
}

func (f Finding) String() string {
	s := f.Rule + " on " + f.Object
	if f.File != "" {
		s += " in " + f.File
	}
	if f.Line > 0 {
		s += fmt.Sprintf(" at line %d", f.Line)
	}
	if f.Message != "" {
		s += fmt.Sprintf(" (message contains %q)", f.Message)
	}
	return s
}

// Result is the outcome of one suite.
type Result struct {
	Dir        string
	Expected   Expected
	Missing    []Finding // expected, not produced
	Unexpected []Finding // produced, not expected
	Errors     []string  // input or evaluation errors, or a broken expected.yaml
}

// Passed reports whether the engine produced exactly the expected findings.
func (r *Result) Passed() bool {
	return len(r.Missing) == 0 && len(r.Unexpected) == 0 && len(r.Errors) == 0
}

// Diff describes a failure for people.
func (r *Result) Diff() string {
	var b strings.Builder
	for _, e := range r.Errors {
		fmt.Fprintf(&b, "  error: %s\n", e)
	}
	for _, f := range r.Missing {
		fmt.Fprintf(&b, "  - missing:    %s\n", f)
	}
	for _, f := range r.Unexpected {
		fmt.Fprintf(&b, "  + unexpected: %s\n", f)
	}
	return b.String()
}

// Find returns the suite folders under root (those holding expected.yaml).
func Find(root string) ([]string, error) {
	var dirs []string
	err := filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() && d.Name() == ExpectedFile {
			dirs = append(dirs, filepath.Dir(p))
		}
		return nil
	})
	sort.Strings(dirs)
	return dirs, err
}

// Run lints the suite's manifests (every YAML/JSON file but expected.yaml and
// its data files) with the bundled library plus opts' policies and compares.
func Run(ctx context.Context, dir string, opts policy.Options) *Result {
	return RunTraced(ctx, dir, opts, nil)
}

// RunTraced is Run with tracer given every step of the engine's evaluation
// (the coverage of `kubeward test --coverage`); nil traces nothing.
func RunTraced(ctx context.Context, dir string, opts policy.Options, tracer topdown.QueryTracer) *Result {
	res := &Result{Dir: dir}
	raw, err := os.ReadFile(filepath.Join(dir, ExpectedFile))
	if err != nil {
		res.Errors = append(res.Errors, err.Error())
		return res
	}
	if err := yaml.UnmarshalStrict(raw, &res.Expected); err != nil {
		res.Errors = append(res.Errors, fmt.Sprintf("%s: %v", filepath.Join(dir, ExpectedFile), err))
		return res
	}
	exp := res.Expected
	skip := map[string]bool{ExpectedFile: true}
	for _, d := range exp.Data {
		opts.DataFiles = append(opts.DataFiles, filepath.Join(dir, d))
		skip[filepath.Clean(d)] = true
	}
	var inputs []string
	entries, err := os.ReadDir(dir)
	if err != nil {
		res.Errors = append(res.Errors, err.Error())
		return res
	}
	for _, e := range entries {
		ext := strings.ToLower(filepath.Ext(e.Name()))
		if !skip[e.Name()] && (e.IsDir() || ext == ".yaml" || ext == ".yml" || ext == ".json") {
			inputs = append(inputs, filepath.Join(dir, e.Name()))
		}
	}
	// A suite's fixtures may be charts or kustomizations, as lint's inputs.
	renderers := []load.Renderer{helm.Renderer(helm.Options{}), kustomize.Renderer()}
	l, err := engine.New(engine.Options{Policy: opts, Profile: exp.Profile, Complete: exp.Complete, Renderers: renderers, Tracer: tracer})
	if err != nil {
		res.Errors = append(res.Errors, err.Error())
		return res
	}
	lint := l.Lint(ctx, inputs)
	for _, e := range lint.Errors {
		res.Errors = append(res.Errors, e.Error())
	}
	compared := map[string]bool{}
	for _, id := range exp.Rules {
		compared[id] = true
	}
	if len(exp.Rules) == 0 {
		for _, f := range exp.Findings {
			compared[f.Rule] = true
		}
	}
	var got []Finding
	for _, f := range lint.Findings {
		if !compared[f.Rule.ID] {
			continue
		}
		obj := f.Object.Kind + " " + f.Object.Name
		switch {
		case f.Object.Namespace != "":
			obj = f.Object.Kind + " " + f.Object.Namespace + "/" + f.Object.Name
		case f.Object.Name == "":
			obj = f.Object.Kind // configuration kinds have no name
		}
		rel, _ := filepath.Rel(dir, f.Location.File)
		got = append(got, Finding{Rule: f.Rule.ID, Object: obj, File: rel, Line: f.Location.Line, Message: f.Message})
	}
	used := make([]bool, len(got))
	for _, want := range exp.Findings {
		found := false
		for i, g := range got {
			if !used[i] && matches(want, g) {
				used[i], found = true, true
				break
			}
		}
		if !found {
			res.Missing = append(res.Missing, want)
		}
	}
	for i, g := range got {
		if !used[i] {
			g.Message = ""
			res.Unexpected = append(res.Unexpected, g)
		}
	}
	return res
}

func matches(want, got Finding) bool {
	return want.Rule == got.Rule && want.Object == got.Object &&
		(want.File == "" || filepath.Clean(want.File) == got.File) &&
		(want.Line == 0 || want.Line == got.Line) &&
		(want.Message == "" || strings.Contains(got.Message, want.Message))
}
