package main

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// conftestIDs lists the findings' rule ids and objects, sorted as
// conftestFindings sorts them.
func conftestIDs(t *testing.T, stdout string) []conftestFinding {
	t.Helper()
	return conftestFindings(decodeReport(t, stdout))
}

// TestRegoVersion: --rego-version v0 loads OPA 0.x / older conftest
// policies as written, with the bundled rules still v1; without it, a v0
// file is refused at file:line with the flag to pass; regoVersion: in
// .kubeward.yaml does the same as the flag.
func TestRegoVersion(t *testing.T) {
	v0 := filepath.Join(conftestRepo, "v0", "policy")
	v1 := filepath.Join(conftestRepo, "v1", "policy")
	manifests := filepath.Join(conftestRepo, "manifests")

	r := kw(t, "lint", "--policy", v0, "--profile", "conftest", manifests)
	assert.Equal(t, exitError, r.code, r.stdout)
	assert.Contains(t, r.stderr, filepath.Join(v0, "lib.rego")+":5:")
	assert.Contains(t, r.stderr, "pass --rego-version v0")

	r = kw(t, "lint", "--policy", v1, "--profile", "conftest", "--format", "json", manifests)
	require.Equal(t, exitFindings, r.code, r.stderr)
	want := conftestIDs(t, r.stdout)
	require.Len(t, want, 5)

	r = kw(t, "lint", "--policy", v0, "--rego-version", "v0", "--profile", "conftest", "--format", "json", manifests)
	require.Equal(t, exitFindings, r.code, r.stderr)
	assert.Equal(t, want, conftestIDs(t, r.stdout), "the v0 policies find what their v1 twins do")

	// The bundled rules stay v1 under --rego-version v0.
	r = kw(t, "lint", "--policy", v0, "--rego-version", "v0", "--format", "json", filepath.Join(manifests, "root.yaml"))
	require.Equal(t, exitFindings, r.code, r.stderr)
	assert.NotEmpty(t, findingsOf(decodeReport(t, r.stdout), "KW-PSS-014"))

	// A v1 policy loaded as v0 is told why it fails.
	r = kw(t, "lint", "--policy", v1, "--rego-version", "v0", "--profile", "conftest", manifests)
	assert.Equal(t, exitError, r.code)
	assert.Contains(t, r.stderr, "the file is Rego v1 but v0 was asked for")

	// kubeward rules lists them too.
	r = kw(t, "rules", "--policy", v0, "--rego-version", "v0", "--profile", "conftest")
	require.Equal(t, exitClean, r.code, r.stderr)
	assert.Contains(t, r.stdout, "conftest.main.deny_run_as_root")

	r = kw(t, "lint", "--policy", v0, "--rego-version", "v2", manifests)
	assert.Equal(t, exitError, r.code)
	assert.Contains(t, r.stderr, `unknown Rego version "v2"`)

	// The configuration's regoVersion: stands in for the flag, which wins.
	cfgDir := writeFiles(t, map[string]string{
		"v0.yaml":  "regoVersion: v0\nprofile: conftest\n",
		"bad.yaml": "profile: conftest\nregoVersion: v3\n",
	})
	r = kw(t, "lint", "--config", filepath.Join(cfgDir, "v0.yaml"), "--policy", v0, "--format", "json", manifests)
	require.Equal(t, exitFindings, r.code, r.stderr)
	assert.Equal(t, want, conftestIDs(t, r.stdout))
	r = kw(t, "lint", "--config", filepath.Join(cfgDir, "v0.yaml"), "--rego-version", "v1", "--policy", v0, manifests)
	assert.Equal(t, exitError, r.code)
	assert.Contains(t, r.stderr, "pass --rego-version v0")
	r = kw(t, "lint", "--config", filepath.Join(cfgDir, "bad.yaml"), "--policy", v0, manifests)
	assert.Equal(t, exitError, r.code)
	assert.Contains(t, r.stderr, "bad.yaml:2: regoVersion:")
}

const v0Rule = `# METADATA
# title: Owner label
# custom:
#   id: ACME-V0
#   severity: medium
package kubeward.rules.acme.owner

deny[{"msg": msg, "path": ["metadata", "labels"]}] {
	not input.metadata.labels.owner
	msg := sprintf("%s has no owner label", [input.metadata.name])
}
`

const v0RuleTest = `package kubeward.rules.acme.owner_test

import data.kubeward.rules.acme.owner

test_missing_owner {
	count(owner.deny) == 1 with input as {"metadata": {"name": "x", "labels": {}}}
}

test_owner_set {
	count(owner.deny) == 0 with input as {"metadata": {"name": "x", "labels": {"owner": "me"}}}
}
`

// TestRegoVersionTestAndBundle: kubeward test and bundle build take
// --rego-version too; the bundle records it, so that lint loads the bundle
// as v0 without being told.
func TestRegoVersionTestAndBundle(t *testing.T) {
	dir := writeFiles(t, map[string]string{"acme/owner.rego": v0Rule, "acme/owner_test.rego": v0RuleTest})
	policyDir := filepath.Join(dir, "acme")

	r := kw(t, "test", policyDir)
	assert.Equal(t, exitError, r.code, r.stdout)
	assert.Contains(t, r.stderr, "pass --rego-version v0")
	r = kw(t, "test", "--rego-version", "v0", policyDir)
	assert.Equal(t, exitClean, r.code, r.stdout+r.stderr)
	assert.Contains(t, r.stdout, "PASS: 2/2")

	out := filepath.Join(dir, "acme.tar.gz")
	r = kw(t, "bundle", "build", policyDir, "-o", out)
	assert.Equal(t, exitError, r.code)
	assert.Contains(t, r.stderr, "pass --rego-version v0")
	r = kw(t, "bundle", "build", "--rego-version", "v0", policyDir, "-o", out)
	require.Equal(t, exitClean, r.code, r.stderr)
	assert.Contains(t, r.stdout, "2 tests passed")

	deploy := filepath.Join(conftestRepo, "manifests", "root.yaml")
	r = kw(t, "lint", "--bundle", out, "--insecure-skip-verify", "--format", "json", deploy)
	require.Equal(t, exitFindings, r.code, r.stderr)
	assert.Empty(t, findingsOf(decodeReport(t, r.stdout), "ACME-V0"), "root.yaml has an owner label")
	noOwner := writeFiles(t, map[string]string{"cm.yaml": "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\n"})
	r = kw(t, "lint", "--bundle", out, "--insecure-skip-verify", "--format", "json", filepath.Join(noOwner, "cm.yaml"))
	require.Equal(t, exitFindings, r.code, r.stderr)
	found := findingsOf(decodeReport(t, r.stdout), "ACME-V0")
	require.Len(t, found, 1)
	assert.Equal(t, "settings has no owner label", found[0].Message)

	// A bundle whose manifest says v1 but holds v0 files is told how to build it.
	a, err := readArchive(out)
	require.NoError(t, err)
	m := a.File(".manifest")
	require.NotNil(t, m)
	require.Contains(t, string(m.Data), `"rego_version":0`)
	m.Data = []byte(strings.Replace(string(m.Data), `"rego_version":0`, `"rego_version":1`, 1))
	wrong := filepath.Join(dir, "wrong.tar.gz")
	require.NoError(t, writeArchive(wrong, a))
	r = kw(t, "lint", "--bundle", wrong, "--insecure-skip-verify", filepath.Join(noOwner, "cm.yaml"))
	assert.Equal(t, exitError, r.code, r.stdout)
	assert.Contains(t, r.stderr, "the file is Rego v0 but "+wrong+"/.manifest says v1: build the bundle with kubeward bundle build --rego-version v0")
}

// TestTestCommandConfigAndAllNamespaces: kubeward test reads regoVersion:
// from the .kubeward.yaml lint would use (the flag wins), and takes lint's
// --all-policy-namespaces for its fixture suites.
func TestTestCommandConfigAndAllNamespaces(t *testing.T) {
	dir := writeFiles(t, map[string]string{
		".kubeward.yaml":       "regoVersion: v0\n",
		"acme/owner.rego":      v0Rule,
		"acme/owner_test.rego": v0RuleTest,
	})
	policyDir := filepath.Join(dir, "acme")
	r := kw(t, "test", policyDir)
	assert.Equal(t, exitClean, r.code, r.stdout+r.stderr)
	assert.Contains(t, r.stdout, "PASS: 2/2")
	r = kw(t, "test", "--rego-version", "v1", policyDir)
	assert.Equal(t, exitError, r.code, r.stdout)
	assert.Contains(t, r.stderr, "pass --rego-version v0")
	other := writeFiles(t, map[string]string{"k.yaml": "regoVersion: v1\n"})
	r = kw(t, "test", "--config", filepath.Join(other, "k.yaml"), policyDir)
	assert.Equal(t, exitError, r.code, r.stdout)
	assert.Contains(t, r.stderr, "pass --rego-version v0")

	security := `package kubernetes.security

deny contains msg if {
	input.kind == "Pod"
	input.spec.hostNetwork
	msg := sprintf("%s uses the host network", [input.metadata.name])
}
`
	conftest := writeFiles(t, map[string]string{
		"security.rego":             security,
		"suites/host/pod.yaml":      "apiVersion: v1\nkind: Pod\nmetadata:\n  name: agent\n  namespace: ops\nspec:\n  hostNetwork: true\n  containers: [{name: a, image: a:1}]\n",
		"suites/host/expected.yaml": "findings:\n  - {rule: conftest.kubernetes.security.deny, object: Pod ops/agent}\n",
	})
	r = kw(t, "test", conftest)
	assert.Equal(t, exitFindings, r.code, r.stdout+r.stderr)
	assert.Contains(t, r.stdout, "missing:    conftest.kubernetes.security.deny on Pod ops/agent")
	r = kw(t, "test", "--all-policy-namespaces", conftest)
	assert.Equal(t, exitClean, r.code, r.stdout+r.stderr)
	assert.Contains(t, r.stdout, "SUITES PASS: 1/1")
}
