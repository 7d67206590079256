// Package result is the data model every stage of a run passes on: the
// findings rules make, where they point, why one is suppressed, the errors
// of a run and the Result a report renders. It does nothing of a run
// itself, so that engine/report reads it without calling back into one.
package result

import (
	"sort"

	"github.com/kubeward/kubeward/engine/load"
	"github.com/kubeward/kubeward/engine/policy"
)

// Finding is one problem one rule found in one object.
type Finding struct {
	Rule     *policy.Rule
	Severity string // the rule's severity, or the one configuration gives it
	Message  string
	Object   load.Ref
	Location Location
	// Path is the field path as the rule returned it. Findings of one run
	// share the slice of one path: read it, never change it.
	Path []any
	// Document and Item locate the object in its file (see load.Source).
	Document, Item int
	// ObjectFile is the object's file when Location.File is another: the
	// Kustomize patch that set the field.
	ObjectFile string
	// Suppression says why the finding is not reported (nil when it is).
	Suppression *Suppression
}

// Location is where a finding points.
type Location struct {
	File     string `json:"file"`
	Line     int    `json:"line,omitempty"`
	Column   int    `json:"column,omitempty"`
	Path     string `json:"path,omitempty"`
	Template string `json:"template,omitempty"`
}

// Result is the outcome of one lint run.
type Result struct {
	Findings []Finding
	Errors   []Error
	// Objects is how many objects were evaluated, owned ones (Owned) aside.
	Objects int
	// Checked lists the evaluated objects, in input order.
	Checked []Checked
	// Owned is how many objects have their controller in the input: their
	// problems are reported on the controller, and on them only what differs
	// from the controller's pod template (not counted in Objects).
	Owned int
	// Files is how many files were read.
	Files int
	// Rules are the rules that were active.
	Rules []*policy.Rule
	// RulesOff are the rules of the profile that did not run, and what
	// switched them off (every report names them).
	RulesOff []RulesOff
	// SkippedIncomplete are active rules that only fire on complete input and
	// were silent because the input was not declared complete.
	SkippedIncomplete []*policy.Rule
	// Suppressed counts findings that configuration suppressed.
	Suppressed int
	// SuppressedFindings are those findings, each with its Suppression.
	SuppressedFindings []Finding
	// Warnings are problems of the configuration that are not errors
	// (expired exceptions).
	Warnings []Warning
	// Excluded is how many input files the configuration's exclude left unread.
	Excluded int
	// Hidden is how many findings were left out of the report for being
	// below MinSeverity (set by the caller, as the configuration filters are).
	Hidden      int
	MinSeverity string
	// Skipped are the input files none of whose documents is a Kubernetes
	// object (a compose file, package.json), which were not linted.
	Skipped []string
	// Unvalidated are the custom resource kinds ("apiVersion/Kind") that no
	// CRD of the run or of --crd judged: their objects were not validated.
	Unvalidated []string
	// BaselineFile is the baseline applied, if any.
	BaselineFile string
	// BaselineGone is how many baseline entries no finding matched any more.
	BaselineGone int
}

// Checked is an object that was evaluated.
type Checked struct {
	Object load.Ref
	File   string
	// Document and Item tell apart objects of the same name in one file.
	Document, Item int
	// Labels and Annotations are the object's; TemplateAnnotations those of
	// its pod template. The config filter matches selectors and ignore
	// annotations on them.
	Labels, Annotations, TemplateAnnotations map[string]string
}

// SortFindings orders findings by file, line and rule id (DESIGN.md), then
// column, object and message: the same input always gives the same report.
func SortFindings(fs []Finding) {
	sort.SliceStable(fs, func(i, j int) bool {
		a, b := fs[i], fs[j]
		if a.Location.File != b.Location.File {
			return a.Location.File < b.Location.File
		}
		if a.Location.Line != b.Location.Line {
			return a.Location.Line < b.Location.Line
		}
		if a.Rule.ID != b.Rule.ID {
			return a.Rule.ID < b.Rule.ID
		}
		if a.Location.Column != b.Location.Column {
			return a.Location.Column < b.Location.Column
		}
		if a.Object.Name != b.Object.Name {
			return a.Object.Name < b.Object.Name
		}
		return a.Message < b.Message
	})
}

// SortErrors orders errors by file and line.
func SortErrors(es []Error) {
	sort.SliceStable(es, func(i, j int) bool {
		if es[i].File != es[j].File {
			return es[i].File < es[j].File
		}
		if es[i].Line != es[j].Line {
			return es[i].Line < es[j].Line
		}
		return es[i].Message < es[j].Message
	})
}

// Count returns the number of findings at or above severity threshold.
func (r *Result) Count(threshold string) int {
	n := 0
	for _, f := range r.Findings {
		if policy.AtLeast(f.Severity, threshold) {
			n++
		}
	}
	return n
}

// Key is what makes two findings the same problem: the same file given
// twice, or one object in two files, is reported once.
type Key struct {
	rule, file, message, path string
	object                    load.Ref
	line, column              int
}

// KeyOf is f's Key.
func KeyOf(f Finding) Key {
	return Key{f.Rule.ID, f.Location.File, f.Message, f.Location.Path, f.Object, f.Location.Line, f.Location.Column}
}

// Describe names an object in a message: its kind, namespace and name.
func Describe(r load.Ref) string {
	if r.Namespace != "" {
		return r.Kind + " " + r.Namespace + "/" + r.Name
	}
	return r.Kind + " " + r.Name
}
