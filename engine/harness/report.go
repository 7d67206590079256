package harness

import (
	"encoding/json"
	"encoding/xml"
	"fmt"
	"io"
	"strings"

	"github.com/open-policy-agent/opa/v1/tester"

	"github.com/kubeward/kubeward/engine/report"
	"github.com/kubeward/kubeward/engine/suite"
)

// Formats are the report formats of `kubeward test`.
var Formats = []string{"text", "json", "junit"}

// Write renders res in format. verbose lists passing tests and suites too,
// with the evaluation trace of failing tests (text only).
func Write(w io.Writer, format string, res *Result, verbose bool) error {
	switch format {
	case "text":
		return writeText(w, res, verbose)
	case "json":
		return writeJSON(w, res)
	case "junit":
		return writeJUnit(w, res)
	}
	return fmt.Errorf("unknown format %q (one of %s)", format, strings.Join(Formats, ", "))
}

// writeText prints the Rego tests as `opa test` does (OPA's own reporter),
// then the suites and the coverage.
func writeText(w io.Writer, res *Result, verbose bool) error {
	if len(res.Tests) > 0 {
		ch := make(chan *tester.Result, len(res.Tests))
		for _, t := range res.Tests {
			ch <- t
		}
		close(ch)
		rep := tester.PrettyReporter{Output: w, Verbose: verbose, FailureLine: true}
		if err := rep.Report(ch); err != nil {
			return err
		}
	}
	if len(res.Suites) > 0 {
		if len(res.Tests) > 0 {
			fmt.Fprintln(w)
		}
		failed := 0
		for _, s := range res.Suites {
			if s.Passed() {
				if verbose {
					fmt.Fprintf(w, "%s: PASS%s\n", s.Dir, describeSuite(s))
				}
				continue
			}
			failed++
			fmt.Fprintf(w, "%s: FAIL%s\n%s", s.Dir, describeSuite(s), s.Diff())
		}
		if failed < len(res.Suites) {
			fmt.Fprintf(w, "SUITES PASS: %d/%d\n", len(res.Suites)-failed, len(res.Suites))
		}
		if failed > 0 {
			fmt.Fprintf(w, "SUITES FAIL: %d/%d\n", failed, len(res.Suites))
		}
	}
	if c := res.Coverage; c != nil {
		fmt.Fprintln(w)
		fmt.Fprintln(w, "COVERAGE")
		for _, r := range c.Rules {
			fmt.Fprintf(w, "  %s: %.1f%% (%d/%d lines)", r.ID, r.Percent, r.Covered, r.Covered+r.NotCovered)
			if len(r.Missed) > 0 {
				fmt.Fprintf(w, " not covered: %s", strings.Join(r.Missed, ", "))
			}
			fmt.Fprintln(w)
		}
		for _, f := range c.Files {
			fmt.Fprintf(w, "  %s: %.1f%% (%d/%d lines)", f.File, f.Percent, f.Covered, f.Covered+f.NotCovered)
			if len(f.Missed) > 0 {
				fmt.Fprintf(w, " not covered: %s", strings.Join(f.Missed, ", "))
			}
			fmt.Fprintln(w)
		}
		fmt.Fprintf(w, "  total: %.1f%% (%d/%d lines)\n", c.Percent, c.Covered, c.Covered+c.NotCovered)
	}
	return nil
}

func describeSuite(s *suite.Result) string {
	if s.Expected.Description == "" {
		return ""
	}
	return " (" + s.Expected.Description + ")"
}

// jsonReport is the JSON form of a test run.
type jsonReport struct {
	Summary  jsonSummary `json:"summary"`
	Tests    []jsonTest  `json:"tests"`
	Suites   []jsonSuite `json:"suites"`
	Coverage *Coverage   `json:"coverage,omitempty"`
}

type jsonSummary struct {
	Tests        int  `json:"tests"`
	TestsFailed  int  `json:"testsFailed"`
	Suites       int  `json:"suites"`
	SuitesFailed int  `json:"suitesFailed"`
	Passed       bool `json:"passed"`
}

type jsonTest struct {
	Package string `json:"package"`
	Name    string `json:"name"`
	File    string `json:"file"`
	Line    int    `json:"line"`
	// Result is pass, fail, error or skip.
	Result string `json:"result"`
	Error  string `json:"error,omitempty"`
	Output string `json:"output,omitempty"`
}

type jsonSuite struct {
	Dir         string          `json:"dir"`
	Description string          `json:"description,omitempty"`
	Passed      bool            `json:"passed"`
	Missing     []suite.Finding `json:"missing,omitempty"`
	Unexpected  []suite.Finding `json:"unexpected,omitempty"`
	Errors      []string        `json:"errors,omitempty"`
}

func outcome(t *tester.Result) string {
	switch {
	case t.Skip:
		return "skip"
	case t.Error != nil:
		return "error"
	case t.Fail:
		return "fail"
	}
	return "pass"
}

func writeJSON(w io.Writer, res *Result) error {
	tf, sf := res.Failed()
	rep := jsonReport{
		Summary:  jsonSummary{Tests: len(res.Tests), TestsFailed: tf, Suites: len(res.Suites), SuitesFailed: sf, Passed: res.Passed()},
		Tests:    []jsonTest{},
		Suites:   []jsonSuite{},
		Coverage: res.Coverage,
	}
	for _, t := range res.Tests {
		jt := jsonTest{Package: t.Package, Name: t.Name, File: t.Location.File, Line: t.Location.Row, Result: outcome(t), Output: string(t.Output)}
		if t.Error != nil {
			jt.Error = t.Error.Error()
		}
		rep.Tests = append(rep.Tests, jt)
	}
	for _, s := range res.Suites {
		rep.Suites = append(rep.Suites, jsonSuite{Dir: s.Dir, Description: s.Expected.Description, Passed: s.Passed(),
			Missing: s.Missing, Unexpected: s.Unexpected, Errors: s.Errors})
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(rep)
}

type junitSuites struct {
	XMLName  xml.Name     `xml:"testsuites"`
	Name     string       `xml:"name,attr"`
	Tests    int          `xml:"tests,attr"`
	Failures int          `xml:"failures,attr"`
	Suites   []junitSuite `xml:"testsuite"`
}

type junitSuite struct {
	Name     string      `xml:"name,attr"`
	Tests    int         `xml:"tests,attr"`
	Failures int         `xml:"failures,attr"`
	Skipped  int         `xml:"skipped,attr"`
	Cases    []junitCase `xml:"testcase"`
}

type junitCase struct {
	Name      string        `xml:"name,attr"`
	Classname string        `xml:"classname,attr"`
	File      string        `xml:"file,attr,omitempty"`
	Line      int           `xml:"line,attr,omitempty"`
	Failure   *junitFailure `xml:"failure,omitempty"`
	Skipped   *struct{}     `xml:"skipped,omitempty"`
	SystemOut string        `xml:"system-out,omitempty"`
}

type junitFailure struct {
	Message string `xml:"message,attr"`
	Text    string `xml:",chardata"`
}

// writeJUnit writes one test suite for the Rego tests and one for the
// fixture suites, a test case each.
func writeJUnit(w io.Writer, res *Result) error {
	out := junitSuites{Name: "kubeward test"}
	if len(res.Tests) > 0 {
		js := junitSuite{Name: "rego"}
		for _, t := range res.Tests {
			c := junitCase{Name: t.Name, Classname: t.Package, File: t.Location.File, Line: t.Location.Row, SystemOut: string(t.Output)}
			switch outcome(t) {
			case "skip":
				c.Skipped = &struct{}{}
				js.Skipped++
			case "error":
				c.Failure = &junitFailure{Message: "error", Text: t.Error.Error()}
			case "fail":
				c.Failure = &junitFailure{Message: "failed", Text: fmt.Sprintf("%s:%d: %s failed", t.Location.File, t.Location.Row, t.Name)}
			}
			if c.Failure != nil {
				js.Failures++
			}
			js.Cases = append(js.Cases, c)
		}
		js.Tests = len(js.Cases)
		out.Suites = append(out.Suites, js)
	}
	if len(res.Suites) > 0 {
		js := junitSuite{Name: "fixtures"}
		for _, s := range res.Suites {
			c := junitCase{Name: s.Dir, Classname: "fixtures"}
			if !s.Passed() {
				c.Failure = &junitFailure{Message: "findings differ from " + suite.ExpectedFile, Text: s.Diff()}
				js.Failures++
			}
			js.Cases = append(js.Cases, c)
		}
		js.Tests = len(js.Cases)
		out.Suites = append(out.Suites, js)
	}
	for _, s := range out.Suites {
		out.Tests += s.Tests
		out.Failures += s.Failures
	}
	return report.WriteXML(w, out)
}
