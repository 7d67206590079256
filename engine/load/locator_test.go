package load

import (
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// bisectProblemLine is the locator's specification: the shortest prefix of
// whole lines that fails with the same message, found by plain bisection
// over the whole text (what problemLine did before it was bounded).
func bisectProblemLine(text []byte, msg string) int {
	var ends []int
	for i, b := range text {
		if b == '\n' {
			ends = append(ends, i+1)
		}
	}
	if len(ends) == 0 || ends[len(ends)-1] != len(text) {
		ends = append(ends, len(text))
	}
	want := strings.TrimPrefix(yamlLine.ReplaceAllString(msg, "$2"), "yaml: ")
	lo, hi := 1, len(ends)
	for lo < hi {
		mid := (lo + hi) / 2
		err := parseProbe(text[:ends[mid-1]])
		if err != nil && strings.HasSuffix(err.Error(), want) {
			hi = mid
		} else {
			lo = mid + 1
		}
	}
	return lo
}

// countProbes counts the prefixes the locator parses, and their bytes.
func countProbes(t *testing.T) (calls, bytes *int) {
	calls, bytes = new(int), new(int)
	orig := parseProbe
	parseProbe = func(text []byte) error {
		*calls++
		*bytes += len(text)
		return orig(text)
	}
	t.Cleanup(func() { parseProbe = orig })
	return calls, bytes
}

// hostileSyntaxError is one large document whose syntax error is at its
// end, which the parser reports at the line where the document starts.
func hostileSyntaxError(lines int) string {
	var b strings.Builder
	b.WriteString("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: big\ndata:\n")
	for i := 0; i < lines; i++ {
		fmt.Fprintf(&b, "  key%d: value\n", i)
	}
	b.WriteString(" - oops\n")
	for i := 0; i < 50; i++ {
		fmt.Fprintf(&b, "  after%d: value\n", i)
	}
	return b.String()
}

// The locator finds the line bisection finds, on errors near the start, the
// middle and the end of documents small and large.
func TestProblemLineAgreesWithBisection(t *testing.T) {
	docs := []string{
		"apiVersion: v1\nkind: Pod\nmetadata:\n  name: [unclosed\n",
		"apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\n - oops\n",
		"a: {b: 1\nc: 2\n",
		"a:\n  - [1, 2\n  - 3\n",
		"k: |\n  line\n  line\n - x\n",
		hostileSyntaxError(10),
		hostileSyntaxError(3000),
		"list:\n" + strings.Repeat("- {a: 1}\n", 2000) + "- {a: 1\n" + strings.Repeat("- b\n", 100),
	}
	for i, d := range docs {
		_, errs := Parse("x.yaml", []byte(d), DefaultLimits())
		require.NotEmpty(t, errs, "doc %d", i)
		err := parseProbe([]byte(d))
		require.Error(t, err)
		assert.Equal(t, bisectProblemLine([]byte(d), err.Error()), errs[0].Line, "doc %d: %v", i, errs[0])
	}
}

// A large document with a syntax error at its end costs the locator a few
// parses, not one per halving of the file: bisection parsed about
// log2(lines) prefixes, most of them nearly the whole text.
func TestProblemLineIsLinear(t *testing.T) {
	const keys = 50_000
	text := hostileSyntaxError(keys)
	calls, parsed := countProbes(t)
	_, errs := Parse("big.yaml", []byte(text), DefaultLimits())
	require.Len(t, errs, 1)
	assert.Equal(t, "invalid YAML: did not find expected key", errs[0].Message)
	assert.Equal(t, keys+6, errs[0].Line, "the line of \" - oops\"")
	// Bisection took 16 prefixes here, 14 of them more than half the text.
	assert.LessOrEqual(t, *calls, 3, "prefixes parsed")
	assert.LessOrEqual(t, *parsed, 3*len(text), "bytes parsed by %d prefixes", *calls)
}

func BenchmarkProblemLine(b *testing.B) {
	text := []byte(hostileSyntaxError(50_000))
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		if _, errs := Parse("big.yaml", text, DefaultLimits()); len(errs) != 1 {
			b.Fatal(errs)
		}
	}
}
