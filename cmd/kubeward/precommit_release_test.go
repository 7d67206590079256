package main

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"sigs.k8s.io/yaml"
)

// The pre-commit hooks' install path, end to end: pre-commit clones a hook
// repository tagged as a release, runs scripts/pre-commit-install.sh, which
// downloads `make release` output for this platform from a file server on
// loopback, checks it against checksums.txt and runs it on the commit.

// hostRelease is `make release` for this machine's platform only, stamped
// testReleaseVersion. Its go is a stand-in whose "binary" runs this test
// binary as kubeward: a real release build compiles every package again
// (-trimpath, no cgo), which takes many minutes; TestMakeRelease checks
// that build's flags, and this the checksums and names the installers read.
var hostRelease = sync.OnceValues(func() (string, error) {
	self, err := os.Executable()
	if err != nil {
		return "", err
	}
	tools, err := os.MkdirTemp("", "kubeward-go-")
	if err != nil {
		return "", err
	}
	fakeGo := filepath.Join(tools, "go")
	script := `#!/bin/sh
out=""; prev=""
for a in "$@"; do [ "$prev" = "-o" ] && out="$a"; prev="$a"; done
printf '#!/bin/sh\nKUBEWARD_AS_CLI=1 exec %s "$@"\n' "'` + self + `'" > "$out"
`
	if err := os.WriteFile(fakeGo, []byte(script), 0o755); err != nil {
		return "", err
	}
	dist := filepath.Join(tools, "dist")
	cmd := exec.Command("make", "-s", "release", "GO="+fakeGo, "DIST="+dist, "VERSION="+testReleaseVersion,
		"PLATFORMS="+runtime.GOOS+"/"+runtime.GOARCH)
	cmd.Dir = filepath.Join("..", "..")
	if out, err := cmd.CombinedOutput(); err != nil {
		return "", fmt.Errorf("make release: %w\n%s", err, out)
	}
	return dist, nil
})

const testReleaseVersion = "v9.9.9"

func releaseDist(t *testing.T) string {
	t.Helper()
	for _, tool := range []string{"make", "sha256sum", "curl"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skipf("%s is not installed: the release download is not checked", tool)
		}
	}
	dist, err := hostRelease()
	require.NoError(t, err)
	return dist
}

// releaseHost serves releases[version] (a folder of `make release` output)
// at /download/VERSION/FILE on loopback, as GitHub serves release assets,
// and /latest redirects to /tag/LATEST; it counts downloads of each file.
type releaseHost struct {
	url       string   // the KUBEWARD_RELEASE_URL: .../download
	downloads sync.Map // path under url -> *atomic.Int32
}

func serveReleases(t *testing.T, releases map[string]string, latest string) *releaseHost {
	t.Helper()
	root := t.TempDir()
	for version, dir := range releases {
		require.NoError(t, os.Symlink(dir, filepath.Join(root, version)))
	}
	h := &releaseHost{}
	files := http.StripPrefix("/download", http.FileServer(http.Dir(root)))
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/latest" && latest != "" {
			http.Redirect(w, r, "/tag/"+latest, http.StatusFound)
			return
		}
		n, _ := h.downloads.LoadOrStore(strings.TrimPrefix(r.URL.Path, "/download"), new(atomic.Int32))
		n.(*atomic.Int32).Add(1)
		files.ServeHTTP(w, r)
	}))
	t.Cleanup(srv.Close)
	h.url = srv.URL + "/download"
	return h
}

func (h *releaseHost) count(path string) int {
	n, ok := h.downloads.Load(path)
	if !ok {
		return 0
	}
	return int(n.(*atomic.Int32).Load())
}

// hookRepo is a git repository holding this checkout's files (only the
// hooks' manifest and scripts unless withSource), committed and tagged.
func hookRepo(t *testing.T, tag string, withSource bool) string {
	t.Helper()
	top := filepath.Join("..", "..")
	cmd := exec.Command("git", "ls-files", "-z", "--cached", "--others", "--exclude-standard")
	cmd.Dir = top
	list, err := cmd.Output()
	require.NoError(t, err)
	repo := t.TempDir()
	for _, name := range strings.Split(strings.TrimRight(string(list), "\x00"), "\x00") {
		if !withSource && name != ".pre-commit-hooks.yaml" && !strings.HasPrefix(name, "scripts/") {
			continue
		}
		st, err := os.Stat(filepath.Join(top, name))
		if err != nil || !st.Mode().IsRegular() {
			continue // deleted in the working tree
		}
		b, err := os.ReadFile(filepath.Join(top, name))
		require.NoError(t, err)
		require.NoError(t, os.MkdirAll(filepath.Join(repo, filepath.Dir(name)), 0o755))
		require.NoError(t, os.WriteFile(filepath.Join(repo, name), b, st.Mode().Perm()))
	}
	env := gitTestEnv(t)
	for _, args := range [][]string{
		{"init", "-q", "-b", "main"}, {"add", "-A"}, {"commit", "-q", "-m", "release"}, {"tag", tag},
	} {
		c := exec.Command("git", args...)
		c.Dir, c.Env = repo, env
		out, err := c.CombinedOutput()
		require.NoError(t, err, "git %v: %s", args, out)
	}
	return repo
}

func gitTestEnv(t *testing.T) []string {
	return append(os.Environ(),
		"HOME="+t.TempDir(), // no user git configuration or hooks leak in
		"GIT_CONFIG_NOSYSTEM=1",
		"GIT_AUTHOR_NAME=test", "GIT_AUTHOR_EMAIL=test@example.com",
		"GIT_COMMITTER_NAME=test", "GIT_COMMITTER_EMAIL=test@example.com",
	)
}

// hookRun is a repository using the hook at rev, and how to run it.
type hookRun struct {
	t     *testing.T
	id    string // the hook
	pc    string
	repo  string
	cache string // XDG_CACHE_HOME
	env   []string
}

func newHookUser(t *testing.T, hooks, rev, releaseURL string) *hookRun {
	t.Helper()
	return newHookUserOf(t, "kubeward-lint", hooks, rev, releaseURL)
}

func newHookUserOf(t *testing.T, id, hooks, rev, releaseURL string) *hookRun {
	t.Helper()
	pc := preCommit(t)
	h := &hookRun{t: t, id: id, pc: pc, repo: t.TempDir(), cache: t.TempDir()}
	h.env = append(gitTestEnv(t),
		"PRE_COMMIT_HOME="+filepath.Join(t.TempDir(), "pre-commit"),
		"XDG_CACHE_HOME="+h.cache,
		"KUBEWARD_RELEASE_URL="+releaseURL,
		"KUBEWARD_VERSION=", "KUBEWARD_CACHE_DIR="+t.TempDir(),
	)
	config, err := yaml.Marshal(map[string]any{"repos": []any{map[string]any{
		"repo": hooks, "rev": rev,
		"hooks": []any{map[string]any{"id": id, "args": []string{"--profile", "pss-restricted"}}},
	}}})
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(filepath.Join(h.repo, ".pre-commit-config.yaml"), config, 0o644))
	require.NoError(t, os.WriteFile(filepath.Join(h.repo, "pod.yaml"), []byte(privilegedPod), 0o644))
	_, err = h.run("git", "init", "-q", "-b", "main")
	require.NoError(t, err)
	out, err := h.run("git", "add", ".pre-commit-config.yaml", "pod.yaml")
	require.NoError(t, err, out)
	return h
}

func (h *hookRun) run(name string, args ...string) (string, error) {
	cmd := exec.Command(name, args...)
	cmd.Dir, cmd.Env = h.repo, h.env
	out, err := cmd.CombinedOutput()
	return string(out), err
}

// lint runs the hook on pod.yaml as a commit would, and says how long it took.
func (h *hookRun) lint() (string, time.Duration, error) {
	start := time.Now()
	out, err := h.run(h.pc, "run", h.id, "--files", "pod.yaml")
	return out, time.Since(start), err
}

func TestPreCommitHookInstallsTheRelease(t *testing.T) {
	t.Parallel()
	dist := releaseDist(t)
	host := serveReleases(t, map[string]string{testReleaseVersion: dist}, "")
	h := newHookUser(t, hookRepo(t, testReleaseVersion, false), testReleaseVersion, host.url)

	out, first, err := h.lint()
	require.Error(t, err, "the hook passed a privileged pod:\n%s", out)
	assert.Contains(t, out, "KW-PSS-007")
	assert.Contains(t, out, "pod.yaml:11:")
	assert.Contains(t, out, "installed "+testReleaseVersion)
	assert.NotContains(t, out, "building")
	binary := "/" + testReleaseVersion + "/kubeward_" + runtime.GOOS + "_" + runtime.GOARCH
	assert.Equal(t, 1, host.count(binary), "downloaded once")
	assert.Equal(t, 1, host.count("/"+testReleaseVersion+"/checksums.txt"))
	installed := filepath.Join(h.cache, "kubeward", testReleaseVersion, "kubeward")
	require.FileExists(t, installed)
	served, err := os.ReadFile(filepath.Join(dist, "kubeward_"+runtime.GOOS+"_"+runtime.GOARCH))
	require.NoError(t, err)
	got, err := os.ReadFile(installed)
	require.NoError(t, err)
	assert.Equal(t, served, got, "the released binary")

	out, again, err := h.lint()
	require.Error(t, err, out)
	assert.Contains(t, out, "KW-PSS-007")
	assert.Equal(t, 1, host.count(binary), "the second run uses the cached binary")
	t.Logf("first run (download) %s, second run (cached) %s", first.Round(time.Millisecond), again.Round(time.Millisecond))
}

func TestPreCommitHookRefusesATamperedRelease(t *testing.T) {
	t.Parallel()
	dist := releaseDist(t)
	// The same release, with one byte of the binary changed after
	// checksums.txt was made.
	tampered := t.TempDir()
	entries, err := os.ReadDir(dist)
	require.NoError(t, err)
	for _, e := range entries {
		b, err := os.ReadFile(filepath.Join(dist, e.Name()))
		require.NoError(t, err)
		if strings.HasPrefix(e.Name(), "kubeward_") {
			b = append(b, 0)
		}
		require.NoError(t, os.WriteFile(filepath.Join(tampered, e.Name()), b, 0o755))
	}
	const version = "v9.9.7"
	host := serveReleases(t, map[string]string{version: tampered}, "")
	h := newHookUser(t, hookRepo(t, version, false), version, host.url)

	out, _, err := h.lint()
	require.Error(t, err, out)
	assert.Contains(t, out, "does not match checksums.txt")
	assert.Contains(t, out, "refusing to install it")
	assert.NotContains(t, out, "KW-PSS-007", "the tampered binary never ran")
	assert.NotContains(t, out, "building", "no silent fallback to a build")
	assert.NoFileExists(t, filepath.Join(h.cache, "kubeward", version, "kubeward"))
	left, _ := filepath.Glob(filepath.Join(h.cache, "kubeward", version, "*"))
	assert.Empty(t, left, "nothing of the download is left")
}

// With no release for the rev, the hook builds kubeward from the checkout.
func TestPreCommitHookBuildsWithoutARelease(t *testing.T) {
	if testing.Short() {
		t.Skip("builds kubeward: not in -short")
	}
	t.Parallel()
	if _, err := exec.LookPath("go"); err != nil {
		t.Skip("go is not on PATH: the build path is not checked")
	}
	const version = "v9.9.6"
	host := serveReleases(t, map[string]string{}, "") // nothing released
	h := newHookUser(t, hookRepo(t, version, true), version, host.url)
	// The test's HOME and XDG_CACHE_HOME are empty folders: Go's caches are
	// named, or the build would download and compile every module again
	// (a user's first build; many minutes).
	for _, v := range []string{"GOCACHE", "GOMODCACHE", "GOPATH"} {
		out, err := exec.Command("go", "env", v).Output()
		require.NoError(t, err)
		h.env = append(h.env, v+"="+strings.TrimSpace(string(out)))
	}

	out, first, err := h.lint()
	require.Error(t, err, out)
	assert.Contains(t, out, "no release "+version)
	assert.Contains(t, out, "building it from source")
	assert.Contains(t, out, "KW-PSS-007")
	built, _ := filepath.Glob(filepath.Join(h.cache, "kubeward", "build-*", "kubeward"))
	require.Len(t, built, 1)

	out, again, err := h.lint()
	require.Error(t, err, out)
	assert.NotContains(t, out, "building", "built once")
	assert.Contains(t, out, "KW-PSS-007")
	t.Logf("first run (build) %s, second run (cached) %s", first.Round(time.Millisecond), again.Round(time.Millisecond))
}

// The docker_image hook, with a stand-in for docker that runs kubeward as
// the image's ENTRYPOINT does, in the folder pre-commit mounts at /src: the
// hook's entry names the published image and gives kubeward its arguments.
func TestPreCommitDockerHook(t *testing.T) {
	t.Parallel()
	dockerfile, err := os.ReadFile(filepath.Join("..", "..", "Dockerfile"))
	require.NoError(t, err)
	require.Contains(t, string(dockerfile), `ENTRYPOINT ["kubeward"]`, "the stand-in below runs what the image runs")
	_, kubeward := kubewardBinary(t)
	bin := t.TempDir()
	record := filepath.Join(t.TempDir(), "docker-run")
	fake := `#!/bin/sh
# docker run --rm -u UID:GID -v HOST:/src:rw,Z --workdir /src IMAGE ARGS...
[ "$1" = run ] || exit 64
shift
host=""
while [ $# -gt 0 ]; do
  case "$1" in
    --rm) shift ;;
    -u|--workdir) shift 2 ;;
    -v) host="${2%%:/src:*}"; shift 2 ;;
    *) break ;;
  esac
done
printf '%s\n' "$1" > '` + record + `'
shift
cd "$host" && exec '` + kubeward + `' "$@"
`
	require.NoError(t, os.WriteFile(filepath.Join(bin, "docker"), []byte(fake), 0o755))
	const version = "v9.9.3"
	h := newHookUserOf(t, "kubeward-lint-docker", hookRepo(t, version, false), version, "http://127.0.0.1:1/unused")
	h.env = append(h.env, "PATH="+bin+string(os.PathListSeparator)+os.Getenv("PATH"))

	out, _, err := h.lint()
	require.Error(t, err, out)
	assert.Contains(t, out, "KW-PSS-007")
	assert.Contains(t, out, "pod.yaml:11:")
	image, err := os.ReadFile(record)
	require.NoError(t, err, out)
	assert.Equal(t, "ghcr.io/kubeward/kubeward:latest\n", string(image))
}
