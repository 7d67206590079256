package report

import (
	"fmt"
	"io"
	"strings"

	"github.com/kubeward/kubeward/engine"
	"github.com/kubeward/kubeward/engine/policy"
)

var severityColor = map[string]string{
	"critical": "\x1b[1;35m", "high": "\x1b[1;31m", "medium": "\x1b[33m", "low": "\x1b[36m", "info": "\x1b[2m",
}

const reset = "\x1b[0m"

// writeText writes one line per finding, file:line:col first so that editors
// and terminals link to it, then the errors and a summary.
func writeText(w io.Writer, res *engine.Result, opts Options) error {
	var b strings.Builder
	paint := func(code, s string) string {
		if !opts.Color {
			return s
		}
		return code + s + reset
	}
	for _, f := range res.Findings {
		sev := strings.ToUpper(f.Severity)
		fmt.Fprintf(&b, "%s: %s %s %s (%s", position(f.Location.File, f.Location.Line, f.Location.Column),
			paint(severityColor[f.Severity], sev), f.Rule.ID, oneLine(f.Message), objectName(f))
		if f.Location.Template != "" {
			fmt.Fprintf(&b, ", template %s", f.Location.Template)
		}
		b.WriteString(")\n")
	}
	for _, e := range res.Errors {
		fmt.Fprintf(&b, "%s: %s %s\n", position(e.File, e.Line, e.Column), paint("\x1b[1;31m", "error:"), oneLine(e.Message))
	}
	for _, wn := range res.Warnings {
		fmt.Fprintf(&b, "%s: %s %s\n", position(wn.File, wn.Line, 0), paint("\x1b[33m", "warning:"), oneLine(wn.Message))
	}
	if opts.ShowSuppressed {
		for _, f := range res.SuppressedFindings {
			fmt.Fprintf(&b, "%s: suppressed %s %s %s (%s) by %s %s", position(f.Location.File, f.Location.Line, f.Location.Column),
				strings.ToUpper(f.Severity), f.Rule.ID, oneLine(f.Message), objectName(f), f.Suppression.Kind, f.Suppression.Where)
			if f.Suppression.Reason != "" {
				fmt.Fprintf(&b, ": %s", oneLine(f.Suppression.Reason))
			}
			b.WriteString("\n")
		}
	}
	b.WriteString(summary(res))
	if res.BaselineFile != "" {
		entries := "entries no longer occur"
		if res.BaselineGone == 1 {
			entries = "entry no longer occurs"
		}
		fmt.Fprintf(&b, "baseline %s: %d %s.\n", res.BaselineFile, res.BaselineGone, entries)
	}
	if n := len(res.SkippedIncomplete); n > 0 {
		ids := make([]string, n)
		for i, r := range res.SkippedIncomplete {
			ids[i] = r.ID
		}
		fmt.Fprintf(&b, "note: %d rules only fire on complete input and were skipped (%s); pass --complete when the input is the whole cluster or namespace.\n",
			n, strings.Join(ids, ", "))
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func summary(res *engine.Result) string {
	counts := map[string]int{}
	for _, f := range res.Findings {
		counts[f.Severity]++
	}
	var parts []string
	for _, s := range policy.Severities {
		if counts[s] > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", counts[s], s))
		}
	}
	detail := ""
	if len(parts) > 0 {
		detail = " (" + strings.Join(parts, ", ") + ")"
	}
	s := fmt.Sprintf("%s, %s%s, %s", plural(res.Objects, "object"), plural(len(res.Findings), "finding"), detail, plural(len(res.Errors), "error"))
	if res.Owned > 0 {
		s += fmt.Sprintf("; %s reported through their controller", plural(res.Owned, "owned object"))
	}
	if res.Suppressed > 0 {
		s += fmt.Sprintf("; %d suppressed", res.Suppressed)
	}
	if res.Excluded > 0 {
		s += fmt.Sprintf("; %s excluded", plural(res.Excluded, "file"))
	}
	return s + ".\n"
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}

// oneLine keeps one finding on one line: a rule's message may hold newlines.
func oneLine(s string) string {
	return strings.NewReplacer("\r\n", " ", "\n", " ", "\r", " ").Replace(s)
}
