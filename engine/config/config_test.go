package config

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestParseEveryKey(t *testing.T) {
	c, err := Parse("repo/.kubeward.yaml", []byte(`
profile: pss-restricted
failOn: high
format: sarif
rules:
  kw-pss-007: {enabled: false}
  KW-IMG-006: {severity: Critical}
parameters:
  allowedRegistries: [registry.example.com]
policies: [policies, /abs/rules]
bundles: [b.tar.gz, "oci://ghcr.io/acme/policies:1"]
exclude: ["charts/**"]
exceptions:
  - rules: [KW-PSS-007, "KW-NET-*"]
    namespace: "legacy-*"
    kind: Deployment
    name: "web-*"
    selector: {matchLabels: {team: payments}}
    files: ["charts/legacy/**"]
    reason: "moves to the new node pool in Q1"
    expires: 2027-03-31
`))
	require.NoError(t, err)
	assert.Equal(t, "pss-restricted", c.Profile)
	assert.Equal(t, "high", c.FailOn)
	assert.Equal(t, "sarif", c.Format)
	assert.Equal(t, []string{"KW-PSS-007"}, c.Disabled())
	assert.Equal(t, "critical", c.Severity("kw-img-006"))
	assert.Equal(t, map[string]any{"allowedRegistries": []any{"registry.example.com"}}, c.Parameters)
	assert.Equal(t, []string{filepath.Join("repo", "policies"), "/abs/rules"}, c.Policies)
	assert.Equal(t, []string{filepath.Join("repo", "b.tar.gz"), "oci://ghcr.io/acme/policies:1"}, c.Bundles)
	assert.Equal(t, []string{"charts/**"}, c.Exclude)
	require.Len(t, c.Exceptions, 1)
	e := c.Exceptions[0]
	assert.Equal(t, 14, e.Line)
	assert.Equal(t, time.Date(2027, 3, 31, 0, 0, 0, 0, time.UTC), e.Expires)
	assert.Equal(t, "repo/.kubeward.yaml:14", e.Where(c))
}

func TestParseErrorsCarryLines(t *testing.T) {
	_, err := Parse("k.yaml", []byte(`profile: all
colour: red
rules:
  KW-PSS-007: {enabled: maybe, level: high}
exceptions:
  - rules: [KW-PSS-007]
  - reason: no rules
    expires: next week
  - rules: ["[bad"]
    reason: r
    selector: {matchExpressions: [{key: a, operator: Near}]}
`))
	require.Error(t, err)
	assert.Equal(t, `k.yaml:2: unknown key "colour" (known keys: profile, failOn, format, rules, parameters, policies, bundles, exclude, exceptions)
k.yaml:4: unknown key "rules.KW-PSS-007.level" (known keys: enabled, severity)
k.yaml:4: rules.KW-PSS-007.enabled must be true or false
k.yaml:6: an exception needs a reason
k.yaml:8: exceptions[].expires "next week" is not a date (YYYY-MM-DD)
k.yaml:7: an exception needs rules: the rule ids (or globs) it suppresses
k.yaml:9: exceptions[].rules: bad glob "[bad": syntax error in pattern
k.yaml:11: exceptions[].selector: unknown operator "Near" (In, NotIn, Exists, DoesNotExist)`, err.Error())

	_, err = Parse("k.yaml", []byte("rules: [a\n"))
	require.Error(t, err)
	assert.Contains(t, err.Error(), "k.yaml:")
	assert.Contains(t, err.Error(), "invalid YAML")

	c, err := Parse("k.yaml", []byte("# nothing\n"))
	require.NoError(t, err)
	assert.Empty(t, c.Exceptions)
}

func TestDiscoverWalksUp(t *testing.T) {
	root := t.TempDir()
	deep := filepath.Join(root, "a", "b", "c")
	require.NoError(t, os.MkdirAll(deep, 0o755))
	require.NoError(t, os.WriteFile(filepath.Join(deep, "x.yaml"), nil, 0o644))
	// The nearest file wins over any further up.
	require.NoError(t, os.WriteFile(filepath.Join(root, FileName), nil, 0o644))
	require.NoError(t, os.WriteFile(filepath.Join(root, "a", FileName), nil, 0o644))
	found, err := Discover(filepath.Join(deep, "x.yaml"))
	require.NoError(t, err)
	assert.Equal(t, filepath.Join(root, "a", FileName), mustAbs(t, found))
	found, err = Discover(deep)
	require.NoError(t, err)
	assert.Equal(t, filepath.Join(root, "a", FileName), mustAbs(t, found))
}

func mustAbs(t *testing.T, p string) string {
	abs, err := filepath.Abs(p)
	require.NoError(t, err)
	return abs
}

func TestMatchPath(t *testing.T) {
	for _, c := range []struct {
		glob, path string
		want       bool
	}{
		{"charts/legacy/**", "charts/legacy/a.yaml", true},
		{"charts/legacy/**", "charts/legacy/t/a.yaml", true},
		{"charts/legacy/**", "charts/other/a.yaml", false},
		{"**/legacy/*.yaml", "x/y/legacy/a.yaml", true},
		{"**/legacy/*.yaml", "legacy/a.yaml", true},
		{"**/legacy/*.yaml", "legacy/t/a.yaml", false},
		{"*.yaml", "a.yaml", true},
		{"*.yaml", "d/a.yaml", false},
		{"**", "a/b/c", true},
		{"**/**/a", "a", true},
		{"a/**/**/b", "a/x/y/b", true},
		{"a/**/b/**/c", "a/b/c", true},
		{"a/**/b/**/c", "a/x/b/y/z/c", true},
		{"a/**/b/**/c", "a/x/c/b", false},
		{"**/x", "d/d/d/y", false},
		{"a/**", "a", true},
		{"a/*", "a", false},
	} {
		assert.Equal(t, c.want, MatchPath(c.glob, c.path), "%s ~ %s", c.glob, c.path)
	}
}

func TestExpiryIsInclusiveOfTheDay(t *testing.T) {
	e := Exception{Expires: time.Date(2027, 3, 31, 0, 0, 0, 0, time.UTC)}
	assert.False(t, e.Expired(time.Date(2027, 3, 31, 23, 59, 0, 0, time.UTC)))
	assert.True(t, e.Expired(time.Date(2027, 4, 1, 0, 0, 0, 0, time.UTC)))
	assert.False(t, (&Exception{}).Expired(time.Date(3000, 1, 1, 0, 0, 0, 0, time.UTC)), "no date: never")
}

func TestExceptionMatchers(t *testing.T) {
	c := &Config{File: ".kubeward.yaml", Dir: "."}
	e := Exception{Rules: []string{"kw-net-*"}, Namespace: "legacy-*", Kind: "deployment", Name: "web-*",
		Selector: &Selector{MatchLabels: map[string]string{"team": "payments"}, MatchExpressions: []Requirement{{Key: "tier", Operator: "Exists"}}},
		Files:    []string{"charts/**"}}
	t0 := Target{Rule: "KW-NET-003", Kind: "Deployment", Namespace: "legacy-a", Name: "web-1", Labels: map[string]string{"team": "payments", "tier": "x"}, File: "charts/a.yaml"}
	assert.True(t, e.Matches(c, t0))
	for name, change := range map[string]func(*Target){
		"rule":      func(t *Target) { t.Rule = "KW-PSS-001" },
		"namespace": func(t *Target) { t.Namespace = "prod" },
		"kind":      func(t *Target) { t.Kind = "Pod" },
		"name":      func(t *Target) { t.Name = "api" },
		"labels":    func(t *Target) { t.Labels = map[string]string{"team": "payments"} },
		"file":      func(t *Target) { t.File = "other/a.yaml" },
	} {
		tt := t0
		change(&tt)
		assert.False(t, e.Matches(c, tt), name)
	}
}
