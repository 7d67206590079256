package harness

import (
	"testing"

	"github.com/open-policy-agent/opa/v1/cover"
	"github.com/stretchr/testify/assert"
)

func TestLineRanges(t *testing.T) {
	r := func(a, b int) cover.Range {
		return cover.Range{Start: cover.Position{Row: a}, End: cover.Position{Row: b}}
	}
	assert.Equal(t, []string{"3-5", "8", "10-11"}, lineRanges([]cover.Range{r(10, 10), r(3, 4), r(8, 8), r(4, 5), r(11, 11), r(8, 8)}))
	assert.Nil(t, lineRanges(nil))
}

func TestPackageOf(t *testing.T) {
	assert.Equal(t, "kubeward.lib.pods", packageOf([]byte("# METADATA\n# title: x\npackage kubeward.lib.pods\n\nimport rego.v1\n")))
	assert.Equal(t, "main", packageOf([]byte("  package main  \n")))
	assert.Equal(t, "", packageOf([]byte("# no package\n")))
}

func TestPercent(t *testing.T) {
	assert.Equal(t, 100.0, percent(0, 0), "nothing to cover is fully covered")
	assert.Equal(t, 75.0, percent(3, 1))
}
