package engine_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kubeward/kubeward/engine"
	"github.com/kubeward/kubeward/engine/load"
)

const tracedPods = `apiVersion: v1
kind: Pod
metadata: {name: bad, namespace: a}
spec:
  containers:
    - name: c
      image: x
      securityContext:
        privileged: true
---
apiVersion: v1
kind: Pod
metadata: {name: good, namespace: a}
spec:
  containers: [{name: c, image: x}]
`

// Parse gives the objects Lint evaluates, and Trace evaluates one rule on
// one of them as Lint does, with the steps and a verdict.
func TestParseAndTraceOneRule(t *testing.T) {
	file := filepath.Join(t.TempDir(), "pods.yaml")
	require.NoError(t, os.WriteFile(file, []byte(tracedPods), 0o644))
	l, err := engine.New(engine.Options{Limits: load.DefaultLimits()})
	require.NoError(t, err)
	res := l.Parse(context.Background(), []string{file})
	require.Empty(t, res.Errors)
	require.Len(t, res.Objects, 2)
	fields := map[string]int{}
	for _, f := range res.Objects[0].Fields() {
		fields[f.Path] = f.Line
	}
	assert.Equal(t, 9, fields["spec.containers[0].securityContext.privileged"])

	lint := l.Lint(context.Background(), []string{file})
	var want []string
	for _, f := range lint.Findings {
		if f.Rule.ID == "KW-PSS-007" {
			want = append(want, f.Message)
		}
	}
	tr, err := l.Trace(context.Background(), "KW-PSS-007", res.Objects, res.Objects[0])
	require.NoError(t, err)
	var got []string
	for _, f := range tr.Findings {
		got = append(got, f.Message)
		assert.Equal(t, 9, f.Location.Line)
	}
	assert.Equal(t, want, got, "the trace evaluates the rule as lint does")
	assert.True(t, strings.HasPrefix(tr.Verdict, "KW-PSS-007 fired on Pod a/bad: 1 finding(s)"), tr.Verdict)
	assert.Contains(t, tr.Steps, "Enter data.kubeward.rules.pss.")
	assert.NotContains(t, tr.Steps, "policies/lib/", "the rule's own file only")

	tr, err = l.Trace(context.Background(), "KW-PSS-007", res.Objects, res.Objects[1])
	require.NoError(t, err)
	assert.Empty(t, tr.Findings)
	assert.Contains(t, tr.Verdict, "KW-PSS-007 did not fire on Pod a/good: ")

	_, err = l.Trace(context.Background(), "NOPE-1", res.Objects, res.Objects[0])
	assert.Error(t, err)
}
