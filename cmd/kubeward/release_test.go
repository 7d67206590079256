package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// `make release` takes minutes (six cross-compilations), too long for every
// test run, so this test runs the real target with a stand-in for `go` that
// records how it was called and writes a file where the binary would go. It
// checks the six platforms, the static build, the stamps and the checksums.
// The stamps themselves are read by `kubeward version` (TestVersionStamps).
func TestMakeRelease(t *testing.T) {
	t.Parallel()
	for _, tool := range []string{"make", "sh", "sha256sum"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skipf("%s is not installed: make release is not checked", tool)
		}
	}
	fake := filepath.Join(t.TempDir(), "go")
	require.NoError(t, os.WriteFile(fake, []byte(`#!/bin/sh
# Stand-in for go build: the "binary" records its environment and arguments.
out=""; prev=""
for a in "$@"; do [ "$prev" = "-o" ] && out="$a"; prev="$a"; done
printf 'GOOS=%s GOARCH=%s CGO_ENABLED=%s\n%s\n' "$GOOS" "$GOARCH" "$CGO_ENABLED" "$*" > "$out"
`), 0o755))
	dist := t.TempDir()
	cmd := exec.Command("make", "-s", "release", "GO="+fake, "DIST="+dist,
		"VERSION=v1.2.3", "COMMIT=0123abc", "DATE=2026-12-02T10:00:00Z")
	cmd.Dir = filepath.Join("..", "..")
	out, err := cmd.CombinedOutput()
	require.NoError(t, err, "%s", out)

	entries, err := os.ReadDir(dist)
	require.NoError(t, err)
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	sort.Strings(names)
	assert.Equal(t, []string{
		"checksums.txt",
		"kubeward_darwin_amd64", "kubeward_darwin_arm64",
		"kubeward_linux_amd64", "kubeward_linux_arm64",
		"kubeward_windows_amd64.exe", "kubeward_windows_arm64.exe",
	}, names)
	for _, n := range names[1:] {
		b, err := os.ReadFile(filepath.Join(dist, n))
		require.NoError(t, err)
		call := string(b)
		platform := strings.TrimSuffix(strings.TrimPrefix(n, "kubeward_"), ".exe")
		goos, goarch, _ := strings.Cut(platform, "_")
		assert.Contains(t, call, "GOOS="+goos+" GOARCH="+goarch+" CGO_ENABLED=0\n", n)
		assert.Contains(t, call, "build -trimpath", n)
		assert.Contains(t, call, "-X main.version=v1.2.3 -X main.commit=0123abc -X main.date=2026-12-02T10:00:00Z", n)
		assert.Contains(t, call, "./cmd/kubeward", n)
	}
	check := exec.Command("sha256sum", "-c", "checksums.txt")
	check.Dir = dist
	out, err = check.CombinedOutput()
	require.NoError(t, err, "%s", out)
	assert.Equal(t, 6, strings.Count(string(out), ": OK\n"), "%s", out)
}

// The variables `make release` stamps are the ones `kubeward version` prints.
func TestVersionStamps(t *testing.T) {
	version, commit, date = "v1.2.3", "0123abc", "2026-12-02T10:00:00Z"
	defer func() { version, commit, date = "", "", "" }()
	r := kw(t, "version")
	require.Equal(t, exitClean, r.code, r.stderr)
	assert.Contains(t, r.stdout, "kubeward v1.2.3\ncommit: 0123abc\nbuilt: 2026-12-02T10:00:00Z\n")
}
