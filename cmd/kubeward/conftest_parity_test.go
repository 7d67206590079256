package main

import (
	"encoding/json"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// conftestVersion is the conftest the parity test compares with: the newest
// release when the test was written (its exception names, --combine input
// and namespaces are what kubeward follows).
const conftestVersion = "v0.71.1"

// conftestRepo is a conftest policy repository written for the parity test:
// the same policies in Rego v0 and v1, deny/violation/warn rules, exceptions,
// a namespace besides main, a helper package, and manifests that pass and fail.
var conftestRepo = filepath.Join("..", "..", "testdata", "conftest-repo")

// conftestBinary builds conftest from the Go module proxy once per machine,
// into the user cache keyed by version, and returns its path
// (KUBEWARD_CONFTEST names one built already). The test is skipped, saying
// why, only when it cannot be built (no module proxy).
func conftestBinary(t *testing.T) string {
	t.Helper()
	if bin := os.Getenv("KUBEWARD_CONFTEST"); bin != "" {
		return bin
	}
	cache, err := os.UserCacheDir()
	if err != nil {
		cache = os.TempDir()
	}
	dir := filepath.Join(cache, "kubeward-test", "conftest-"+conftestVersion)
	bin := filepath.Join(dir, "conftest")
	if _, err := os.Stat(bin); err == nil {
		return bin
	}
	// Built into a folder of its own, then renamed: a build stopped halfway
	// leaves no binary that a later run would take for a whole one.
	tmp, err := os.MkdirTemp(filepath.Dir(dir), "conftest-build-")
	if err != nil {
		require.NoError(t, os.MkdirAll(filepath.Dir(dir), 0o755))
		tmp, err = os.MkdirTemp(filepath.Dir(dir), "conftest-build-")
		require.NoError(t, err)
	}
	defer os.RemoveAll(tmp)
	build := exec.Command("go", "install", "github.com/open-policy-agent/conftest@"+conftestVersion)
	build.Env = append(os.Environ(), "GOBIN="+tmp, "GOFLAGS=")
	if msg, err := build.CombinedOutput(); err != nil {
		t.Skipf("cannot build conftest %s from the module proxy, so the parity test is skipped: %v\n%s", conftestVersion, err, msg)
	}
	require.NoError(t, os.MkdirAll(dir, 0o755))
	if err := os.Rename(filepath.Join(tmp, "conftest"), bin); err != nil && !errors.Is(err, os.ErrExist) {
		require.NoError(t, err)
	}
	return bin
}

// conftestResult is one entry of `conftest test -o json`.
type conftestResult struct {
	Filename   string `json:"filename"`
	Namespace  string `json:"namespace"`
	Failures   []conftestMessage
	Warnings   []conftestMessage
	Exceptions []conftestMessage
}

type conftestMessage struct {
	Msg      string `json:"msg"`
	Metadata struct {
		Query string `json:"query"`
	} `json:"metadata"`
}

// outcomes are, by file, what the file failed on, warned of, and was
// excepted from, each as "fail|warn|except package.rule message", sorted.
type outcomes map[string][]string

var conftestException = regexp.MustCompile(`^data\.(.+)\.exception\[_\]\[_\] == "(.*)"$`)

func conftestOutcomes(t *testing.T, out []byte) outcomes {
	t.Helper()
	var results []conftestResult
	require.NoError(t, json.Unmarshal(out, &results), "conftest output:\n%s", out)
	got := outcomes{}
	for _, r := range results {
		file := filepath.ToSlash(filepath.Clean(r.Filename))
		if _, ok := got[file]; !ok {
			got[file] = nil // a file that passes is listed too
		}
		for _, m := range r.Failures {
			got[file] = append(got[file], "fail "+strings.TrimPrefix(m.Metadata.Query, "data.")+" "+m.Msg)
		}
		for _, m := range r.Warnings {
			got[file] = append(got[file], "warn "+strings.TrimPrefix(m.Metadata.Query, "data.")+" "+m.Msg)
		}
		for _, m := range r.Exceptions {
			e := conftestException.FindStringSubmatch(m.Msg)
			require.NotNil(t, e, "conftest exception %q", m.Msg)
			got[file] = append(got[file], "except "+e[1]+" "+e[2])
		}
	}
	return sortedOutcomes(got)
}

// kubewardExcepted reads the package and name of a conftest exception from
// its suppression reason.
var kubewardExcepted = regexp.MustCompile(`^conftest exception "(.*)" in package (.+)$`)

func kubewardOutcomes(t *testing.T, out string, files []string) outcomes {
	t.Helper()
	var rep struct {
		Findings   []jsonFinding `json:"findings"`
		Suppressed []struct {
			jsonFinding
			Suppression struct {
				Reason string `json:"reason"`
			} `json:"suppression"`
		} `json:"suppressed"`
		Errors []json.RawMessage `json:"errors"`
	}
	require.NoError(t, json.Unmarshal([]byte(out), &rep), "kubeward output:\n%s", out)
	require.Empty(t, rep.Errors, out)
	got := outcomes{}
	for _, f := range files {
		got[f] = nil
	}
	for _, f := range rep.Findings {
		level := "fail"
		if f.Rule.Severity == "low" {
			level = "warn"
		}
		file := filepath.ToSlash(f.Location.File)
		got[file] = append(got[file], level+" "+strings.TrimPrefix(f.Rule.ID, "conftest.")+" "+f.Message)
	}
	for _, s := range rep.Suppressed {
		e := kubewardExcepted.FindStringSubmatch(s.Suppression.Reason)
		require.NotNil(t, e, "suppression %q", s.Suppression.Reason)
		file := filepath.ToSlash(s.Location.File)
		got[file] = append(got[file], "except "+e[2]+" "+e[1])
	}
	return sortedOutcomes(got)
}

// sortedOutcomes sorts and dedupes each file's list: conftest reports an
// exception once per rule, kubeward once per finding it suppressed.
func sortedOutcomes(o outcomes) outcomes {
	for f, list := range o {
		sort.Strings(list)
		var kept []string
		for i, s := range list {
			if i == 0 || s != list[i-1] {
				kept = append(kept, s)
			}
		}
		o[f] = kept
	}
	return o
}

// TestConftestParity runs the same repository through `conftest test` and
// `kubeward lint --policy` and compares, file by file, what fails, warns
// and is excepted: in Rego v1 and v0, with main only, with every namespace,
// and with --combine.
func TestConftestParity(t *testing.T) {
	conftest := conftestBinary(t)
	manifests := filepath.Join(conftestRepo, "manifests")
	entries, err := os.ReadDir(manifests)
	require.NoError(t, err)
	var files []string
	for _, e := range entries {
		files = append(files, filepath.ToSlash(filepath.Join(manifests, e.Name())))
	}
	cases := []struct {
		name     string
		conftest []string
		kubeward []string
		// combined: one result for every file, named as each tool names it.
		combined bool
	}{
		{name: "v1 main", conftest: []string{"-p", filepath.Join(conftestRepo, "v1", "policy")},
			kubeward: []string{"--policy", filepath.Join(conftestRepo, "v1", "policy")}},
		{name: "v0 main", conftest: []string{"-p", filepath.Join(conftestRepo, "v0", "policy"), "--rego-version", "v0"},
			kubeward: []string{"--policy", filepath.Join(conftestRepo, "v0", "policy"), "--rego-version", "v0"}},
		{name: "v1 all namespaces", conftest: []string{"-p", filepath.Join(conftestRepo, "v1", "policy"), "--all-namespaces"},
			kubeward: []string{"--policy", filepath.Join(conftestRepo, "v1", "policy"), "--all-policy-namespaces"}},
		{name: "v0 all namespaces", conftest: []string{"-p", filepath.Join(conftestRepo, "v0", "policy"), "--rego-version", "v0", "--all-namespaces"},
			kubeward: []string{"--policy", filepath.Join(conftestRepo, "v0", "policy"), "--rego-version", "v0", "--all-policy-namespaces"}},
		{name: "named namespaces", conftest: []string{"-p", filepath.Join(conftestRepo, "v1", "policy"), "--namespace", "main", "--namespace", "kubernetes.*"},
			kubeward: []string{"--policy", filepath.Join(conftestRepo, "v1", "policy"), "--policy-namespace", "kubernetes.*"}},
		{name: "combine", conftest: []string{"-p", filepath.Join(conftestRepo, "combine", "policy"), "--combine"},
			kubeward: []string{"--policy", filepath.Join(conftestRepo, "combine", "policy"), "--combine"}, combined: true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			args := append(append([]string{"test", "--no-color", "-o", "json"}, c.conftest...), manifests)
			cmd := exec.Command(conftest, args...)
			out, err := cmd.Output()
			var exit *exec.ExitError
			if err != nil && !(errors.As(err, &exit) && exit.ExitCode() == 1) {
				t.Fatalf("conftest %s: %v\n%s", strings.Join(args, " "), err, out)
			}
			want := conftestOutcomes(t, out)

			r := kw(t, append(append([]string{"lint", "--profile", "conftest", "--show-suppressed", "--format", "json"}, c.kubeward...), manifests)...)
			require.Contains(t, []int{exitClean, exitFindings}, r.code, r.stderr)
			known := files
			if c.combined {
				known = nil
			}
			got := kubewardOutcomes(t, r.stdout, known)
			if c.combined {
				// conftest names the one input Combined, kubeward (combined).
				require.Contains(t, want, "Combined")
				want = outcomes{"(combined)": want["Combined"]}
			}
			assert.Equal(t, want, got)
			failing := 0
			for _, list := range want {
				for _, s := range list {
					if strings.HasPrefix(s, "fail ") {
						failing++
					}
				}
			}
			assert.Positive(t, failing, "the case must fail somewhere to compare anything")
		})
	}
}
