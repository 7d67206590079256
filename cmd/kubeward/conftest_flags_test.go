package main

import (
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestConftestNamespacesAndCombine: --all-policy-namespaces reads every
// package as conftest's --all-namespaces, --policy-namespace takes globs,
// an exception may name a warn_ rule without its prefix (conftest v0.71),
// and --combine gives the conftest rules one input of {path, contents}.
// TestConftestParity compares the same with conftest itself.
func TestConftestNamespacesAndCombine(t *testing.T) {
	policyDir := filepath.Join(conftestRepo, "v1", "policy")
	manifests := filepath.Join(conftestRepo, "manifests")
	security := []conftestFinding{
		{"conftest.kubernetes.security.deny", "high", "Pod agent"},
		{"conftest.kubernetes.security.warn_host_network", "low", "Pod agent"},
	}

	r := kw(t, "lint", "--policy", policyDir, "--profile", "conftest", "--format", "json", manifests)
	require.Equal(t, exitFindings, r.code, r.stderr)
	mainOnly := decodeReport(t, r.stdout)
	assert.Equal(t, 2, mainOnly.Summary.Suppressed, "legacy's run_as_root and the batch Job's no_limits are excepted")
	assert.Len(t, findingsOf(mainOnly, "conftest.main.warn_no_limits"), 1, "only web's no_limits warning is left")
	for _, flags := range [][]string{{"--all-policy-namespaces"}, {"--policy-namespace", "kubernetes.*"}, {"--policy-namespace", "kubernetes.security"}} {
		args := append(append([]string{"lint", "--policy", policyDir, "--profile", "conftest", "--format", "json"}, flags...), manifests)
		r = kw(t, args...)
		require.Equal(t, exitFindings, r.code, r.stderr)
		all := conftestFindings(decodeReport(t, r.stdout))
		assert.ElementsMatch(t, append(security, conftestFindings(mainOnly)...), all, "%v", flags)
	}
	r = kw(t, "lint", "--policy", policyDir, "--profile", "conftest", "--policy-namespace", "kube*", "--format", "json", manifests)
	require.Equal(t, exitFindings, r.code, r.stderr)
	assert.Len(t, decodeReport(t, r.stdout).Findings, len(mainOnly.Findings)+2)

	combine := filepath.Join(conftestRepo, "combine", "policy")
	r = kw(t, "lint", "--policy", combine, "--profile", "conftest", "--combine", "--format", "json", manifests)
	require.Equal(t, exitFindings, r.code, r.stderr)
	rep := decodeReport(t, r.stdout)
	var msgs []string
	for _, f := range rep.Findings {
		assert.Equal(t, "(combined)", f.Location.File)
		assert.Equal(t, "Combined", f.Object.Kind)
		msgs = append(msgs, f.Message)
	}
	// frontend's Service selects frontend's Deployment, in another document.
	assert.ElementsMatch(t, []string{
		"Deployment good is selected by no Service",
		"Deployment legacy is selected by no Service",
		"Deployment web is selected by no Service",
	}, msgs)
	assert.Equal(t, 7, rep.Summary.Objects)

	// Without --combine the same policy sees one document at a time, and
	// finds nothing: input is no array.
	r = kw(t, "lint", "--policy", combine, "--profile", "conftest", manifests)
	assert.Equal(t, exitClean, r.code, r.stdout+r.stderr)
}
