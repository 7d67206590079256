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
	// SkippedIncomplete lists the rules that need --complete and did not run.
	SkippedIncomplete []string `json:"skippedIncomplete,omitempty"`
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
}

func writeJSON(w io.Writer, res *engine.Result) error {
	rep := jsonReport{
		Version: 1,
		Summary: jsonSummary{
			Objects: res.Objects, Findings: len(res.Findings), Errors: len(res.Errors),
			Suppressed: res.Suppressed, Owned: res.Owned, Files: res.Files, Rules: len(res.Rules),
			BySeverity: map[string]int{},
		},
		Findings: make([]jsonFinding, 0, len(res.Findings)),
		Errors:   res.Errors,
	}
	if rep.Errors == nil {
		rep.Errors = []load.Error{}
	}
	for _, r := range res.SkippedIncomplete {
		rep.Summary.SkippedIncomplete = append(rep.Summary.SkippedIncomplete, r.ID)
	}
	for _, f := range res.Findings {
		rep.Summary.BySeverity[f.Severity]++
		rep.Findings = append(rep.Findings, jsonFinding{
			Rule:     jsonRule{ID: f.Rule.ID, Title: f.Rule.Title, Severity: f.Severity},
			Message:  f.Message,
			Object:   f.Object,
			Location: f.Location,
		})
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(rep)
}
