package load

import (
	"strconv"
	"strings"
)

// Stage is the step of a run an Error comes from. Reports show it where an
// error has no file to name.
type Stage string

// The stages of a run, in order.
const (
	StageSource   Stage = "source"   // rendering a chart or kustomization, reading a cluster
	StageLoad     Stage = "load"     // reading and parsing the input
	StagePolicy   Stage = "policy"   // loading and compiling the policies
	StageEvaluate Stage = "evaluate" // building the inventory, evaluating the rules
	StageFilter   Stage = "filter"   // the configuration's filters and the baseline
	StageReport   Stage = "report"   // writing the report
)

// Error is a problem of a run: with the input, at a place in a file, or with
// a step that has no file (compiling the policies), named by Stage. It is
// the one error type the engine and the lint facade return.
type Error struct {
	// File is "" when the problem is with no file: the JSON report keeps
	// the "file" field (DESIGN.md) and says where in "stage".
	File    string `json:"file"`
	Line    int    `json:"line,omitempty"`
	Column  int    `json:"column,omitempty"`
	Message string `json:"message"`
	Stage   Stage  `json:"stage,omitempty"`
	// Code names the kind of problem for programs ("" when it has none of
	// its own): see docs/go-api.md.
	Code string `json:"code,omitempty"`
	// Err is the cause, when there is one (errors.Is and errors.As see it).
	Err error `json:"-"`
	// notObject marks a document that is no Kubernetes object at all (no
	// apiVersion and no kind, or not a mapping): a file of nothing else is
	// skipped, not an error (Result.Skipped).
	notObject bool
}

func (e Error) Error() string {
	return e.Where() + ": " + e.Text()
}

// Unwrap returns the cause.
func (e Error) Unwrap() error { return e.Err }

// Text is the message, or the cause's when there is no message.
func (e Error) Text() string {
	if e.Message == "" && e.Err != nil {
		return e.Err.Error()
	}
	return e.Message
}

// Where is file:line:column, or "(stage)" for a problem with no file.
func (e Error) Where() string {
	if e.File == "" {
		if e.Stage == "" {
			return "(kubeward)"
		}
		return "(" + string(e.Stage) + ")"
	}
	var b strings.Builder
	b.WriteString(e.File)
	if e.Line > 0 {
		b.WriteString(":" + strconv.Itoa(e.Line))
		if e.Column > 0 {
			b.WriteString(":" + strconv.Itoa(e.Column))
		}
	}
	return b.String()
}

// Staged sets the stage of the errors that have none, in place, and returns
// them: the step that collects a source's errors knows their stage.
func Staged(errs []Error, s Stage) []Error {
	for i := range errs {
		if errs[i].Stage == "" {
			errs[i].Stage = s
		}
	}
	return errs
}
