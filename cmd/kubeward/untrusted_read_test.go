//go:build unix

package main

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Untrusted reads: a repository (a pull request, a downloaded chart) must
// not make kubeward read the machine's other files, block, or take memory
// without bound. Each test lints a hostile layout beside the privileged
// Deployment of testdata/cli and checks the exact error, that the secret
// token of the file outside was never read (it appears nowhere in the
// output), the exit status, and that the Deployment was still evaluated.

// secretToken is in every file outside the repository.
const secretToken = "KWSECRET-7f3a9c"

// hostileRepo is a temporary folder holding repo/ (with .git and a copy of
// the privileged Deployment) and outside/ (files with secretToken).
type hostileRepo struct {
	root, repo, outside string
}

func newHostileRepo(t *testing.T) hostileRepo {
	t.Helper()
	root := t.TempDir()
	h := hostileRepo{root: root, repo: filepath.Join(root, "repo"), outside: filepath.Join(root, "outside")}
	require.NoError(t, os.MkdirAll(filepath.Join(h.repo, ".git"), 0o755))
	require.NoError(t, os.MkdirAll(h.outside, 0o755))
	web, err := os.ReadFile(privilegedFile)
	require.NoError(t, err)
	h.write(t, "repo/web.yaml", string(web))
	// What a finding or an error message could print if it were read.
	// Linted, this would be an error quoting the key: duplicate key "KWSECRET…".
	h.write(t, "outside/secret.yaml", secretToken+": 1\n"+secretToken+": 2\n")
	h.write(t, "outside/data.yaml", "kubeward:\n  config:\n    stolen: "+secretToken+"\n")
	h.write(t, "outside/leak.rego", "package kubeward.rules.leak\n\n# "+secretToken+"\ndeny contains {\"msg\": \""+secretToken+"\"} if true\n")
	h.write(t, "outside/x.tar.gz", secretToken)
	return h
}

func (h hostileRepo) path(rel string) string { return filepath.Join(h.root, filepath.FromSlash(rel)) }

func (h hostileRepo) write(t *testing.T, rel, content string) string {
	t.Helper()
	p := h.path(rel)
	require.NoError(t, os.MkdirAll(filepath.Dir(p), 0o755))
	require.NoError(t, os.WriteFile(p, []byte(content), 0o644))
	return p
}

// lintHostile runs lint with JSON output and checks what every case shares:
// the secret never shows, exit 2, the Deployment's finding is still there.
// It returns the report's errors as "file:line: message".
func lintHostile(t *testing.T, args ...string) ([]string, cliResult) {
	t.Helper()
	r := kw(t, append([]string{"lint", "--format", "json", "--no-cache"}, args...)...)
	assert.NotContains(t, r.stdout+r.stderr, secretToken, "a byte of the outside file was read")
	require.Equal(t, exitError, r.code, "stdout:\n%s\nstderr:\n%s", r.stdout, r.stderr)
	rep := decodeReport(t, r.stdout)
	assert.Len(t, findingsOf(rep, "KW-PSS-007"), 1, "the rest of the input is still evaluated")
	var errs []string
	for _, e := range rep.Errors {
		if e.Line > 0 {
			errs = append(errs, e.File+":"+strconv.Itoa(e.Line)+": "+e.Message)
		} else {
			errs = append(errs, e.File+": "+e.Message)
		}
	}
	return errs, r
}

// A committed configuration names an absolute folder: refused, not read.
func TestUntrustedConfigAbsolutePolicyFolder(t *testing.T) {
	t.Parallel()
	h := newHostileRepo(t)
	cfg := h.write(t, "repo/.kubeward.yaml", "policies: ["+h.outside+"]\n")
	errs, _ := lintHostile(t, filepath.Join(h.repo, "web.yaml"))
	assert.Equal(t, []string{
		cfg + ":1: policies: " + h.outside + " is not read: a configuration names paths relative to its folder, in its repository (give an absolute path on the command line: --policy, --bundle)",
	}, errs)
}

// A committed configuration climbs out of the repository with "..".
func TestUntrustedConfigPolicyFolderOutsideTheRepository(t *testing.T) {
	t.Parallel()
	h := newHostileRepo(t)
	cfg := h.write(t, "repo/deploy/.kubeward.yaml", "policies:\n  - ../../outside\n")
	errs, _ := lintHostile(t, filepath.Join(h.repo, "web.yaml"), "--config", cfg)
	assert.Equal(t, []string{
		cfg + ":2: policies: ../../outside is not read: it leaves the repository " + h.repo + " (paths in a configuration stay in it)",
	}, errs)
}

// A committed configuration names a bundle outside the repository.
func TestUntrustedConfigBundleOutsideTheRepository(t *testing.T) {
	t.Parallel()
	h := newHostileRepo(t)
	cfg := h.write(t, "repo/.kubeward.yaml", "bundles: [../outside/x.tar.gz]\n")
	errs, _ := lintHostile(t, filepath.Join(h.repo, "web.yaml"))
	assert.Equal(t, []string{
		cfg + ":1: bundles: ../outside/x.tar.gz is not read: it leaves the repository " + h.repo + " (paths in a configuration stay in it)",
	}, errs)
}

// Links in a policy folder that lead out of it: a .rego and a data file.
func TestUntrustedPolicyFolderLinksOut(t *testing.T) {
	t.Parallel()
	h := newHostileRepo(t)
	pol := h.path("repo/policies")
	require.NoError(t, os.MkdirAll(pol, 0o755))
	require.NoError(t, os.Symlink(h.path("outside/leak.rego"), filepath.Join(pol, "leak.rego")))
	require.NoError(t, os.Symlink(h.path("outside/data.yaml"), filepath.Join(pol, "params.yaml")))
	// Through the configuration (the folder is in the repository) and on the
	// command line: the links are refused either way.
	h.write(t, "repo/.kubeward.yaml", "policies: [policies]\n")
	errs, _ := lintHostile(t, filepath.Join(h.repo, "web.yaml"))
	want := []string{
		pol + "/leak.rego: is a symbolic link to " + h.path("outside/leak.rego") + ", outside " + pol,
		pol + "/params.yaml: is a symbolic link to " + h.path("outside/data.yaml") + ", outside " + pol,
	}
	assert.Equal(t, want, errs)
	require.NoError(t, os.Remove(h.path("repo/.kubeward.yaml")))
	errs, _ = lintHostile(t, filepath.Join(h.repo, "web.yaml"), "--policy", pol)
	assert.Equal(t, want, errs)
}

// A manifest in a walked folder that is a link to a file of the machine:
// the error names the link and its target, never the target's bytes (the
// YAML error would have quoted the first of them).
func TestUntrustedWalkedManifestLinksOut(t *testing.T) {
	t.Parallel()
	h := newHostileRepo(t)
	require.NoError(t, os.Symlink(h.path("outside/secret.yaml"), filepath.Join(h.repo, "kubeconfig.yaml")))
	errs, _ := lintHostile(t, h.repo)
	assert.Equal(t, []string{
		h.repo + "/kubeconfig.yaml: is a symbolic link to " + h.path("outside/secret.yaml") + ", outside " + h.repo,
	}, errs)
}

// A FIFO given as input, and one in a walked folder, are refused by type:
// opening one would block until a writer came (the test would hang).
func TestUntrustedFIFOInput(t *testing.T) {
	t.Parallel()
	h := newHostileRepo(t)
	pipe := filepath.Join(h.repo, "pipe.yaml")
	require.NoError(t, syscall.Mkfifo(pipe, 0o644))
	msg := ": is a named pipe (FIFO), not a regular file (to lint a stream, pipe it to standard input: -)"

	errs, _ := lintHostile(t, pipe, filepath.Join(h.repo, "web.yaml"))
	assert.Equal(t, []string{pipe + msg}, errs)

	errs, _ = lintHostile(t, h.repo)
	assert.Equal(t, []string{pipe + msg}, errs)
}

// --data naming a device (which would never end) is refused by type.
func TestUntrustedDataDevice(t *testing.T) {
	t.Parallel()
	h := newHostileRepo(t)
	errs, _ := lintHostile(t, filepath.Join(h.repo, "web.yaml"), "--data", "/dev/zero")
	assert.Equal(t, []string{"/dev/zero: is a character device, not a regular file"}, errs)
}

// Many documents, each under --max-nodes, add up past it: the budget is the
// file's, so one file cannot expand without bound.
func TestUntrustedManyDocumentsOverTheNodeBudget(t *testing.T) {
	t.Parallel()
	h := newHostileRepo(t)
	var b strings.Builder
	for i := 0; i < 20; i++ {
		b.WriteString("---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: cm" + strconv.Itoa(i) + "}\ndata: {")
		for j := 0; j < 100; j++ {
			b.WriteString("k" + strconv.Itoa(j) + ": v,")
		}
		b.WriteString("}\n")
	}
	many := h.write(t, "repo/many.yaml", b.String())
	errs, r := lintHostile(t, h.repo, "--max-nodes", "1000")
	require.Len(t, errs, 1, r.stdout)
	assert.Regexp(t, `^`+many+`:\d+: file has more than 1000 values in its documents after expanding aliases \(limit --max-nodes, counted per file\); the rest of the file is not read$`, errs[0])
	// The documents within the budget were read: 1000 values hold 9 of them.
	assert.Equal(t, 10, decodeReport(t, r.stdout).Summary.Objects, "9 ConfigMaps and the Deployment")
}

// Side files over --max-file-size: --data and --baseline are errors of the
// run; a --config over it is a broken configuration, and nothing is linted.
func TestUntrustedOversizedSideFiles(t *testing.T) {
	t.Parallel()
	h := newHostileRepo(t)
	big := "# " + strings.Repeat("x", 5*1024-3) + "\n"
	data := h.write(t, "side/data.yaml", big)
	errs, _ := lintHostile(t, filepath.Join(h.repo, "web.yaml"), "--max-file-size", "4096", "--data", data)
	assert.Equal(t, []string{data + ": is 5 KiB, larger than the 4 KiB limit"}, errs)

	baseline := h.write(t, "side/baseline.json", big)
	errs, _ = lintHostile(t, filepath.Join(h.repo, "web.yaml"), "--max-file-size", "4096", "--baseline", baseline)
	assert.Equal(t, []string{baseline + ": is 5 KiB, larger than the 4 KiB limit (the baseline is not applied)"}, errs)

	cfg := h.write(t, "side/kubeward.yaml", big)
	r := kw(t, "lint", filepath.Join(h.repo, "web.yaml"), "--max-file-size", "4096", "--config", cfg)
	assert.Equal(t, exitError, r.code)
	assert.Equal(t, "kubeward: "+cfg+": cannot read the configuration: is 5 KiB, larger than the 4 KiB limit\n", r.stderr)
	assert.Empty(t, r.stdout)
}

// A configuration above the repository (the folder holding .git) is not
// the repository's: discovery does not reach it.
func TestUntrustedConfigAboveTheRepository(t *testing.T) {
	t.Parallel()
	h := newHostileRepo(t)
	h.write(t, ".kubeward.yaml", "failOn: none\nrules:\n  KW-PSS-007: {enabled: false}\n")
	r := kw(t, "lint", "--no-cache", "--format", "json", filepath.Join(h.repo, "web.yaml"))
	require.Equal(t, exitFindings, r.code, r.stderr)
	assert.Len(t, findingsOf(decodeReport(t, r.stdout), "KW-PSS-007"), 1)
	assert.Empty(t, r.stderr)
}

// A discovered configuration that belongs to another user is not used, and
// a warning says so.
func TestUntrustedConfigOwnedByAnotherUser(t *testing.T) {
	t.Parallel()
	if os.Getuid() != 0 {
		t.Skip("giving a file to another user needs root")
	}
	h := newHostileRepo(t)
	cfg := h.write(t, "repo/.kubeward.yaml", "failOn: none\nrules:\n  KW-PSS-007: {enabled: false}\n")
	require.NoError(t, os.Chown(cfg, 12345, 12345))
	r := kw(t, "lint", "--no-cache", "--format", "json", filepath.Join(h.repo, "web.yaml"))
	require.Equal(t, exitFindings, r.code, r.stderr)
	assert.Len(t, findingsOf(decodeReport(t, r.stdout), "KW-PSS-007"), 1, "the configuration was not used")
	assert.Equal(t, "kubeward: warning: "+cfg+": not used: it belongs to uid 12345, neither you (uid 0) nor root; name it with --config to use it\n", r.stderr)

	// Named with --config, it is the user's choice.
	r = kw(t, "lint", "--no-cache", "--format", "json", filepath.Join(h.repo, "web.yaml"), "--config", cfg)
	require.Equal(t, exitClean, r.code, r.stderr)
}
