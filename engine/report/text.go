package report

import (
	"fmt"
	"io"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/kubeward/kubeward/engine/policy"
	"github.com/kubeward/kubeward/engine/result"
)

var severityColor = map[string]string{
	"critical": "\x1b[1;35m", "high": "\x1b[1;31m", "medium": "\x1b[33m", "low": "\x1b[36m", "info": "\x1b[2m",
}

const reset = "\x1b[0m"

// writeText writes one line per finding, file:line:col first so that editors
// and terminals link to it, then the errors and a summary.
//
// Every field may come from someone else's input (an object's name, a
// message quoting a value, a file name, a rule of a bundle) and the report is
// read on terminals and in CI logs: fields go through textSafe, and no line
// may look like a workflow command to a CI runner (see guardLines).
func writeText(w io.Writer, res *result.Result, opts Options) error {
	var b strings.Builder
	paint := func(code, s string) string {
		if !opts.Color {
			return s
		}
		return code + s + reset
	}
	t := textSafe
	for _, f := range res.Findings {
		sev := strings.ToUpper(f.Severity)
		fmt.Fprintf(&b, "%s: %s %s %s (%s", t(position(f.Location.File, f.Location.Line, f.Location.Column)),
			paint(severityColor[f.Severity], t(sev)), t(f.Rule.ID), t(f.Message), t(objectName(f)))
		if f.Location.Template != "" {
			fmt.Fprintf(&b, ", template %s", t(f.Location.Template))
		}
		b.WriteString(")\n")
	}
	for _, e := range res.Errors {
		fmt.Fprintf(&b, "%s: %s %s\n", t(e.Where()), paint("\x1b[1;31m", "error:"), t(e.Text()))
	}
	for _, wn := range res.Warnings {
		fmt.Fprintf(&b, "%s: %s %s\n", t(position(wn.File, wn.Line, 0)), paint("\x1b[33m", "warning:"), t(wn.Message))
	}
	if opts.ShowSuppressed {
		for _, f := range res.SuppressedFindings {
			fmt.Fprintf(&b, "%s: suppressed %s %s %s (%s) by %s %s", t(position(f.Location.File, f.Location.Line, f.Location.Column)),
				t(strings.ToUpper(f.Severity)), t(f.Rule.ID), t(f.Message), t(objectName(f)), t(f.Suppression.Kind), t(f.Suppression.Where))
			if f.Suppression.Reason != "" {
				fmt.Fprintf(&b, ": %s", t(f.Suppression.Reason))
			}
			b.WriteString("\n")
		}
	}
	b.WriteString(t(strings.TrimSuffix(summary(res), "\n")) + "\n")
	if res.BaselineFile != "" {
		entries := "entries no longer occur"
		if res.BaselineGone == 1 {
			entries = "entry no longer occurs"
		}
		fmt.Fprintf(&b, "baseline %s: %d %s.\n", t(res.BaselineFile), res.BaselineGone, entries)
	}
	// The rules that need --complete are not in the text report: they were
	// the same lines at the end of every run. The CLI says it once on a
	// terminal's stderr (SkippedIncompleteNote); JSON keeps the list.
	if line := skippedLine(res.Skipped); line != "" {
		b.WriteString(t(line) + "\n")
	}
	if line := unvalidatedLine(res.Unvalidated); line != "" {
		b.WriteString(t(line) + "\n")
	}
	for _, off := range res.RulesOff {
		fmt.Fprintf(&b, "note: %s.\n", t(off.Message))
	}
	_, err := io.WriteString(w, guardLines(b.String()))
	return err
}

func summary(res *result.Result) string {
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
	if res.Hidden > 0 {
		hidden := fmt.Sprintf("%d below %s hidden", res.Hidden, res.MinSeverity)
		if detail == "" {
			detail = " (" + hidden + ")"
		} else {
			detail = strings.TrimSuffix(detail, ")") + "; " + hidden + ")"
		}
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
	if n := rulesOffCount(res); n > 0 {
		s += fmt.Sprintf("; %s off (see below)", plural(n, "rule"))
	}
	return s + ".\n"
}

// skippedLine names the files skipped as not Kubernetes manifests, the
// first few of them: a repository root may have many.
func skippedLine(files []string) string {
	return firstFew(files, "file", "skipped: not Kubernetes manifests")
}

// unvalidatedLine names the custom resource kinds whose CRD was not in the
// run: they were linted but not checked against a schema.
func unvalidatedLine(kinds []string) string {
	return firstFew(kinds, "custom resource kind", "not validated (no CRD in the input or --crd)")
}

const maxSkippedShown = 10

// firstFew is "N nouns what: a, b, c and M more": the text summary names
// the first maxSkippedShown; the JSON report lists them all.
func firstFew(names []string, noun, what string) string {
	if len(names) == 0 {
		return ""
	}
	shown := names
	if len(shown) > maxSkippedShown {
		shown = shown[:maxSkippedShown]
	}
	line := fmt.Sprintf("%s %s: %s", plural(len(names), noun), what, strings.Join(shown, ", "))
	if len(names) > len(shown) {
		line += fmt.Sprintf(" and %d more (--format json lists them all)", len(names)-len(shown))
	}
	return line
}

// SkippedIncompleteNote is the one line that says which rules only fire
// on complete input and did not run ("" when none): the CLI shows it on a
// terminal, no report holds it.
func SkippedIncompleteNote(res *result.Result) string {
	n := len(res.SkippedIncomplete)
	if n == 0 {
		return ""
	}
	return textSafe(fmt.Sprintf("kubeward: note: %s skipped: they need --complete (the input is the whole cluster or namespace)", plural(n, "rule")))
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}

// rulesOffCount is how many rules of the profile did not run.
func rulesOffCount(res *result.Result) int {
	n := 0
	for _, off := range res.RulesOff {
		n += off.Count
	}
	return n
}

// textSafe writes what a terminal or a CI log would act on as visible
// escapes, the way Go quotes strings: C0 and C1 control characters (ESC
// starting a colour or cursor sequence, CR rewriting a line, LF starting a
// new one) as \x1b, \r, \n, \u009b…; bidirectional overrides, which
// reorder what is shown, as \u202e…; bytes that are not UTF-8 as \xff. It
// also breaks "##[", the older GitHub Actions command form that the runner
// looks for anywhere in a line, as "#\x23[". A backslash is left as it is
// (Windows paths): the escapes are for reading, not for parsing back.
func textSafe(s string) string { return escapeControls(s, "") }

// escapeControls is textSafe but for the characters of keep, left as they
// are: CR and LF for a format that escapes them its own way (GitHub's %0D,
// %0A), a tab in the CLI's own messages (cobra's suggestions indent with it).
func escapeControls(s, keep string) string {
	if !needsEscape(s) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			fmt.Fprintf(&b, `\x%02x`, s[i])
		case r < 0x20 && strings.ContainsRune(keep, r):
			b.WriteRune(r)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\r':
			b.WriteString(`\r`)
		case r == '\t':
			b.WriteString(`\t`)
		case r < 0x20 || r == 0x7f:
			fmt.Fprintf(&b, `\x%02x`, r)
		case unsafeRune(r):
			fmt.Fprintf(&b, `\u%04x`, r)
		case r == '#' && strings.HasPrefix(s[i:], "##["):
			b.WriteString(`#\x23[`)
			size = 3
		default:
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	return b.String()
}

func needsEscape(s string) bool {
	if strings.Contains(s, "##[") {
		return true
	}
	for _, r := range s {
		if r < 0x20 || r == 0x7f || unsafeRune(r) || r == utf8.RuneError {
			return true
		}
	}
	return false
}

// unsafeRune: C1 controls, the bidirectional formatting characters, and the
// line and paragraph separators some viewers break lines at.
func unsafeRune(r rune) bool {
	switch {
	case r >= 0x80 && r <= 0x9f, r == 0x61c, r == 0x200e, r == 0x200f,
		r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069, r == 0x2028, r == 0x2029:
		return true
	}
	return false
}

// SafeLines is s, its lines kept, made safe to print where the text report
// goes (a terminal, a CI log): each line as textSafe writes it, and no line
// starting like a workflow command. For messages the CLI prints itself
// (errors, warnings), which quote input as reports do.
func SafeLines(s string) string {
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = escapeControls(l, "\t")
	}
	return guardLines(strings.Join(lines, "\n"))
}

// SafeLine is SafeLines for a message that is one line: a line break in it
// is written \n.
func SafeLine(s string) string { return guardLines(textSafe(s)) }

// guardLines makes sure no line of a report printed in a CI log starts with
// "::", which the GitHub Actions runner reads as a workflow command
// (::add-mask::, ::error::, ::stop-commands::…) after trimming the line's
// leading white space. Every line of the text report starts with a file
// name or with kubeward's own words, so such a line starts with a file
// named "::…" (or " ::…"): "./" before it keeps it the same file.
func guardLines(s string) string {
	if !strings.Contains(s, "::") {
		return s
	}
	lines := strings.SplitAfter(s, "\n")
	for i, l := range lines {
		if strings.HasPrefix(strings.TrimLeftFunc(l, unicode.IsSpace), "::") {
			lines[i] = "./" + l
		}
	}
	return strings.Join(lines, "")
}
