package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// guideBlock is a fenced block of docs/writing-policies.md marked by an HTML
// comment: "<!-- file: PATH -->" (the block is that file of testdata/guide)
// or "<!-- output -->" (a console block: "$ kubeward ARGS" and what it prints,
// run in testdata/guide).
var guideBlock = regexp.MustCompile("(?s)<!-- (file: (\\S+)|output) -->\n```[a-z]*\n(.*?)```")

// TestGuideIsTested keeps docs/writing-policies.md true: its example files
// are testdata/guide's, every file of the example is shown, and the commands
// it shows print what it says.
func TestGuideIsTested(t *testing.T) {
	doc, err := os.ReadFile(filepath.Join("..", "..", "docs", "writing-policies.md"))
	require.NoError(t, err)
	guide, err := filepath.Abs(filepath.Join("..", "..", "testdata", "guide"))
	require.NoError(t, err)

	shown := map[string]bool{}
	var outputs [][]string
	for _, m := range guideBlock.FindAllStringSubmatch(string(doc), -1) {
		if m[2] == "" {
			outputs = append(outputs, m)
			continue
		}
		want, err := os.ReadFile(filepath.Join(guide, filepath.FromSlash(m[2])))
		require.NoError(t, err, "the guide shows %s", m[2])
		assert.Equal(t, string(want), m[3], "the guide's %s differs from testdata/guide", m[2])
		shown[m[2]] = true
	}
	err = filepath.WalkDir(guide, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			rel, _ := filepath.Rel(guide, p)
			assert.True(t, shown[filepath.ToSlash(rel)], "the guide does not show %s", rel)
		}
		return err
	})
	require.NoError(t, err)
	require.NotEmpty(t, outputs)

	t.Chdir(guide)
	for _, m := range outputs {
		cmd, printed, ok := strings.Cut(m[3], "\n")
		require.True(t, ok)
		args, ok := strings.CutPrefix(cmd, "$ kubeward ")
		require.True(t, ok, "an output block starts with $ kubeward: %q", cmd)
		r := kw(t, strings.Fields(args)...)
		assert.Equal(t, printed, r.stdout, "kubeward %s", args)
		assert.Empty(t, r.stderr, "kubeward %s", args)
		// The tests pass; the lint example shows a finding.
		if strings.HasPrefix(args, "test") {
			assert.Equal(t, exitClean, r.code, "kubeward %s", args)
		}
	}
}
