package main

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"
)

// Some tests need kubeward as a program that other tools start (pre-commit
// hooks, the GitHub Action's script). Rather than building it, they start this
// test binary, which acts as kubeward when KUBEWARD_AS_CLI=1. The tests'
// caches (results, pulled bundles) stay out of the user's cache folder.
func TestMain(m *testing.M) {
	if os.Getenv("KUBEWARD_AS_CLI") == "1" {
		main()
	}
	dir, err := os.MkdirTemp("", "kubeward-test-cache-")
	if err != nil {
		panic(err)
	}
	os.Setenv("KUBEWARD_CACHE_DIR", dir)
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// kubewardBinary writes an executable named kubeward into a new folder and
// returns that folder (for PATH) and the executable's path.
func kubewardBinary(t *testing.T) (dir, path string) {
	t.Helper()
	self, err := os.Executable()
	require.NoError(t, err)
	dir = t.TempDir()
	path = filepath.Join(dir, "kubeward")
	script := "#!/bin/sh\nKUBEWARD_AS_CLI=1 exec '" + self + "' \"$@\"\n"
	require.NoError(t, os.WriteFile(path, []byte(script), 0o755))
	return dir, path
}
