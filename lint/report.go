package lint

import (
	"io"

	"github.com/kubeward/kubeward/engine/report"
)

// Write writes res in one of the CLI's report formats (report.Formats:
// text, json, sarif, junit, github, html, …), byte for byte what
// `kubeward lint --format` writes with the same opts. A failure is an
// *Error of the report stage.
func Write(w io.Writer, format string, res *Result, opts report.Options) error {
	if err := report.Write(w, format, &res.Result, opts); err != nil {
		return &Error{Stage: StageReport, Code: "report", Message: err.Error(), Err: err}
	}
	return nil
}
