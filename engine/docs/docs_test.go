package docs_test

import (
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kubeward/kubeward/engine/docs"
	"github.com/kubeward/kubeward/engine/policy"
)

// docs/rules is generated from the rules' METADATA by `make docs`; this test
// fails when a rule changed and the pages were not regenerated.
func TestRulePagesAreCurrent(t *testing.T) {
	lib, err := policy.Load(policy.Options{})
	require.NoError(t, err)
	pages := docs.Pages(lib.Rules)
	dir := filepath.Join("..", "..", "docs", "rules")
	for name, want := range pages {
		got, err := os.ReadFile(filepath.Join(dir, name))
		if !assert.NoError(t, err, "docs/rules/%s is missing: run make docs", name) {
			continue
		}
		assert.Equal(t, want, string(got), "docs/rules/%s is stale: run make docs", name)
	}
	entries, err := os.ReadDir(dir)
	require.NoError(t, err)
	var extra []string
	for _, e := range entries {
		if _, ok := pages[e.Name()]; !ok {
			extra = append(extra, e.Name())
		}
	}
	sort.Strings(extra)
	assert.Empty(t, extra, "docs/rules has pages of no rule: delete them")
}

func TestEveryRuleHasCompleteMetadata(t *testing.T) {
	lib, err := policy.Load(policy.Options{})
	require.NoError(t, err)
	for _, r := range lib.Rules {
		assert.NotEmpty(t, r.Description, "%s description", r.ID)
		assert.NotEmpty(t, r.Remediation, "%s remediation", r.ID)
		assert.NotEmpty(t, r.References, "%s references", r.ID)
		// The removed-API rule, "namespace not declared", the ignore
		// annotation check and the schema rules apply to any kind.
		if r.ID != "KW-WRK-015" && r.ID != "KW-NS-009" && r.ID != "KW-CFG-001" && !strings.HasPrefix(r.ID, "KW-SCH-") {
			assert.NotEmpty(t, r.Kinds, "%s kinds", r.ID)
		}
		assert.True(t, strings.HasPrefix(r.ID, "KW-"), r.ID)
	}
}

func TestRulePageContent(t *testing.T) {
	r := &policy.Rule{ID: "X-1", Title: "T", Severity: "low", Package: "kubeward.rules.g.t", File: "p/g/t.rego",
		Description: "Why.", Remediation: "Fix.", References: []string{"CIS 1", "https://example.com"},
		Profiles: []string{"cis"}, Custom: map[string]any{"requiresComplete": true}}
	page := docs.RulePage(r, "kind: Pod\n")
	for _, want := range []string{"# X-1: T", "| Severity | low |", "| Profiles | all, cis |", "| Kinds | any |",
		"| Needs complete input | yes", "## Why\n\nWhy.", "## Remediation\n\nFix.", "```yaml\nkind: Pod\n```", "- CIS 1", "- <https://example.com>"} {
		assert.Contains(t, page, want)
	}
}
