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
// comment: "<!-- file: PATH -->" (the block is that file of testdata/guide),
// "<!-- output -->" (a console block: "$ kubeward ARGS" and exactly what it
// prints on standard output) or "<!-- run -->" (console blocks of one or
// more commands, each followed by lines it prints on standard output or
// error, in any order; "..." stands for lines left out).
var guideBlock = regexp.MustCompile("(?s)<!-- (file: (\\S+)|output|run) -->\n```[a-z]*\n(.*?)```")

// TestGuideIsTested keeps docs/writing-policies.md true: its example files
// are testdata/guide's, every file of the example is shown, and every
// command it shows runs, in order, in a copy of testdata/guide, and prints
// what it says.
func TestGuideIsTested(t *testing.T) {
	doc, err := os.ReadFile(filepath.Join("..", "..", "docs", "writing-policies.md"))
	require.NoError(t, err)
	guide, err := filepath.Abs(filepath.Join("..", "..", "testdata", "guide"))
	require.NoError(t, err)

	shown := map[string]bool{}
	var commands [][]string
	for _, m := range guideBlock.FindAllStringSubmatch(string(doc), -1) {
		if m[2] == "" {
			commands = append(commands, m)
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
	require.NotEmpty(t, commands)

	// Commands such as `new rule` write files: they run in a copy.
	work := t.TempDir()
	require.NoError(t, os.CopyFS(work, os.DirFS(guide)))
	t.Chdir(work)
	ran := 0
	for _, m := range commands {
		if m[1] == "output" {
			cmd, printed, ok := strings.Cut(m[3], "\n")
			require.True(t, ok)
			args, ok := strings.CutPrefix(cmd, "$ kubeward ")
			require.True(t, ok, "an output block starts with $ kubeward: %q", cmd)
			r := kw(t, strings.Fields(args)...)
			assert.Equal(t, printed, r.stdout, "kubeward %s", args)
			assert.Empty(t, r.stderr, "kubeward %s", args)
			assertSucceeded(t, args, r)
			ran++
			continue
		}
		for _, step := range strings.Split("\n"+m[3], "\n$ kubeward ")[1:] {
			args, printed, _ := strings.Cut(step, "\n")
			r := kw(t, strings.Fields(args)...)
			assertSucceeded(t, args, r)
			got := map[string]bool{}
			for _, line := range strings.Split(r.stdout+r.stderr, "\n") {
				got[line] = true
			}
			for _, line := range strings.Split(strings.TrimSuffix(printed, "\n"), "\n") {
				if line != "..." {
					assert.True(t, got[line], "kubeward %s prints %q:\n%s%s", args, line, r.stdout, r.stderr)
				}
			}
			ran++
		}
	}
	assert.GreaterOrEqual(t, ran, 8, "the commands of the page were run")
}

// assertSucceeded checks a guide command's exit status: 0, or for lint 1
// (its findings are the example).
func assertSucceeded(t *testing.T, args string, r cliResult) {
	t.Helper()
	if strings.HasPrefix(args, "lint") {
		assert.Contains(t, []int{exitClean, exitFindings}, r.code, "kubeward %s: %s", args, r.stderr)
		return
	}
	assert.Equal(t, exitClean, r.code, "kubeward %s: %s", args, r.stdout+r.stderr)
}
