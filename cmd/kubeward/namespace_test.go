package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kubeward/kubeward/engine"
	"github.com/kubeward/kubeward/engine/load"
	"github.com/kubeward/kubeward/engine/policy"
)

// TestChartObjectsInReleaseNamespace: a chart linted with -n puts the
// objects that name no namespace into the release namespace, as helm
// install does: reports name it, cross-resource rules look there (the
// ServiceAccount the chart writes into {{ .Release.Namespace }} is found),
// exceptions match it; cluster-scoped kinds get none.
func TestChartObjectsInReleaseNamespace(t *testing.T) {
	chart := filepath.Join(helmSuite, "shop")
	r := kw(t, "lint", chart, "-n", "shop", "--complete", "--format", "json", "--fail-on", "none")
	require.Equal(t, 0, r.code, r.stderr)
	rep := decodeReport(t, r.stdout)
	assert.Empty(t, findingsOf(rep, "KW-WRK-021"), "the ServiceAccount is in shop, as the Deployment is")
	require.NotEmpty(t, rep.Findings)
	for _, f := range rep.Findings {
		want := "shop"
		if f.Object.Kind == "ClusterRole" {
			want = ""
		}
		assert.Equal(t, want, f.Object.Namespace, "%s %s/%s", f.Rule.ID, f.Object.Kind, f.Object.Name)
	}
	text := kw(t, "lint", chart, "-n", "shop", "--fail-on", "none")
	assert.Contains(t, text.stdout, "(Deployment shop/release-name-shop, template shop/templates/deployment.yaml)")
	assert.Contains(t, text.stdout, "(ClusterRole release-name-shop-reader, template shop/templates/clusterrole.yaml)")

	// An exception by namespace covers what the chart puts there.
	dir := t.TempDir()
	cfg := filepath.Join(dir, "kubeward.yaml")
	require.NoError(t, os.WriteFile(cfg, []byte("exceptions:\n  - rules: [KW-NET-006]\n    namespace: shop\n    reason: the shop is reached through its node ports\n"), 0o644))
	r = kw(t, "lint", chart, "-n", "shop", "--config", cfg, "--format", "json", "--fail-on", "none")
	require.Equal(t, 0, r.code, r.stderr)
	rep = decodeReport(t, r.stdout)
	assert.Empty(t, findingsOf(rep, "KW-NET-006"))
	assert.Positive(t, rep.Summary.Suppressed)
}

// TestPlainFilesNamespace: a plain file's object that names no namespace is
// in -n when given, else in "default"; one that names its own keeps it.
func TestPlainFilesNamespace(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "app.yaml")
	require.NoError(t, os.WriteFile(file, []byte(`apiVersion: v1
kind: Pod
metadata:
  name: app
spec:
  serviceAccountName: app
  containers:
    - name: app
      image: app:1
---
apiVersion: v1
kind: ServiceAccount
metadata:
  name: app
  namespace: team
---
apiVersion: v1
kind: Pod
metadata:
  name: other
  namespace: elsewhere
spec:
  containers:
    - name: app
      image: app:1
`), 0o644))
	for _, c := range []struct {
		args    []string
		ns      string
		missing bool
	}{
		{nil, "default", true},
		{[]string{"-n", "team"}, "team", false},
	} {
		args := append([]string{"lint", file, "--complete", "--format", "json", "--fail-on", "none", "--no-cache"}, c.args...)
		r := kw(t, args...)
		require.Equal(t, 0, r.code, r.stderr)
		rep := decodeReport(t, r.stdout)
		for _, f := range rep.Findings {
			switch f.Object.Kind + "/" + f.Object.Name {
			case "Pod/app":
				assert.Equal(t, c.ns, f.Object.Namespace, "%v %s", c.args, f.Rule.ID)
			case "Pod/other":
				assert.Equal(t, "elsewhere", f.Object.Namespace)
			case "ServiceAccount/app":
				assert.Equal(t, "team", f.Object.Namespace)
			}
		}
		assert.Equal(t, c.missing, len(findingsOf(rep, "KW-WRK-021")) > 0, "%v: ServiceAccount app of namespace team", c.args)
	}
}

// TestBaselineWrittenWithoutNamespace: a baseline written when objects
// that name no namespace were recorded with an empty one still covers their
// findings.
func TestBaselineWrittenWithoutNamespace(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "pod.yaml")
	require.NoError(t, os.WriteFile(file, []byte("apiVersion: v1\nkind: Pod\nmetadata:\n  name: app\nspec:\n  hostNetwork: true\n  containers:\n    - name: app\n      image: app:1\n"), 0o644))
	r := kw(t, "lint", file, "--format", "json", "--fail-on", "none", "--no-cache")
	require.Equal(t, 0, r.code, r.stderr)
	rep := decodeReport(t, r.stdout)
	require.NotEmpty(t, rep.Findings)
	// The baseline as it was recorded before: namespace "" in the identity.
	legacy := engine.Baseline{Version: engine.BaselineVersion}
	for _, f := range rep.Findings {
		require.Equal(t, "default", f.Object.Namespace)
		old := engine.Finding{
			Rule:     &policy.Rule{ID: f.Rule.ID},
			Object:   load.Ref{APIVersion: f.Object.APIVersion, Kind: f.Object.Kind, Name: f.Object.Name},
			Location: engine.Location{Path: f.Location.Path},
		}
		legacy.Findings = append(legacy.Findings, engine.BaselineEntry{Fingerprint: engine.Fingerprint(old), Rule: f.Rule.ID, Object: "Pod app"})
	}
	data, err := json.Marshal(legacy)
	require.NoError(t, err)
	baseline := filepath.Join(dir, "baseline.json")
	require.NoError(t, os.WriteFile(baseline, data, 0o644))
	r = kw(t, "lint", file, "--baseline", baseline, "--format", "json", "--no-cache")
	require.Equal(t, 0, r.code, r.stdout+r.stderr)
	rep = decodeReport(t, r.stdout)
	assert.Empty(t, rep.Findings)
	assert.Equal(t, len(legacy.Findings), rep.Summary.Suppressed)
}
