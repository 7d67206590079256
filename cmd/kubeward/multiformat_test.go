package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// clockPolicy is a rule whose message carries the evaluation's clock: a
// second evaluation of the same object would say another number, so three
// reports with the same number come from one evaluation.
const clockPolicy = `# METADATA
# title: Clock
# description: Fires on every Deployment, with the time it was evaluated.
# custom:
#   id: TEST-CLOCK
#   severity: info
#   profiles: [all]
#   remediation: None.
package kubeward.rules.test.clock

deny contains {"msg": sprintf("evaluated at %d", [time.now_ns()])} if {
	input.kind == "Deployment"
}
`

func TestSeveralFormatsFromOneRun(t *testing.T) {
	t.Parallel()
	policies := t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(policies, "clock.rego"), []byte(clockPolicy), 0o644))
	dir := t.TempDir()
	sarifFile, jsonFile := filepath.Join(dir, "kubeward.sarif"), filepath.Join(dir, "kubeward.json")
	r := kw(t, "lint", privilegedFile, "--policy", policies, "--no-cache",
		"--format", "text", "--format", "sarif="+sarifFile, "-f", "json="+jsonFile)
	require.Equal(t, exitFindings, r.code, r.stderr)
	assert.Contains(t, r.stdout, privilegedLine+"\n", "text goes to standard output")
	assert.Contains(t, r.stderr, "wrote sarif report to "+sarifFile)
	assert.Contains(t, r.stderr, "wrote json report to "+jsonFile)

	raw, err := os.ReadFile(jsonFile)
	require.NoError(t, err)
	rep := decodeReport(t, string(raw))
	raw, err = os.ReadFile(sarifFile)
	require.NoError(t, err)
	var sarif struct {
		Runs []struct {
			Results []struct {
				RuleID  string `json:"ruleId"`
				Message struct {
					Text string `json:"text"`
				} `json:"message"`
			} `json:"results"`
		} `json:"runs"`
	}
	require.NoError(t, json.Unmarshal(raw, &sarif))
	require.Len(t, sarif.Runs, 1)

	// The same findings in all three.
	var fromJSON, fromSARIF []string
	for _, f := range rep.Findings {
		fromJSON = append(fromJSON, f.Rule.ID)
		assert.Contains(t, r.stdout, f.Rule.ID)
	}
	for _, res := range sarif.Runs[0].Results {
		fromSARIF = append(fromSARIF, res.RuleID)
	}
	sort.Strings(fromJSON)
	sort.Strings(fromSARIF)
	require.NotEmpty(t, fromJSON)
	assert.Equal(t, fromJSON, fromSARIF)
	assert.Equal(t, rep.Summary.Findings, len(fromSARIF))

	// One evaluation: the clock rule's message is the same everywhere.
	clock := regexp.MustCompile(`evaluated at \d+`)
	stamps := clock.FindAllString(r.stdout, -1)
	for _, f := range findingsOf(rep, "TEST-CLOCK") {
		stamps = append(stamps, f.Message)
	}
	for _, res := range sarif.Runs[0].Results {
		if res.RuleID == "TEST-CLOCK" {
			stamps = append(stamps, clock.FindString(res.Message.Text))
		}
	}
	require.Len(t, stamps, 3, "one clock finding per report")
	assert.Equal(t, stamps[0], stamps[1])
	assert.Equal(t, stamps[0], stamps[2])
}

// Two lint runs give two clocks: the assertion above can fail.
func TestClockPolicyDiffersAcrossRuns(t *testing.T) {
	t.Parallel()
	policies := t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(policies, "clock.rego"), []byte(clockPolicy), 0o644))
	args := []string{"lint", privilegedFile, "--policy", policies, "--no-cache", "--format", "json", "--fail-on", "none"}
	a, b := kw(t, args...), kw(t, args...)
	require.Equal(t, exitClean, a.code, a.stderr)
	fa, fb := findingsOf(decodeReport(t, a.stdout), "TEST-CLOCK"), findingsOf(decodeReport(t, b.stdout), "TEST-CLOCK")
	require.Len(t, fa, 1)
	require.Len(t, fb, 1)
	assert.NotEqual(t, fa[0].Message, fb[0].Message)
}

func TestFormatFlagMistakes(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	out := filepath.Join(dir, "a.sarif")
	for name, tc := range map[string]struct {
		args []string
		want string
	}{
		"two to stdout":       {[]string{"--format", "text", "--format", "json"}, "--format text and --format json both go to standard output"},
		"two to -o":           {[]string{"--format", "text", "--format", "json", "-o", out}, "both go to " + out},
		"same file":           {[]string{"--format", "sarif=" + out, "--format", "json=" + out}, "both write " + out},
		"empty file":          {[]string{"--format", "sarif="}, "no file after '='"},
		"unknown":             {[]string{"--format", "pdf=x.pdf"}, `unknown --format "pdf"`},
		"-o with no bare":     {[]string{"--format", "sarif=" + out, "-o", filepath.Join(dir, "b")}, "every --format names its own file"},
		"overwrites an input": {[]string{"--format", "text", "--format", "json=" + privilegedFile}, "would overwrite"},
	} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			r := kw(t, append([]string{"lint", privilegedFile}, tc.args...)...)
			assert.Equal(t, exitError, r.code)
			assert.Contains(t, r.stderr, tc.want)
			assert.Empty(t, r.stdout)
			assert.NoFileExists(t, out)
		})
	}
}

// json=- is standard output, and -o still takes the bare format.
func TestFormatStdoutSpellings(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	text, sarif := filepath.Join(dir, "report.txt"), filepath.Join(dir, "r.sarif")
	r := kw(t, "lint", privilegedFile, "--format", "text", "-o", text, "--format", "sarif="+sarif)
	require.Equal(t, exitFindings, r.code, r.stderr)
	assert.Empty(t, r.stdout)
	b, err := os.ReadFile(text)
	require.NoError(t, err)
	assert.Contains(t, string(b), privilegedLine)
	assert.FileExists(t, sarif)

	r = kw(t, "lint", privilegedFile, "--format", "json=-", "--format", "text="+text)
	require.Equal(t, exitFindings, r.code, r.stderr)
	assert.NotEmpty(t, decodeReport(t, r.stdout).Findings)
}
