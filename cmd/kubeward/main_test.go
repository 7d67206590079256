package main

import (
	"bytes"
	"encoding/json"
	"io"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// The CLI tests run whole command lines in-process through run and look at
// the exit status and what was written. Fixtures live in testdata/cli:
//
//   - privileged-deployment.yaml: a Deployment whose container sets
//     securityContext.privileged: true, the key at line 20, column 13.
//   - restricted-pod.yaml: a Pod that passes every pss-restricted check.
//   - configmap.yaml: an object no bundled rule of interest applies to.
//   - invalid.yaml: YAML that does not parse (error at line 6).
//   - helm-stream.yaml: `helm template` output with "# Source:" comments.
//   - policies/: test-only rules (profile kwtest) with one rule per severity,
//     so that counts and summaries can be asserted exactly while the bundled
//     library keeps growing.
//   - kwtest/: objects for those rules.

// fixture returns the path of a file under testdata/cli.
func fixture(parts ...string) string {
	return filepath.Join(append([]string{"..", "..", "testdata", "cli"}, parts...)...)
}

// kwtest are the flags that select only the test-only rules of testdata/cli/policies.
func kwtest() []string {
	return []string{"--policy", fixture("policies"), "--profile", "kwtest"}
}

// privilegedFile is the path of the privileged Deployment as reports print it.
var privilegedFile = fixture("privileged-deployment.yaml")

// privilegedLine is the exact text-format line of the KW-PSS-007 finding.
var privilegedLine = privilegedFile + `:20:13: CRITICAL KW-PSS-007 container "app" sets securityContext.privileged=true; remove it or set it to false. (Deployment shop/web)`

type cliResult struct {
	code   int
	stdout string
	stderr string
}

// kw runs one command line with empty standard input.
func kw(t *testing.T, args ...string) cliResult {
	t.Helper()
	return kwStdin(t, strings.NewReader(""), args...)
}

// kwStdin runs one command line with stdin as standard input.
func kwStdin(t *testing.T, stdin io.Reader, args ...string) cliResult {
	t.Helper()
	var out, errOut bytes.Buffer
	code := run(args, stdin, &out, &errOut)
	return cliResult{code: code, stdout: out.String(), stderr: errOut.String()}
}

// jsonReport mirrors the fixed fields of the JSON report (DESIGN.md).
type jsonReport struct {
	Version int `json:"version"`
	Summary struct {
		Objects    int `json:"objects"`
		Findings   int `json:"findings"`
		Errors     int `json:"errors"`
		Suppressed int `json:"suppressed"`
	} `json:"summary"`
	Findings []jsonFinding `json:"findings"`
	Errors   []struct {
		File    string `json:"file"`
		Line    int    `json:"line"`
		Message string `json:"message"`
	} `json:"errors"`
}

type jsonFinding struct {
	Rule struct {
		ID       string `json:"id"`
		Title    string `json:"title"`
		Severity string `json:"severity"`
	} `json:"rule"`
	Message string `json:"message"`
	Object  struct {
		APIVersion string `json:"apiVersion"`
		Kind       string `json:"kind"`
		Namespace  string `json:"namespace"`
		Name       string `json:"name"`
	} `json:"object"`
	Location struct {
		File     string `json:"file"`
		Line     int    `json:"line"`
		Column   int    `json:"column"`
		Path     string `json:"path"`
		Template string `json:"template"`
	} `json:"location"`
}

// decodeReport parses a JSON report into its fixed fields.
func decodeReport(t *testing.T, s string) jsonReport {
	t.Helper()
	var rep jsonReport
	require.NoError(t, json.Unmarshal([]byte(s), &rep), "report:\n%s", s)
	return rep
}

// findingsOf returns the findings of rule id.
func findingsOf(rep jsonReport, id string) []jsonFinding {
	var out []jsonFinding
	for _, f := range rep.Findings {
		if f.Rule.ID == id {
			out = append(out, f)
		}
	}
	return out
}

// linesWith returns the lines of s that contain sub.
func linesWith(s, sub string) []string {
	var out []string
	for _, l := range strings.Split(s, "\n") {
		if strings.Contains(l, sub) {
			out = append(out, l)
		}
	}
	return out
}

// summaryRE matches the summary line of the text and github formats.
var summaryRE = regexp.MustCompile(`^\d+ objects?, \d+ findings?( \([^)]*\))?, \d+ errors?\.`)

// summaryLine returns the one summary line of a text report ("" if there is
// not exactly one).
func summaryLine(s string) string {
	var found []string
	for _, l := range strings.Split(s, "\n") {
		if summaryRE.MatchString(l) {
			found = append(found, l)
		}
	}
	if len(found) != 1 {
		return ""
	}
	return found[0]
}
