package main

import (
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Issue 23, noise: --min-severity hides findings below it in every format,
// and the note on rules that need --complete is one line on a terminal's
// stderr, never part of a report.

func TestMinSeverityHidesFindingsInEveryFormat(t *testing.T) {
	t.Parallel()
	objects := fixture("kwtest", "objects.yaml") // one high, one low, one info finding
	lint := func(extra ...string) cliResult {
		return kw(t, append(append([]string{"lint", objects, "--no-cache"}, kwtest()...), extra...)...)
	}

	r := lint("--min-severity", "high")
	require.Equal(t, exitFindings, r.code, r.stdout)
	assert.Len(t, linesWith(r.stdout, ": HIGH TEST-HIGH"), 1)
	assert.NotContains(t, r.stdout, "TEST-LOW")
	assert.NotContains(t, r.stdout, "TEST-INFO")
	assert.Equal(t, "3 objects, 1 finding (1 high; 2 below high hidden), 0 errors.", summaryLine(r.stdout))

	r = lint("--min-severity", "high", "--format", "json")
	var rep struct {
		Summary struct {
			Findings    int            `json:"findings"`
			Hidden      int            `json:"hidden"`
			MinSeverity string         `json:"minSeverity"`
			BySeverity  map[string]int `json:"bySeverity"`
		} `json:"summary"`
		Findings []jsonFinding `json:"findings"`
	}
	require.NoError(t, json.Unmarshal([]byte(r.stdout), &rep), r.stdout)
	assert.Equal(t, 1, rep.Summary.Findings)
	assert.Equal(t, 2, rep.Summary.Hidden)
	assert.Equal(t, "high", rep.Summary.MinSeverity)
	assert.Equal(t, map[string]int{"high": 1}, rep.Summary.BySeverity)
	require.Len(t, rep.Findings, 1)
	assert.Equal(t, "TEST-HIGH", rep.Findings[0].Rule.ID)

	for _, format := range []string{"sarif", "junit", "github", "html"} {
		r := lint("--min-severity", "high", "--format", format)
		assert.Contains(t, r.stdout, "TEST-HIGH", format)
		assert.NotContains(t, r.stdout, "is labelled kwtest/low", format)
		assert.NotContains(t, r.stdout, "is labelled kwtest/info", format)
	}
	assert.Contains(t, lint("--min-severity", "high", "--format", "sarif").stdout, "2 findings below high hidden (--min-severity)")
	assert.Contains(t, lint("--min-severity", "high", "--format", "junit").stdout, `<property name="hidden-below-high" value="2">`)

	// Without it, nothing is hidden and nothing says so.
	r = lint()
	assert.Equal(t, "3 objects, 3 findings (1 high, 1 low, 1 info), 0 errors.", summaryLine(r.stdout))
	assert.NotContains(t, lint("--format", "json").stdout, `"minSeverity"`)
}

// --fail-on applies to what is shown: a run that shows no finding does not
// fail on one it hid.
func TestMinSeverityAndFailOn(t *testing.T) {
	t.Parallel()
	infoOnly := fixture("kwtest", "info-only.yaml")
	objects := fixture("kwtest", "objects.yaml")
	cases := []struct {
		name string
		args []string
		want int
	}{
		{"info shown, fail-on info", []string{infoOnly, "--fail-on", "info"}, exitFindings},
		{"info hidden by low, fail-on info", []string{infoOnly, "--fail-on", "info", "--min-severity", "low"}, exitClean},
		{"high shown, low hidden, fail-on low", []string{objects, "--fail-on", "low", "--min-severity", "high"}, exitFindings},
		{"high hidden by critical", []string{objects, "--min-severity", "critical"}, exitClean},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			r := kw(t, append(append([]string{"lint", "--no-cache"}, c.args...), kwtest()...)...)
			assert.Equal(t, c.want, r.code, r.stdout)
		})
	}
	r := kw(t, "lint", infoOnly, "--min-severity", "loud")
	assert.Equal(t, exitError, r.code)
	assert.Contains(t, r.stderr, `unknown --min-severity "loud" (one of critical, high, medium, low, info)`)
}

func TestMinSeverityFromConfig(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	cfg := filepath.Join(dir, ".kubeward.yaml")
	require.NoError(t, os.WriteFile(cfg, []byte("minSeverity: high\n"), 0o644))
	objects := fixture("kwtest", "objects.yaml")
	r := kw(t, append([]string{"lint", objects, "--no-cache", "--config", cfg}, kwtest()...)...)
	assert.Equal(t, "3 objects, 1 finding (1 high; 2 below high hidden), 0 errors.", summaryLine(r.stdout), r.stderr)
	// The flag wins over the file.
	r = kw(t, append([]string{"lint", objects, "--no-cache", "--config", cfg, "--min-severity", "low"}, kwtest()...)...)
	assert.Equal(t, "3 objects, 2 findings (1 high, 1 low; 1 below low hidden), 0 errors.", summaryLine(r.stdout), r.stderr)

	require.NoError(t, os.WriteFile(cfg, []byte("minSeverity: loud\n"), 0o644))
	r = kw(t, append([]string{"lint", objects, "--no-cache", "--config", cfg}, kwtest()...)...)
	assert.Equal(t, exitError, r.code)
	assert.Contains(t, r.stderr, `minSeverity "loud" is not a severity`)
}

// The report never holds the note on rules that need --complete: not on a
// pipe, not with -q, not in an -o file, not with 0 objects.
func TestCompleteNoteIsNotInReports(t *testing.T) {
	t.Parallel()
	for _, args := range [][]string{
		{"lint", privilegedFile, "--no-cache"},
		{"lint", privilegedFile, "--no-cache", "-q"},
		{"lint", t.TempDir(), "--no-cache", "--allow-empty"},
	} {
		r := kw(t, args...)
		assert.NotContains(t, r.stdout, "--complete", args)
		assert.NotContains(t, r.stdout, "note:", args)
		assert.Empty(t, r.stderr, "stderr is no terminal: %v", args)
	}
	out := filepath.Join(t.TempDir(), "report.txt")
	r := kw(t, "lint", privilegedFile, "--no-cache", "-o", out)
	assert.Equal(t, exitFindings, r.code)
	b, err := os.ReadFile(out)
	require.NoError(t, err)
	assert.NotContains(t, string(b), "--complete")
	// JSON still lists them.
	r = kw(t, "lint", privilegedFile, "--no-cache", "--format", "json")
	assert.Contains(t, r.stdout, `"skippedIncomplete": [`)
}

// On a terminal the note is one line of stderr, and -q silences it. Not
// parallel: it replaces the terminal check that the whole package uses.
func TestCompleteNoteOnATerminal(t *testing.T) {
	saved := isTerminal
	isTerminal = func(io.Writer) bool { return true }
	t.Cleanup(func() { isTerminal = saved })

	r := kw(t, "lint", privilegedFile, "--no-cache")
	assert.Equal(t, exitFindings, r.code)
	lines := strings.Split(strings.TrimSuffix(r.stderr, "\n"), "\n")
	require.Len(t, lines, 1, "stderr:\n%s", r.stderr)
	assert.Regexp(t, `^kubeward: note: \d+ rules skipped: they need --complete \(the input is the whole cluster or namespace\)$`, lines[0])
	assert.NotContains(t, r.stdout, "--complete")

	out := filepath.Join(t.TempDir(), "report.txt")
	r = kw(t, "lint", privilegedFile, "--no-cache", "-o", out)
	assert.Contains(t, r.stderr, "need --complete", "the note is for the person at the terminal, whatever the report's destination")

	for _, args := range [][]string{{privilegedFile, "-q"}, {privilegedFile, "--complete"}, {t.TempDir(), "--allow-empty"}} {
		r = kw(t, append([]string{"lint", "--no-cache"}, args...)...)
		assert.Empty(t, r.stderr, args)
	}
}

// TestOwnedPodThatDiffersFromItsController: in an export of a Deployment, its
// ReplicaSet and two Pods, the Pod an admission webhook gave a privileged
// istio-proxy sidecar reports that sidecar once, naming its controller; the
// Pod identical to the template (with the API server's defaults) and the
// ReplicaSet report nothing; the Deployment's findings are its own.
func TestOwnedPodThatDiffersFromItsController(t *testing.T) {
	file := filepath.Join("..", "..", "testdata", "cluster", "injected-sidecar-export.yaml")
	r := kw(t, "lint", "--format", "json", file)
	assert.Equal(t, exitFindings, r.code, r.stderr)
	rep := decodeReport(t, r.stdout)
	assert.Equal(t, 1, rep.Summary.Objects, "the owned objects are counted apart")

	priv := findingsOf(rep, "KW-PSS-007")
	require.Len(t, priv, 1)
	assert.Equal(t, "Pod", priv[0].Object.Kind)
	assert.Equal(t, "web-7d4b9c-bbbbb", priv[0].Object.Name)
	assert.Equal(t, `container "istio-proxy" sets securityContext.privileged=true; remove it or set it to false. (differs from its controller Deployment shop/web)`, priv[0].Message)
	assert.Equal(t, "spec.containers[1].securityContext.privileged", priv[0].Location.Path)

	var deployment []string
	for _, f := range rep.Findings {
		switch {
		case f.Object.Kind == "Deployment":
			assert.NotContains(t, f.Message, "differs from", f.Rule.ID)
			deployment = append(deployment, f.Rule.ID+" "+f.Location.Path)
		case f.Object.Name == "web-7d4b9c-bbbbb":
			// Everything on the Pod is about the container the template lacks.
			assert.Contains(t, f.Message, `container "istio-proxy"`, f.Rule.ID)
			assert.True(t, strings.HasSuffix(f.Message, "(differs from its controller Deployment shop/web)"), f.Message)
		default:
			t.Errorf("finding %s on %s %s: it is identical to its template", f.Rule.ID, f.Object.Kind, f.Object.Name)
		}
	}

	// The Deployment alone gives the same findings as within the export.
	alone := filepath.Join(t.TempDir(), "deployment.yaml")
	data, err := os.ReadFile(file)
	require.NoError(t, err)
	text := string(data)
	start := strings.Index(text, "- apiVersion: apps/v1\n  kind: Deployment")
	end := strings.Index(text, "- apiVersion: apps/v1\n  kind: ReplicaSet")
	require.True(t, start > 0 && end > start)
	require.NoError(t, os.WriteFile(alone, []byte("apiVersion: v1\nkind: List\nitems:\n"+text[start:end]), 0o600))
	var own []string
	for _, f := range decodeReport(t, kw(t, "lint", "--format", "json", alone).stdout).Findings {
		own = append(own, f.Rule.ID+" "+f.Location.Path)
	}
	assert.ElementsMatch(t, own, deployment)
	assert.NotEmpty(t, own)
}
