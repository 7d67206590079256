package engine_test

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kubeward/kubeward/engine"
)

func cachedFiles(t *testing.T, dir string) []string {
	t.Helper()
	var out []string
	_ = filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".json") {
			out = append(out, p)
		}
		return nil
	})
	return out
}

func TestResultCache(t *testing.T) {
	cache := t.TempDir()
	dir := t.TempDir()
	p := writeFile(t, dir, "d.yaml", privilegedDeployment)
	l, err := engine.New(engine.Options{CacheDir: cache})
	require.NoError(t, err)
	ctx := context.Background()

	first := l.Lint(ctx, []string{p})
	require.NotEmpty(t, first.Findings)
	files := cachedFiles(t, cache)
	require.Len(t, files, 1, "a run over plain files is stored")

	// The stored result is what a second run returns: mark it to prove it.
	b, err := os.ReadFile(files[0])
	require.NoError(t, err)
	msg, err := json.Marshal(first.Findings[0].Message)
	require.NoError(t, err)
	marked := strings.Replace(string(b), string(msg), `"from the cache"`, 1)
	require.NotEqual(t, string(b), marked)
	require.NoError(t, os.WriteFile(files[0], []byte(marked), 0o644))
	second := l.Lint(ctx, []string{p})
	require.Len(t, second.Findings, len(first.Findings))
	assert.Equal(t, "from the cache", second.Findings[0].Message)
	assert.Equal(t, first.Findings[0].Rule, second.Findings[0].Rule)
	assert.Equal(t, first.Findings[0].Location, second.Findings[0].Location)
	assert.Equal(t, first.Findings[0].Path, second.Findings[0].Path, "path elements keep their types")
	assert.Equal(t, first.Objects, second.Objects)
	assert.Equal(t, first.Checked, second.Checked)

	// Other bytes, other key: the edit is seen.
	writeFile(t, dir, "d.yaml", strings.Replace(privilegedDeployment, "privileged: true", "privileged: false", 1))
	third := l.Lint(ctx, []string{p})
	assert.Empty(t, byRule(third, "KW-PSS-007"))
	assert.Len(t, cachedFiles(t, cache), 2)

	// Other options, other key.
	restricted, err := engine.New(engine.Options{CacheDir: cache, Profile: "pss-baseline"})
	require.NoError(t, err)
	got := restricted.Lint(ctx, []string{p})
	assert.Empty(t, byRule(got, "KW-POD-001"), "the profile's own result, not the cached whole-library one")
	assert.Len(t, cachedFiles(t, cache), 3)
}

func TestResultCacheSkipsWhatItCannotKey(t *testing.T) {
	cache := t.TempDir()
	dir := t.TempDir()
	writeFile(t, dir, "d.yaml", privilegedDeployment)
	bad := writeFile(t, t.TempDir(), "bad.yaml", "kind: [\n")
	l, err := engine.New(engine.Options{CacheDir: cache})
	require.NoError(t, err)
	l.Lint(context.Background(), []string{dir})
	assert.Empty(t, cachedFiles(t, cache), "a folder may gain files the key cannot see")
	res := l.Lint(context.Background(), []string{bad})
	require.NotEmpty(t, res.Errors)
	assert.Empty(t, cachedFiles(t, cache), "runs with errors are not replayed")
}
