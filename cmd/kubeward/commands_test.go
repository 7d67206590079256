package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// --- lint --output ---

func TestOutputFile(t *testing.T) {
	t.Parallel()
	t.Run("json", func(t *testing.T) {
		t.Parallel()
		out := filepath.Join(t.TempDir(), "report.json")
		r := kw(t, "lint", privilegedFile, "--format", "json", "--output", out)
		require.Equal(t, exitFindings, r.code, r.stderr)
		assert.Empty(t, r.stdout, "the report goes to the file only")
		assert.Contains(t, r.stderr, "wrote json report to "+out)
		b, err := os.ReadFile(out)
		require.NoError(t, err)
		// The file holds exactly what standard output would have.
		direct := kw(t, "lint", privilegedFile, "--format", "json")
		assert.Equal(t, direct.stdout, string(b))
		rep := decodeReport(t, string(b))
		assert.Len(t, findingsOf(rep, "KW-PSS-007"), 1)
	})
	t.Run("text, short flag, never coloured", func(t *testing.T) {
		t.Parallel()
		out := filepath.Join(t.TempDir(), "report.txt")
		r := kw(t, "lint", privilegedFile, "-o", out)
		require.Equal(t, exitFindings, r.code, r.stderr)
		assert.Empty(t, r.stdout)
		b, err := os.ReadFile(out)
		require.NoError(t, err)
		assert.Contains(t, string(b), privilegedLine+"\n")
		assert.NotContains(t, string(b), "\x1b")
	})
	t.Run("overwrites", func(t *testing.T) {
		t.Parallel()
		out := filepath.Join(t.TempDir(), "report.txt")
		require.NoError(t, os.WriteFile(out, []byte(strings.Repeat("old report\n", 1000)), 0o644))
		r := kw(t, append([]string{"lint", fixture("configmap.yaml"), "--output", out}, kwtest()...)...)
		require.Equal(t, exitClean, r.code, r.stderr)
		b, err := os.ReadFile(out)
		require.NoError(t, err)
		assert.Equal(t, "1 object, 0 findings, 0 errors.\n", string(b))
	})
	t.Run("errors still exit 2", func(t *testing.T) {
		t.Parallel()
		out := filepath.Join(t.TempDir(), "report.sarif")
		r := kw(t, "lint", privilegedFile, fixture("invalid.yaml"), "--format", "sarif", "--output", out)
		require.Equal(t, exitError, r.code, r.stderr)
		b, err := os.ReadFile(out)
		require.NoError(t, err)
		sarifOf(t, string(b))
	})
	t.Run("unwritable", func(t *testing.T) {
		t.Parallel()
		out := filepath.Join(t.TempDir(), "no-such-dir", "report.json")
		r := kw(t, "lint", privilegedFile, "--format", "json", "--output", out)
		assert.Equal(t, exitError, r.code)
		assert.Contains(t, r.stderr, "writing the report")
		assert.Empty(t, r.stdout)
	})
}

// --- rules ---

type ruleJSON struct {
	ID          string   `json:"id"`
	Title       string   `json:"title"`
	Severity    string   `json:"severity"`
	Profiles    []string `json:"profiles"`
	Description string   `json:"description"`
	Remediation string   `json:"remediation"`
	References  []string `json:"references"`
}

func listRules(t *testing.T, args ...string) []ruleJSON {
	t.Helper()
	r := kw(t, append([]string{"rules", "--format", "json"}, args...)...)
	require.Equal(t, exitClean, r.code, r.stderr)
	var rules []ruleJSON
	require.NoError(t, json.Unmarshal([]byte(r.stdout), &rules), r.stdout)
	return rules
}

func ruleIDs(rules []ruleJSON) []string {
	ids := make([]string, len(rules))
	for i, r := range rules {
		ids[i] = r.ID
	}
	return ids
}

func TestRulesText(t *testing.T) {
	t.Parallel()
	r := kw(t, "rules")
	require.Equal(t, exitClean, r.code, r.stderr)
	lines := strings.Split(strings.TrimRight(r.stdout, "\n"), "\n")
	assert.Regexp(t, `^ID\s+SEVERITY\s+TITLE\s+PROFILES$`, lines[0])
	assert.Regexp(t, `^\d+ rules$`, lines[len(lines)-1])
	// id, severity, title, profiles (more profiles may be added to a rule).
	assert.Regexp(t, `^KW-PSS-007 +critical +Privileged container +(\S+,)?pss-baseline,pss-restricted(,\S+)?$`, linesWith(r.stdout, "KW-PSS-007")[0])
	assert.Regexp(t, `^KW-PSS-003 +high +Host namespaces +(\S+,)?pss-baseline,pss-restricted(,\S+)?$`, linesWith(r.stdout, "KW-PSS-003")[0])
	// As many rule lines as the count says.
	all := listRules(t)
	assert.Len(t, lines, len(all)+2)
}

func TestRulesJSON(t *testing.T) {
	t.Parallel()
	rules := listRules(t)
	ids := ruleIDs(rules)
	assert.IsIncreasing(t, ids, "sorted by id")
	for _, r := range rules {
		assert.NotEmpty(t, r.Title, r.ID)
		assert.Contains(t, []string{"critical", "high", "medium", "low", "info"}, r.Severity, r.ID)
	}
	var priv *ruleJSON
	for i := range rules {
		if rules[i].ID == "KW-PSS-007" {
			priv = &rules[i]
		}
	}
	require.NotNil(t, priv)
	assert.Equal(t, "Privileged container", priv.Title)
	assert.Equal(t, "critical", priv.Severity)
	assert.Subset(t, priv.Profiles, []string{"pss-baseline", "pss-restricted"})
	assert.NotEmpty(t, priv.Description)
	assert.NotEmpty(t, priv.Remediation)
}

func TestRulesProfile(t *testing.T) {
	t.Parallel()
	all := listRules(t)
	restricted := listRules(t, "--profile", "pss-restricted")
	require.NotEmpty(t, restricted)
	assert.Less(t, len(restricted), len(all))
	for _, r := range restricted {
		assert.Contains(t, r.Profiles, "pss-restricted", "%s is listed under --profile pss-restricted", r.ID)
	}
	ids := ruleIDs(restricted)
	assert.Contains(t, ids, "KW-PSS-007")
	assert.Contains(t, ids, "KW-PSS-003")
	assert.NotContains(t, ids, "KW-PSS-008", "a pss-baseline-only rule")
	for _, id := range ids {
		assert.True(t, strings.HasPrefix(id, "KW-PSS-"), "%s: only Pod Security rules are in pss-restricted", id)
	}
	baseline := ruleIDs(listRules(t, "--profile", "pss-baseline"))
	assert.Contains(t, baseline, "KW-PSS-008")
	assert.Contains(t, baseline, "KW-PSS-007")

	// The text listing of a profile shows the same rules.
	r := kw(t, "rules", "--profile", "pss-restricted")
	require.Equal(t, exitClean, r.code)
	assert.Len(t, linesWith(r.stdout, "KW-PSS-"), len(restricted))
	assert.Empty(t, linesWith(r.stdout, "KW-WRK-"))

	// A user profile, from a policy folder.
	assert.Equal(t, []string{"TEST-ESCAPE", "TEST-HIGH", "TEST-INFO", "TEST-LOW", "TEST-MEDIUM"},
		ruleIDs(listRules(t, "--policy", fixture("policies"), "--profile", "kwtest")))
}

func TestRulesMarkdown(t *testing.T) {
	t.Parallel()
	r := kw(t, "rules", "--format", "markdown", "--profile", "pss-baseline")
	require.Equal(t, exitClean, r.code, r.stderr)
	priv := linesWith(r.stdout, "KW-PSS-007")
	require.Len(t, priv, 1)
	assert.Regexp(t, `^\|.*KW-PSS-007.*\|.*critical.*\|.*Privileged container.*\|`, priv[0])
	assert.NotEmpty(t, linesWith(r.stdout, "|---"), "a markdown table")
	assert.Empty(t, linesWith(r.stdout, "KW-PSS-014"), "pss-restricted only")
}

func TestRulesUsageErrors(t *testing.T) {
	t.Parallel()
	for _, args := range [][]string{
		{"rules", "--profile", "nope"},
		{"rules", "--format", "yaml"},
		{"rules", "extra-argument"},
	} {
		t.Run(strings.Join(args, " "), func(t *testing.T) {
			t.Parallel()
			r := kw(t, args...)
			assert.Equal(t, exitError, r.code)
			assert.Empty(t, r.stdout)
			assert.NotEmpty(t, r.stderr)
		})
	}
}

// --- explain ---

func TestExplain(t *testing.T) {
	t.Parallel()
	var priv ruleJSON
	for _, r := range listRules(t) {
		if r.ID == "KW-PSS-007" {
			priv = r
		}
	}
	require.NotEmpty(t, priv.Description)
	require.NotEmpty(t, priv.Remediation)
	require.NotEmpty(t, priv.References)
	for _, id := range []string{"KW-PSS-007", "kw-pss-007"} {
		t.Run(id, func(t *testing.T) {
			t.Parallel()
			r := kw(t, "explain", id)
			require.Equal(t, exitClean, r.code, r.stderr)
			out := r.stdout
			assert.True(t, strings.HasPrefix(out, "KW-PSS-007: Privileged container\n"), out)
			assert.Contains(t, out, "severity: critical")
			assert.Contains(t, out, "pss-baseline")
			// Description, remediation, references (each section indented
			// under its heading), and an example that triggers the rule.
			assert.Contains(t, out, "\nWhy:\n  "+strings.ReplaceAll(priv.Description, "\n", "\n  ")+"\n")
			assert.Contains(t, out, "\nRemediation:\n  "+priv.Remediation+"\n")
			assert.Contains(t, out, "\nReferences:\n")
			for _, ref := range priv.References {
				assert.Contains(t, out, "\n  - "+ref+"\n")
			}
			assert.Contains(t, out, "https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline")
			assert.Regexp(t, `\nExample[^\n]*:\n`, out)
			assert.Contains(t, out, "privileged: true")
		})
	}
}

func TestExplainExampleTriggersTheRule(t *testing.T) {
	t.Parallel()
	r := kw(t, "explain", "KW-PSS-007")
	require.Equal(t, exitClean, r.code, r.stderr)
	// Cut the example out of the explanation and lint it.
	_, after, ok := strings.Cut(r.stdout, "Example (triggers the rule):\n")
	require.True(t, ok, r.stdout)
	var example strings.Builder
	for _, l := range strings.Split(after, "\n") {
		if l != "" && !strings.HasPrefix(l, "  ") {
			break
		}
		example.WriteString(strings.TrimPrefix(l, "  ") + "\n")
	}
	lint := kwStdin(t, strings.NewReader(example.String()), "lint", "-", "--format", "json", "--profile", "pss-baseline")
	require.Equal(t, exitFindings, lint.code, "example:\n%s\n%s", example.String(), lint.stderr)
	assert.NotEmpty(t, findingsOf(decodeReport(t, lint.stdout), "KW-PSS-007"))
}

func TestExplainUserRule(t *testing.T) {
	t.Parallel()
	r := kw(t, "explain", "TEST-HIGH", "--policy", fixture("policies"))
	require.Equal(t, exitClean, r.code, r.stderr)
	assert.Contains(t, r.stdout, "TEST-HIGH: Test high\n")
	assert.Contains(t, r.stdout, "Remove the kwtest/high label.")
	assert.Contains(t, r.stdout, "https://example.com/kwtest/high")
}

func TestExplainErrors(t *testing.T) {
	t.Parallel()
	t.Run("unknown rule", func(t *testing.T) {
		t.Parallel()
		r := kw(t, "explain", "NOPE")
		assert.Equal(t, exitError, r.code)
		assert.Empty(t, r.stdout)
		assert.Contains(t, r.stderr, `"NOPE"`)
	})
	t.Run("no rule id", func(t *testing.T) {
		t.Parallel()
		r := kw(t, "explain")
		assert.Equal(t, exitError, r.code)
		assert.NotEmpty(t, r.stderr)
	})
	t.Run("two rule ids", func(t *testing.T) {
		t.Parallel()
		r := kw(t, "explain", "KW-PSS-007", "KW-PSS-003")
		assert.Equal(t, exitError, r.code)
	})
}

// --- version ---

func TestVersion(t *testing.T) {
	t.Parallel()
	r := kw(t, "version")
	require.Equal(t, exitClean, r.code, r.stderr)
	lines := strings.Split(strings.TrimRight(r.stdout, "\n"), "\n")
	assert.Regexp(t, `^kubeward \S+$`, lines[0])
	assert.Regexp(t, `(?m)^commit: \S+$`, r.stdout)
	assert.Regexp(t, `(?m)^built: \S+$`, r.stdout)
	assert.Regexp(t, `(?m)^go: go\S+ \S+/\S+$`, r.stdout)
	assert.Empty(t, r.stderr)

	bad := kw(t, "version", "extra")
	assert.Equal(t, exitError, bad.code)
}

func TestHelp(t *testing.T) {
	t.Parallel()
	r := kw(t, "lint", "--help")
	assert.Equal(t, exitClean, r.code)
	assert.Contains(t, r.stdout, "--fail-on")
	assert.Contains(t, r.stdout, "Exit status")
}

func TestRulesCISProfileShowsCISIDs(t *testing.T) {
	r := kw(t, "rules", "--profile", "cis")
	require.Equal(t, exitClean, r.code, r.stderr)
	lines := strings.Split(strings.TrimSpace(r.stdout), "\n")
	require.True(t, strings.HasSuffix(strings.TrimSpace(lines[0]), "CIS"), lines[0])
	var privileged string
	for _, l := range lines {
		if strings.HasPrefix(l, "KW-PSS-007 ") {
			privileged = l
		}
	}
	require.NotEmpty(t, privileged, "KW-PSS-007 is in the cis profile")
	assert.True(t, strings.HasSuffix(strings.TrimSpace(privileged), "5.2.2"), privileged)
}

// --parse-only (hidden, for make bench) reads and checks the input and
// evaluates nothing: the floor a whole run is compared with.
func TestParseOnly(t *testing.T) {
	r := kw(t, "lint", "--parse-only", privilegedFile)
	assert.Equal(t, 0, r.code, r.stderr)
	assert.Contains(t, r.stdout, "1 object, 0 findings, 0 errors.")
	assert.Equal(t, 1, kw(t, "lint", privilegedFile).code)
}

// A second run on unchanged files is answered from the result cache, with
// the same report; --no-cache neither reads nor writes it.
func TestResultCacheFlags(t *testing.T) {
	cache := t.TempDir()
	first := kw(t, "lint", "--cache-dir", cache, privilegedFile, "--format", "json")
	// Result entries only: the binary's digest (exe-*) is written by the
	// first run of the process that computes it, which depends on the
	// order the tests run in.
	entries := func() int {
		n := 0
		_ = filepath.WalkDir(cache, func(_ string, d os.DirEntry, err error) error {
			if err == nil && !d.IsDir() && !strings.HasPrefix(d.Name(), "exe-") {
				n++
			}
			return nil
		})
		return n
	}
	require.Equal(t, 1, entries())
	second := kw(t, "lint", "--cache-dir", cache, privilegedFile, "--format", "json")
	assert.Equal(t, first.code, second.code)
	assert.Equal(t, first.stdout, second.stdout)

	other := t.TempDir()
	none := kw(t, "lint", "--cache-dir", other, "--no-cache", privilegedFile, "--format", "json")
	assert.Equal(t, first.stdout, none.stdout)
	assert.NoDirExists(t, filepath.Join(other, "results"))
}
