package linemap

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestAlignTemplate(t *testing.T) {
	src := `apiVersion: v1
kind: Pod
metadata:
  name: {{ .Release.Name }}
spec:
  {{- if .Values.host }}
  hostNetwork: true
  {{- end }}
  securityContext:
    {{- toYaml .Values.sc | nindent 4 }}
  containers: []`
	out := `apiVersion: v1
kind: Pod
metadata:
  name: rel
spec:
  hostNetwork: true
  securityContext:
    runAsUser: 0
    privileged: true
  containers: []`
	f := Align(src, out)
	for outLine, want := range map[int]int{1: 1, 4: 4, 6: 7, 7: 9, 8: 10, 9: 10, 10: 11} {
		assert.Equal(t, want, f(outLine), "output line %d", outLine)
	}
	assert.Equal(t, 0, f(0))
	assert.Equal(t, 0, f(99))
}

func TestAlignPatchedResource(t *testing.T) {
	src := `kind: Deployment
spec:
  containers:
    - name: web
      securityContext:
        runAsNonRoot: true`
	out := `kind: Deployment
spec:
  containers:
  - name: web
    securityContext:
      privileged: true
      runAsNonRoot: true`
	f := Align(src, out)
	assert.Equal(t, 4, f(4), "a list item, indented differently")
	assert.Equal(t, 5, f(6), "a field a patch added: its parent's line")
	assert.Equal(t, 6, f(7))
}
