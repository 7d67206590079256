package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"sigs.k8s.io/yaml"
)

// The pre-commit hooks are checked with the pre-commit tool itself: the
// manifest must validate, and the kubeward-lint hook, installed into a new git
// repository, must block a commit of a privileged pod and let a clean one
// through. Here the test turns the manifest's hook into a `repo: local` hook
// of `language: system` whose entry is this test binary acting as kubeward,
// keeping everything else (files pattern, pass_filenames) as the manifest
// says, to check what the hook lets through; precommit_release_test.go runs
// the hooks as they are, installing a release served on loopback.

func preCommit(t *testing.T) string {
	t.Helper()
	p, err := exec.LookPath("pre-commit")
	if err != nil {
		t.Skip("pre-commit is not installed (apt-get install pre-commit): the hooks are not checked")
	}
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed: the hooks are not checked")
	}
	return p
}

const privilegedPod = `apiVersion: v1
kind: Pod
metadata:
  name: root-shell
  namespace: default
spec:
  containers:
    - name: shell
      image: busybox:1.36
      securityContext:
        privileged: true
`

func TestPreCommitManifestValidates(t *testing.T) {
	t.Parallel()
	pc := preCommit(t)
	out, err := exec.Command(pc, "validate-manifest", filepath.Join("..", "..", ".pre-commit-hooks.yaml")).CombinedOutput()
	require.NoError(t, err, "%s", out)
}

func TestPreCommitHookBlocksAPrivilegedPod(t *testing.T) {
	t.Parallel()
	pc := preCommit(t)
	_, bin := kubewardBinary(t)

	raw, err := os.ReadFile(filepath.Join("..", "..", ".pre-commit-hooks.yaml"))
	require.NoError(t, err)
	var hooks []map[string]any
	require.NoError(t, yaml.Unmarshal(raw, &hooks))
	var lint map[string]any
	for _, h := range hooks {
		if h["id"] == "kubeward-lint" {
			lint = h
		}
	}
	require.NotNil(t, lint, "the manifest has a kubeward-lint hook")
	// The entry installs kubeward and runs it with the rest of the entry
	// (precommit_release_test.go checks the installing).
	const installer = "scripts/pre-commit-install.sh "
	require.True(t, strings.HasPrefix(lint["entry"].(string), installer), lint["entry"])
	lint["entry"] = bin + " " + strings.TrimPrefix(lint["entry"].(string), installer)
	lint["language"] = "system"
	// As a user would: the Pod Security Standards, restricted level.
	lint["args"] = []string{"--profile", "pss-restricted"}
	config, err := yaml.Marshal(map[string]any{
		"repos": []any{map[string]any{"repo": "local", "hooks": []any{lint}}},
	})
	require.NoError(t, err)

	repo := t.TempDir()
	env := append(os.Environ(),
		"PRE_COMMIT_HOME="+filepath.Join(t.TempDir(), "cache"),
		"HOME="+t.TempDir(), // no user git configuration or hooks leak in
		"GIT_CONFIG_NOSYSTEM=1",
		"GIT_AUTHOR_NAME=test", "GIT_AUTHOR_EMAIL=test@example.com",
		"GIT_COMMITTER_NAME=test", "GIT_COMMITTER_EMAIL=test@example.com",
	)
	sh := func(name string, args ...string) (string, error) {
		cmd := exec.Command(name, args...)
		cmd.Dir, cmd.Env = repo, env
		out, err := cmd.CombinedOutput()
		return string(out), err
	}
	must := func(name string, args ...string) {
		t.Helper()
		out, err := sh(name, args...)
		require.NoError(t, err, "%s %v: %s", name, args, out)
	}
	write := func(name, content string) {
		t.Helper()
		require.NoError(t, os.WriteFile(filepath.Join(repo, name), []byte(content), 0o644))
	}

	must("git", "init", "-q", "-b", "main")
	write(".pre-commit-config.yaml", string(config))
	must(pc, "install")
	must("git", "add", ".pre-commit-config.yaml")
	must("git", "commit", "-q", "-m", "pre-commit configuration")

	// A privileged pod: the hook fails and the commit does not happen.
	write("pod.yaml", privilegedPod)
	must("git", "add", "pod.yaml")
	out, err := sh("git", "commit", "-m", "add a privileged pod")
	require.Error(t, err, "the commit went through:\n%s", out)
	assert.Contains(t, out, "KW-PSS-007")
	assert.Contains(t, out, "pod.yaml:11:")
	assert.Contains(t, out, "Failed")
	head, _ := sh("git", "log", "--oneline")
	assert.Equal(t, 1, strings.Count(head, "\n"), "only the first commit: %s", head)

	// Fixed (and a file the hook does not look at): the commit goes through.
	fixed, err := os.ReadFile(filepath.Join("..", "..", "testdata", "cli", "restricted-pod.yaml"))
	require.NoError(t, err)
	write("pod.yaml", string(fixed))
	write("notes.txt", "privileged: true is not YAML to lint here\n")
	must("git", "add", "pod.yaml", "notes.txt")
	out, err = sh("git", "commit", "-m", "a restricted pod")
	require.NoError(t, err, "the clean commit was blocked:\n%s", out)
	assert.Contains(t, out, "Passed")
	// A commit of only YAML and JSON that are not manifests (issue 23): the
	// files are skipped, and the hook's --allow-empty lets the commit through.
	require.NoError(t, os.MkdirAll(filepath.Join(repo, "ci"), 0o755))
	write("ci/pipeline.yml", "stages: [build, test]\n")
	write("settings.json", `{"theme": "dark"}`+"\n")
	must("git", "add", "ci/pipeline.yml", "settings.json")
	out, err = sh("git", "commit", "-m", "CI configuration")
	require.NoError(t, err, "a commit without manifests was blocked:\n%s", out)
	assert.Contains(t, out, "Passed")
}
