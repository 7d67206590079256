package helm_test

import (
	"context"
	"os"
	"path/filepath"
	"runtime"
	"testing"
	"time"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kubeward/kubeward/engine/load"
	"github.com/kubeward/kubeward/engine/source/helm"
)

// writeChart writes a chart named evil with files (name -> content) and
// returns its folder.
func writeChart(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "evil")
	files["Chart.yaml"] = "apiVersion: v2\nname: evil\nversion: 0.1.0\n"
	for name, content := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		require.NoError(t, os.MkdirAll(filepath.Dir(p), 0o755))
		require.NoError(t, os.WriteFile(p, []byte(content), 0o644))
	}
	return dir
}

// TestOfflineFunctions: lookup finds nothing (no cluster), getHostByName
// resolves nothing (no DNS), .Files reaches no file outside the chart.
func TestOfflineFunctions(t *testing.T) {
	require.NoError(t, os.WriteFile(filepath.Join(t.TempDir(), "secret.yaml"), []byte("token"), 0o644))
	chart := writeChart(t, map[string]string{
		"files/ok.txt": "inside",
		"templates/cm.yaml": `apiVersion: v1
kind: ConfigMap
metadata:
  name: probe
data:
  lookup: {{ lookup "v1" "Secret" "kube-system" "" | toJson | quote }}
  host: {{ getHostByName "localhost" | quote }}
  outside: {{ .Files.Get "../../secret.yaml" | quote }}
  inside: {{ .Files.Get "files/ok.txt" | quote }}
`,
	})
	objs, errs := helm.Source{}.Render(context.Background(), chart, load.Limits{})
	require.Empty(t, errs)
	require.Len(t, objs, 1)
	assert.Equal(t, map[string]any{"lookup": "{}", "host": "", "outside": "", "inside": "inside"}, field(t, objs[0], "data"))
}

// TestRenderStopsWhenCancelled: a template looping for ever (a range over
// a number calls no function a chart could be stopped in) returns when its
// context ends, and its goroutine ends too.
func TestRenderStopsWhenCancelled(t *testing.T) {
	chart := writeChart(t, map[string]string{"templates/loop.yaml": "{{ range 1000000000000 }}{{ end }}"})
	before := runtime.NumGoroutine()
	ctx, cancel := context.WithCancel(context.Background())
	go func() {
		time.Sleep(50 * time.Millisecond) // let the render start; before it, the error says "not rendered"
		cancel()
	}()
	_, errs := helm.Source{}.Render(ctx, chart, load.Limits{RenderTimeout: time.Hour})
	require.Len(t, errs, 1)
	assert.Equal(t, chart, errs[0].File)
	assert.Contains(t, []string{"rendering stopped: context canceled", "not rendered: context canceled"}, errs[0].Message)
	// The abandoned render fails at its next turn of the loop.
	// (Polled here: require.Eventually runs goroutines of its own.)
	for deadline := time.Now().Add(time.Minute); runtime.NumGoroutine() > before; time.Sleep(10 * time.Millisecond) {
		require.True(t, time.Now().Before(deadline), "the render goroutine still runs")
	}
}

// TestInstrumentedTemplatesRenderAlike: the calls put at the start of loop
// and define bodies write nothing and keep whitespace trimming as it was.
func TestInstrumentedTemplatesRenderAlike(t *testing.T) {
	chart := writeChart(t, map[string]string{
		"templates/_helpers.tpl": `{{- define "evil.labels" -}}
app: evil
tier: {{ . }}
{{- end }}
{{- define "evil.empty" }}{{ end }}
{{- define "evil.spaced" }}
  spaced: yes
{{- end }}`,
		"templates/cm.yaml": `apiVersion: v1
kind: ConfigMap
metadata:
  name: probe
  labels:
    {{- include "evil.labels" "web" | nindent 4 }}
data:
  {{- range $i, $v := list "a" "b" }}
  k{{ $i }}: {{ $v }}
  {{- end }}
  {{- range list 1 2 -}}
  {{- end }}
  joined: "{{ range list 1 2 }}{{ . }},{{ end }}{{ range list }}{{ else }}none{{ end }}"
  empty: "{{ include "evil.empty" . }}"
  spaced: {{ include "evil.spaced" . | quote }}
`,
	})
	objs, errs := helm.Source{}.Render(context.Background(), chart, load.Limits{})
	require.Empty(t, errs)
	require.Len(t, objs, 1)
	assert.Equal(t, map[string]any{"app": "evil", "tier": "web"}, field(t, objs[0], "metadata").(map[string]any)["labels"])
	assert.Equal(t, map[string]any{"k0": "a", "k1": "b", "joined": "1,2,none", "empty": "", "spaced": "\n  spaced: yes"}, field(t, objs[0], "data"))
}

// field is a top-level field of the object as plain Go values.
func field(t *testing.T, o *load.Object, name string) any {
	t.Helper()
	v, err := ast.JSON(o.Value)
	require.NoError(t, err)
	return v.(map[string]any)[name]
}
