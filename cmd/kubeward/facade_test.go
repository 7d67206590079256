package main

import (
	"bytes"
	"context"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kubeward/kubeward/engine/report"
	kwlint "github.com/kubeward/kubeward/lint"
)

// The CLI and the lint facade apply a .kubeward.yaml through the same code:
// the same inputs give the same JSON report, byte for byte, and the same
// exit status.
func TestFacadeReportsWhatTheCLIReports(t *testing.T) {
	dir := filepath.Join("..", "..", "lint", "testdata", "configured")
	baseline := filepath.Join(t.TempDir(), "baseline.json")
	// A baseline the CLI recorded: it holds every finding, whatever is shown.
	rec := kw(t, "lint", "--no-cache", "--format", "json", "--write-baseline", baseline, "--min-severity", "critical", dir)
	require.Equal(t, 1, rec.code, rec.stderr)

	for _, c := range []struct {
		name string
		args []string
		cfg  kwlint.Config
	}{
		{"discovered configuration", nil, kwlint.Config{DiscoverConfig: true}},
		{"settings over the configuration", []string{"--profile", "pss-restricted", "--min-severity", "high", "--fail-on", "critical"},
			kwlint.Config{DiscoverConfig: true, Profile: "pss-restricted", MinSeverity: "high", FailOn: "critical"}},
		{"baseline", []string{"--baseline", baseline}, kwlint.Config{DiscoverConfig: true, Baseline: baseline}},
	} {
		t.Run(c.name, func(t *testing.T) {
			cli := kw(t, append(append([]string{"lint", "--no-cache", "--format", "json"}, c.args...), dir)...)
			c.cfg.Paths = []string{dir}
			res, err := kwlint.Run(context.Background(), c.cfg)
			require.NoError(t, err)
			var buf bytes.Buffer
			require.NoError(t, report.Write(&buf, "json", &res.Result, report.Options{Version: versionString()}))
			assert.JSONEq(t, cli.stdout, buf.String())
			assert.Equal(t, cli.code == exitFindings, res.Failed(), "exit %d: %s", cli.code, cli.stderr)
			assert.NotZero(t, res.Excluded, "the configuration's exclude applied")
		})
	}
}
