package main

import (
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/spf13/cobra/doc"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// docs/cli is the CLI reference, generated from the commands' help with
// cobra's markdown generator (cobra/doc, part of the cobra module; only this
// test imports it, so the binary does not carry it). `make docs` regenerates
// it: UPDATE_DOCS=1 go test -run TestCLIReferenceIsCurrent ./cmd/kubeward/

const cliDocs = "../../docs/cli"

// generateCLIReference writes the reference into dir.
func generateCLIReference(t *testing.T, dir string) {
	t.Helper()
	root := newRootCommand(strings.NewReader(""), &strings.Builder{}, &strings.Builder{})
	helpExample(root)
	// No "Auto generated on <date>" line: the same commands give the same pages.
	root.DisableAutoGenTag = true
	require.NoError(t, doc.GenMarkdownTree(root, dir))
}

func readTree(t *testing.T, dir string) map[string]string {
	t.Helper()
	files := map[string]string{}
	entries, err := os.ReadDir(dir)
	require.NoError(t, err)
	for _, e := range entries {
		if e.IsDir() || !strings.HasSuffix(e.Name(), ".md") {
			continue
		}
		b, err := os.ReadFile(filepath.Join(dir, e.Name()))
		require.NoError(t, err)
		files[e.Name()] = string(b)
	}
	return files
}

func TestCLIReferenceIsCurrent(t *testing.T) {
	if os.Getenv("UPDATE_DOCS") != "" {
		old, _ := filepath.Glob(filepath.Join(cliDocs, "kubeward*.md"))
		for _, f := range old {
			require.NoError(t, os.Remove(f))
		}
		require.NoError(t, os.MkdirAll(cliDocs, 0o755))
		generateCLIReference(t, cliDocs)
		return
	}
	fresh := t.TempDir()
	generateCLIReference(t, fresh)
	want := readTree(t, fresh)
	got := readTree(t, cliDocs)
	delete(got, "README.md")
	var names []string
	for n := range want {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		assert.Equal(t, want[n], got[n], "docs/cli/%s is stale: run make docs", n)
	}
	for n := range got {
		assert.Contains(t, want, n, "docs/cli/%s is not a command any more: run make docs", n)
	}
}
