// Package report renders a lint Result in each output format: one file per
// format, all from the same Result, all byte-for-byte deterministic.
package report

import (
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/kubeward/kubeward/engine/result"
)

// Options tune rendering.
type Options struct {
	// Color turns on ANSI colours (text format only).
	Color bool
	// Version is the kubeward version written into SARIF.
	Version string
	// DocsURL is the base URL of rule pages; a rule's page is DocsURL + ID + ".md".
	DocsURL string
	// ShowSuppressed lists suppressed findings with what suppressed them (text
	// and JSON; SARIF always carries them, marked as suppressed).
	ShowSuppressed bool
	// Generated, when set, is shown in the HTML report; left zero, the report
	// carries no time and the same input gives the same bytes.
	Generated time.Time
}

// DefaultDocsURL is where the rule pages generated from metadata are published.
const DefaultDocsURL = "https://github.com/kubeward/kubeward/blob/main/docs/rules/"

// Formats are the names Write accepts.
var Formats = []string{"text", "json", "sarif", "junit", "github", "html"}

// Write renders res to w in format.
func Write(w io.Writer, format string, res *result.Result, opts Options) error {
	if opts.DocsURL == "" {
		opts.DocsURL = DefaultDocsURL
	}
	switch format {
	case "text", "":
		return writeText(w, res, opts)
	case "json":
		return writeJSON(w, res, opts)
	case "sarif":
		return writeSARIF(w, res, opts)
	case "junit":
		return writeJUnit(w, res, opts)
	case "github":
		return writeGitHub(w, res)
	case "html":
		return writeHTML(w, res, opts)
	}
	return fmt.Errorf("unknown format %q (one of %s)", format, strings.Join(Formats, ", "))
}

// objectName is "Kind namespace/name", or "Kind name" for cluster-scoped objects.
func objectName(f result.Finding) string {
	switch {
	case f.Object.Namespace != "":
		return f.Object.Kind + " " + f.Object.Namespace + "/" + f.Object.Name
	case f.Object.Name == "":
		return f.Object.Kind // configuration kinds (audit Policy, KubeletConfiguration) have no name
	}
	return f.Object.Kind + " " + f.Object.Name
}

func position(file string, line, column int) string {
	switch {
	case line > 0 && column > 0:
		return fmt.Sprintf("%s:%d:%d", file, line, column)
	case line > 0:
		return fmt.Sprintf("%s:%d", file, line)
	}
	return file
}
