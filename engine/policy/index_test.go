package policy

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var indexPath = filepath.Join("..", "..", "policies", IndexFile)

// TestIndexIsCurrent: policies/index.json must be the index of the bundled
// rules as they are. `make docs` regenerates it (UPDATE_INDEX=1).
func TestIndexIsCurrent(t *testing.T) {
	files, err := BundledFiles(false)
	require.NoError(t, err)
	lib, err := Load(Options{NoBuiltin: true, Files: files})
	require.NoError(t, err)
	want, err := BuildIndex(lib, files)
	require.NoError(t, err)
	if os.Getenv("UPDATE_INDEX") != "" {
		require.NoError(t, os.WriteFile(indexPath, want, 0o644))
	}
	got, err := os.ReadFile(indexPath)
	require.NoError(t, err)
	assert.Equal(t, string(want), string(got), "policies/index.json is stale: run make docs")
}

// The index gives the same rules as parsing the library, and a library loaded
// through it compiles and parses on demand.
func TestIndexedLoadMatchesParsedLoad(t *testing.T) {
	files, err := BundledFiles(false)
	require.NoError(t, err)
	parsed, err := Load(Options{NoBuiltin: true, Files: files})
	require.NoError(t, err)
	require.NotNil(t, bundledIndex(files), "the embedded index is stale: run make docs")
	indexed, err := Load(Options{})
	require.NoError(t, err)
	require.Equal(t, len(parsed.Rules), len(indexed.Rules))
	for i := range parsed.Rules {
		assert.Equal(t, *parsed.Rules[i], *indexed.Rules[i])
	}
	assert.True(t, indexed.HasModule("policies/lib/pods.rego"))
	_, err = indexed.CompileRules(indexed.Rules[:1])
	require.NoError(t, err)
}

func TestStaleIndexIsNotUsed(t *testing.T) {
	files, err := BundledFiles(false)
	require.NoError(t, err)
	files[0].Content = append(append([]byte(nil), files[0].Content...), []byte("\n# edited\n")...)
	assert.Nil(t, bundledIndex(files))
}
