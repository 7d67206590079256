package main

import (
	"path/filepath"
	"regexp"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Exit codes are fixed by DESIGN.md: 0 nothing at or above --fail-on and no
// error, 1 findings at or above --fail-on, 2 errors (which win over findings).

func TestExitCleanManifest(t *testing.T) {
	t.Parallel()
	t.Run("restricted pod under pss-restricted", func(t *testing.T) {
		t.Parallel()
		r := kw(t, "lint", fixture("restricted-pod.yaml"), "--profile", "pss-restricted")
		assert.Equal(t, exitClean, r.code, "stdout:\n%s\nstderr:\n%s", r.stdout, r.stderr)
		assert.Equal(t, "1 object, 0 findings, 0 errors.\n", r.stdout)
		assert.Empty(t, r.stderr)
	})
	t.Run("object with no finding under kwtest", func(t *testing.T) {
		t.Parallel()
		r := kw(t, append([]string{"lint", fixture("configmap.yaml")}, kwtest()...)...)
		assert.Equal(t, exitClean, r.code, "stdout:\n%s\nstderr:\n%s", r.stdout, r.stderr)
		assert.Equal(t, "1 object, 0 findings, 0 errors.\n", r.stdout)
	})
}

func TestExitFailOn(t *testing.T) {
	t.Parallel()
	objects := fixture("kwtest", "objects.yaml")        // high, low and info findings
	infoOnly := fixture("kwtest", "info-only.yaml")     // one info finding
	privileged := fixture("privileged-deployment.yaml") // KW-PSS-007 is critical
	cases := []struct {
		name string
		args []string
		want int
	}{
		{"default fail-on is low: a low finding fails", append([]string{"lint", objects}, kwtest()...), exitFindings},
		{"default fail-on is low: info only passes", append([]string{"lint", infoOnly}, kwtest()...), exitClean},
		{"fail-on info: info fails", append([]string{"lint", infoOnly, "--fail-on", "info"}, kwtest()...), exitFindings},
		{"fail-on medium with a high finding", append([]string{"lint", objects, "--fail-on", "medium"}, kwtest()...), exitFindings},
		{"fail-on high with a high finding", append([]string{"lint", objects, "--fail-on", "high"}, kwtest()...), exitFindings},
		{"fail-on critical with only high and lower", append([]string{"lint", objects, "--fail-on", "critical"}, kwtest()...), exitClean},
		{"fail-on none with a high finding", append([]string{"lint", objects, "--fail-on", "none"}, kwtest()...), exitClean},
		{"bundled: critical finding, default fail-on", []string{"lint", privileged}, exitFindings},
		{"bundled: critical finding, fail-on critical", []string{"lint", privileged, "--fail-on", "critical"}, exitFindings},
		{"bundled: critical finding, fail-on none", []string{"lint", privileged, "--fail-on", "none"}, exitClean},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			r := kw(t, c.args...)
			assert.Equal(t, c.want, r.code, "stdout:\n%s\nstderr:\n%s", r.stdout, r.stderr)
			assert.NotEmpty(t, r.stdout, "the report is written whatever the exit status")
			assert.Empty(t, r.stderr)
		})
	}
}

func TestExitFailOnDoesNotFilterTheReport(t *testing.T) {
	t.Parallel()
	// --fail-on decides the exit status only; lower findings are still reported.
	r := kw(t, append([]string{"lint", fixture("kwtest", "objects.yaml"), "--fail-on", "critical"}, kwtest()...)...)
	require.Equal(t, exitClean, r.code)
	assert.Len(t, linesWith(r.stdout, " TEST-LOW "), 1)
	assert.Len(t, linesWith(r.stdout, " TEST-INFO "), 1)
	assert.Len(t, linesWith(r.stdout, " TEST-HIGH "), 1)
	assert.Equal(t, "3 objects, 3 findings (1 high, 1 low, 1 info), 0 errors.", summaryLine(r.stdout))
}

func TestExitInvalidYAMLStillReportsTheOtherFile(t *testing.T) {
	t.Parallel()
	invalid := fixture("invalid.yaml")
	t.Run("text", func(t *testing.T) {
		t.Parallel()
		r := kw(t, "lint", invalid, privilegedFile)
		require.Equal(t, exitError, r.code, "stdout:\n%s\nstderr:\n%s", r.stdout, r.stderr)
		// The good file is still evaluated and reported...
		assert.Contains(t, linesWith(r.stdout, "KW-PSS-007"), privilegedLine)
		// ...and the bad one is reported with its line.
		errLines := linesWith(r.stdout, "error:")
		require.Len(t, errLines, 1, r.stdout)
		assert.Regexp(t, `^`+regexp.QuoteMeta(invalid)+`:6(:\d+)?: error: .*invalid YAML`, errLines[0])
		assert.Regexp(t, `^1 object, \d+ findings \(1 critical.*\), 1 error\.$`, summaryLine(r.stdout))
	})
	t.Run("json", func(t *testing.T) {
		t.Parallel()
		r := kw(t, "lint", privilegedFile, invalid, "--format", "json")
		require.Equal(t, exitError, r.code, "stderr:\n%s", r.stderr)
		rep := decodeReport(t, r.stdout)
		assert.Equal(t, 1, rep.Summary.Objects)
		assert.Equal(t, 1, rep.Summary.Errors)
		require.Len(t, rep.Errors, 1)
		assert.Equal(t, invalid, rep.Errors[0].File)
		assert.Equal(t, 6, rep.Errors[0].Line)
		assert.Contains(t, rep.Errors[0].Message, "invalid YAML")
		assert.Len(t, findingsOf(rep, "KW-PSS-007"), 1)
	})
}

func TestExitMissingPath(t *testing.T) {
	t.Parallel()
	missing := filepath.Join(t.TempDir(), "no-such-file.yaml")
	r := kw(t, "lint", missing, privilegedFile, "--format", "json")
	require.Equal(t, exitError, r.code, "stderr:\n%s", r.stderr)
	rep := decodeReport(t, r.stdout)
	require.Len(t, rep.Errors, 1)
	assert.Equal(t, missing, rep.Errors[0].File)
	assert.Contains(t, rep.Errors[0].Message, "no such file")
	assert.Len(t, findingsOf(rep, "KW-PSS-007"), 1, "the other path is still linted")
}

func TestExitErrorsWinOverFindings(t *testing.T) {
	t.Parallel()
	// Findings above --fail-on and an error: 2, with every --fail-on.
	for _, failOn := range []string{"low", "critical", "none"} {
		t.Run(failOn, func(t *testing.T) {
			t.Parallel()
			r := kw(t, "lint", privilegedFile, fixture("invalid.yaml"), "--fail-on", failOn)
			assert.Equal(t, exitError, r.code)
			assert.Contains(t, r.stdout, privilegedLine)
		})
	}
}

func TestExitUsageErrors(t *testing.T) {
	t.Parallel()
	good := fixture("configmap.yaml")
	cases := []struct {
		name   string
		args   []string
		stderr string // a part of the message on standard error
	}{
		{"no arguments", []string{"lint"}, "no input"},
		{"unknown format", []string{"lint", good, "--format", "yaml"}, `unknown --format "yaml"`},
		{"unknown format (short flag)", []string{"lint", good, "-f", "xml"}, `unknown --format "xml"`},
		{"unknown fail-on", []string{"lint", good, "--fail-on", "severe"}, `unknown --fail-on "severe"`},
		{"unknown color", []string{"lint", good, "--color", "sometimes"}, `unknown --color "sometimes"`},
		{"unknown flag", []string{"lint", good, "--no-such-flag"}, "unknown flag: --no-such-flag"},
		{"flag without its value", []string{"lint", good, "--format"}, "flag needs an argument"},
		{"unknown profile", []string{"lint", good, "--profile", "nope"}, `unknown profile "nope"`},
		{"unknown command", []string{"frobnicate"}, "unknown command"},
		{"missing policy folder", []string{"lint", good, "--policy", fixture("no-such-folder")}, "no-such-folder"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			r := kw(t, c.args...)
			assert.Equal(t, exitError, r.code, "stdout:\n%s\nstderr:\n%s", r.stdout, r.stderr)
			assert.Contains(t, r.stderr, c.stderr)
			assert.Regexp(t, `^kubeward: `, r.stderr, "errors are prefixed with the program name")
			assert.Empty(t, r.stdout, "no report on a usage error")
		})
	}
}
