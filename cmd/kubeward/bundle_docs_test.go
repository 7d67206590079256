package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestDocsBundlesFlow runs the command block of docs/bundles.md, line by
// line, through run(), against an in-process registry standing in for
// registry.example.com: the documented flow is the tested one.
func TestDocsBundlesFlow(t *testing.T) {
	doc, err := os.ReadFile(filepath.Join("..", "..", "docs", "bundles.md"))
	require.NoError(t, err)
	_, block, ok := strings.Cut(string(doc), "<!-- flow:begin -->")
	require.True(t, ok, "docs/bundles.md has no <!-- flow:begin --> block")
	block, _, ok = strings.Cut(block, "<!-- flow:end -->")
	require.True(t, ok)
	var lines []string
	for _, l := range strings.Split(block, "\n") {
		if strings.HasPrefix(l, "kubeward ") {
			lines = append(lines, l)
		}
	}
	require.Len(t, lines, 8, "the flow: keygen, build, sign, verify, push, pull, verify, lint")

	host, _ := startRegistry(t)
	policies, err := filepath.Abs(bundleFixture("acme"))
	require.NoError(t, err)
	deploy, err := os.ReadFile(bundleFixture("deploy.yaml"))
	require.NoError(t, err)
	dir := t.TempDir()
	require.NoError(t, os.CopyFS(filepath.Join(dir, "acme-policies"), os.DirFS(policies)))
	require.NoError(t, os.MkdirAll(filepath.Join(dir, "deploy"), 0o755))
	require.NoError(t, os.WriteFile(filepath.Join(dir, "deploy", "deploy.yaml"), deploy, 0o644))
	t.Chdir(dir)

	for _, l := range lines {
		args := strings.Fields(strings.ReplaceAll(l, "registry.example.com", host))[1:]
		r := kw(t, args...)
		if args[0] == "lint" {
			require.Equal(t, 1, r.code, "%s\n%s", l, r.stderr)
			require.Equal(t, "deploy/deploy.yaml:3:1: HIGH ACME-001 Deployment \"web\" has no \"team\" label (Deployment shop/web)\n1 object, 1 finding (1 high), 0 errors.\n", r.stdout)
			continue
		}
		require.Equal(t, 0, r.code, "%s\n%s", l, r.stderr)
	}
}
