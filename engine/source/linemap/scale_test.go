package linemap

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
)

// TestAlignAgreesWithReference checks the linear alignment against the
// quadratic one it replaced, on generated templates and outputs that mix
// every kind of line (literal, action, control, keys, blank, lists) at
// several indentations, small enough for the table and large enough for
// the greedy scan.
func TestAlignAgreesWithReference(t *testing.T) {
	srcKinds := []string{
		"name: {{ .Values.name }}", "image: {{ .Values.image }}", "{{- if .Values.on }}", "{{- end }}",
		"{{ toYaml .Values.x | nindent 4 }}", "kind: Deployment", "metadata:", "- name: app", "ports:",
		"", "---", "{{- range .Values.list }}", "labels: {{ include \"x\" . }}", "x{{ .Values.y }}",
	}
	outKinds := []string{
		"name: web", "image: nginx:1", "kind: Deployment", "metadata:", "- name: app", "ports:", "",
		"---", "runAsUser: 0", "privileged: true", "labels: a", "- containerPort: 80", "xyz",
	}
	rng := rand.New(rand.NewPCG(1, 2))
	gen := func(kinds []string, n int) string {
		lines := make([]string, n)
		for i := range lines {
			lines[i] = strings.Repeat("  ", rng.IntN(4)) + kinds[rng.IntN(len(kinds))]
		}
		return strings.Join(lines, "\n")
	}
	for round := 0; round < 300; round++ {
		ns, no := 1+rng.IntN(60), 1+rng.IntN(80)
		if round%50 == 0 {
			ns, no = 2100, 2100 // past maxCells: the greedy scan
		}
		src, out := gen(srcKinds, ns), gen(outKinds, no)
		got, want := Align(src, out), refAlign(src, out)
		for line := 0; line <= no+1; line++ {
			if g, w := got(line), want(line); g != w {
				t.Fatalf("round %d, output line %d: got %d, want %d\nsource:\n%s\noutput:\n%s", round, line, g, w, src, out)
			}
		}
	}
}

// BenchmarkAlignUnalignedLines is the shape that was quadratic: a template
// line whose toYaml writes n lines that align with nothing.
func BenchmarkAlignUnalignedLines(b *testing.B) {
	for _, n := range []int{10_000, 40_000, 160_000} {
		src := "spec:\n  template:\n    data: {{ toYaml .Values.x | nindent 6 }}\n"
		out := "spec:\n  template:\n    data:\n" + strings.Repeat("      k: v\n", n)
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			for b.Loop() {
				Align(src, out)
			}
		})
	}
}

// BenchmarkAlignLongLines: lines alike but for their last byte, so that a
// comparison by text costs the line's length, over a full table.
func BenchmarkAlignLongLines(b *testing.B) {
	long := strings.Repeat("x", 20_000)
	src := strings.Repeat(long+"a\n", 2000)
	out := strings.Repeat(long+"b\n", 1999)
	b.Run("2000x20000", func(b *testing.B) {
		for b.Loop() {
			Align(src, out)
		}
	})
}
