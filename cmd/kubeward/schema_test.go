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

// schemaFixture is a file under testdata/schema.
func schemaFixture(parts ...string) string {
	return filepath.Join(append([]string{"..", "..", "testdata", "schema"}, parts...)...)
}

// schemaLines are the report lines of the KW-SCH rules and of the
// removed-API rule, in report order.
func schemaLines(out string) []string {
	var got []string
	for _, l := range strings.Split(out, "\n") {
		if strings.HasPrefix(l, "note: ") {
			continue
		}
		if strings.Contains(l, " KW-SCH-") || strings.Contains(l, " KW-WRK-015 ") {
			got = append(got, l)
		}
	}
	return got
}

// Typos, wrong types, missing fields and bad values are found at their
// field, with the field meant for a typo.
func TestSchemaFindingsAtTheirField(t *testing.T) {
	f := schemaFixture("typos.yaml")
	r := kw(t, "lint", "--no-cache", f)
	assert.Equal(t, exitFindings, r.code, r.stderr)
	assert.Equal(t, []string{
		f + `:5:1: HIGH KW-SCH-003 missing required field "selector" of DeploymentSpec (Deployment default/web)`,
		f + `:15:11: HIGH KW-SCH-004 imagePullPolicy "Sometimes" is not one of "Always", "IfNotPresent", "Never" (Deployment default/web)`,
		f + `:16:11: MEDIUM KW-SCH-001 unknown field "securityContex" of Container: did you mean "securityContext"? (Deployment default/web)`,
		f + `:19:15: HIGH KW-SCH-002 containerPort must be an integer, found a string ("80") (Deployment default/web)`,
		f + `:23:13: MEDIUM KW-SCH-001 unknown field "runAsNonRot" of SecurityContext: did you mean "runAsNonRoot"? (Deployment default/web)`,
		f + `:33:7: HIGH KW-SCH-004 port 70000 is not a port number (1 to 65535) (Service default/web)`,
	}, schemaLines(r.stdout))
}

// --no-schema turns the KW-SCH rules off; a wrong type on a pod kind is
// then the error it was before there were schema rules (every one of them).
func TestNoSchemaTurnsValidationOff(t *testing.T) {
	f := schemaFixture("typos.yaml")
	r := kw(t, "lint", "--no-cache", "--no-schema", f)
	assert.Empty(t, schemaLines(r.stdout))
	assert.Equal(t, exitError, r.code)
	assert.Contains(t, r.stdout, f+":19:15: error: invalid Deployment: spec.template.spec.containers[0].ports[0].containerPort must be an integer, found a string")

	// Disabling a rule in the configuration is the other way, rule by rule.
	cfg := filepath.Join(t.TempDir(), "kubeward.yaml")
	require.NoError(t, os.WriteFile(cfg, []byte("rules:\n  KW-SCH-001: {enabled: false}\n"), 0o600))
	r = kw(t, "lint", "--no-cache", "--config", cfg, f)
	for _, l := range schemaLines(r.stdout) {
		assert.NotContains(t, l, "KW-SCH-001")
	}
	assert.Len(t, schemaLines(r.stdout), 4)
}

// A custom resource is validated against the CRD in the same folder, or
// given with --crd; one whose CRD is not known is listed, not an error.
func TestCustomResourcesAgainstTheirCRD(t *testing.T) {
	dir := schemaFixture("crd")
	cr := filepath.Join(dir, "servicemonitor.yaml")
	want := []string{cr + `:11:7: MEDIUM KW-SCH-001 unknown field "intervall": did you mean "interval"? (ServiceMonitor default/web)`}

	r := kw(t, "lint", "--no-cache", dir)
	assert.Equal(t, want, schemaLines(r.stdout), r.stdout)
	assert.Contains(t, r.stdout, "1 custom resource kind not validated (no CRD in the input or --crd): example.com/v1/Widget\n")

	r = kw(t, "lint", "--no-cache", "--crd", filepath.Join(dir, "servicemonitor-crd.yaml"), cr)
	assert.Equal(t, want, schemaLines(r.stdout), r.stdout)

	r = kw(t, "lint", "--no-cache", "--format", "json", cr)
	var rep struct {
		Summary struct {
			Unvalidated []string `json:"unvalidated"`
		} `json:"summary"`
	}
	require.NoError(t, json.Unmarshal([]byte(r.stdout), &rep))
	assert.Equal(t, []string{"example.com/v1/Widget", "monitoring.coreos.com/v1/ServiceMonitor"}, rep.Summary.Unvalidated)
	assert.Empty(t, schemaLines(r.stdout))
}

// Removed APIs are judged against --kube-version.
func TestRemovedAPIAgainstTheTargetRelease(t *testing.T) {
	f := schemaFixture("ingress-v1beta1.yaml")
	line := f + `:1:1: HIGH KW-WRK-015 Ingress uses apiVersion "extensions/v1beta1", which was removed in Kubernetes 1.22; use networking.k8s.io/v1 instead. (Ingress default/web)`
	r := kw(t, "lint", "--no-cache", "--kube-version", "1.22", f)
	assert.Equal(t, []string{line}, schemaLines(r.stdout))
	r = kw(t, "lint", "--no-cache", "--kube-version", "v1.21.4", f)
	assert.Empty(t, schemaLines(r.stdout), "still served in 1.21")
	r = kw(t, "lint", "--no-cache", "--kube-version", "banana", f)
	assert.Equal(t, exitError, r.code)
	assert.Contains(t, r.stderr, "--kube-version")
}

// A Deployment without a selector is reported once, by the schema rule
// (apps/v1 requires the field), not again by KW-WRK-014, which keeps
// reporting selectors that do not select their template (issue 24).
func TestMissingSelectorReportedOnce(t *testing.T) {
	f := schemaFixture("typos.yaml")
	r := kw(t, "lint", "--no-cache", "--format", "json", f)
	require.Equal(t, exitFindings, r.code, r.stderr)
	rep := decodeReport(t, r.stdout)
	assert.Len(t, findingsOf(rep, "KW-SCH-003"), 1)
	assert.Empty(t, findingsOf(rep, "KW-WRK-014"))

	mismatch := writeFiles(t, map[string]string{"ds.yaml": `apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: log-agent
spec:
  selector:
    matchLabels: {app: log-agent}
  template:
    metadata:
      labels: {app: log-collector}
    spec:
      containers:
        - name: agent
          image: registry.example.com/logging/agent:2.2.0
`})
	r = kw(t, "lint", "--no-cache", "--format", "json", filepath.Join(mismatch, "ds.yaml"))
	require.Equal(t, exitFindings, r.code, r.stderr)
	rep = decodeReport(t, r.stdout)
	assert.Len(t, findingsOf(rep, "KW-WRK-014"), 1)
	assert.Empty(t, findingsOf(rep, "KW-SCH-003"))
}
