package helm_test

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kubeward/kubeward/engine/load"
	"github.com/kubeward/kubeward/engine/source/helm"
)

// at is where path of the object named name points.
func at(t *testing.T, objs []*load.Object, name string, path ...any) load.Position {
	t.Helper()
	for _, o := range objs {
		if o.Name == name {
			return o.Position(path)
		}
	}
	t.Fatalf("no object %s", name)
	return load.Position{}
}

// TestPositionsThroughRangeLoops: every document a range writes points into
// the loop body, the field where its own turn wrote it.
func TestPositionsThroughRangeLoops(t *testing.T) {
	chart := writeChart(t, map[string]string{
		"values.yaml": "queues: [orders, mails, thumbs]\nprivileged: [mails]\n",
		"templates/workers.yaml": `{{- range .Values.queues }}
---
apiVersion: v1
kind: Pod
metadata:
  name: {{ . }}
spec:
  containers:
    - name: worker
      image: worker:{{ . }}
      {{- if has . $.Values.privileged }}
      securityContext:
        privileged: true
      {{- end }}
{{- end }}
`,
	})
	objs, errs := helm.Source{}.Render(context.Background(), chart, load.Limits{})
	require.Empty(t, errs)
	require.Len(t, objs, 3)
	for _, name := range []string{"orders", "mails", "thumbs"} {
		assert.Equal(t, load.Position{Line: 3, Column: 1}, objs[indexOf(objs, name)].Start(), name)
		assert.Equal(t, load.Position{Line: 10, Column: 7}, at(t, objs, name, "spec", "containers", 0, "image"), name)
	}
	assert.Equal(t, load.Position{Line: 13, Column: 9}, at(t, objs, "mails", "spec", "containers", 0, "securityContext", "privileged"))
}

func indexOf(objs []*load.Object, name string) int {
	for i, o := range objs {
		if o.Name == name {
			return i
		}
	}
	return -1
}

// TestPositionsSkipDisabledBlocks: a block that was not rendered is never
// pointed at, even when it writes the same keys as the one that was.
func TestPositionsSkipDisabledBlocks(t *testing.T) {
	chart := writeChart(t, map[string]string{
		"values.yaml": "migrate: false\nuid: 1001\n",
		"templates/pod.yaml": `apiVersion: v1
kind: Pod
metadata:
  name: shop
spec:
  {{- if .Values.migrate }}
  initContainers:
    - name: migrate
      image: shop:1
      securityContext:
        runAsUser: 0
  {{- end }}
  containers:
    - name: shop
      image: shop:1
      securityContext:
        runAsUser: {{ .Values.uid }}
`,
	})
	objs, errs := helm.Source{}.Render(context.Background(), chart, load.Limits{})
	require.Empty(t, errs)
	require.Len(t, objs, 1)
	assert.Equal(t, load.Position{Line: 17, Column: 9}, at(t, objs, "shop", "spec", "containers", 0, "securityContext", "runAsUser"))
	assert.Equal(t, load.Position{Line: 16, Column: 7}, at(t, objs, "shop", "spec", "containers", 0, "securityContext"))

	// The rendered field written by toYaml: the disabled block's literal
	// key of the same name is no candidate.
	chart = writeChart(t, map[string]string{
		"values.yaml": "migrate: false\nsc:\n  runAsUser: 1001\n",
		"templates/pod.yaml": `apiVersion: v1
kind: Pod
metadata:
  name: shop
spec:
  {{- if .Values.migrate }}
  initContainers:
    - name: migrate
      image: shop:1
      securityContext:
        runAsUser: 0
  {{- end }}
  containers:
    - name: shop
      image: shop:1
      securityContext:
        {{- toYaml .Values.sc | nindent 8 }}
`,
	})
	objs, errs = helm.Source{}.Render(context.Background(), chart, load.Limits{})
	require.Empty(t, errs)
	require.Len(t, objs, 1)
	assert.Equal(t, load.Position{Line: 17, Column: 9}, at(t, objs, "shop", "spec", "containers", 0, "securityContext", "runAsUser"))
}

// TestPositionsOfActionOutput: what include, toYaml and tpl write points at
// the action that wrote it (line and column of its "{{"); literal text after
// an action on the same line keeps its own column.
func TestPositionsOfActionOutput(t *testing.T) {
	chart := writeChart(t, map[string]string{
		"values.yaml": "podSecurity:\n  runAsUser: 0\n  fsGroup: 2000\nextra: \"hostPID: true\"\n",
		"templates/_helpers.tpl": `{{- define "evil.net" -}}
hostNetwork: true
{{- end }}
`,
		"templates/pod.yaml": `apiVersion: v1
kind: Pod
metadata:
  name: shop
spec:
  {{- include "evil.net" . | nindent 2 }}
  {{ tpl .Values.extra . }}
  securityContext: {{- toYaml .Values.podSecurity | nindent 4 }}
  containers: [{name: shop, image: "shop:1"}]
`,
	})
	objs, errs := helm.Source{}.Render(context.Background(), chart, load.Limits{})
	require.Empty(t, errs)
	require.Len(t, objs, 1)
	assert.Equal(t, load.Position{Line: 6, Column: 3}, at(t, objs, "shop", "spec", "hostNetwork"), "include")
	assert.Equal(t, load.Position{Line: 7, Column: 3}, at(t, objs, "shop", "spec", "hostPID"), "tpl")
	assert.Equal(t, load.Position{Line: 8, Column: 3}, at(t, objs, "shop", "spec", "securityContext"))
	assert.Equal(t, load.Position{Line: 8, Column: 20}, at(t, objs, "shop", "spec", "securityContext", "runAsUser"), "toYaml")
	assert.Equal(t, load.Position{Line: 9, Column: 17}, at(t, objs, "shop", "spec", "containers", 0, "name"), "flow mapping")
}

// BenchmarkRenderLoopChart: a template whose range writes 2,000 documents
// (about 40,000 lines), rendered and loaded with positions.
func BenchmarkRenderLoopChart(b *testing.B) {
	dir := b.TempDir()
	files := map[string]string{
		"Chart.yaml":  "apiVersion: v2\nname: big\nversion: 0.1.0\n",
		"values.yaml": "count: 2000\nsc:\n  runAsUser: 1001\n  runAsNonRoot: true\n",
		"templates/pods.yaml": `{{- range $i := until (int .Values.count) }}
---
apiVersion: v1
kind: Pod
metadata:
  name: pod-{{ $i }}
  labels:
    app: big
    index: "{{ $i }}"
spec:
  containers:
    - name: app
      image: app:{{ $i }}
      securityContext:
        {{- toYaml $.Values.sc | nindent 8 }}
      resources:
        limits:
          cpu: 100m
          memory: 64Mi
{{- end }}
`,
	}
	for name, content := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			b.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			b.Fatal(err)
		}
	}
	b.ResetTimer()
	for range b.N {
		objs, errs := helm.Source{}.Render(context.Background(), dir, load.Limits{})
		if len(errs) > 0 || len(objs) != 2000 {
			b.Fatal(errs, len(objs))
		}
		_ = objs[1999].Position([]any{"spec", "containers", 0, "image"})
	}
}
