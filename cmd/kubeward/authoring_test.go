package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/format"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"sigs.k8s.io/yaml"
)

type parsedObject struct {
	File      string         `json:"file"`
	Line      int            `json:"line"`
	Column    int            `json:"column"`
	Document  int            `json:"document"`
	Item      *int           `json:"item"`
	Template  string         `json:"template"`
	Object    map[string]any `json:"object"`
	Positions map[string]struct {
		Line, Column int
	} `json:"positions"`
}

func TestParseShowsObjectsAsRulesReceiveThem(t *testing.T) {
	export := filepath.Join("..", "..", "testdata", "cluster", "deployment-export.yaml")
	r := kw(t, "parse", export, "-o", "json", "--positions")
	require.Equal(t, exitClean, r.code, r.stderr)
	var objs []parsedObject
	require.NoError(t, json.Unmarshal([]byte(r.stdout), &objs))
	require.Greater(t, len(objs), 1, "a List is expanded item by item")
	d := objs[0]
	assert.Equal(t, "Deployment", d.Object["kind"])
	require.NotNil(t, d.Item)
	assert.Equal(t, 0, *d.Item)
	assert.Equal(t, 8, d.Line, "where the item starts")
	meta := d.Object["metadata"].(map[string]any)
	assert.NotContains(t, meta, "managedFields", "live-cluster noise is removed, as for rules")
	assert.NotContains(t, d.Object, "status")
	assert.Equal(t, 25, d.Positions["spec.replicas"].Line, "--positions gives each field's line")

	// YAML by default; charts are rendered with lint's source flags.
	chart := filepath.Join("..", "..", "testdata", "charts", "web")
	r = kw(t, "parse", chart, "--set", "replicaCount=3", "-n", "shop")
	require.Equal(t, exitClean, r.code, r.stderr)
	require.NoError(t, yaml.Unmarshal([]byte(r.stdout), &objs))
	var replicas any
	for _, o := range objs {
		if o.Object["kind"] == "Deployment" {
			replicas = o.Object["spec"].(map[string]any)["replicas"]
			assert.Equal(t, "web/templates/deployment.yaml", o.Template)
		}
	}
	assert.EqualValues(t, 3, replicas)
	assert.NotContains(t, r.stdout, "{", "block style, as manifests are written")

	r = kw(t, "parse", filepath.Join(t.TempDir(), "absent.yaml"))
	assert.Equal(t, exitError, r.code)
	assert.Contains(t, r.stderr, "absent.yaml")
	assert.Equal(t, exitError, kw(t, "parse", export, "-o", "xml").code)
}

const printingRule = `# METADATA
# title: Two replicas
# custom:
#   id: ACME-001
#   severity: low
#   kinds: [Deployment]
package kubeward.rules.acme.replicas

deny contains {"msg": "one replica", "path": ["spec", "replicas"]} if {
	print("replicas:", input.spec.replicas)
	input.spec.replicas < 2
}
`

const shopDeployment = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: shop
spec:
  replicas: 1
`

func TestLintPrintShowsRulesPrintOutput(t *testing.T) {
	dir := writeFiles(t, map[string]string{"pol/replicas.rego": printingRule, "deploy.yaml": shopDeployment})
	args := []string{"lint", "--no-cache", "--policy", filepath.Join(dir, "pol"), "--profile", "all", filepath.Join(dir, "deploy.yaml")}

	r := kw(t, args...)
	assert.Equal(t, exitFindings, r.code, r.stderr)
	assert.NotContains(t, r.stderr, "replicas:", "print() is off by default")

	r = kw(t, append(args, "--print")...)
	assert.Equal(t, exitFindings, r.code, r.stderr)
	assert.Equal(t, "[ACME-001 Deployment/shop/web] replicas: 1\n", r.stderr)
	assert.Contains(t, r.stdout, "ACME-001", "the report is unchanged")

	// A conftest package holds several rules: each line names its own.
	conftest := writeFiles(t, map[string]string{"policy/main.rego": `package main

deny contains "d" if {
	print("in deny")
	input.kind == "Deployment"
}

warn_x contains "w" if {
	print("in warn_x")
	input.kind == "Deployment"
}
`})
	r = kw(t, "lint", "--policy", filepath.Join(conftest, "policy"), "--profile", "conftest", "--print", filepath.Join(dir, "deploy.yaml"))
	assert.Equal(t, exitFindings, r.code, r.stderr)
	assert.Contains(t, r.stderr, "[conftest.main.deny Deployment/shop/web] in deny\n")
	assert.Contains(t, r.stderr, "[conftest.main.warn_x Deployment/shop/web] in warn_x\n")
}

func TestNewRulePassesKubewardTest(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "my-policies")
	r := kw(t, "new", "rule", "ACME-001", "--kind", "Deployment", "--dir", dir)
	require.Equal(t, exitClean, r.code, r.stderr)
	assert.Contains(t, r.stdout, "wrote "+filepath.Join(dir, "acme_001.rego"))
	for _, c := range []struct{ id, kind, apiVersion string }{
		{"ACME-002", "Pod", ""},
		{"ACME-003", "Namespace", ""}, // cluster-scoped
		{"ACME-004", "Certificate", "cert-manager.io/v1"},
	} {
		args := []string{"new", "rule", c.id, "--kind", c.kind, "--dir", dir}
		if c.apiVersion != "" {
			args = append(args, "--api-version", c.apiVersion)
		}
		r := kw(t, args...)
		require.Equal(t, exitClean, r.code, r.stderr)
	}

	rule, err := os.ReadFile(filepath.Join(dir, "acme_001.rego"))
	require.NoError(t, err)
	for _, field := range []string{"id: ACME-001", "title:", "description:", "severity:", "kinds: [Deployment]", "profiles: [acme]", "remediation:", "references:", "example:"} {
		assert.Contains(t, string(rule), field)
	}
	for _, name := range []string{"acme_001.rego", "acme_001_test.rego"} {
		src, err := os.ReadFile(filepath.Join(dir, name))
		require.NoError(t, err)
		formatted, err := format.SourceWithOpts(name, src, format.Opts{RegoVersion: ast.RegoV1})
		require.NoError(t, err)
		assert.Equal(t, string(formatted), string(src), "%s is written as opa fmt writes it", name)
	}

	r = kw(t, "test", dir, "--verbose")
	require.Equal(t, exitClean, r.code, r.stdout+r.stderr)
	assert.Contains(t, r.stdout, "PASS: 8/8")
	assert.Contains(t, r.stdout, "SUITES PASS: 4/4")
	assert.Contains(t, r.stdout, "test_without_owner_is_denied: PASS")

	// The generated suite fails when the rule stops firing: it tests the rule.
	require.NoError(t, os.WriteFile(filepath.Join(dir, "acme_001.rego"), []byte(strings.Replace(string(rule), "not input.metadata.labels.owner", "input.metadata.labels.never", 1)), 0o644))
	r = kw(t, "test", dir)
	assert.Equal(t, exitFindings, r.code, r.stdout+r.stderr)
	assert.Contains(t, r.stdout, "missing:    ACME-001 on Deployment default/unowned")
	require.NoError(t, os.WriteFile(filepath.Join(dir, "acme_001.rego"), rule, 0o644))

	r = kw(t, "new", "rule", "ACME-001", "--kind", "Pod", "--dir", dir)
	assert.Equal(t, exitError, r.code)
	assert.Contains(t, r.stderr, "not overwriting")
	after, err := os.ReadFile(filepath.Join(dir, "acme_001.rego"))
	require.NoError(t, err)
	assert.Equal(t, rule, after, "an existing rule is left as it was")
	_, err = os.Stat(filepath.Join(dir, "suites", "acme_001", "pod.yaml"))
	assert.True(t, os.IsNotExist(err), "no file is written when one exists")

	assert.Equal(t, exitError, kw(t, "new", "rule", "ACME-005", "--dir", dir).code, "--kind is required")
	assert.Equal(t, exitError, kw(t, "new", "rule", "ACME-005", "--kind", "Widget", "--dir", dir).code, "an unknown kind needs --api-version")
	assert.Equal(t, exitError, kw(t, "new", "rule", "1 bad", "--kind", "Pod", "--dir", dir).code)
	r = kw(t, "new", "rule", "kw-pss-007", "--kind", "Pod", "--dir", dir)
	assert.Equal(t, exitError, r.code)
	assert.Contains(t, r.stderr, "is the bundled rule KW-PSS-007")
}

func TestExplainTraceShowsWhyARuleFiredOrNot(t *testing.T) {
	dir := writeFiles(t, map[string]string{
		"pol/replicas.rego": printingRule,
		"deploy.yaml":       shopDeployment + "---\n" + strings.Replace(strings.Replace(shopDeployment, "replicas: 1", "replicas: 3", 1), "name: web", "name: api", 1),
	})
	pol, input := filepath.Join(dir, "pol"), filepath.Join(dir, "deploy.yaml")

	r := kw(t, "explain", "ACME-001", "--policy", pol, "--input", input, "--trace")
	require.Equal(t, exitClean, r.code, r.stderr)
	assert.Contains(t, r.stdout, "ACME-001 on Deployment/shop/web")
	assert.Contains(t, r.stdout, "Enter data.kubeward.rules.acme.replicas.deny", "OPA's trace")
	assert.Regexp(t, `replicas\.rego:11 +\| Eval lt\(`, r.stdout, "each step with its file and line")
	assert.NotContains(t, r.stdout, "policies/lib/", "only the rule's own file")
	lines := strings.Split(strings.TrimSpace(r.stdout), "\n")
	assert.Equal(t, "ACME-001 fired on Deployment shop/web: 1 finding(s), first at line 7: one replica", lines[len(lines)-1])

	r = kw(t, "explain", "ACME-001", "--policy", pol, "--input", input, "--object", "Deployment/shop/api")
	require.Equal(t, exitClean, r.code, r.stderr)
	assert.NotContains(t, r.stdout, "Enter data", "the trace only with --trace")
	assert.Contains(t, r.stdout, "ACME-001 did not fire on Deployment shop/api: "+filepath.Join(pol, "replicas.rego")+":11: input.spec.replicas < 2 was false")

	r = kw(t, "explain", "KW-PSS-007", "--input", input)
	require.Equal(t, exitClean, r.code, r.stderr)
	assert.Contains(t, r.stdout, "did not fire")

	assert.Equal(t, exitError, kw(t, "explain", "ACME-001", "--policy", pol, "--input", input, "--object", "Pod/x").code)
	assert.Equal(t, exitError, kw(t, "explain", "ACME-001", "--policy", pol, "--trace").code, "--trace needs --input")
}

func TestTestCoverageCountsFixtureSuites(t *testing.T) {
	dir := writeFiles(t, map[string]string{
		"owner.rego": labelRule,
		"owner_test.rego": `package kubeward.rules.t.owner_test

import data.kubeward.rules.t.owner

test_missing_label_denied if {
	count(owner.deny) == 1 with input as {"metadata": {}}
}
`,
		// Only the suite reaches the rule's second deny (owner: root).
		"suites/root/pod.yaml":      "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  namespace: a\n  labels: {owner: root}\nspec:\n  containers: [{name: c, image: x}]\n",
		"suites/root/expected.yaml": "findings:\n  - {rule: T-001, object: Pod a/p, line: 6}\n",
	})
	type coverage struct {
		Coverage struct {
			Percent float64
			Rules   []struct {
				ID         string
				File       string
				Covered    int `json:"coveredLines"`
				NotCovered int `json:"notCoveredLines"`
				Percent    float64
				Missed     []string `json:"notCovered"`
			}
		}
	}
	var rep coverage
	r := kw(t, "test", dir, "--coverage", "--format", "json")
	require.Equal(t, exitClean, r.code, r.stdout+r.stderr)
	require.NoError(t, json.Unmarshal([]byte(r.stdout), &rep))
	require.Len(t, rep.Coverage.Rules, 1)
	assert.Equal(t, "T-001", rep.Coverage.Rules[0].ID)
	assert.Equal(t, filepath.Join(dir, "owner.rego"), rep.Coverage.Rules[0].File)
	assert.Equal(t, 100.0, rep.Coverage.Rules[0].Percent, "the suite covers what the unit test does not")
	assert.Equal(t, 100.0, rep.Coverage.Percent)

	// Without the suite, the second deny is not covered.
	r = kw(t, "test", dir, "--coverage", "--format", "json", "--run", "owner_test")
	require.Equal(t, exitClean, r.code, r.stdout+r.stderr)
	rep = coverage{}
	require.NoError(t, json.Unmarshal([]byte(r.stdout), &rep))
	require.Len(t, rep.Coverage.Rules, 1)
	assert.Equal(t, []string{"12-13"}, rep.Coverage.Rules[0].Missed)
	assert.Less(t, rep.Coverage.Rules[0].Percent, 100.0)

	r = kw(t, "test", dir, "--coverage")
	require.Equal(t, exitClean, r.code, r.stdout+r.stderr)
	assert.Contains(t, r.stdout, "  T-001: 100.0% (", "text lists the rules by id")

	// A conftest rule counts its own definitions, in every file of its package.
	conftest := filepath.Join("..", "..", "testdata", "policies", "conftest")
	r = kw(t, "test", conftest, "--coverage", "--format", "json")
	rep = coverage{}
	require.NoError(t, json.Unmarshal([]byte(r.stdout), &rep), r.stderr)
	byID := map[string][]string{}
	for _, rule := range rep.Coverage.Rules {
		byID[rule.ID] = rule.Missed
	}
	assert.Equal(t, []string{filepath.Join(conftest, "policy", "service.rego") + ":5-8"}, byID["conftest.main.deny"])
	assert.Equal(t, []string{"19-25"}, byID["conftest.main.violation"])

	// A suite alone (no unit test) is covered by the engine's evaluation.
	require.NoError(t, os.Remove(filepath.Join(dir, "owner_test.rego")))
	r = kw(t, "test", dir, "--coverage-min", "50")
	require.Equal(t, exitClean, r.code, r.stdout+r.stderr)
}

// conflictingRule fails at run time on a Deployment (two values for one
// complete rule), after printing. The print() is in deny, not in the
// conflicting rule, which OPA evaluates twice to name both values.
const conflictingRule = `# METADATA
# title: Tier
# custom:
#   id: ACME-002
#   severity: low
#   kinds: [Deployment]
package kubeward.rules.acme.tier

_tier := "a" if input.kind == "Deployment"

_tier := "b" if input.kind == "Deployment"

deny contains {"msg": t, "path": ["spec"]} if {
	print("tier of", input.metadata.name)
	t := _tier
}
`

// When a rule fails, the object's rules are evaluated again one by one to
// name it: --print shows each print() call once, not once per pass.
func TestLintPrintOnceWhenARuleFails(t *testing.T) {
	dir := writeFiles(t, map[string]string{"pol/replicas.rego": printingRule, "pol/tier.rego": conflictingRule, "deploy.yaml": shopDeployment})
	r := kw(t, "lint", "--no-cache", "--print", "--policy", filepath.Join(dir, "pol"), filepath.Join(dir, "deploy.yaml"))
	assert.Equal(t, exitError, r.code, r.stderr)
	assert.Contains(t, r.stdout+r.stderr, "rule ACME-002 failed on Deployment shop/web")
	assert.Equal(t, 1, strings.Count(r.stderr, "[ACME-001 Deployment/shop/web] replicas: 1\n"), r.stderr)
	assert.Equal(t, 1, strings.Count(r.stderr, "[ACME-002 Deployment/shop/web] tier of web\n"), "the failing rule's own output is kept: %s", r.stderr)
	assert.Contains(t, r.stdout, "ACME-001", "the other rule's finding is still reported")
}
