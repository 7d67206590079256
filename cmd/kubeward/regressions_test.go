package main

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestRegressions holds checks of bugs that were found and fixed.
func TestRegressions(t *testing.T) {
	t.Parallel()

	t.Run("findings on one line are sorted by rule id", func(t *testing.T) {
		// Flow style: runAsUser (KW-PSS-018) comes before privileged
		// (KW-PSS-007) on the same line.
		p := filepath.Join(t.TempDir(), "flow.yaml")
		require.NoError(t, os.WriteFile(p, []byte(`apiVersion: v1
kind: Pod
metadata: {name: flow, namespace: shop}
spec:
  containers:
    - {name: app, image: "registry.example.com/a:1", securityContext: {runAsUser: 0, privileged: true}}
`), 0o644))
		r := kw(t, "lint", p, "--format", "json", "--profile", "pss-restricted")
		require.Equal(t, exitFindings, r.code, r.stderr)
		assertSorted(t, decodeReport(t, r.stdout).Findings)
	})

	t.Run("parser errors name the line of the problem", func(t *testing.T) {
		p := filepath.Join(t.TempDir(), "flow.yaml")
		// The flow sequence opened on line 5 is never closed.
		require.NoError(t, os.WriteFile(p, []byte("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n  labels: [unclosed\n"), 0o644))
		r := kw(t, "lint", p, "--format", "json")
		require.Equal(t, exitError, r.code, r.stderr)
		rep := decodeReport(t, r.stdout)
		require.Len(t, rep.Errors, 1)
		assert.Equal(t, 5, rep.Errors[0].Line, rep.Errors[0].Message)
	})

	t.Run("junit has one test case per object", func(t *testing.T) {
		p := filepath.Join(t.TempDir(), "dup.yaml")
		doc := "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: same\n  namespace: shop\n"
		require.NoError(t, os.WriteFile(p, []byte(doc+"---\n"+doc), 0o644))
		r := kw(t, "lint", p, "--format", "junit")
		js := parseJUnit(t, r.stdout)
		assert.Equal(t, 2, js.Tests)
	})
}
