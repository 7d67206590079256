package main

import (
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestStreamAfterGivesTheSameReport: a run that keeps every object of a
// folder as a projection and reads its files again reports exactly what a
// run holding everything reports, cross-resource findings included.
func TestStreamAfterGivesTheSameReport(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("..", "..", "testdata", "e2e", "storefront-traffic", "[a-df-z]*.yaml"))
	require.NoError(t, err)
	require.Len(t, files, 6, "every manifest but expected.yaml")
	args := []string{"lint", "--no-cache", "--complete", "-f", "json", "--stream-after"}
	whole := kw(t, append(append(args, "-1"), files...)...)
	streamed := kw(t, append(append(args, "1"), files...)...)
	assert.Equal(t, exitFindings, whole.code, whole.stderr)
	assert.Equal(t, whole.code, streamed.code, streamed.stderr)
	assert.Greater(t, len(decodeReport(t, whole.stdout).Findings), 5)
	assert.Equal(t, whole.stdout, streamed.stdout)
}

func TestStreamAfterMustBePositive(t *testing.T) {
	for _, v := range []string{"0", "-2"} {
		r := kw(t, "lint", "--stream-after", v, fixture("privileged-deployment.yaml"))
		assert.Equal(t, exitError, r.code, "--stream-after %s", v)
		assert.Contains(t, r.stderr, "--stream-after must be positive")
	}
}
