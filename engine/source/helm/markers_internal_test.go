package helm

import (
	"context"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"helm.sh/helm/v4/pkg/chart/common"
	chart "helm.sh/helm/v4/pkg/chart/v2"
	"helm.sh/helm/v4/pkg/engine"

	"github.com/kubeward/kubeward/engine/load"
)

// TestMarkersLeaveOutputUnchanged: the output of instrumented templates,
// markers removed, is byte for byte what Helm renders from the templates as
// written: trim markers on either side of actions and control words,
// comments, assignments, template calls, a template file included as a
// string and hashed, CRLF line ends, text with non-ASCII characters.
func TestMarkersLeaveOutputUnchanged(t *testing.T) {
	templates := map[string]string{
		"templates/_helpers.tpl": "{{- define \"x.name\" -}}\n  {{ .Release.Name }}-x  \n{{- end }}\n{{ define \"x.block\" }}a: 1\nb: {{ . }}\n{{ end }}",
		"templates/cm.yaml": `apiVersion: v1
kind: ConfigMap
metadata:
  name: {{ include "x.name" . | trim }}
  annotations:
    {{- /* a comment */}}
    checksum: {{ include (print $.Template.BasePath "/other.yaml") . | sha256sum }}
data:
  {{- $v := "é" }}
  k: {{ $v }}   {{- /* trailing */ -}}
  {{ range $i, $e := list 1 2 3 -}}
  item{{ $i }}: "{{ $e }}"
  {{ else }}
  none: true
  {{- end }}
  {{- with .Values.missing }}
  never: here
  {{- else }}
  w: {{ "x" -}}
  {{ end }}
  t: |
{{ template "x.block" "v" | indent 4 }}
  {{-3}}: minus
  last:	{{- "tab" }}
`,
		"templates/other.yaml": "a: b\r\n{{ if true }}c: d\r\n{{ end }}",
		"templates/empty.yaml": "{{- if false }}\nx: y\n{{- end }}\n",
	}
	build := func() *chart.Chart {
		ch := &chart.Chart{Metadata: &chart.Metadata{Name: "x", Version: "0.1.0", APIVersion: "v2"}}
		for name, data := range templates {
			ch.Templates = append(ch.Templates, &common.File{Name: name, Data: []byte(data)})
		}
		return ch
	}
	top := common.Values{
		"Values":       common.Values{},
		"Release":      common.Values{"Name": "r", "Namespace": "default"},
		"Chart":        build().Metadata,
		"Capabilities": common.DefaultCapabilities,
	}
	want, err := engine.Engine{}.RenderWithContext(context.Background(), build(), top)
	require.NoError(t, err)

	ch := build()
	sources := map[string][]byte{}
	collectTemplates(ch, sources)
	ids := map[string]int{}
	for _, name := range sortedKeys(sources) {
		ids[name] = len(ids)
	}
	instrumentCharts(ch, ids)
	got, err := renderBounded(context.Background(), ch, top, time.Minute, 1<<20)
	require.NoError(t, err)
	require.Len(t, got, len(want))
	for name, out := range got {
		text, origins := unmark(out, ids[name])
		assert.Equal(t, want[name], text, name)
		if want[name] != "" {
			assert.True(t, origins.marked(), name)
		}
	}
}

// TestUnmarkBadInput: markers a value forged or cut short, and positions
// outside the output, give no position and no panic.
func TestUnmarkBadInput(t *testing.T) {
	for _, out := range []string{
		"\x1ekw0T\x1fa: 1\n",
		"\x1ekw0T-3.-1\x1fa: 1\n",
		"\x1ekw0T99999999999999999999999.1\x1fa: 1\n",
		"\x1ekw0A1\x1fa: 1\n",
		"a: 1\n\x1ekw0T1.1",
		"\x1ekw1T5.5\x1fa: 1\n", // another template's
	} {
		text, m := unmark(out, 0)
		assert.NotContains(t, text, "\x1f", "%q", out)
		assert.False(t, m.marked(), "%q", out)
		for _, p := range []load.Position{{}, {Line: 1, Column: 1}, {Line: 1, Column: 99}, {Line: 9}, {Line: -1, Column: -1}} {
			assert.Equal(t, load.Position{}, m.at(p), "%q %v", out, p)
		}
	}
	text, m := unmark("\x1ekw0T3.5\x1fa: é\x1ekw0A3.9\x1fx\n", 0)
	assert.Equal(t, "a: éx\n", text)
	assert.Equal(t, load.Position{Line: 3, Column: 8}, m.at(load.Position{Line: 1, Column: 4}))
	assert.Equal(t, load.Position{Line: 3, Column: 9}, m.at(load.Position{Line: 1, Column: 5}))
	assert.Equal(t, load.Position{Line: 3, Column: 9}, m.at(load.Position{Line: 1, Column: 50}))
	assert.Equal(t, 3, m.line(1))
}
