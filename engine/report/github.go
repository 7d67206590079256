package report

import (
	"fmt"
	"io"
	"strings"

	"github.com/kubeward/kubeward/engine/result"
)

// writeGitHub writes GitHub Actions workflow commands, which the runner turns
// into annotations on the pull request's files.
func writeGitHub(w io.Writer, res *result.Result) error {
	var b strings.Builder
	for _, f := range res.Findings {
		fmt.Fprintf(&b, "::%s file=%s,line=%d,col=%d,title=%s::%s\n", githubLevel(f.Severity),
			escapeProperty(f.Location.File), max(f.Location.Line, 1), max(f.Location.Column, 1),
			escapeProperty(f.Rule.ID+" "+f.Rule.Title), escapeData(f.Message+" ("+objectName(f)+")"))
	}
	for _, e := range res.Errors {
		switch {
		case e.File == "":
			// A step of the run failed, not a file: the stage says which.
			fmt.Fprintf(&b, "::error::%s\n", escapeData(e.Where()+": "+e.Text()))
		case e.Line > 0:
			fmt.Fprintf(&b, "::error file=%s,line=%d::%s\n", escapeProperty(e.File), e.Line, escapeData(e.Text()))
		default:
			fmt.Fprintf(&b, "::error file=%s::%s\n", escapeProperty(e.File), escapeData(e.Text()))
		}
	}
	for _, wn := range res.Warnings {
		fmt.Fprintf(&b, "::warning file=%s,line=%d::%s\n", escapeProperty(wn.File), max(wn.Line, 1), escapeData(wn.Message))
	}
	for _, off := range res.RulesOff {
		fmt.Fprintf(&b, "::notice title=%s::%s\n", escapeProperty("kubeward: rules off"), escapeData(off.Message))
	}
	b.WriteString(escapeData(strings.TrimSuffix(summary(res), "\n")) + "\n")
	_, err := io.WriteString(w, b.String())
	return err
}

func githubLevel(severity string) string {
	switch severity {
	case "critical", "high":
		return "error"
	case "medium", "low":
		return "warning"
	}
	return "notice"
}

// escapeData and escapeProperty follow the runner's escaping of workflow
// command values: a value cannot end its command (a line break is %0A) nor,
// in a property, end the properties (':' is %3A, ',' %2C). Other control
// characters are written as text does (\x1b…): annotations show them as is.
func escapeData(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace(escapeControls(s, "\r\n"))
}

func escapeProperty(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C").Replace(escapeControls(s, "\r\n"))
}
