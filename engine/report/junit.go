package report

import (
	"encoding/xml"
	"fmt"
	"io"
	"sort"

	"github.com/kubeward/kubeward/engine/result"
)

type junitSuites struct {
	XMLName  xml.Name     `xml:"testsuites"`
	Name     string       `xml:"name,attr"`
	Tests    int          `xml:"tests,attr"`
	Failures int          `xml:"failures,attr"`
	Errors   int          `xml:"errors,attr"`
	Suites   []junitSuite `xml:"testsuite"`
}

type junitSuite struct {
	Name     string `xml:"name,attr"`
	Tests    int    `xml:"tests,attr"`
	Failures int    `xml:"failures,attr"`
	Errors   int    `xml:"errors,attr"`
	// Properties say which rules did not run and why (the "(rules off)"
	// suite only).
	Properties *junitProperties `xml:"properties,omitempty"`
	Cases      []junitCase      `xml:"testcase"`
	// SystemErr holds the warnings about the suite's file (expired
	// exceptions in .kubeward.yaml): neither failures nor errors.
	SystemErr string `xml:"system-err,omitempty"`
}

type junitProperties struct {
	Property []junitProperty `xml:"property"`
}

type junitProperty struct {
	Name  string `xml:"name,attr"`
	Value string `xml:"value,attr"`
}

type junitCase struct {
	Name      string         `xml:"name,attr"`
	Classname string         `xml:"classname,attr"`
	Failures  []junitProblem `xml:"failure,omitempty"`
	Errors    []junitProblem `xml:"error,omitempty"`
	// SystemOut lists the object's suppressed findings (--show-suppressed).
	SystemOut string `xml:"system-out,omitempty"`
}

type junitProblem struct {
	Message string `xml:"message,attr"`
	Type    string `xml:"type,attr"`
	Text    string `xml:",chardata"`
}

// writeJUnit writes a test suite per file and a test case per object, with a
// failure per finding: CI systems then show which object failed which rule.
func writeJUnit(w io.Writer, res *result.Result, opts Options) error {
	type caseKey struct {
		file, name     string
		document, item int
	}
	suites := map[string]*junitSuite{}
	cases := map[caseKey]*junitCase{}
	var order []caseKey
	suite := func(file string) *junitSuite {
		s, ok := suites[file]
		if !ok {
			s = &junitSuite{Name: file}
			suites[file] = s
		}
		return s
	}
	testcase := func(file, name string, document, item int) *junitCase {
		k := caseKey{file, name, document, item}
		c, ok := cases[k]
		if !ok {
			c = &junitCase{Name: name, Classname: file}
			cases[k] = c
			order = append(order, k)
		}
		return c
	}
	for _, c := range res.Checked {
		name := c.Object.Kind + " " + c.Object.Name
		if c.Object.Namespace != "" {
			name = c.Object.Kind + " " + c.Object.Namespace + "/" + c.Object.Name
		}
		testcase(c.File, name, c.Document, c.Item)
	}
	for _, f := range res.Findings {
		c := testcase(f.Location.File, objectName(f), f.Document, f.Item)
		c.Failures = append(c.Failures, junitProblem{
			Message: f.Rule.ID + ": " + f.Message,
			Type:    f.Severity,
			Text: fmt.Sprintf("%s %s %s\n%s\nfield: %s", position(f.Location.File, f.Location.Line, f.Location.Column),
				f.Rule.ID, f.Rule.Title, f.Message, f.Location.Path),
		})
	}
	for _, e := range res.Errors {
		suiteName := e.File
		if suiteName == "" {
			suiteName = e.Where() // the stage that failed
		}
		c := testcase(suiteName, "input", -1, -1)
		c.Errors = append(c.Errors, junitProblem{Message: e.Text(), Type: "error", Text: e.Error()})
	}
	if opts.ShowSuppressed {
		for _, f := range res.SuppressedFindings {
			c := testcase(f.Location.File, objectName(f), f.Document, f.Item)
			c.SystemOut += fmt.Sprintf("%s: suppressed %s %s by %s %s", position(f.Location.File, f.Location.Line, f.Location.Column),
				f.Rule.ID, f.Message, f.Suppression.Kind, f.Suppression.Where)
			if f.Suppression.Reason != "" {
				c.SystemOut += ": " + f.Suppression.Reason
			}
			c.SystemOut += "\n"
		}
	}
	for _, wn := range res.Warnings {
		name := wn.File
		if name == "" {
			name = "(configuration)"
		}
		suite(name).SystemErr += fmt.Sprintf("%s: warning: %s\n", position(wn.File, wn.Line, 0), wn.Message)
	}
	// Rules that did not run are no test of any file: they get a suite of
	// their own, without test cases, whose properties name them.
	if len(res.RulesOff) > 0 {
		s := suite(rulesOffSuite)
		s.Properties = &junitProperties{}
		for _, off := range res.RulesOff {
			s.Properties.Property = append(s.Properties.Property, junitProperty{Name: "rules-off", Value: off.Message})
		}
	}
	// Files skipped and findings hidden are no test either: properties of
	// an "(input)" suite, so that the count is in the report.
	if len(res.Skipped) > 0 || res.Hidden > 0 {
		s := suite(inputSuite)
		s.Properties = &junitProperties{}
		if len(res.Skipped) > 0 {
			s.Properties.Property = append(s.Properties.Property, junitProperty{Name: "skipped-files", Value: fmt.Sprint(len(res.Skipped))})
			for _, f := range res.Skipped {
				s.Properties.Property = append(s.Properties.Property, junitProperty{Name: "skipped", Value: f})
			}
		}
		if res.Hidden > 0 {
			s.Properties.Property = append(s.Properties.Property, junitProperty{Name: "hidden-below-" + res.MinSeverity, Value: fmt.Sprint(res.Hidden)})
		}
	}
	out := junitSuites{Name: "kubeward"}
	for _, k := range order {
		c := cases[k]
		s := suite(k.file)
		s.Tests++
		if len(c.Failures) > 0 {
			s.Failures++
		}
		if len(c.Errors) > 0 {
			s.Errors++
		}
		s.Cases = append(s.Cases, *c)
	}
	names := make([]string, 0, len(suites))
	for n := range suites {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		s := suites[n]
		sort.SliceStable(s.Cases, func(i, j int) bool { return s.Cases[i].Name < s.Cases[j].Name })
		out.Tests += s.Tests
		out.Failures += s.Failures
		out.Errors += s.Errors
		out.Suites = append(out.Suites, *s)
	}
	return WriteXML(w, out)
}

// rulesOffSuite is the JUnit suite that names the rules switched off.
const rulesOffSuite = "(rules off)"

// inputSuite is the JUnit suite that counts skipped files and hidden findings.
const inputSuite = "(input)"

// WriteXML writes v as an indented XML document with its header: the JUnit
// reports of lint and of kubeward test share it.
func WriteXML(w io.Writer, v any) error {
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return err
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	if err := enc.Encode(v); err != nil {
		return err
	}
	_, err := io.WriteString(w, "\n")
	return err
}
