package main

import (
	"encoding/json"
	"encoding/xml"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Configuration tests. Manifests live in testdata/config:
//
//   - legacy-web.yaml: Deployment legacy-shop/web-legacy, labels team=payments,
//     image docker.io/library/nginx:1.27, privileged (KW-PSS-007 at line 21, col 13).
//   - legacy/old-pod.yaml: Pod prod/old, privileged.
//   - annotated.yaml: Deployment agents/with-reason ignores KW-PSS-007 and
//     KW-PSS-014 on its pod template with a reason; agents/no-reason ignores
//     KW-PSS-007 without one (KW-CFG-001 at line 30, col 5).
//   - discover/.kubeward.yaml (format json, failOn none, KW-PSS-007 off) and
//     discover/apps/web.yaml, a copy of legacy-web.yaml.
//   - invalid/.kubeward.yaml: an unknown key "namespaces" at line 7.
//
// Configurations specific to one test are written to a temporary folder.

func configFixture(parts ...string) string {
	return filepath.Join(append([]string{"..", "..", "testdata", "config"}, parts...)...)
}

// writeConfig writes content as .kubeward.yaml in a new folder and returns its path.
func writeConfig(t *testing.T, content string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), ".kubeward.yaml")
	require.NoError(t, os.WriteFile(p, []byte(content), 0o644))
	return p
}

// suppressedReport holds the fields the configuration adds to the JSON report.
type suppressedReport struct {
	Summary struct {
		Suppressed int `json:"suppressed"`
		Excluded   int `json:"excluded"`
		Baseline   *struct {
			File string `json:"file"`
			Gone int    `json:"gone"`
		} `json:"baseline"`
	} `json:"summary"`
	Warnings []struct {
		File    string `json:"file"`
		Line    int    `json:"line"`
		Message string `json:"message"`
	} `json:"warnings"`
	Suppressed []struct {
		Rule struct {
			ID       string `json:"id"`
			Severity string `json:"severity"`
		} `json:"rule"`
		Object struct {
			Name string `json:"name"`
		} `json:"object"`
		Suppression struct {
			Kind   string `json:"kind"`
			Reason string `json:"reason"`
			Where  string `json:"where"`
		} `json:"suppression"`
	} `json:"suppressed"`
}

func decodeSuppressed(t *testing.T, s string) suppressedReport {
	t.Helper()
	var rep suppressedReport
	require.NoError(t, json.Unmarshal([]byte(s), &rep), "report:\n%s", s)
	return rep
}

func TestConfigDiscoveredWalkingUp(t *testing.T) {
	t.Parallel()
	// format: json and failOn: none come from discover/.kubeward.yaml, two
	// folders up from the input; KW-PSS-007 is disabled there.
	r := kw(t, "lint", configFixture("discover", "apps"))
	require.Equal(t, exitClean, r.code, r.stderr)
	rep := decodeReport(t, r.stdout)
	assert.Empty(t, findingsOf(rep, "KW-PSS-007"))
	assert.NotEmpty(t, rep.Findings, "the other rules still run")
	assert.Equal(t, 1, rep.Summary.Objects, "the configuration file itself is not linted")

	// Flags win over the file.
	r = kw(t, "lint", configFixture("discover", "apps"), "--format", "text", "--fail-on", "low")
	require.Equal(t, exitFindings, r.code, r.stderr)
	assert.Contains(t, r.stdout, "1 object, ")
	assert.NotContains(t, r.stdout, "CRITICAL KW-PSS-007")
	assert.Regexp(t, `\nnote: KW-PSS-007 disabled by [^\n]*discover/\.kubeward\.yaml:5\.\n`, r.stdout, "the report says it is off, and where")

	// --config FILE replaces discovery.
	cfg := writeConfig(t, "format: text\n")
	r = kw(t, "lint", configFixture("discover", "apps"), "--config", cfg, "--profile", "pss-baseline")
	require.Equal(t, exitFindings, r.code, r.stderr)
	assert.Contains(t, r.stdout, "CRITICAL KW-PSS-007")
}

func TestConfigStrictValidation(t *testing.T) {
	t.Parallel()
	file := configFixture("invalid", ".kubeward.yaml")
	r := kw(t, "lint", configFixture("legacy-web.yaml"), "--config", file)
	require.Equal(t, exitError, r.code)
	assert.Contains(t, r.stderr, file+`:7: unknown key "exceptions[].namespaces"`)
	assert.Empty(t, r.stdout, "nothing is linted with a broken configuration")

	// Discovered the same way: linting a file next to it.
	cfg := writeConfig(t, "profile: all\nrules:\n  KW-PSS-007:\n    severity: severe\nfailon: high\n")
	r = kw(t, "lint", configFixture("legacy-web.yaml"), "--config", cfg)
	require.Equal(t, exitError, r.code)
	assert.Contains(t, r.stderr, cfg+`:4: rules.KW-PSS-007.severity "severe" is not a severity`)
	assert.Contains(t, r.stderr, cfg+`:5: unknown key "failon"`)

	// A format only the CLI knows is checked after the file is read, and
	// still named with its line; a --format flag replaces it.
	cfg = writeConfig(t, "profile: all\nformat: yaml\n")
	r = kw(t, "lint", configFixture("legacy-web.yaml"), "--config", cfg)
	require.Equal(t, exitError, r.code)
	assert.Contains(t, r.stderr, cfg+`:2: format "yaml" is not a report format (one of text,`)
	r = kw(t, "lint", configFixture("legacy-web.yaml"), "--config", cfg, "-f", "json")
	assert.Equal(t, exitFindings, r.code, r.stderr)
}

func TestConfigKeys(t *testing.T) {
	t.Parallel()
	web := configFixture("legacy-web.yaml")
	t.Run("profile", func(t *testing.T) {
		r := kw(t, "lint", web, "--config", writeConfig(t, "profile: pss-baseline\nformat: json\n"))
		require.Equal(t, exitFindings, r.code, r.stderr)
		rep := decodeReport(t, r.stdout)
		require.Len(t, rep.Findings, 1)
		assert.Equal(t, "KW-PSS-007", rep.Findings[0].Rule.ID)
	})
	t.Run("rule disabled", func(t *testing.T) {
		off := writeConfig(t, "rules:\n  kw-pss-007: {enabled: false}\n")
		r := kw(t, "lint", web, "--profile", "pss-baseline", "--config", off)
		require.Equal(t, exitClean, r.code, r.stderr)
		assert.Equal(t, "1 object, 0 findings, 0 errors; 1 rule off (see below).\nnote: KW-PSS-007 disabled by "+off+":2.\n", r.stdout)
		cfg := writeConfig(t, "rules:\n  kw-pss-007: {enabled: false}\n  KW-PSS-999: {enabled: false}\n")
		r = kw(t, "lint", web, "--profile", "pss-baseline", "--config", cfg)
		require.Equal(t, exitClean, r.code, r.stderr)
		assert.Contains(t, r.stderr, cfg+":3: rules: no loaded rule has the id KW-PSS-999")
	})
	t.Run("severity override changes the exit code", func(t *testing.T) {
		r := kw(t, "lint", web, "--profile", "pss-baseline", "--fail-on", "critical")
		require.Equal(t, exitFindings, r.code, r.stderr)
		cfg := writeConfig(t, "rules:\n  KW-PSS-007:\n    severity: low\n")
		r = kw(t, "lint", web, "--profile", "pss-baseline", "--fail-on", "critical", "--config", cfg, "--format", "json")
		require.Equal(t, exitClean, r.code, r.stderr)
		rep := decodeReport(t, r.stdout)
		require.Len(t, rep.Findings, 1)
		assert.Equal(t, "low", rep.Findings[0].Rule.Severity)
		// failOn from the file, the override still applies.
		r = kw(t, "lint", web, "--profile", "pss-baseline", "--config", writeConfig(t, "failOn: medium\nrules:\n  KW-PSS-007: {severity: low}\n"))
		require.Equal(t, exitClean, r.code, r.stderr)
		assert.Contains(t, r.stdout, "LOW KW-PSS-007")
	})
	t.Run("parameters change a verdict", func(t *testing.T) {
		r := kw(t, "lint", web, "--format", "json")
		assert.Empty(t, findingsOf(decodeReport(t, r.stdout), "KW-IMG-006"), "no allowedRegistries: any registry")
		cfg := writeConfig(t, "parameters:\n  allowedRegistries: [registry.example.com]\n")
		r = kw(t, "lint", web, "--format", "json", "--config", cfg)
		got := findingsOf(decodeReport(t, r.stdout), "KW-IMG-006")
		require.Len(t, got, 1, r.stdout)
		assert.Equal(t, "spec.template.spec.containers[0].image", got[0].Location.Path)
		// --data is a flag: it wins over the file's parameters.
		data := filepath.Join(t.TempDir(), "any.yaml")
		require.NoError(t, os.WriteFile(data, []byte("kubeward:\n  config:\n    allowedRegistries: [docker.io]\n"), 0o644))
		r = kw(t, "lint", web, "--format", "json", "--config", cfg, "--data", data)
		assert.Empty(t, findingsOf(decodeReport(t, r.stdout), "KW-IMG-006"))
	})
	t.Run("policies relative to the file", func(t *testing.T) {
		// A copy of the test rules in the configuration's folder: paths in
		// a configuration stay in its repository (untrusted_read_test.go).
		dir := t.TempDir()
		require.NoError(t, os.CopyFS(filepath.Join(dir, "rules", "kw"), os.DirFS(fixture("policies"))))
		cfg := filepath.Join(dir, ".kubeward.yaml")
		require.NoError(t, os.WriteFile(cfg, []byte("profile: kwtest\npolicies: [rules/kw]\n"), 0o644))
		r := kw(t, "lint", fixture("kwtest"), "--config", cfg, "--format", "json")
		require.NotEqual(t, exitError, r.code, r.stderr)
		rep := decodeReport(t, r.stdout)
		require.NotEmpty(t, rep.Findings)
		for _, f := range rep.Findings {
			assert.True(t, strings.HasPrefix(f.Rule.ID, "TEST-"), f.Rule.ID)
		}
	})
	t.Run("exclude", func(t *testing.T) {
		cfg := writeConfig(t, "exclude: [\"**/legacy/**\"]\n")
		r := kw(t, "lint", configFixture("legacy"), web, "--profile", "pss-baseline", "--config", cfg)
		require.Equal(t, exitFindings, r.code, r.stderr)
		assert.NotContains(t, r.stdout, "old-pod.yaml")
		assert.Contains(t, r.stdout, "1 object, 1 finding (1 critical), 0 errors; 1 file excluded.\n")
	})
	t.Run("bundles relative to the file", func(t *testing.T) {
		dir := t.TempDir()
		buildAcme(t, dir, "acme.tar.gz")
		cfg := filepath.Join(dir, ".kubeward.yaml")
		require.NoError(t, os.WriteFile(cfg, []byte("profile: acme\nbundles: [acme.tar.gz]\n"), 0o644))
		r := kw(t, "lint", bundleFixture("deploy.yaml"), "--config", cfg, "--format", "json", "--insecure-skip-verify")
		require.Equal(t, exitFindings, r.code, r.stderr)
		require.NotEmpty(t, decodeReport(t, r.stdout).Findings)
		missing := writeConfig(t, "bundles: [nowhere.tar.gz]\n")
		r = kw(t, "lint", web, "--config", missing)
		require.Equal(t, exitError, r.code)
		assert.Contains(t, r.stderr, "nowhere.tar.gz")
	})
}

func TestConfigExceptions(t *testing.T) {
	t.Parallel()
	web := configFixture("legacy-web.yaml")
	pod := configFixture("legacy", "old-pod.yaml")
	lint := func(t *testing.T, exception string, extra ...string) (cliResult, jsonReport, suppressedReport) {
		t.Helper()
		cfg := writeConfig(t, "exceptions:\n"+exception)
		args := append([]string{"lint", web, pod, "--profile", "pss-baseline", "--format", "json", "--show-suppressed", "--config", cfg}, extra...)
		r := kw(t, args...)
		require.NotEqual(t, exitError, r.code, r.stderr)
		return r, decodeReport(t, r.stdout), decodeSuppressed(t, r.stdout)
	}
	names := func(rep jsonReport) []string {
		var out []string
		for _, f := range rep.Findings {
			out = append(out, f.Object.Name)
		}
		return out
	}
	t.Run("namespace glob", func(t *testing.T) {
		_, rep, sup := lint(t, "  - rules: [KW-PSS-007]\n    namespace: \"legacy-*\"\n    reason: moves to the new node pool in Q1\n")
		assert.Equal(t, []string{"old"}, names(rep))
		assert.Equal(t, 1, rep.Summary.Suppressed)
		require.Len(t, sup.Suppressed, 1)
		assert.Equal(t, "web-legacy", sup.Suppressed[0].Object.Name)
		assert.Equal(t, "exception", sup.Suppressed[0].Suppression.Kind)
		assert.Equal(t, "moves to the new node pool in Q1", sup.Suppressed[0].Suppression.Reason)
		assert.True(t, strings.HasSuffix(sup.Suppressed[0].Suppression.Where, ".kubeward.yaml:2"), sup.Suppressed[0].Suppression.Where)
	})
	t.Run("rule glob, kind and name", func(t *testing.T) {
		_, rep, _ := lint(t, "  - rules: [\"KW-PSS-*\"]\n    kind: Pod\n    name: \"o*\"\n    reason: r\n")
		assert.Equal(t, []string{"web-legacy"}, names(rep))
	})
	t.Run("no match", func(t *testing.T) {
		_, rep, _ := lint(t, "  - rules: [KW-PSS-007]\n    namespace: \"legacy-*\"\n    kind: Pod\n    reason: r\n")
		assert.Len(t, rep.Findings, 2)
		assert.Equal(t, 0, rep.Summary.Suppressed)
	})
	t.Run("selector", func(t *testing.T) {
		_, rep, _ := lint(t, "  - rules: [KW-PSS-007]\n    selector: {matchLabels: {team: payments}}\n    reason: r\n")
		assert.Equal(t, []string{"old"}, names(rep))
		_, rep, _ = lint(t, "  - rules: [KW-PSS-007]\n    selector:\n      matchExpressions: [{key: team, operator: NotIn, values: [payments]}]\n    reason: r\n")
		assert.Equal(t, []string{"web-legacy"}, names(rep))
	})
	t.Run("files glob", func(t *testing.T) {
		_, rep, _ := lint(t, "  - rules: [KW-PSS-007]\n    files: [\"**/legacy/**\"]\n    reason: r\n")
		assert.Equal(t, []string{"web-legacy"}, names(rep))
	})
	t.Run("expired", func(t *testing.T) {
		r, rep, sup := lint(t, "  - rules: [KW-PSS-007]\n    reason: still valid\n    name: old\n    expires: 2999-12-31\n  - rules: [KW-PSS-007]\n    namespace: \"legacy-*\"\n    reason: was for the migration\n    expires: 2020-01-31\n")
		assert.Equal(t, []string{"web-legacy"}, names(rep), "the expired exception suppresses nothing")
		assert.Equal(t, 1, rep.Summary.Suppressed)
		require.Len(t, sup.Warnings, 1)
		assert.Equal(t, 6, sup.Warnings[0].Line)
		assert.Contains(t, sup.Warnings[0].Message, "the exception for KW-PSS-007 expired on 2020-01-31 (was for the migration)")
		assert.Contains(t, r.stderr, "kubeward: warning: ")
		assert.Contains(t, r.stderr, ".kubeward.yaml:6: the exception for KW-PSS-007 expired on 2020-01-31")
		assert.Equal(t, exitFindings, r.code)
	})
	t.Run("text report", func(t *testing.T) {
		cfg := writeConfig(t, "exceptions:\n  - rules: [KW-PSS-007]\n    name: old\n    reason: retired next week\n  - rules: [KW-PSS-007]\n    name: nothing\n    reason: r\n    expires: 2020-01-01\n")
		r := kw(t, "lint", web, pod, "--profile", "pss-baseline", "--config", cfg)
		assert.Contains(t, r.stdout, "2 objects, 1 finding (1 critical), 0 errors; 1 suppressed.\n")
		assert.Contains(t, r.stdout, cfg+":5: warning: the exception for KW-PSS-007 expired on 2020-01-01")
		assert.NotContains(t, r.stdout, "suppressed CRITICAL")
		r = kw(t, "lint", web, pod, "--profile", "pss-baseline", "--config", cfg, "--format", "github")
		assert.Contains(t, r.stdout, "::warning file="+escapeGitHub(cfg)+",line=5::the exception for KW-PSS-007 expired on 2020-01-01")
		r = kw(t, "lint", web, pod, "--profile", "pss-baseline", "--config", cfg, "--show-suppressed")
		assert.Contains(t, r.stdout, pod+":11:9: suppressed CRITICAL KW-PSS-007 ")
		assert.Contains(t, r.stdout, "(Pod prod/old) by exception "+cfg+":2: retired next week\n")
	})
	t.Run("junit report", func(t *testing.T) {
		cfg := writeConfig(t, "exceptions:\n  - rules: [KW-PSS-007]\n    name: old\n    reason: retired next week\n  - rules: [KW-PSS-007]\n    name: nothing\n    reason: r\n    expires: 2020-01-01\n")
		var rep struct {
			Suites []struct {
				Name      string `xml:"name,attr"`
				Tests     int    `xml:"tests,attr"`
				SystemErr string `xml:"system-err"`
				Cases     []struct {
					Name      string `xml:"name,attr"`
					SystemOut string `xml:"system-out"`
				} `xml:"testcase"`
			} `xml:"testsuite"`
		}
		r := kw(t, "lint", web, pod, "--profile", "pss-baseline", "--config", cfg, "-f", "junit", "--show-suppressed")
		require.NoError(t, xml.Unmarshal([]byte(r.stdout), &rep), r.stdout)
		outs, errs := map[string]string{}, map[string]string{}
		for _, s := range rep.Suites {
			errs[s.Name] = s.SystemErr
			for _, c := range s.Cases {
				outs[c.Name] = c.SystemOut
			}
		}
		assert.Contains(t, errs[cfg], cfg+":5: warning: the exception for KW-PSS-007 expired on 2020-01-01 (r)")
		assert.Contains(t, outs["Pod prod/old"], pod+":11:9: suppressed KW-PSS-007 ")
		assert.Contains(t, outs["Pod prod/old"], "by exception "+cfg+":2: retired next week\n")
		// Without --show-suppressed, the warning still shows; the suppressed finding does not.
		r = kw(t, "lint", web, pod, "--profile", "pss-baseline", "--config", cfg, "-f", "junit")
		assert.Contains(t, r.stdout, "<system-err>"+cfg+":5: warning: ")
		assert.NotContains(t, r.stdout, "<system-out>")
	})
}

func TestIgnoreAnnotations(t *testing.T) {
	t.Parallel()
	r := kw(t, "lint", configFixture("annotated.yaml"), "--format", "json", "--show-suppressed")
	require.Equal(t, exitFindings, r.code, r.stderr)
	rep := decodeReport(t, r.stdout)
	var pss007 []string
	for _, f := range findingsOf(rep, "KW-PSS-007") {
		pss007 = append(pss007, f.Object.Name)
	}
	assert.Equal(t, []string{"no-reason"}, pss007, "an ignore without a reason suppresses nothing")
	cfg := findingsOf(rep, "KW-CFG-001")
	require.Len(t, cfg, 1)
	assert.Equal(t, "no-reason", cfg[0].Object.Name)
	assert.Equal(t, 30, cfg[0].Location.Line)
	assert.Equal(t, `metadata.annotations["kubeward.io/ignore"]`, cfg[0].Location.Path)

	sup := decodeSuppressed(t, r.stdout)
	assert.Equal(t, 2, rep.Summary.Suppressed)
	require.Len(t, sup.Suppressed, 2)
	for _, s := range sup.Suppressed {
		assert.Equal(t, "with-reason", s.Object.Name)
		assert.Equal(t, "annotation", s.Suppression.Kind)
		assert.Equal(t, "the node agent needs full access to the host", s.Suppression.Reason)
	}
}

func TestSARIFSuppressions(t *testing.T) {
	t.Parallel()
	cfg := writeConfig(t, "exceptions:\n  - rules: [KW-PSS-007]\n    namespace: legacy-shop\n    reason: moves to the new node pool in Q1\n  - rules: [KW-PSS-001]\n    reason: gone\n    expires: 2021-06-30\n")
	r := kw(t, "lint", configFixture("annotated.yaml"), configFixture("legacy-web.yaml"), "--profile", "pss-baseline", "--format", "sarif", "--config", cfg)
	require.Equal(t, exitFindings, r.code, r.stderr)
	rep := sarifOf(t, r.stdout)
	byObject := map[string][]string{}
	for _, res := range rep.Runs[0].Results {
		if *res.RuleID != "KW-PSS-007" {
			continue
		}
		name := *res.Locations[0].LogicalLocations[0].FullyQualifiedName
		var kinds []string
		for _, s := range res.Suppressions {
			kinds = append(kinds, *s.Kind+": "+*s.Justification)
		}
		byObject[name] = kinds
	}
	// The expired exception is a tool configuration notification.
	inv := rep.Runs[0].Invocations
	require.Len(t, inv, 1)
	require.Len(t, inv[0].ToolConfigurationNotifications, 1)
	n := inv[0].ToolConfigurationNotifications[0]
	assert.Equal(t, "warning", n.Level)
	assert.Contains(t, *n.Message.Text, "expired on 2021-06-30")
	assert.Equal(t, 5, *n.Locations[0].PhysicalLocation.Region.StartLine)
	assert.Equal(t, map[string][]string{
		"Deployment agents/with-reason.spec.template.spec.containers[0].securityContext.privileged":     {"inSource: the node agent needs full access to the host (annotation kubeward.io/ignore on Deployment agents/with-reason)"},
		"Deployment agents/no-reason.spec.template.spec.containers[0].securityContext.privileged":       nil,
		"Deployment legacy-shop/web-legacy.spec.template.spec.containers[0].securityContext.privileged": {"external: moves to the new node pool in Q1 (exception " + cfg + ":2)"},
	}, byObject)
}

func TestBaseline(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	manifest := filepath.Join(dir, "web.yaml")
	original := `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: shop
spec:
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      hostNetwork: true
      containers:
        - name: app
          image: registry.example.com/web:1
          securityContext:
            privileged: true
`
	require.NoError(t, os.WriteFile(manifest, []byte(original), 0o644))
	for _, name := range []string{"baseline.json", "baseline.yaml"} {
		t.Run(name, func(t *testing.T) {
			baseline := filepath.Join(dir, name)
			r := kw(t, "lint", manifest, "--profile", "pss-baseline", "--write-baseline", baseline)
			require.Equal(t, exitFindings, r.code, r.stderr)
			assert.Contains(t, r.stdout, "2 findings (")
			assert.Contains(t, r.stderr, "wrote 2 findings to the baseline "+baseline)

			// Unchanged input: nothing new, nothing gone.
			r = kw(t, "lint", manifest, "--profile", "pss-baseline", "--baseline", baseline)
			require.Equal(t, exitClean, r.code, r.stdout+r.stderr)
			assert.Equal(t, "1 object, 0 findings, 0 errors; 2 suppressed.\nbaseline "+baseline+": 0 entries no longer occur.\n", r.stdout)
		})
	}

	// Lines inserted above the findings, hostNetwork gone, a second
	// privileged container added: one new finding, one entry gone.
	edited := "# a comment\n# another\n" + strings.Replace(original, "      hostNetwork: true\n", "", 1) +
		"        - name: sidecar\n          image: registry.example.com/side:1\n          securityContext:\n            privileged: true\n"
	edited = strings.Replace(edited, "  labels: {app: web}\n", "  labels:\n        app: web\n        tier: front\n", 1)
	require.NoError(t, os.WriteFile(manifest, []byte(edited), 0o644))
	baseline := filepath.Join(dir, "baseline.json")
	r := kw(t, "lint", manifest, "--profile", "pss-baseline", "--baseline", baseline, "--format", "json")
	require.Equal(t, exitFindings, r.code, r.stderr)
	rep := decodeReport(t, r.stdout)
	require.Len(t, rep.Findings, 1, r.stdout)
	assert.Equal(t, "KW-PSS-007", rep.Findings[0].Rule.ID)
	assert.Equal(t, "spec.template.spec.containers[1].securityContext.privileged", rep.Findings[0].Location.Path)
	assert.Equal(t, 1, rep.Summary.Suppressed, "the old container's finding, moved down, still matches")
	sup := decodeSuppressed(t, r.stdout)
	require.NotNil(t, sup.Summary.Baseline)
	assert.Equal(t, 1, sup.Summary.Baseline.Gone)

	r = kw(t, "lint", manifest, "--profile", "pss-baseline", "--baseline", baseline)
	assert.Contains(t, r.stdout, "baseline "+baseline+": 1 entry no longer occurs.\n")

	// A file that is not a baseline is an error.
	r = kw(t, "lint", manifest, "--baseline", manifest)
	require.Equal(t, exitError, r.code)
	assert.Contains(t, r.stderr, "not a kubeward baseline")
}

func escapeGitHub(s string) string {
	return strings.NewReplacer("%", "%25", ":", "%3A", ",", "%2C").Replace(s)
}
