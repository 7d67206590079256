package main

import (
	"bufio"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The Action's install steps (scripts/action-install.sh), run with the
// variables GitHub sets, against a release host on loopback
// (serveReleases): download and checksum, the cache, the go install
// fallback; then the lint step runs the installed binary.

// runnerArch is RUNNER_ARCH for this machine, as GitHub spells it.
func runnerArch() string {
	switch runtime.GOARCH {
	case "amd64":
		return "X64"
	case "arm64":
		return "ARM64"
	}
	return runtime.GOARCH
}

type actionStep struct {
	code    int
	out     string
	outputs map[string]string
	path    []string // what the step added to GITHUB_PATH
}

// actionInstall runs one mode of action-install.sh with env over the
// runner's variables.
func actionInstall(t *testing.T, mode string, env map[string]string) actionStep {
	t.Helper()
	script, err := filepath.Abs(filepath.Join("..", "..", "scripts", "action-install.sh"))
	require.NoError(t, err)
	files := t.TempDir()
	ghOutput, ghPath := filepath.Join(files, "output"), filepath.Join(files, "path")
	cmd := exec.Command("bash", script, mode)
	cmd.Dir = t.TempDir()
	cmd.Env = append(os.Environ(), "RUNNER_OS="+map[string]string{"linux": "Linux", "darwin": "macOS", "windows": "Windows"}[runtime.GOOS],
		"RUNNER_ARCH="+runnerArch(), "RUNNER_TEMP="+t.TempDir(), "GITHUB_OUTPUT="+ghOutput, "GITHUB_PATH="+ghPath,
		"INPUT_VERSION=", "KUBEWARD_ACTION_REF=")
	for k, v := range env {
		cmd.Env = append(cmd.Env, k+"="+v)
	}
	out, err := cmd.CombinedOutput()
	step := actionStep{out: string(out), outputs: map[string]string{}}
	if ee, ok := err.(*exec.ExitError); ok {
		step.code = ee.ExitCode()
	} else {
		require.NoError(t, err)
	}
	if f, err := os.Open(ghOutput); err == nil {
		sc := bufio.NewScanner(f)
		for sc.Scan() {
			k, v, _ := strings.Cut(sc.Text(), "=")
			step.outputs[k] = v
		}
		f.Close()
	}
	if b, err := os.ReadFile(ghPath); err == nil {
		step.path = strings.Fields(string(b))
	}
	return step
}

// resolveAndInstall is the Action's resolve and install steps for version.
func resolveAndInstall(t *testing.T, toolCache, releaseURL, version string) (resolve, install actionStep) {
	t.Helper()
	resolve = actionInstall(t, "resolve", map[string]string{
		"KUBEWARD_ACTION_REF": version, "RUNNER_TOOL_CACHE": toolCache, "KUBEWARD_RELEASE_URL": releaseURL,
	})
	require.Equal(t, 0, resolve.code, resolve.out)
	install = actionInstall(t, "install", map[string]string{
		"KUBEWARD_VERSION": resolve.outputs["version"], "KUBEWARD_DIR": resolve.outputs["dir"],
		"KUBEWARD_RELEASE_URL": releaseURL,
	})
	return resolve, install
}

func TestActionInstallsTheRelease(t *testing.T) {
	t.Parallel()
	dist := releaseDist(t)
	host := serveReleases(t, map[string]string{testReleaseVersion: dist}, "")
	toolCache := t.TempDir()

	start := time.Now()
	resolve, install := resolveAndInstall(t, toolCache, host.url, testReleaseVersion)
	took := time.Since(start)
	require.Equal(t, 0, install.code, install.out)
	assert.Equal(t, testReleaseVersion, resolve.outputs["version"], "the action's own ref")
	assert.Equal(t, "true", resolve.outputs["cacheable"])
	dir := resolve.outputs["dir"]
	assert.Equal(t, filepath.Join(toolCache, "kubeward", testReleaseVersion, runnerArch()), dir)
	assert.Equal(t, "true", install.outputs["installed"])
	assert.Equal(t, []string{dir}, install.path)
	assert.Contains(t, install.out, "SHA-256 checked")
	binary := "/" + testReleaseVersion + "/kubeward_" + runtime.GOOS + "_" + runtime.GOARCH
	assert.Equal(t, 1, host.count(binary))

	// The lint step, with the installed binary: the text report in the log,
	// SARIF in its file and annotations, all from one run.
	r := runAction(t, map[string]string{
		"KUBEWARD":       filepath.Join(dir, "kubeward"),
		"INPUT_PATH":     abs(t, privilegedFile),
		"INPUT_ANNOTATE": "true",
	})
	assert.Equal(t, exitFindings, r.code, r.out)
	assert.Contains(t, r.out, ":20:13: CRITICAL KW-PSS-007 ", "the text report")
	assert.Contains(t, r.out, "::error file=", "the annotations")
	assert.Contains(t, r.out, "wrote sarif report to kubeward.sarif")
	assert.FileExists(t, filepath.Join(r.dir, "kubeward.sarif"))

	// The next job: actions/cache restored the folder, nothing is downloaded.
	_, again := resolveAndInstall(t, toolCache, host.url, testReleaseVersion)
	require.Equal(t, 0, again.code, again.out)
	assert.Contains(t, again.out, "restored from the cache")
	assert.Equal(t, "true", again.outputs["installed"])
	assert.Equal(t, 1, host.count(binary), "not downloaded again")
	t.Logf("resolve and install by download: %s", took.Round(time.Millisecond))
}

func TestActionRefusesATamperedRelease(t *testing.T) {
	t.Parallel()
	dist := releaseDist(t)
	tampered := t.TempDir()
	entries, err := os.ReadDir(dist)
	require.NoError(t, err)
	for _, e := range entries {
		b, err := os.ReadFile(filepath.Join(dist, e.Name()))
		require.NoError(t, err)
		if e.Name() == "checksums.txt" {
			// Another binary's checksum in place of the real one.
			b = append([]byte(strings.Repeat("0", 64)), b[64:]...)
		}
		require.NoError(t, os.WriteFile(filepath.Join(tampered, e.Name()), b, 0o755))
	}
	host := serveReleases(t, map[string]string{"v9.9.7": tampered}, "")
	resolve, install := resolveAndInstall(t, t.TempDir(), host.url, "v9.9.7")
	assert.Equal(t, 1, install.code, install.out)
	assert.Contains(t, install.out, "does not match checksums.txt")
	assert.Empty(t, install.outputs["installed"], "the step failed: no fallback runs")
	assert.Empty(t, install.path)
	assert.NoFileExists(t, filepath.Join(resolve.outputs["dir"], "kubeward"))
}

// A version with no release binary is built with go install, into the
// folder actions/cache keeps.
func TestActionFallsBackToGoInstall(t *testing.T) {
	t.Parallel()
	host := serveReleases(t, map[string]string{}, "")
	resolve, install := resolveAndInstall(t, t.TempDir(), host.url, "v9.9.5")
	require.Equal(t, 0, install.code, install.out)
	assert.Equal(t, "false", install.outputs["installed"])
	assert.Contains(t, install.out, "go install follows")
	assert.Empty(t, install.path)

	// A stand-in for go records how it was called.
	fakeBin := t.TempDir()
	record := filepath.Join(t.TempDir(), "go-call")
	require.NoError(t, os.WriteFile(filepath.Join(fakeBin, "go"), []byte("#!/bin/sh\nprintf 'GOBIN=%s CGO_ENABLED=%s %s\\n' \"$GOBIN\" \"$CGO_ENABLED\" \"$*\" > '"+record+"'\n"), 0o755))
	dir := resolve.outputs["dir"]
	build := actionInstall(t, "go-install", map[string]string{
		"KUBEWARD_VERSION": "v9.9.5", "KUBEWARD_DIR": dir,
		"PATH": fakeBin + string(os.PathListSeparator) + os.Getenv("PATH"),
	})
	require.Equal(t, 0, build.code, build.out)
	call, err := os.ReadFile(record)
	require.NoError(t, err)
	assert.Equal(t, "GOBIN="+dir+" CGO_ENABLED=0 install -trimpath github.com/kubeward/kubeward/cmd/kubeward@v9.9.5\n", string(call))
	assert.Equal(t, []string{dir}, build.path)
}

func TestActionResolvesVersions(t *testing.T) {
	t.Parallel()
	host := serveReleases(t, map[string]string{}, "v9.9.4")
	for _, tc := range []struct {
		input, ref, version, cacheable string
	}{
		{"", "v1.2.3", "v1.2.3", "true"},       // uses: kubeward/kubeward@v1.2.3
		{"v2.0.0", "v1.2.3", "v2.0.0", "true"}, // the input wins
		{"latest", "", "v9.9.4", "true"},       // the tag latest redirects to
		{"", "", "v9.9.4", "true"},
		{"", "main", "main", "false"}, // a branch: built, not cached under a moving name
	} {
		r := actionInstall(t, "resolve", map[string]string{
			"INPUT_VERSION": tc.input, "KUBEWARD_ACTION_REF": tc.ref, "KUBEWARD_RELEASE_URL": host.url,
		})
		require.Equal(t, 0, r.code, r.out)
		assert.Equal(t, tc.version, r.outputs["version"], "%+v", tc)
		assert.Equal(t, tc.cacheable, r.outputs["cacheable"], "%+v", tc)
	}
	r := actionInstall(t, "resolve", map[string]string{"INPUT_VERSION": "v1;rm -rf /"})
	assert.Equal(t, 1, r.code, "a version that is no ref is refused")
}
