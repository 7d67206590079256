package main

import (
	"bytes"
	"context"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/owenrumney/go-sarif/v3/pkg/report/v210/sarif"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kubeward/kubeward/engine"
	"github.com/kubeward/kubeward/engine/report"
)

// --- text ---

func TestTextFindingLine(t *testing.T) {
	t.Parallel()
	r := kw(t, "lint", privilegedFile)
	require.Equal(t, exitFindings, r.code, r.stderr)
	// file:line:col: SEVERITY RULE-ID message (Kind namespace/name), at the
	// privileged key of the container's securityContext.
	assert.Equal(t, []string{privilegedLine}, linesWith(r.stdout, " KW-PSS-007 "))
	assert.Regexp(t, `^1 object, \d+ findings \(1 critical[^)]*\), 0 errors\.$`, summaryLine(r.stdout))
	assert.NotContains(t, r.stdout, "\x1b[", "no colour when writing to a buffer (auto)")
	// Every finding line has the same shape.
	for _, l := range strings.Split(strings.TrimRight(r.stdout, "\n"), "\n") {
		if l == summaryLine(r.stdout) || strings.HasPrefix(l, "note: ") {
			continue
		}
		assert.Regexp(t, `^`+regexp.QuoteMeta(privilegedFile)+`:\d+:\d+: (CRITICAL|HIGH|MEDIUM|LOW|INFO) KW-[A-Z]+-\d+ .+ \(Deployment shop/web\)$`, l)
	}
}

func TestTextSummaryLine(t *testing.T) {
	t.Parallel()
	objects, info := fixture("kwtest", "objects.yaml"), fixture("kwtest", "info-only.yaml")
	r := kw(t, append([]string{"lint", objects, info}, kwtest()...)...)
	require.Equal(t, exitFindings, r.code, r.stderr)
	want := []string{
		info + `:7:5: INFO TEST-INFO ConfigMap "chatty" is labelled kwtest/info (ConfigMap team/chatty)`,
		objects + `:15:5: LOW TEST-LOW ConfigMap "flagged" is labelled kwtest/low (ConfigMap team/flagged)`,
		objects + `:16:5: INFO TEST-INFO ConfigMap "flagged" is labelled kwtest/info (ConfigMap team/flagged)`,
		objects + `:23:5: HIGH TEST-HIGH Namespace "team" is labelled kwtest/high (Namespace team)`,
		"4 objects, 4 findings (1 high, 1 low, 2 info), 0 errors.",
	}
	assert.Equal(t, strings.Join(want, "\n")+"\n", r.stdout)
}

func TestTextSummarySingular(t *testing.T) {
	t.Parallel()
	r := kw(t, append([]string{"lint", fixture("kwtest", "info-only.yaml"), fixture("invalid.yaml")}, kwtest()...)...)
	require.Equal(t, exitError, r.code)
	assert.Equal(t, "1 object, 1 finding (1 info), 1 error.", summaryLine(r.stdout))
}

func TestTextTemplate(t *testing.T) {
	t.Parallel()
	stream, err := os.ReadFile(fixture("helm-stream.yaml"))
	require.NoError(t, err)
	r := kwStdin(t, bytes.NewReader(stream), "lint", "-", "--profile", "pss-baseline")
	require.Equal(t, exitFindings, r.code, r.stderr)
	assert.Contains(t, r.stdout, `<stdin>:29:13: CRITICAL KW-PSS-007 container "mychart" sets securityContext.privileged=true; remove it or set it to false. (Deployment apps/release-mychart, template mychart/templates/deployment.yaml)`+"\n")
}

func TestTextColor(t *testing.T) {
	t.Parallel()
	t.Run("never", func(t *testing.T) {
		t.Parallel()
		r := kw(t, "lint", privilegedFile, fixture("invalid.yaml"), "--color", "never")
		require.Equal(t, exitError, r.code)
		assert.NotContains(t, r.stdout, "\x1b")
		assert.Contains(t, r.stdout, privilegedLine)
	})
	t.Run("always", func(t *testing.T) {
		t.Parallel()
		r := kw(t, "lint", privilegedFile, fixture("invalid.yaml"), "--color", "always")
		require.Equal(t, exitError, r.code)
		assert.Contains(t, r.stdout, "\x1b[")
		lines := linesWith(r.stdout, " KW-PSS-007 ")
		require.Len(t, lines, 1)
		// Only the severity is painted; stripping the codes gives the plain line.
		assert.Equal(t, privilegedLine, stripANSI(lines[0]))
		assert.NotEqual(t, privilegedLine, lines[0])
		assert.Contains(t, lines[0], "CRITICAL\x1b[0m")
		errLines := linesWith(r.stdout, "invalid YAML")
		require.Len(t, errLines, 1)
		assert.Contains(t, errLines[0], "\x1b[")
	})
	t.Run("json is never painted", func(t *testing.T) {
		t.Parallel()
		r := kw(t, "lint", privilegedFile, "--color", "always", "--format", "json")
		require.Equal(t, exitFindings, r.code)
		assert.NotContains(t, r.stdout, "\x1b")
	})
}

// stripANSI removes SGR escape sequences.
func stripANSI(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == 0x1b && i+1 < len(s) && s[i+1] == '[' {
			j := i + 2
			for j < len(s) && s[j] != 'm' {
				j++
			}
			i = j
			continue
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

// --- json ---

func TestJSONFixedFields(t *testing.T) {
	t.Parallel()
	r := kw(t, "lint", privilegedFile, fixture("invalid.yaml"), "--format", "json")
	require.Equal(t, exitError, r.code, r.stderr)

	// Every fixed key is there, spelled as DESIGN.md spells it.
	var raw map[string]any
	require.NoError(t, json.Unmarshal([]byte(r.stdout), &raw))
	for _, k := range []string{"version", "summary", "findings", "errors"} {
		assert.Contains(t, raw, k)
	}
	summary := raw["summary"].(map[string]any)
	for _, k := range []string{"objects", "findings", "errors", "suppressed"} {
		assert.Contains(t, summary, k)
	}
	var priv map[string]any
	for _, f := range raw["findings"].([]any) {
		f := f.(map[string]any)
		if f["rule"].(map[string]any)["id"] == "KW-PSS-007" {
			priv = f
		}
	}
	require.NotNil(t, priv, "KW-PSS-007 finding")
	assert.ElementsMatch(t, []string{"id", "title", "severity"}, keys(priv["rule"]))
	assert.Subset(t, keys(priv), []string{"rule", "message", "object", "location"})
	assert.Subset(t, keys(priv["object"]), []string{"apiVersion", "kind", "namespace", "name"})
	assert.Subset(t, keys(priv["location"]), []string{"file", "line", "column", "path"})
	errs := raw["errors"].([]any)
	require.Len(t, errs, 1)
	assert.Subset(t, keys(errs[0]), []string{"file", "line", "message"})

	// And the values.
	rep := decodeReport(t, r.stdout)
	assert.Equal(t, 1, rep.Version)
	assert.Equal(t, 1, rep.Summary.Objects)
	assert.Equal(t, len(rep.Findings), rep.Summary.Findings)
	assert.Equal(t, 1, rep.Summary.Errors)
	assert.Equal(t, 0, rep.Summary.Suppressed)
	fs := findingsOf(rep, "KW-PSS-007")
	require.Len(t, fs, 1)
	f := fs[0]
	assert.Equal(t, "Privileged container", f.Rule.Title)
	assert.Equal(t, "critical", f.Rule.Severity)
	assert.Equal(t, `container "app" sets securityContext.privileged=true; remove it or set it to false.`, f.Message)
	assert.Equal(t, "apps/v1", f.Object.APIVersion)
	assert.Equal(t, "Deployment", f.Object.Kind)
	assert.Equal(t, "shop", f.Object.Namespace)
	assert.Equal(t, "web", f.Object.Name)
	assert.Equal(t, privilegedFile, f.Location.File)
	assert.Equal(t, 20, f.Location.Line)
	assert.Equal(t, 13, f.Location.Column)
	assert.Equal(t, "spec.template.spec.containers[0].securityContext.privileged", f.Location.Path)
	assert.Empty(t, f.Location.Template)
	assert.Equal(t, fixture("invalid.yaml"), rep.Errors[0].File)
	assert.Equal(t, 6, rep.Errors[0].Line)
	assert.NotEmpty(t, rep.Errors[0].Message)
}

func keys(v any) []string {
	m, _ := v.(map[string]any)
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	return out
}

func TestJSONCleanRunHasEmptyLists(t *testing.T) {
	t.Parallel()
	r := kw(t, "lint", fixture("restricted-pod.yaml"), "--profile", "pss-restricted", "--format", "json")
	require.Equal(t, exitClean, r.code, r.stderr)
	// Consumers iterate findings and errors: they are lists, never null.
	assert.Contains(t, r.stdout, `"findings": []`)
	assert.Contains(t, r.stdout, `"errors": []`)
	rep := decodeReport(t, r.stdout)
	assert.Equal(t, 1, rep.Summary.Objects)
	assert.Zero(t, rep.Summary.Findings)
	assert.Zero(t, rep.Summary.Errors)
}

func TestJSONHelmTemplateFromStdin(t *testing.T) {
	t.Parallel()
	stream, err := os.ReadFile(fixture("helm-stream.yaml"))
	require.NoError(t, err)
	r := kwStdin(t, bytes.NewReader(stream), "lint", "-", "--format", "json")
	require.Equal(t, exitFindings, r.code, r.stderr)
	rep := decodeReport(t, r.stdout)
	assert.Equal(t, 3, rep.Summary.Objects)

	priv := findingsOf(rep, "KW-PSS-007")
	require.Len(t, priv, 1)
	assert.Equal(t, "<stdin>", priv[0].Location.File)
	assert.Equal(t, 29, priv[0].Location.Line)
	assert.Equal(t, 13, priv[0].Location.Column)
	assert.Equal(t, "mychart/templates/deployment.yaml", priv[0].Location.Template)
	assert.Equal(t, "release-mychart", priv[0].Object.Name)

	// Each finding names the template of its own document.
	host := findingsOf(rep, "KW-PSS-003")
	require.Len(t, host, 2)
	templates := map[string]int{}
	for _, f := range host {
		templates[f.Object.Kind+" "+f.Location.Template] = f.Location.Line
	}
	assert.Equal(t, map[string]int{
		"Deployment mychart/templates/deployment.yaml": 24, // hostNetwork
		"Pod mychart/templates/debug-pod.yaml":         38, // hostPID
	}, templates)
	for _, f := range rep.Findings {
		assert.NotEmpty(t, f.Location.Template, "every object of the stream has a template: %+v", f)
	}
}

func TestJSONFindingsSorted(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	// Files given in reverse order, and findings of several rules on
	// different lines of each file.
	manifest := func(name string) string {
		return fmt.Sprintf(`apiVersion: v1
kind: Pod
metadata:
  name: %s
  namespace: shop
spec:
  hostPID: true
  containers:
    - name: app
      image: registry.example.com/app:1.0.0
      securityContext:
        privileged: true
`, name)
	}
	var args []string
	for _, n := range []string{"c", "b", "a"} {
		p := filepath.Join(dir, n+".yaml")
		require.NoError(t, os.WriteFile(p, []byte(manifest(n)), 0o644))
		args = append(args, p)
	}
	r := kw(t, append([]string{"lint", "--format", "json"}, args...)...)
	require.Equal(t, exitFindings, r.code, r.stderr)
	rep := decodeReport(t, r.stdout)
	require.NotEmpty(t, rep.Findings)
	assertSorted(t, rep.Findings)
	// The stable rules are where they should be in each file.
	for _, n := range []string{"a", "b", "c"} {
		var lines []string
		for _, f := range rep.Findings {
			if f.Location.File == filepath.Join(dir, n+".yaml") && (f.Rule.ID == "KW-PSS-003" || f.Rule.ID == "KW-PSS-007") {
				lines = append(lines, fmt.Sprintf("%d:%d %s", f.Location.Line, f.Location.Column, f.Rule.ID))
			}
		}
		assert.Equal(t, []string{"7:3 KW-PSS-003", "12:9 KW-PSS-007"}, lines, n)
	}
	assert.Equal(t, filepath.Join(dir, "a.yaml"), rep.Findings[0].Location.File)
}

// assertSorted checks the order DESIGN.md fixes: file, line, rule id.
func assertSorted(t *testing.T, fs []jsonFinding) {
	t.Helper()
	ok := sort.SliceIsSorted(fs, func(i, j int) bool {
		a, b := fs[i].Location, fs[j].Location
		if a.File != b.File {
			return a.File < b.File
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		return fs[i].Rule.ID < fs[j].Rule.ID
	})
	if !ok {
		var b strings.Builder
		for _, f := range fs {
			fmt.Fprintf(&b, "%s:%d:%d %s\n", f.Location.File, f.Location.Line, f.Location.Column, f.Rule.ID)
		}
		t.Errorf("findings are not sorted by file, line, rule id:\n%s", b.String())
	}
}

func TestDeterministicOutput(t *testing.T) {
	t.Parallel()
	// Many files, several objects each, with findings: every run, and every
	// number of workers, gives the same bytes in every format.
	dir := t.TempDir()
	priv, err := os.ReadFile(privilegedFile)
	require.NoError(t, err)
	pod, err := os.ReadFile(fixture("restricted-pod.yaml"))
	require.NoError(t, err)
	helm, err := os.ReadFile(fixture("helm-stream.yaml"))
	require.NoError(t, err)
	const files = 15
	for i := 0; i < files; i++ {
		var doc []byte
		switch i % 3 {
		case 0:
			doc = bytes.ReplaceAll(priv, []byte("name: web"), []byte(fmt.Sprintf("name: web-%02d", i)))
		case 1:
			doc = append(append(bytes.ReplaceAll(pod, []byte("name: tidy"), []byte(fmt.Sprintf("name: tidy-%02d", i))), "---\n"...), priv...)
		default:
			doc = helm
		}
		sub := filepath.Join(dir, fmt.Sprintf("team-%d", i%4))
		require.NoError(t, os.MkdirAll(sub, 0o755))
		require.NoError(t, os.WriteFile(filepath.Join(sub, fmt.Sprintf("m%02d.yaml", i)), doc, 0o644))
	}

	// Through the CLI: the JSON report, with all cores and with --workers 1.
	lint := func(workers string) string {
		args := []string{"lint", dir, "--format", "json"}
		if workers != "" {
			args = append(args, "--workers", workers)
		}
		r := kw(t, args...)
		require.Equal(t, exitFindings, r.code, r.stderr)
		require.NotEmpty(t, r.stdout)
		return r.stdout
	}
	first := lint("")
	require.Equal(t, first, lint("1"), "--workers 1 differs")
	rep := decodeReport(t, first)
	assert.Equal(t, files/3*(1+2+3), rep.Summary.Objects)
	assert.Len(t, findingsOf(rep, "KW-PSS-007"), files)
	assertSorted(t, rep.Findings)

	// Every format, 5 times, then serially, through the engine (the policies
	// compiled once per number of workers, to keep the test fast).
	ctx := context.Background()
	parallel, err := engine.New(engine.Options{Workers: 4})
	require.NoError(t, err)
	serial, err := engine.New(engine.Options{Workers: 1})
	require.NoError(t, err)
	want := map[string]string{}
	for i, l := range []*engine.Linter{parallel, parallel, parallel, parallel, parallel, serial} {
		res := l.Lint(ctx, []string{dir})
		for _, format := range report.Formats {
			var b bytes.Buffer
			require.NoError(t, report.Write(&b, format, res, report.Options{Version: versionString()}))
			if i == 0 {
				want[format] = b.String()
				continue
			}
			require.Equal(t, want[format], b.String(), "%s differs on lint %d", format, i+1)
		}
	}
	assert.Equal(t, first, want["json"], "the CLI and the engine agree")
}

// --- sarif ---

// sarifOf parses and validates a SARIF report against the SARIF 2.1.0 schema.
func sarifOf(t *testing.T, out string) *sarif.Report {
	t.Helper()
	rep, err := sarif.FromBytes([]byte(out))
	require.NoError(t, err)
	require.NoError(t, rep.Validate())
	// Validate checks what the library parsed; make sure that is all there was.
	var raw, again any
	require.NoError(t, json.Unmarshal([]byte(out), &raw))
	b, err := json.Marshal(rep)
	require.NoError(t, err)
	require.NoError(t, json.Unmarshal(b, &again))
	require.Equal(t, raw, again, "the report holds fields the SARIF model does not know")
	assert.Equal(t, "2.1.0", rep.Version)
	require.Len(t, rep.Runs, 1)
	require.NotNil(t, rep.Runs[0].Tool.Driver.Name)
	assert.Equal(t, "kubeward", *rep.Runs[0].Tool.Driver.Name)
	return rep
}

func TestSARIF(t *testing.T) {
	t.Parallel()
	r := kw(t, "lint", fixture("kwtest"), privilegedFile, "--policy", fixture("policies"), "--format", "sarif")
	require.Equal(t, exitFindings, r.code, r.stderr)
	rep := sarifOf(t, r.stdout)
	run := rep.Runs[0]

	// Rules: id, name, help and a default level from the severity.
	rules := map[string]int{}
	for i, rule := range run.Tool.Driver.Rules {
		require.NotNil(t, rule.ID)
		rules[*rule.ID] = i
		require.NotNil(t, rule.Name, *rule.ID)
		assert.NotEmpty(t, *rule.Name, *rule.ID)
		require.NotNil(t, rule.Help, *rule.ID)
		require.NotNil(t, rule.Help.Text, *rule.ID)
		require.NotNil(t, rule.DefaultConfiguration, *rule.ID)
		require.NotNil(t, rule.ShortDescription, *rule.ID)
	}
	wantLevel := map[string]string{
		"TEST-ESCAPE": "error",   // critical
		"TEST-HIGH":   "error",   // high
		"TEST-MEDIUM": "warning", // medium
		"TEST-LOW":    "warning", // low
		"TEST-INFO":   "note",    // info
		"KW-PSS-007":  "error",   // critical
		"KW-PSS-003":  "error",   // high
	}
	for id, level := range wantLevel {
		i, ok := rules[id]
		require.True(t, ok, "rule %s is described", id)
		assert.Equal(t, level, run.Tool.Driver.Rules[i].DefaultConfiguration.Level, id)
	}
	priv := run.Tool.Driver.Rules[rules["KW-PSS-007"]]
	assert.Equal(t, "PrivilegedContainer", *priv.Name)
	assert.Contains(t, *priv.Help.Text, "Remove securityContext.privileged")
	assert.Equal(t, "Privileged container", *priv.ShortDescription.Text)
	assert.Contains(t, *rule(t, run, "TEST-HIGH").Help.Text, "Remove the kwtest/high label.")

	// Results: rule, level, message and a physical location at the field.
	type loc struct {
		uri        string
		line, col  int
		level, msg string
		ruleIndex  int
	}
	var got []loc
	for _, res := range run.Results {
		require.NotNil(t, res.RuleID)
		if !strings.HasPrefix(*res.RuleID, "TEST-") && *res.RuleID != "KW-PSS-007" {
			continue
		}
		require.Len(t, res.Locations, 1)
		pl := res.Locations[0].PhysicalLocation
		require.NotNil(t, pl)
		require.NotNil(t, pl.ArtifactLocation.URI)
		require.NotNil(t, pl.Region.StartLine)
		require.NotNil(t, pl.Region.StartColumn)
		require.GreaterOrEqual(t, res.RuleIndex, 0)
		require.Less(t, res.RuleIndex, len(run.Tool.Driver.Rules))
		assert.Equal(t, *res.RuleID, *run.Tool.Driver.Rules[res.RuleIndex].ID, "ruleIndex points at the rule")
		got = append(got, loc{*pl.ArtifactLocation.URI, *pl.Region.StartLine, *pl.Region.StartColumn, res.Level, *res.Message.Text, res.RuleIndex})
	}
	uri := func(p string) string { return filepath.ToSlash(strings.TrimPrefix(p, "./")) }
	want := []loc{
		{uri(fixture("kwtest", "escape.yaml")), 7, 5, "error", "a,b: 50%\nsecond line", rules["TEST-ESCAPE"]},
		{uri(fixture("kwtest", "info-only.yaml")), 7, 5, "note", `ConfigMap "chatty" is labelled kwtest/info`, rules["TEST-INFO"]},
		{uri(fixture("kwtest", "objects.yaml")), 15, 5, "warning", `ConfigMap "flagged" is labelled kwtest/low`, rules["TEST-LOW"]},
		{uri(fixture("kwtest", "objects.yaml")), 16, 5, "note", `ConfigMap "flagged" is labelled kwtest/info`, rules["TEST-INFO"]},
		{uri(fixture("kwtest", "objects.yaml")), 23, 5, "error", `Namespace "team" is labelled kwtest/high`, rules["TEST-HIGH"]},
		{uri(privilegedFile), 20, 13, "error", `container "app" sets securityContext.privileged=true; remove it or set it to false.`, rules["KW-PSS-007"]},
	}
	assert.Equal(t, want, got)
}

func rule(t *testing.T, run *sarif.Run, id string) *sarif.ReportingDescriptor {
	t.Helper()
	for _, r := range run.Tool.Driver.Rules {
		if r.ID != nil && *r.ID == id {
			return r
		}
	}
	t.Fatalf("no rule %s", id)
	return nil
}

func TestSARIFWithErrors(t *testing.T) {
	t.Parallel()
	r := kw(t, "lint", privilegedFile, fixture("invalid.yaml"), "--format", "sarif")
	require.Equal(t, exitError, r.code, r.stderr)
	rep := sarifOf(t, r.stdout)
	run := rep.Runs[0]
	require.NotEmpty(t, run.Invocations)
	notes := run.Invocations[0].ToolExecutionNotifications
	require.Len(t, notes, 1)
	assert.Equal(t, "error", notes[0].Level)
	assert.Contains(t, *notes[0].Message.Text, "invalid YAML")
	require.Len(t, notes[0].Locations, 1)
	pl := notes[0].Locations[0].PhysicalLocation
	assert.Equal(t, filepath.ToSlash(fixture("invalid.yaml")), *pl.ArtifactLocation.URI)
	assert.Equal(t, 6, *pl.Region.StartLine)
	// The good file's findings are still there.
	var ids []string
	for _, res := range run.Results {
		ids = append(ids, *res.RuleID)
	}
	assert.Contains(t, ids, "KW-PSS-007")
}

func TestSARIFCleanRun(t *testing.T) {
	t.Parallel()
	r := kw(t, "lint", fixture("restricted-pod.yaml"), "--profile", "pss-restricted", "--format", "sarif")
	require.Equal(t, exitClean, r.code, r.stderr)
	rep := sarifOf(t, r.stdout)
	run := rep.Runs[0]
	assert.Empty(t, run.Results)
	// A clean run still says what was checked: the profile's rules.
	var ids []string
	for _, rule := range run.Tool.Driver.Rules {
		ids = append(ids, *rule.ID)
	}
	assert.Contains(t, ids, "KW-PSS-007")
	assert.Contains(t, ids, "KW-PSS-003")
	assert.NotContains(t, ids, "KW-PSS-008", "pss-baseline only")
}

// --- junit ---

type junitSuites struct {
	XMLName  xml.Name     `xml:"testsuites"`
	Tests    int          `xml:"tests,attr"`
	Failures int          `xml:"failures,attr"`
	Errors   int          `xml:"errors,attr"`
	Suites   []junitSuite `xml:"testsuite"`
}

type junitSuite struct {
	Name     string      `xml:"name,attr"`
	Tests    int         `xml:"tests,attr"`
	Failures int         `xml:"failures,attr"`
	Errors   int         `xml:"errors,attr"`
	Cases    []junitCase `xml:"testcase"`
}

type junitCase struct {
	Name      string         `xml:"name,attr"`
	Classname string         `xml:"classname,attr"`
	Failures  []junitProblem `xml:"failure"`
	Errors    []junitProblem `xml:"error"`
}

type junitProblem struct {
	Message string `xml:"message,attr"`
	Type    string `xml:"type,attr"`
	Text    string `xml:",chardata"`
}

// parseJUnit decodes a JUnit report and checks that its counts agree with
// its test cases.
func parseJUnit(t *testing.T, out string) junitSuites {
	t.Helper()
	var js junitSuites
	require.NoError(t, xml.Unmarshal([]byte(out), &js), out)
	var tests, failures, errors int
	for _, s := range js.Suites {
		var sf, se int
		for _, c := range s.Cases {
			assert.Equal(t, s.Name, c.Classname)
			if len(c.Failures) > 0 {
				sf++
			}
			if len(c.Errors) > 0 {
				se++
			}
		}
		assert.Equal(t, len(s.Cases), s.Tests, "suite %s tests", s.Name)
		assert.Equal(t, sf, s.Failures, "suite %s failures", s.Name)
		assert.Equal(t, se, s.Errors, "suite %s errors", s.Name)
		tests += s.Tests
		failures += s.Failures
		errors += s.Errors
	}
	assert.Equal(t, tests, js.Tests)
	assert.Equal(t, failures, js.Failures)
	assert.Equal(t, errors, js.Errors)
	return js
}

func TestJUnit(t *testing.T) {
	t.Parallel()
	r := kw(t, append([]string{"lint", fixture("kwtest", "objects.yaml"), "--format", "junit"}, kwtest()...)...)
	require.Equal(t, exitFindings, r.code, r.stderr)
	assert.True(t, strings.HasPrefix(r.stdout, "<?xml"), "XML declaration first")
	js := parseJUnit(t, r.stdout)
	require.Len(t, js.Suites, 1)
	s := js.Suites[0]
	assert.Equal(t, fixture("kwtest", "objects.yaml"), s.Name)
	// One test case per object, the clean one included; one failure per finding.
	got := map[string][]string{}
	for _, c := range s.Cases {
		got[c.Name] = []string{}
		for _, f := range c.Failures {
			got[c.Name] = append(got[c.Name], f.Type+" "+f.Message)
			assert.Contains(t, f.Text, fixture("kwtest", "objects.yaml")+":")
		}
	}
	assert.Equal(t, map[string][]string{
		"ConfigMap team/clean": {},
		"ConfigMap team/flagged": {
			`low TEST-LOW: ConfigMap "flagged" is labelled kwtest/low`,
			`info TEST-INFO: ConfigMap "flagged" is labelled kwtest/info`,
		},
		"Namespace team": {`high TEST-HIGH: Namespace "team" is labelled kwtest/high`},
	}, got)
	assert.Equal(t, 3, js.Tests)
	assert.Equal(t, 2, js.Failures)
	assert.Equal(t, 0, js.Errors)
}

func TestJUnitAgreesWithJSON(t *testing.T) {
	t.Parallel()
	args := []string{"lint", privilegedFile, fixture("restricted-pod.yaml"), fixture("configmap.yaml"), fixture("invalid.yaml")}
	jr := kw(t, append(args, "--format", "json")...)
	require.Equal(t, exitError, jr.code, jr.stderr)
	rep := decodeReport(t, jr.stdout)
	xr := kw(t, append(args, "--format", "junit")...)
	require.Equal(t, exitError, xr.code, xr.stderr)
	js := parseJUnit(t, xr.stdout)

	cases, failures, errs := 0, 0, 0
	names := map[string]bool{}
	for _, s := range js.Suites {
		for _, c := range s.Cases {
			if len(c.Errors) > 0 {
				errs += len(c.Errors)
				assert.Equal(t, "input", c.Name)
				continue
			}
			cases++
			failures += len(c.Failures)
			names[s.Name+" "+c.Name] = true
		}
	}
	assert.Equal(t, rep.Summary.Objects, cases, "one test case per evaluated object")
	assert.Equal(t, rep.Summary.Findings, failures, "one failure per finding")
	assert.Equal(t, rep.Summary.Errors, errs, "one error per input error")
	assert.True(t, names[fixture("configmap.yaml")+" ConfigMap shop/settings"], "clean objects have a test case: %v", names)
	assert.True(t, names[fixture("restricted-pod.yaml")+" Pod shop/tidy"], "%v", names)
	assert.True(t, names[privilegedFile+" Deployment shop/web"], "%v", names)
}

// --- github ---

func TestGitHub(t *testing.T) {
	t.Parallel()
	r := kw(t, "lint", privilegedFile, fixture("invalid.yaml"), "--format", "github")
	require.Equal(t, exitError, r.code, r.stderr)
	assert.Equal(t, []string{
		"::error file=" + privilegedFile + ",line=20,col=13,title=KW-PSS-007 Privileged container::" +
			`container "app" sets securityContext.privileged=true; remove it or set it to false. (Deployment shop/web)`,
	}, linesWith(r.stdout, "KW-PSS-007"))
	assert.Equal(t, []string{
		"::error file=" + fixture("invalid.yaml") + ",line=6::invalid YAML: mapping values are not allowed in this context",
	}, linesWith(r.stdout, "invalid YAML"))
	for _, l := range strings.Split(strings.TrimRight(r.stdout, "\n"), "\n") {
		if summaryRE.MatchString(l) {
			continue
		}
		assert.Regexp(t, `^::(error|warning|notice) file=[^,]+,line=\d+(,col=\d+,title=[^:]+)?::.+$`, l)
	}
}

func TestGitHubLevelsAndEscaping(t *testing.T) {
	t.Parallel()
	r := kw(t, append([]string{"lint", fixture("kwtest"), "--format", "github"}, kwtest()...)...)
	require.Equal(t, exitFindings, r.code, r.stderr)
	want := []string{
		// Title: ',' ':' '%' escaped as properties; message: '%' and newline escaped as data.
		"::error file=" + fixture("kwtest", "escape.yaml") + ",line=7,col=5,title=TEST-ESCAPE Escape%2C test%3A 100%25::a,b: 50%25%0Asecond line (ConfigMap team/odd)",
		"::notice file=" + fixture("kwtest", "info-only.yaml") + `,line=7,col=5,title=TEST-INFO Test info::ConfigMap "chatty" is labelled kwtest/info (ConfigMap team/chatty)`,
		"::warning file=" + fixture("kwtest", "objects.yaml") + `,line=15,col=5,title=TEST-LOW Test low::ConfigMap "flagged" is labelled kwtest/low (ConfigMap team/flagged)`,
		"::notice file=" + fixture("kwtest", "objects.yaml") + `,line=16,col=5,title=TEST-INFO Test info::ConfigMap "flagged" is labelled kwtest/info (ConfigMap team/flagged)`,
		"::error file=" + fixture("kwtest", "objects.yaml") + `,line=23,col=5,title=TEST-HIGH Test high::Namespace "team" is labelled kwtest/high (Namespace team)`,
		"5 objects, 5 findings (1 critical, 1 high, 1 low, 2 info), 0 errors.",
	}
	assert.Equal(t, strings.Join(want, "\n")+"\n", r.stdout)
}
