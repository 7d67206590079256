package report

import (
	"bufio"
	"bytes"
	"encoding/json"
	"io"
	"strings"

	"github.com/kubeward/kubeward/engine/load"
	"github.com/kubeward/kubeward/engine/result"
)

// The JSON report's fields are a fixed contract (DESIGN.md): add, never rename.
type jsonReport struct {
	Version  int           `json:"version"`
	Summary  jsonSummary   `json:"summary"`
	Findings []jsonFinding `json:"findings"`
	Errors   []load.Error  `json:"errors"`
	// Warnings are configuration problems that are not errors (expired exceptions).
	Warnings []result.Warning `json:"warnings"`
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
	// Skipped are the input files that hold no Kubernetes object (a compose
	// file, package.json) and were not linted; SkippedFiles is their count.
	Skipped      []string `json:"skipped"`
	SkippedFiles int      `json:"skippedFiles"`
	// Hidden is how many findings --min-severity left out, MinSeverity what it was.
	Hidden      int    `json:"hidden"`
	MinSeverity string `json:"minSeverity,omitempty"`
	// Baseline is set when a baseline was applied.
	Baseline *jsonBaseline `json:"baseline,omitempty"`
	// SkippedIncomplete lists the rules that need --complete and did not run.
	SkippedIncomplete []string `json:"skippedIncomplete,omitempty"`
	// Unvalidated lists the custom resource kinds (apiVersion/Kind) whose
	// CRD was not given: their objects were not validated against a schema.
	Unvalidated []string `json:"unvalidated,omitempty"`
	// RulesOff are the rules of the profile that something other than the
	// profile switched off, and what did.
	RulesOff []result.RulesOff `json:"rulesOff,omitempty"`
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
	Location result.Location `json:"location"`
	// Suppression says what suppressed the finding (suppressed list only).
	Suppression *result.Suppression `json:"suppression,omitempty"`
}

func writeJSON(w io.Writer, res *result.Result, opts Options) error {
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
		rep.Warnings = []result.Warning{}
	}
	rep.Summary.Excluded = res.Excluded
	rep.Summary.Skipped = res.Skipped
	if rep.Summary.Skipped == nil {
		rep.Summary.Skipped = []string{}
	}
	rep.Summary.SkippedFiles = len(res.Skipped)
	rep.Summary.Hidden, rep.Summary.MinSeverity = res.Hidden, res.MinSeverity
	rep.Summary.RulesOff = res.RulesOff
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
	rep.Summary.Unvalidated = res.Unvalidated
	for _, r := range res.SkippedIncomplete {
		rep.Summary.SkippedIncomplete = append(rep.Summary.SkippedIncomplete, r.ID)
	}
	for _, f := range res.Findings {
		rep.Summary.BySeverity[f.Severity]++
		rep.Findings = append(rep.Findings, toJSONFinding(f))
	}
	return streamJSON(w, &rep)
}

// streamJSON writes rep exactly as encoding/json would with two-space
// indentation and no HTML escaping, but one finding at a time: encoding the
// whole report at once built two buffers of the report's size (tens of
// megabytes for a large run), whose growth and clearing cost more than a
// second at the end of a run over 10,000 objects.
func streamJSON(w io.Writer, rep *jsonReport) error {
	bw := bufio.NewWriterSize(w, 64<<10)
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	// value writes v at the given depth, without the encoder's newline.
	value := func(v any, depth int) error {
		buf.Reset()
		enc.SetIndent(strings.Repeat("  ", depth), "  ")
		if err := enc.Encode(v); err != nil {
			return err
		}
		_, err := bw.Write(bytes.TrimSuffix(buf.Bytes(), []byte("\n")))
		return err
	}
	field := func(name string, v any, last bool) error {
		bw.WriteString(`  "` + name + `": `)
		if err := value(v, 1); err != nil {
			return err
		}
		if !last {
			bw.WriteString(",")
		}
		bw.WriteString("\n")
		return nil
	}
	list := func(name string, items []jsonFinding, last bool) error {
		bw.WriteString(`  "` + name + `": [`)
		if len(items) == 0 {
			bw.WriteString("]")
		}
		for i := range items {
			if i == 0 {
				bw.WriteString("\n")
			}
			bw.WriteString("    ")
			if err := value(&items[i], 2); err != nil {
				return err
			}
			if i < len(items)-1 {
				bw.WriteString(",")
			}
			bw.WriteString("\n")
			if i == len(items)-1 {
				bw.WriteString("  ]")
			}
		}
		if !last {
			bw.WriteString(",")
		}
		bw.WriteString("\n")
		return nil
	}
	bw.WriteString("{\n")
	steps := []func() error{
		func() error { return field("version", rep.Version, false) },
		func() error { return field("summary", rep.Summary, false) },
		func() error { return list("findings", rep.Findings, false) },
		func() error { return field("errors", rep.Errors, false) },
		func() error { return field("warnings", rep.Warnings, len(rep.Suppressed) == 0) },
	}
	if len(rep.Suppressed) > 0 {
		steps = append(steps, func() error { return list("suppressed", rep.Suppressed, true) })
	}
	for _, step := range steps {
		if err := step(); err != nil {
			return err
		}
	}
	bw.WriteString("}\n")
	return bw.Flush()
}

func toJSONFinding(f result.Finding) jsonFinding {
	return jsonFinding{
		Rule:        jsonRule{ID: f.Rule.ID, Title: f.Rule.Title, Severity: f.Severity},
		Message:     f.Message,
		Object:      f.Object,
		Location:    f.Location,
		Suppression: f.Suppression,
	}
}
