package filter

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kubeward/kubeward/engine/config"
	"github.com/kubeward/kubeward/engine/load"
	"github.com/kubeward/kubeward/engine/policy"
	"github.com/kubeward/kubeward/engine/result"
)

func suppressFixture() *result.Result {
	rule := &policy.Rule{ID: "KW-X-001", Severity: "high"}
	obj := load.Ref{APIVersion: "apps/v1", Kind: "Deployment", Namespace: "shop", Name: "web"}
	return &result.Result{
		Findings: []result.Finding{{Rule: rule, Severity: "high", Object: obj, Location: result.Location{File: "a.yaml", Line: 9, Path: "spec.x"}}},
		Checked:  []result.Checked{{Object: obj, File: "a.yaml", Labels: map[string]string{"team": "a"}}},
	}
}

func TestApplyConfigClockDecidesExpiry(t *testing.T) {
	cfg, err := config.Parse(".kubeward.yaml", []byte("rules:\n  KW-X-001: {severity: info}\nexceptions:\n  - rules: [KW-X-001]\n    reason: r\n    expires: 2027-03-31\n"))
	require.NoError(t, err)

	res := suppressFixture()
	ApplyConfig(res, cfg, time.Date(2027, 3, 31, 12, 0, 0, 0, time.UTC))
	assert.Empty(t, res.Findings)
	require.Len(t, res.SuppressedFindings, 1)
	assert.Equal(t, "info", res.SuppressedFindings[0].Severity, "overrides apply to suppressed findings too")
	assert.Equal(t, &result.Suppression{Kind: result.SuppressedByException, Reason: "r", Where: ".kubeward.yaml:4"}, res.SuppressedFindings[0].Suppression)
	assert.Empty(t, res.Warnings)

	res = suppressFixture()
	ApplyConfig(res, cfg, time.Date(2027, 4, 1, 0, 0, 0, 0, time.UTC))
	require.Len(t, res.Findings, 1)
	assert.Equal(t, "info", res.Findings[0].Severity)
	assert.Equal(t, 0, res.Suppressed)
	require.Len(t, res.Warnings, 1)
	assert.Equal(t, 4, res.Warnings[0].Line)
}

func TestFingerprintIgnoresLinesFilesAndVersions(t *testing.T) {
	a := suppressFixture().Findings[0]
	b := a
	b.Location.Line, b.Location.File, b.Object.APIVersion = 90, "moved.yaml", "apps/v2"
	assert.Equal(t, Fingerprint(a), Fingerprint(b))
	c := a
	c.Location.Path = "spec.y"
	assert.NotEqual(t, Fingerprint(a), Fingerprint(c))
	d := a
	d.Object.APIVersion = "extensions/v1beta1"
	assert.NotEqual(t, Fingerprint(a), Fingerprint(d), "another API group is another object")
}
