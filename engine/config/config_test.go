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
	assert.Equal(t, []string{filepath.Join("repo", "policies")}, c.Policies)
	require.Len(t, c.Refused, 1, "an absolute path is for the command line")
	assert.Equal(t, "repo/.kubeward.yaml:10: policies: /abs/rules is not read: a configuration names paths relative to its folder, in its repository (give an absolute path on the command line: --policy, --bundle)", c.Refused[0].Error())
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
	assert.Equal(t, `k.yaml:2: unknown key "colour" (known keys: profile, failOn, minSeverity, format, rules, parameters, policies, bundles, exclude, exceptions, regoVersion)
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
	found, ignored, err := Discover(filepath.Join(deep, "x.yaml"))
	require.NoError(t, err)
	assert.Empty(t, ignored)
	assert.Equal(t, filepath.Join(root, "a", FileName), mustAbs(t, found))
	found, _, err = Discover(deep)
	require.NoError(t, err)
	assert.Equal(t, filepath.Join(root, "a", FileName), mustAbs(t, found))
}

// Discovery stops at the folder holding .git: a configuration above the
// repository is someone else's.
func TestDiscoverStopsAtTheRepository(t *testing.T) {
	root := t.TempDir()
	repo := filepath.Join(root, "repo")
	deep := filepath.Join(repo, "apps", "web")
	require.NoError(t, os.MkdirAll(deep, 0o755))
	require.NoError(t, os.WriteFile(filepath.Join(root, FileName), []byte("policies: [/etc]\n"), 0o644))
	require.NoError(t, os.WriteFile(filepath.Join(repo, ".git"), []byte("gitdir: elsewhere\n"), 0o644))
	found, ignored, err := Discover(deep)
	require.NoError(t, err)
	assert.Empty(t, ignored)
	assert.Empty(t, found, "the file above .git is not the repository's")
	assert.Equal(t, repo, RepoRoot(deep))

	require.NoError(t, os.WriteFile(filepath.Join(repo, FileName), nil, 0o644))
	found, _, err = Discover(deep)
	require.NoError(t, err)
	assert.Equal(t, filepath.Join(repo, FileName), mustAbs(t, found), "the repository's own, at its root")
}

// A discovered configuration that is a link out of its folder is not used
// (and not read: its bytes could be quoted in a validation error).
func TestDiscoverIgnoresALinkOutOfItsFolder(t *testing.T) {
	root := t.TempDir()
	repo := filepath.Join(root, "repo")
	require.NoError(t, os.MkdirAll(filepath.Join(repo, ".git"), 0o755))
	secret := filepath.Join(root, "secret.yaml")
	require.NoError(t, os.WriteFile(secret, []byte("token: s3cr3t\n"), 0o644))
	require.NoError(t, os.Symlink(secret, filepath.Join(repo, FileName)))
	found, ignored, err := Discover(repo)
	require.NoError(t, err)
	assert.Empty(t, found)
	require.Len(t, ignored, 1)
	assert.Equal(t, "not used: it is a symbolic link to "+secret+", outside its folder", ignored[0].Message)
}

// Loaded from disk, a configuration's paths stay in its repository, links
// included.
func TestLoadRefusesPathsOutOfTheRepository(t *testing.T) {
	root := t.TempDir()
	repo := filepath.Join(root, "repo")
	sub := filepath.Join(repo, "deploy")
	require.NoError(t, os.MkdirAll(filepath.Join(repo, "policies"), 0o755))
	require.NoError(t, os.MkdirAll(sub, 0o755))
	require.NoError(t, os.MkdirAll(filepath.Join(repo, ".git"), 0o755))
	require.NoError(t, os.MkdirAll(filepath.Join(root, "outside"), 0o755))
	require.NoError(t, os.Symlink(filepath.Join(root, "outside"), filepath.Join(repo, "linked")))
	file := filepath.Join(sub, FileName)
	require.NoError(t, os.WriteFile(file, []byte("policies:\n  - ../policies\n  - ../../outside\n  - ../linked\nbundles: [../../b.tar.gz, oci://r.example/p:1]\n"), 0o644))
	c, err := Load(file, 1<<20)
	require.NoError(t, err)
	assert.Equal(t, repo, c.Root)
	assert.Equal(t, []string{filepath.Join(repo, "policies")}, c.Policies)
	assert.Equal(t, []string{"oci://r.example/p:1"}, c.Bundles)
	var msgs []string
	for _, e := range c.Refused {
		msgs = append(msgs, e.Error())
	}
	assert.ElementsMatch(t, []string{
		file + ":3: policies: ../../outside is not read: it leaves the repository " + repo + " (paths in a configuration stay in it)",
		file + ":5: bundles: ../../b.tar.gz is not read: it leaves the repository " + repo + " (paths in a configuration stay in it)",
		file + ":4: policies: " + filepath.Join(repo, "linked") + " is not read: " + filepath.Join(repo, "linked") + ": is a symbolic link to " + filepath.Join(root, "outside") + ", outside " + repo,
	}, msgs)

	_, err = Load(file, 10)
	require.Error(t, err)
	assert.Contains(t, err.Error(), file+": cannot read the configuration: is 105 bytes, larger than the 10 bytes limit")
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
