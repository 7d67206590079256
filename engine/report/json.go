package report

import (
	"encoding/json"
	"io"

	"github.com/kubeward/kubeward/engine"
	"github.com/kubeward/kubeward/engine/load"
)

// The JSON report's fields are a fixed contract (DESIGN.md): add, never rename.
type jsonReport struct {
	Version  int           `json:"version"`
	Summary  jsonSummary   `json:"summary"`
	Findings []jsonFinding `json:"findings"`
	Errors   []load.Error  `json:"errors"`
	// Warnings are configuration problems that are not errors (expired exceptions).
	Warnings []engine.Warning `json:"warnings"`
	// Suppressed lists suppressed findings, with --show-suppressed only.
	Suppressed []jsonFinding `json:"suppressed,omitempty"`
}

type jsonSummary struct {
	Objects    int            `json:"objects"`
	Findings   int            `json:"findings"`
	Errors     int            `json:"errors"`
	Suppressed int            `json:"suppressed"`
	Owned      int            `json:"owned"`
	Files      int            `json:"files"`
	Rules      int            `json:"rules"`
	BySeverity map[string]int `json:"bySeverity"`
	// Excluded is how many input files the configuration's exclude left unread.
	Excluded int `json:"excluded,omitempty"`
	// Baseline is set when a baseline was applied.
	Baseline *jsonBaseline `json:"baseline,omitempty"`
	// SkippedIncomplete lists the rules that need --complete and did not run.
	SkippedIncomplete []string `json:"skippedIncomplete,omitempty"`
}

type jsonBaseline struct {
	File string `json:"file"`
	// Gone is how many baseline entries no finding matched any more.
	Gone int `json:"gone"`
}

type jsonRule struct {
	ID       string `json:"id"`
	Title    string `json:"title"`
	Severity string `json:"severity"`
}

type jsonFinding struct {
	Rule     jsonRule        `json:"rule"`
	Message  string          `json:"message"`
	Object   load.Ref        `json:"object"`
	Location engine.Location `json:"location"`
	// Suppression says what suppressed the finding (suppressed list only).
	Suppression *engine.Suppression `json:"suppression,omitempty"`
}

func writeJSON(w io.Writer, res *engine.Result, opts Options) error {
	rep := jsonReport{
		Version: 1,
		Summary: jsonSummary{
			Objects: res.Objects, Findings: len(res.Findings), Errors: len(res.Errors),
			Suppressed: res.Suppressed, Owned: res.Owned, Files: res.Files, Rules: len(res.Rules),
			BySeverity: map[string]int{},
		},
		Findings: make([]jsonFinding, 0, len(res.Findings)),
		Errors:   res.Errors,
		Warnings: res.Warnings,
	}
	if rep.Warnings == nil {
		rep.Warnings = []engine.Warning{}
	}
	rep.Summary.Excluded = res.Excluded
	if res.BaselineFile != "" {
		rep.Summary.Baseline = &jsonBaseline{File: res.BaselineFile, Gone: res.BaselineGone}
	}
	if opts.ShowSuppressed {
		for _, f := range res.SuppressedFindings {
			rep.Suppressed = append(rep.Suppressed, toJSONFinding(f))
		}
	}
	if rep.Errors == nil {
		rep.Errors = []load.Error{}
	}
	for _, r := range res.SkippedIncomplete {
		rep.Summary.SkippedIncomplete = append(rep.Summary.SkippedIncomplete, r.ID)
	}
	for _, f := range res.Findings {
		rep.Summary.BySeverity[f.Severity]++
		rep.Findings = append(rep.Findings, toJSONFinding(f))
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(rep)
}

func toJSONFinding(f engine.Finding) jsonFinding {
	return jsonFinding{
		Rule:        jsonRule{ID: f.Rule.ID, Title: f.Rule.Title, Severity: f.Severity},
		Message:     f.Message,
		Object:      f.Object,
		Location:    f.Location,
		Suppression: f.Suppression,
	}
}
