package main

import (
	"os"
	"path/filepath"
	"sort"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// conftestDir is a conftest policy folder written as conftest users write
// them: package main, deny/violation/warn and deny_/warn_ forms, strings and
// {msg, details} objects, a helper package, a data file, Rego tests.
var conftestDir = filepath.Join("..", "..", "testdata", "policies", "conftest")

type conftestFinding struct{ rule, severity, object string }

func conftestFindings(rep jsonReport) []conftestFinding {
	var out []conftestFinding
	for _, f := range rep.Findings {
		out = append(out, conftestFinding{f.Rule.ID, f.Rule.Severity, f.Object.Kind + " " + f.Object.Name})
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].object != out[j].object {
			return out[i].object < out[j].object
		}
		return out[i].rule < out[j].rule
	})
	return out
}

func TestConftestPolicyRunsUnchanged(t *testing.T) {
	policyDir := filepath.Join(conftestDir, "policy")
	manifests := filepath.Join(conftestDir, "manifests")

	r := kw(t, "lint", "--policy", policyDir, "--profile", "conftest", "--format", "json", manifests)
	assert.Equal(t, exitFindings, r.code, r.stderr)
	rep := decodeReport(t, r.stdout)
	assert.Equal(t, []conftestFinding{
		{"conftest.main.deny", "high", "Deployment web"},
		{"conftest.main.deny_latest_tag", "high", "Deployment web"},
		{"conftest.main.violation", "high", "Deployment web"},
		{"conftest.main.warn", "low", "Deployment web"},
		{"conftest.main.warn_external_lb", "low", "Service edge"},
		{"conftest.main.deny", "high", "Service web"},
	}, conftestFindings(rep))
	for _, f := range rep.Findings {
		// conftest rules name no field: the finding is at the document's start.
		assert.Equal(t, 1, f.Location.Column, f.Rule.ID)
		assert.Contains(t, []int{1, 24, 36}, f.Location.Line, f.Rule.ID)
	}
	violation := findingsOf(rep, "conftest.main.violation")
	require.Len(t, violation, 1)
	assert.Equal(t, `Deployment web is missing required labels: ["owner"]`, violation[0].Message, "msg of an object result; the data file is read")
	assert.Equal(t, "Container app uses the latest tag (nginx); pin a version", findingsOf(rep, "conftest.main.deny_latest_tag")[0].Message)

	// Only warnings are under --fail-on high; the good Deployment has nothing.
	r = kw(t, "lint", "--policy", policyDir, "--profile", "conftest", "--fail-on", "high", filepath.Join(manifests, "good.yaml"))
	assert.Equal(t, exitClean, r.code, r.stdout+r.stderr)

	// Other packages are read only when named, as conftest's --namespace.
	r = kw(t, "lint", "--policy", policyDir, "--profile", "conftest", "--policy-namespace", "kubernetes.security", "--format", "json", manifests)
	assert.Equal(t, exitFindings, r.code, r.stderr)
	priv := findingsOf(decodeReport(t, r.stdout), "conftest.kubernetes.security.deny")
	require.Len(t, priv, 1)
	assert.Equal(t, "Container app is privileged", priv[0].Message)

	// The rules are listed like any other, and the folder's own tests pass.
	r = kw(t, "rules", "--policy", policyDir, "--profile", "conftest")
	assert.Equal(t, exitClean, r.code, r.stderr)
	assert.Contains(t, r.stdout, "conftest.main.warn_external_lb")
	r = kw(t, "test", policyDir)
	assert.Equal(t, exitClean, r.code, r.stdout+r.stderr)
	assert.Contains(t, r.stdout, "PASS: 3/3")
}

// TestConftestSharedPolicySet runs the shared 13-rule conftest pod-security
// set on a pod that breaks every one of its rules.
func TestConftestSharedPolicySet(t *testing.T) {
	dir := filepath.Join("..", "..", "..", "shared", "bench", "conftest-policy")
	if _, err := os.Stat(dir); err != nil {
		t.Skipf("the shared conftest policy set is absent (%s): skipped", dir)
	}
	pod := writeFiles(t, map[string]string{"pod.yaml": `apiVersion: v1
kind: Pod
metadata:
  name: bad
  namespace: shop
spec:
  hostNetwork: true
  hostPID: true
  hostIPC: true
  containers:
    - name: app
      image: nginx:latest
      securityContext:
        privileged: true
        capabilities:
          add: [SYS_ADMIN]
  volumes:
    - name: docker
      hostPath:
        path: /var/run/docker.sock
`})
	r := kw(t, "lint", "--policy", dir, "--profile", "conftest", "--format", "json", pod)
	assert.Equal(t, exitFindings, r.code, r.stderr)
	rep := decodeReport(t, r.stdout)
	bySeverity := map[string]int{}
	for _, f := range rep.Findings {
		bySeverity[f.Rule.Severity]++
	}
	// privileged, 3 host namespaces, runAsNonRoot, allowPrivilegeEscalation,
	// drop ALL, added capability, latest tag, cpu and memory limits, hostPath
	// (deny: high) and readOnlyRootFilesystem (warn: low).
	assert.Equal(t, map[string]int{"high": 12, "low": 1}, bySeverity, r.stdout)
	r = kw(t, "lint", "--policy", dir, "--profile", "conftest", "--fail-on", "critical", pod)
	assert.Equal(t, exitClean, r.code)
}

// TestConftestExceptions: a deny_<name> rule is suppressed where its package's
// exception set names <name> for the same input, and only there; the
// suppression is listed and counted, as conftest counts exceptions.
func TestConftestExceptions(t *testing.T) {
	dir := filepath.Join("..", "..", "testdata", "conftest-exceptions")
	r := kw(t, "lint", "--policy", filepath.Join(dir, "policy"), "--profile", "conftest", "--format", "json", filepath.Join(dir, "manifests"))
	assert.Equal(t, exitFindings, r.code, r.stderr)
	rep := decodeReport(t, r.stdout)
	assert.Equal(t, []conftestFinding{
		{"conftest.main.deny_latest_tag", "high", "Deployment legacy"},
		{"conftest.main.deny_run_as_root", "high", "Deployment web"},
	}, conftestFindings(rep), "legacy's run_as_root is excepted; its latest tag and web's root are not")
	assert.Equal(t, 1, rep.Summary.Suppressed)

	r = kw(t, "lint", "--policy", filepath.Join(dir, "policy"), "--profile", "conftest", "--show-suppressed", filepath.Join(dir, "manifests"))
	assert.Equal(t, exitFindings, r.code, r.stderr)
	lines := linesWith(r.stdout, "conftest.main.deny_run_as_root")
	require.Len(t, lines, 2, r.stdout)
	suppressed := linesWith(r.stdout, `conftest exception "run_as_root" in package main`)
	require.Len(t, suppressed, 1, r.stdout)
	assert.Contains(t, suppressed[0], "Deployment default/legacy", "plain files without -n are in default")
	assert.Contains(t, suppressed[0], filepath.Join(dir, "policy", "pods.rego")+":21")
}
