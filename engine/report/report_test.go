package report_test

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"strings"
	"testing"

	"github.com/owenrumney/go-sarif/v3/pkg/report/v210/sarif"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kubeward/kubeward/engine"
	"github.com/kubeward/kubeward/engine/load"
	"github.com/kubeward/kubeward/engine/policy"
	"github.com/kubeward/kubeward/engine/report"
)

// The writers are tested on hand-built results, so that every field and
// corner (unknown positions, templates, odd characters, severities changed by
// configuration, errors) is known exactly, independently of the rule library.

var (
	rulePriv = &policy.Rule{
		ID: "KW-T-001", Title: "Privileged container", Severity: "critical",
		Description: "A privileged container can do almost anything the node can.",
		Remediation: "Set securityContext.privileged to false.",
		Profiles:    []string{"pss-baseline", "pss-restricted"},
		References:  []string{"https://example.com/privileged"},
		Package:     "kubeward.rules.pss.privileged", File: "policies/pss/privileged.rego", Line: 1, Bundled: true,
	}
	ruleInfo = &policy.Rule{
		ID: "KW-T-002", Title: "No description", Severity: "info",
		Package: "kubeward.rules.misc.bare", File: "policies/misc/bare.rego", Line: 1,
	}
	// A group that is also a profile, and a profile listed twice: tags must
	// still be unique in SARIF.
	ruleOdd = &policy.Rule{
		ID: "KW-T-003", Title: "Commas, colons: and 100% <odd> & \"quoted\"", Severity: "medium",
		Description: "Odd characters everywhere.",
		Profiles:    []string{"odd", "odd", "security"},
		Package:     "kubeward.rules.odd.chars", File: "rules/odd.rego", Line: 1,
	}
	ruleLow = &policy.Rule{
		ID: "KW-T-004", Title: "Low rule", Severity: "low",
		Package: "kubeward.rules.misc.low", File: "rules/low.rego", Line: 1,
	}
)

var (
	deployment = load.Ref{APIVersion: "apps/v1", Kind: "Deployment", Namespace: "shop", Name: "web"}
	namespace  = load.Ref{APIVersion: "v1", Kind: "Namespace", Name: "team"}
	configmap  = load.Ref{APIVersion: "v1", Kind: "ConfigMap", Namespace: "shop", Name: "clean"}
	oddObject  = load.Ref{APIVersion: "v1", Kind: "ConfigMap", Namespace: "shop", Name: "odd"}
)

const oddFile = "dir,with:odd%chars/x.yaml"

// sample is a result with findings of every severity, an unknown position, a
// template, odd characters, a clean object and two errors.
func sample() *engine.Result {
	return &engine.Result{
		Rules:   []*policy.Rule{rulePriv, ruleInfo, ruleOdd},
		Objects: 4,
		Files:   2,
		Checked: []engine.Checked{
			{Object: deployment, File: "deploy.yaml"},
			{Object: namespace, File: "deploy.yaml"},
			{Object: configmap, File: "deploy.yaml"},
			{Object: oddObject, File: oddFile},
		},
		Findings: []engine.Finding{
			{
				Rule: rulePriv, Severity: "critical", Object: deployment,
				Message:  `container "app" sets securityContext.privileged=true`,
				Location: engine.Location{File: "deploy.yaml", Line: 20, Column: 13, Path: "spec.template.spec.containers[0].securityContext.privileged"},
			},
			{
				Rule: ruleInfo, Severity: "info", Object: namespace,
				Message:  "the namespace has no owner label",
				Location: engine.Location{File: "deploy.yaml", Line: 30, Column: 3, Path: "metadata.labels"},
			},
			{
				// Configuration raised this low rule's finding to high.
				Rule: ruleLow, Severity: "high", Object: deployment,
				Message:  "raised by configuration",
				Location: engine.Location{File: "deploy.yaml", Line: 31, Column: 1, Path: "metadata"},
			},
			{
				Rule: ruleOdd, Severity: "medium", Object: oddObject,
				Message:  "50% done, next: <b>bold</b> & more\nsecond line\r\nthird",
				Location: engine.Location{File: oddFile, Template: "chart/templates/x.yaml"},
			},
		},
		Errors: []engine.Error{
			{File: "bad.yaml", Line: 3, Column: 5, Message: "invalid YAML: mapping values are not allowed in this context"},
			{File: "gone.yaml", Message: "no such file or directory"},
		},
	}
}

func clean() *engine.Result {
	return &engine.Result{
		Rules:   []*policy.Rule{rulePriv, ruleInfo},
		Objects: 1,
		Files:   1,
		Checked: []engine.Checked{{Object: configmap, File: "deploy.yaml"}},
	}
}

func write(t *testing.T, format string, res *engine.Result, opts report.Options) string {
	t.Helper()
	var b bytes.Buffer
	require.NoError(t, report.Write(&b, format, res, opts))
	return b.String()
}

func TestFormats(t *testing.T) {
	assert.Equal(t, []string{"text", "json", "sarif", "junit", "github", "html"}, report.Formats)
	var b bytes.Buffer
	err := report.Write(&b, "yaml", sample(), report.Options{})
	require.Error(t, err)
	assert.Contains(t, err.Error(), `unknown format "yaml"`)
	assert.Empty(t, b.String())
	// "" is text.
	assert.Equal(t, write(t, "text", sample(), report.Options{}), write(t, "", sample(), report.Options{}))
}

func TestDeterministic(t *testing.T) {
	for _, format := range report.Formats {
		first := write(t, format, sample(), report.Options{Version: "1.2.3"})
		for i := 0; i < 4; i++ {
			require.Equal(t, first, write(t, format, sample(), report.Options{Version: "1.2.3"}), format)
		}
	}
}

// --- text ---

func TestText(t *testing.T) {
	res := sample()
	// (A message with line breaks is left out here: see TestRegressions.)
	res.Findings[3].Message = "50% done, next: <b>bold</b> & more"
	got := write(t, "text", res, report.Options{})
	want := strings.Join([]string{
		`deploy.yaml:20:13: CRITICAL KW-T-001 container "app" sets securityContext.privileged=true (Deployment shop/web)`,
		`deploy.yaml:30:3: INFO KW-T-002 the namespace has no owner label (Namespace team)`,
		`deploy.yaml:31:1: HIGH KW-T-004 raised by configuration (Deployment shop/web)`,
		oddFile + ": MEDIUM KW-T-003 50% done, next: <b>bold</b> & more (ConfigMap shop/odd, template chart/templates/x.yaml)",
		`bad.yaml:3:5: error: invalid YAML: mapping values are not allowed in this context`,
		`gone.yaml: error: no such file or directory`,
		`4 objects, 4 findings (1 critical, 1 high, 1 medium, 1 info), 2 errors.`,
	}, "\n") + "\n"
	assert.Equal(t, want, got)
	assert.NotContains(t, got, "\x1b")
}

func TestTextPositionWithoutColumn(t *testing.T) {
	res := clean()
	res.Findings = []engine.Finding{{Rule: rulePriv, Severity: "critical", Object: configmap, Message: "m",
		Location: engine.Location{File: "a.yaml", Line: 7}}}
	assert.Equal(t, "a.yaml:7: CRITICAL KW-T-001 m (ConfigMap shop/clean)\n1 object, 1 finding (1 critical), 0 errors.\n",
		write(t, "text", res, report.Options{}))
}

func TestTextColor(t *testing.T) {
	got := write(t, "text", sample(), report.Options{Color: true})
	lines := strings.Split(got, "\n")
	assert.Equal(t, "deploy.yaml:20:13: \x1b[1;35mCRITICAL\x1b[0m KW-T-001 container \"app\" sets securityContext.privileged=true (Deployment shop/web)", lines[0])
	assert.Equal(t, "deploy.yaml:30:3: \x1b[2mINFO\x1b[0m KW-T-002 the namespace has no owner label (Namespace team)", lines[1])
	assert.Equal(t, "deploy.yaml:31:1: \x1b[1;31mHIGH\x1b[0m KW-T-004 raised by configuration (Deployment shop/web)", lines[2])
	assert.Contains(t, got, "\x1b[33mMEDIUM\x1b[0m")
	assert.Contains(t, got, "bad.yaml:3:5: \x1b[1;31merror:\x1b[0m invalid YAML")
	// Colour changes nothing but the escape codes.
	plain := write(t, "text", sample(), report.Options{})
	stripped := strings.NewReplacer("\x1b[1;35m", "", "\x1b[1;31m", "", "\x1b[33m", "", "\x1b[36m", "", "\x1b[2m", "", "\x1b[0m", "").Replace(got)
	assert.Equal(t, plain, stripped)
	// Colour is a text-only option.
	for _, format := range []string{"json", "sarif", "junit", "github"} {
		assert.NotContains(t, write(t, format, sample(), report.Options{Color: true}), "\x1b", format)
	}
}

func TestTextSummary(t *testing.T) {
	assert.Equal(t, "1 object, 0 findings, 0 errors.\n", write(t, "text", clean(), report.Options{}))
	assert.Equal(t, "0 objects, 0 findings, 0 errors.\n", write(t, "text", &engine.Result{}, report.Options{}))
	res := clean()
	res.Owned, res.Suppressed = 3, 2
	res.SkippedIncomplete = []*policy.Rule{ruleInfo}
	// The rules that need --complete are no part of the report: the CLI
	// says so on a terminal, in one line (SkippedIncompleteNote).
	assert.Equal(t, "1 object, 0 findings, 0 errors; 3 owned objects reported through their controller; 2 suppressed.\n",
		write(t, "text", res, report.Options{}))
	assert.Equal(t, "kubeward: note: 1 rule skipped: they need --complete (the input is the whole cluster or namespace)", report.SkippedIncompleteNote(res))
	res.Skipped = []string{"compose.yml", "package.json"}
	res.Hidden, res.MinSeverity = 4, "medium"
	assert.Equal(t, "1 object, 0 findings (4 below medium hidden), 0 errors; 3 owned objects reported through their controller; 2 suppressed.\n"+
		"2 files skipped: not Kubernetes manifests: compose.yml, package.json\n",
		write(t, "text", res, report.Options{}))
}

// --- json ---

func TestJSON(t *testing.T) {
	res := sample()
	res.Suppressed = 2
	got := write(t, "json", res, report.Options{})
	var rep struct {
		Version int `json:"version"`
		Summary struct {
			Objects    *int `json:"objects"`
			Findings   *int `json:"findings"`
			Errors     *int `json:"errors"`
			Suppressed *int `json:"suppressed"`
		} `json:"summary"`
		Findings []map[string]json.RawMessage `json:"findings"`
		Errors   []map[string]any             `json:"errors"`
	}
	require.NoError(t, json.Unmarshal([]byte(got), &rep))
	assert.Equal(t, 1, rep.Version)
	require.NotNil(t, rep.Summary.Objects)
	require.NotNil(t, rep.Summary.Findings)
	require.NotNil(t, rep.Summary.Errors)
	require.NotNil(t, rep.Summary.Suppressed)
	assert.Equal(t, 4, *rep.Summary.Objects)
	assert.Equal(t, 4, *rep.Summary.Findings)
	assert.Equal(t, 2, *rep.Summary.Errors)
	assert.Equal(t, 2, *rep.Summary.Suppressed)

	require.Len(t, rep.Findings, 4)
	// The whole of the first finding, exactly as DESIGN.md spells it.
	assert.JSONEq(t, `{
		"rule": {"id": "KW-T-001", "title": "Privileged container", "severity": "critical"},
		"message": "container \"app\" sets securityContext.privileged=true",
		"object": {"apiVersion": "apps/v1", "kind": "Deployment", "namespace": "shop", "name": "web"},
		"location": {"file": "deploy.yaml", "line": 20, "column": 13,
			"path": "spec.template.spec.containers[0].securityContext.privileged"}
	}`, marshal(t, rep.Findings[0]))
	// The finding's severity (which configuration may change), not the rule's default.
	assert.JSONEq(t, `{"id": "KW-T-004", "title": "Low rule", "severity": "high"}`, string(rep.Findings[2]["rule"]))
	// Template; odd characters kept as they are (no HTML escaping).
	assert.JSONEq(t, `{"file": "dir,with:odd%chars/x.yaml", "template": "chart/templates/x.yaml"}`, string(rep.Findings[3]["location"]))
	assert.JSONEq(t, `"50% done, next: <b>bold</b> & more\nsecond line\r\nthird"`, string(rep.Findings[3]["message"]))
	assert.Contains(t, got, `<b>bold</b> & more`)

	assert.Equal(t, []map[string]any{
		{"file": "bad.yaml", "line": float64(3), "column": float64(5), "message": "invalid YAML: mapping values are not allowed in this context"},
		{"file": "gone.yaml", "message": "no such file or directory"},
	}, rep.Errors)
}

func marshal(t *testing.T, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	require.NoError(t, err)
	return string(b)
}

func TestJSONClean(t *testing.T) {
	got := write(t, "json", clean(), report.Options{})
	assert.Contains(t, got, `"findings": []`)
	assert.Contains(t, got, `"errors": []`)
	var rep map[string]any
	require.NoError(t, json.Unmarshal([]byte(got), &rep))
	assert.Equal(t, float64(1), rep["version"])
	s := rep["summary"].(map[string]any)
	assert.Equal(t, float64(1), s["objects"])
	assert.Equal(t, float64(0), s["findings"])
	assert.Equal(t, float64(0), s["errors"])
	assert.Equal(t, float64(0), s["suppressed"])
	assert.True(t, strings.HasSuffix(got, "}\n"))
}

// --- sarif ---

func parseSARIF(t *testing.T, out string) *sarif.Run {
	t.Helper()
	rep, err := sarif.FromBytes([]byte(out))
	require.NoError(t, err)
	require.NoError(t, rep.Validate(), "SARIF 2.1.0 schema")
	// Validate checks what the library parsed; make sure that was everything.
	var raw, again any
	require.NoError(t, json.Unmarshal([]byte(out), &raw))
	b, err := json.Marshal(rep)
	require.NoError(t, err)
	require.NoError(t, json.Unmarshal(b, &again))
	require.Equal(t, raw, again, "fields outside the SARIF model")
	assert.Equal(t, "2.1.0", rep.Version)
	require.Len(t, rep.Runs, 1)
	return rep.Runs[0]
}

func TestSARIF(t *testing.T) {
	run := parseSARIF(t, write(t, "sarif", sample(), report.Options{Version: "1.2.3"}))
	require.NotNil(t, run.Tool.Driver.Name)
	assert.Equal(t, "kubeward", *run.Tool.Driver.Name)
	require.NotNil(t, run.Tool.Driver.Version)
	assert.Equal(t, "1.2.3", *run.Tool.Driver.Version)

	// Every active rule, and the rules of findings even if not active, sorted by id.
	var ids []string
	for _, r := range run.Tool.Driver.Rules {
		ids = append(ids, *r.ID)
	}
	assert.Equal(t, []string{"KW-T-001", "KW-T-002", "KW-T-003", "KW-T-004"}, ids)

	priv := run.Tool.Driver.Rules[0]
	assert.Equal(t, "PrivilegedContainer", *priv.Name)
	assert.Equal(t, "Privileged container", *priv.ShortDescription.Text)
	assert.Equal(t, rulePriv.Description, *priv.FullDescription.Text)
	assert.Equal(t, rulePriv.Description+"\n\nRemediation: "+rulePriv.Remediation, *priv.Help.Text)
	assert.Equal(t, report.DefaultDocsURL+"KW-T-001.md", *priv.HelpURI)
	assert.Equal(t, "error", priv.DefaultConfiguration.Level)
	assert.Equal(t, "critical", priv.Properties.Properties["severity"])

	levels := map[string]string{}
	for _, r := range run.Tool.Driver.Rules {
		require.NotNil(t, r.Name, *r.ID)
		require.NotNil(t, r.Help, *r.ID)
		require.NotNil(t, r.DefaultConfiguration, *r.ID)
		levels[*r.ID] = r.DefaultConfiguration.Level
	}
	// Default levels come from the rules' severities.
	assert.Equal(t, map[string]string{"KW-T-001": "error", "KW-T-002": "note", "KW-T-003": "warning", "KW-T-004": "warning"}, levels)
	assert.Equal(t, "CommasColonsAnd100OddQuoted", *run.Tool.Driver.Rules[2].Name)

	require.Len(t, run.Results, 4)
	type result struct {
		rule, level, uri string
		line             int
		col              *int
	}
	var got []result
	for _, r := range run.Results {
		pl := r.Locations[0].PhysicalLocation
		got = append(got, result{*r.RuleID, r.Level, *pl.ArtifactLocation.URI, *pl.Region.StartLine, pl.Region.StartColumn})
		assert.Equal(t, *r.RuleID, *run.Tool.Driver.Rules[r.RuleIndex].ID)
	}
	col := func(c int) *int { return &c }
	assert.Equal(t, []result{
		{"KW-T-001", "error", "deploy.yaml", 20, col(13)},
		{"KW-T-002", "note", "deploy.yaml", 30, col(3)},
		{"KW-T-004", "error", "deploy.yaml", 31, col(1)}, // the finding's severity: high
		// A relative reference whose first segment holds ':' starts with "./"
		// so that it is not read as a scheme.
		{"KW-T-003", "warning", "./dir,with:odd%25chars/x.yaml", 1, nil},
	}, got)
	assert.Equal(t, "50% done, next: <b>bold</b> & more\nsecond line\r\nthird", *run.Results[3].Message.Text)
	assert.Equal(t, "chart/templates/x.yaml", run.Results[3].Properties.Properties["template"])
	ll := run.Results[0].Locations[0].LogicalLocations
	require.Len(t, ll, 1)
	assert.Equal(t, "Deployment shop/web.spec.template.spec.containers[0].securityContext.privileged", *ll[0].FullyQualifiedName)

	// Errors are tool execution notifications at their file and line.
	require.Len(t, run.Invocations, 1)
	notes := run.Invocations[0].ToolExecutionNotifications
	require.Len(t, notes, 2)
	assert.Equal(t, "error", notes[0].Level)
	assert.Equal(t, "invalid YAML: mapping values are not allowed in this context", *notes[0].Message.Text)
	assert.Equal(t, "bad.yaml", *notes[0].Locations[0].PhysicalLocation.ArtifactLocation.URI)
	assert.Equal(t, 3, *notes[0].Locations[0].PhysicalLocation.Region.StartLine)
	assert.Equal(t, "gone.yaml", *notes[1].Locations[0].PhysicalLocation.ArtifactLocation.URI)
}

func TestSARIFTagsUnique(t *testing.T) {
	run := parseSARIF(t, write(t, "sarif", sample(), report.Options{}))
	for _, r := range run.Tool.Driver.Rules {
		tags := r.Properties.Tags
		seen := map[string]bool{}
		for _, tag := range tags {
			assert.False(t, seen[tag], "rule %s: tag %v twice", *r.ID, tag)
			seen[tag] = true
		}
		assert.True(t, seen["security"], *r.ID)
		assert.True(t, seen["kubernetes"], *r.ID)
	}
	assert.ElementsMatch(t, []string{"security", "kubernetes", "odd"}, run.Tool.Driver.Rules[2].Properties.Tags)
	assert.Subset(t, run.Tool.Driver.Rules[0].Properties.Tags, []string{"pss", "pss-baseline", "pss-restricted"})
}

func TestSARIFClean(t *testing.T) {
	run := parseSARIF(t, write(t, "sarif", clean(), report.Options{}))
	assert.Empty(t, run.Results)
	assert.Len(t, run.Tool.Driver.Rules, 2, "a clean run still lists what was checked")
	require.Len(t, run.Invocations, 1)
	assert.Empty(t, run.Invocations[0].ToolExecutionNotifications)
	require.NotNil(t, run.Invocations[0].ExecutionSuccessful)
	assert.True(t, *run.Invocations[0].ExecutionSuccessful)
}

func TestSARIFEmpty(t *testing.T) {
	run := parseSARIF(t, write(t, "sarif", &engine.Result{}, report.Options{}))
	assert.Empty(t, run.Results)
	assert.Empty(t, run.Tool.Driver.Rules)
}

func TestSARIFDocsURL(t *testing.T) {
	run := parseSARIF(t, write(t, "sarif", clean(), report.Options{DocsURL: "https://docs.example.com/rules/"}))
	assert.Equal(t, "https://docs.example.com/rules/KW-T-001.md", *run.Tool.Driver.Rules[0].HelpURI)
}

// --- junit ---

type junitSuites struct {
	XMLName  xml.Name `xml:"testsuites"`
	Name     string   `xml:"name,attr"`
	Tests    int      `xml:"tests,attr"`
	Failures int      `xml:"failures,attr"`
	Errors   int      `xml:"errors,attr"`
	Suites   []struct {
		Name     string `xml:"name,attr"`
		Tests    int    `xml:"tests,attr"`
		Failures int    `xml:"failures,attr"`
		Errors   int    `xml:"errors,attr"`
		Cases    []struct {
			Name      string `xml:"name,attr"`
			Classname string `xml:"classname,attr"`
			Failures  []struct {
				Message string `xml:"message,attr"`
				Type    string `xml:"type,attr"`
				Text    string `xml:",chardata"`
			} `xml:"failure"`
			Errors []struct {
				Message string `xml:"message,attr"`
				Text    string `xml:",chardata"`
			} `xml:"error"`
		} `xml:"testcase"`
	} `xml:"testsuite"`
}

func parseJUnit(t *testing.T, out string) junitSuites {
	t.Helper()
	require.True(t, strings.HasPrefix(out, xml.Header), "XML declaration")
	var js junitSuites
	require.NoError(t, xml.Unmarshal([]byte(out), &js))
	tests, failures, errs := 0, 0, 0
	for _, s := range js.Suites {
		st, sf, se := 0, 0, 0
		for _, c := range s.Cases {
			st++
			if len(c.Failures) > 0 {
				sf++
			}
			if len(c.Errors) > 0 {
				se++
			}
			assert.Equal(t, s.Name, c.Classname)
		}
		assert.Equal(t, st, s.Tests, s.Name)
		assert.Equal(t, sf, s.Failures, s.Name)
		assert.Equal(t, se, s.Errors, s.Name)
		tests, failures, errs = tests+st, failures+sf, errs+se
	}
	assert.Equal(t, tests, js.Tests)
	assert.Equal(t, failures, js.Failures)
	assert.Equal(t, errs, js.Errors)
	return js
}

func TestJUnit(t *testing.T) {
	js := parseJUnit(t, write(t, "junit", sample(), report.Options{}))
	assert.Equal(t, "kubeward", js.Name)
	// One suite per file, sorted; one case per object (clean ones included),
	// sorted by name; one failure per finding; one error case per bad input.
	type tc struct {
		suite, name string
		failures    []string
		errors      []string
	}
	var got []tc
	for _, s := range js.Suites {
		for _, c := range s.Cases {
			x := tc{suite: s.Name, name: c.Name}
			for _, f := range c.Failures {
				x.failures = append(x.failures, f.Type+" | "+f.Message)
			}
			for _, e := range c.Errors {
				x.errors = append(x.errors, e.Message)
			}
			got = append(got, x)
		}
	}
	assert.Equal(t, []tc{
		{suite: "bad.yaml", name: "input", errors: []string{"invalid YAML: mapping values are not allowed in this context"}},
		{suite: "deploy.yaml", name: "ConfigMap shop/clean"},
		{suite: "deploy.yaml", name: "Deployment shop/web", failures: []string{
			`critical | KW-T-001: container "app" sets securityContext.privileged=true`,
			"high | KW-T-004: raised by configuration",
		}},
		{suite: "deploy.yaml", name: "Namespace team", failures: []string{"info | KW-T-002: the namespace has no owner label"}},
		{suite: oddFile, name: "ConfigMap shop/odd", failures: []string{"medium | KW-T-003: 50% done, next: <b>bold</b> & more\nsecond line\r\nthird"}},
		{suite: "gone.yaml", name: "input", errors: []string{"no such file or directory"}},
	}, got)
	assert.Equal(t, 6, js.Tests)
	assert.Equal(t, 3, js.Failures)
	assert.Equal(t, 2, js.Errors)

	// The failure text says where and which field.
	text := js.Suites[1].Cases[1].Failures[0].Text
	assert.Contains(t, text, "deploy.yaml:20:13 KW-T-001 Privileged container")
	assert.Contains(t, text, "field: spec.template.spec.containers[0].securityContext.privileged")
}

func TestJUnitClean(t *testing.T) {
	js := parseJUnit(t, write(t, "junit", clean(), report.Options{}))
	assert.Equal(t, 1, js.Tests)
	assert.Zero(t, js.Failures)
	assert.Zero(t, js.Errors)
	require.Len(t, js.Suites, 1)
	require.Len(t, js.Suites[0].Cases, 1)
	assert.Equal(t, "ConfigMap shop/clean", js.Suites[0].Cases[0].Name)
	assert.Empty(t, js.Suites[0].Cases[0].Failures)

	js = parseJUnit(t, write(t, "junit", &engine.Result{}, report.Options{}))
	assert.Zero(t, js.Tests)
	assert.Empty(t, js.Suites)
}

// --- github ---

func TestGitHub(t *testing.T) {
	got := write(t, "github", sample(), report.Options{})
	want := strings.Join([]string{
		`::error file=deploy.yaml,line=20,col=13,title=KW-T-001 Privileged container::container "app" sets securityContext.privileged=true (Deployment shop/web)`,
		`::notice file=deploy.yaml,line=30,col=3,title=KW-T-002 No description::the namespace has no owner label (Namespace team)`,
		`::error file=deploy.yaml,line=31,col=1,title=KW-T-004 Low rule::raised by configuration (Deployment shop/web)`,
		// Properties (file, title) escape % \r \n : and ,; the message escapes % \r \n.
		`::warning file=dir%2Cwith%3Aodd%25chars/x.yaml,line=1,col=1,title=KW-T-003 Commas%2C colons%3A and 100%25 <odd> & "quoted"::` +
			`50%25 done, next: <b>bold</b> & more%0Asecond line%0D%0Athird (ConfigMap shop/odd)`,
		`::error file=bad.yaml,line=3::invalid YAML: mapping values are not allowed in this context`,
		`::error file=gone.yaml::no such file or directory`,
		`4 objects, 4 findings (1 critical, 1 high, 1 medium, 1 info), 2 errors.`,
	}, "\n") + "\n"
	assert.Equal(t, want, got)
	// Whatever the message, one finding is one line.
	assert.Equal(t, 7, strings.Count(got, "\n"))
}

func TestGitHubEscapingOfErrors(t *testing.T) {
	res := &engine.Result{Errors: []engine.Error{{File: "a,b:c%.yaml", Line: 2, Message: "bad: 100%\nreally, bad"}}}
	assert.Equal(t, "::error file=a%2Cb%3Ac%25.yaml,line=2::bad: 100%25%0Areally, bad\n0 objects, 0 findings, 1 error.\n",
		write(t, "github", res, report.Options{}))
}

// TestRegressions holds checks of bugs that were found and fixed.
func TestRegressions(t *testing.T) {
	t.Run("text: a message with line breaks stays on one line", func(t *testing.T) {
		got := write(t, "text", sample(), report.Options{})
		// 4 findings, 2 errors, the summary.
		assert.Equal(t, 7, strings.Count(got, "\n"), got)
	})
}

// TestTextStartsNoWorkflowCommand: the runner trims a line's leading white
// space, Unicode's included, before looking for "::".
func TestTextStartsNoWorkflowCommand(t *testing.T) {
	res := &engine.Result{
		Errors:   []engine.Error{{File: "\u00a0::add-mask::x.yaml", Line: 2, Message: "bad\n::error::pwned\x1b[2J\u009b\xff"}},
		Warnings: []engine.Warning{{File: "::stop-commands::t", Message: "w"}},
	}
	assert.Equal(t, "./\u00a0::add-mask::x.yaml:2: error: bad\\n::error::pwned\\x1b[2J\\u009b\\xff\n"+
		"./::stop-commands::t: warning: w\n"+
		"0 objects, 0 findings, 1 error.\n", write(t, "text", res, report.Options{}))
}
