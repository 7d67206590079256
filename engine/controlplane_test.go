package engine_test

import (
	"context"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kubeward/kubeward/engine"
)

// The control-plane fixtures (testdata/controlplane): the static Pod manifests
// and configuration files of a kubeadm cluster of Kubernetes 1.34 as kubeadm
// writes them (default), hardened for CIS sections 1 to 4 (hardened), and weak
// variants that together make every CP rule fire. The static Pods also get the
// pod rules; only the KW-CP-* findings are asserted here.

var cpRoot = filepath.Join("..", "testdata", "controlplane")

// cpExpected is "rule file:line" of every CP finding, per folder.
var cpExpected = map[string][]string{
	"default": {
		"KW-CP-001 kube-apiserver.yaml:14", // --anonymous-auth unset (default true)
		"KW-CP-003 kube-apiserver.yaml:14", // no --kubelet-certificate-authority
		"KW-CP-008 kube-apiserver.yaml:20", // EventRateLimit
		"KW-CP-008 kube-apiserver.yaml:20", // AlwaysPullImages
		"KW-CP-008 kube-apiserver.yaml:20", // DenyServiceExternalIPs
		"KW-CP-009 kube-apiserver.yaml:14",
		"KW-CP-009 kube-controller-manager.yaml:12",
		"KW-CP-009 kube-scheduler.yaml:12",
		"KW-CP-010 kube-apiserver.yaml:14", // no audit policy
		"KW-CP-010 kube-apiserver.yaml:14", // no audit backend
		"KW-CP-016 kube-apiserver.yaml:14",
		"KW-CP-017 kube-apiserver.yaml:14",
		"KW-CP-018 kube-apiserver.yaml:14",
		"KW-CP-019 kube-controller-manager.yaml:12",
		"KW-CP-036 kubelet-config.yaml:2",
		"KW-CP-038 kubelet-config.yaml:2",
		"KW-CP-039 kubelet-config.yaml:2",
		"KW-CP-040 kubelet-config.yaml:2",
		"KW-CP-041 kubelet-config.yaml:2",
		"KW-CP-047 audit-policy.yaml:3",
		"KW-CP-049 encryption-config.yaml:9",  // aescbc
		"KW-CP-050 encryption-config.yaml:12", // key1 in the file
	},
	"hardened": nil,
	"weak": {
		"KW-CP-001 kube-apiserver.yaml:18",
		"KW-CP-002 kube-apiserver.yaml:44",
		"KW-CP-003 kube-apiserver.yaml:14", // no --kubelet-certificate-authority
		"KW-CP-003 kube-apiserver.yaml:30", // --kubelet-client-certificate=
		"KW-CP-004 kube-apiserver.yaml:22",
		"KW-CP-006 kube-apiserver.yaml:25",
		"KW-CP-007 kube-apiserver.yaml:24",
		"KW-CP-008 kube-apiserver.yaml:25", // EventRateLimit
		"KW-CP-008 kube-apiserver.yaml:25", // AlwaysPullImages
		"KW-CP-008 kube-apiserver.yaml:25", // DenyServiceExternalIPs
		"KW-CP-008 kube-apiserver.yaml:25", // AlwaysAdmit
		"KW-CP-009 kube-apiserver.yaml:32",
		"KW-CP-009 kube-controller-manager.yaml:12",
		"KW-CP-009 kube-scheduler.yaml:12",
		"KW-CP-010 kube-apiserver.yaml:14", // log path but no policy
		"KW-CP-011 kube-apiserver.yaml:14", // no --audit-log-maxbackup
		"KW-CP-011 kube-apiserver.yaml:19",
		"KW-CP-011 kube-apiserver.yaml:20",
		"KW-CP-012 kube-apiserver.yaml:33",
		"KW-CP-013 kube-apiserver.yaml:38",
		"KW-CP-014 kube-apiserver.yaml:14",
		"KW-CP-015 kube-apiserver.yaml:14", // no --etcd-cafile
		"KW-CP-015 kube-apiserver.yaml:29", // http:// etcd server
		"KW-CP-016 kube-apiserver.yaml:14",
		"KW-CP-017 kube-apiserver.yaml:42",
		"KW-CP-017 kube-apiserver.yaml:43",
		"KW-CP-018 kube-apiserver.yaml:35",
		"KW-CP-019 kube-controller-manager.yaml:12",
		"KW-CP-020 kube-controller-manager.yaml:30",
		"KW-CP-021 kube-controller-manager.yaml:12",
		"KW-CP-022 kube-controller-manager.yaml:24",
		"KW-CP-022 kubelet-config.yaml:17",
		"KW-CP-023 kube-controller-manager.yaml:17",
		"KW-CP-023 kube-scheduler.yaml:12",
		"KW-CP-024 etcd.yaml:14", // no --key-file
		"KW-CP-024 etcd.yaml:24", // http:// client URL
		"KW-CP-025 etcd.yaml:19",
		"KW-CP-026 etcd.yaml:18",
		"KW-CP-026 etcd.yaml:29",
		"KW-CP-027 etcd.yaml:14", // no --peer-key-file
		"KW-CP-027 etcd.yaml:30",
		"KW-CP-028 etcd.yaml:33",
		"KW-CP-029 kubelet-config.yaml:6",
		"KW-CP-030 kubelet-config.yaml:10",
		"KW-CP-031 kubelet-config.yaml:4", // no clientCAFile
		"KW-CP-031 kubelet-config.yaml:8", // webhook off
		"KW-CP-032 kubelet-config.yaml:21",
		"KW-CP-033 kubelet-config.yaml:25",
		"KW-CP-034 kubelet-config.yaml:18",
		"KW-CP-035 kubelet-config.yaml:15",
		"KW-CP-036 kubelet-config.yaml:2",
		"KW-CP-037 kubelet-config.yaml:22",
		"KW-CP-038 kubelet-config.yaml:28",
		"KW-CP-038 kubelet-config.yaml:29",
		"KW-CP-039 kubelet-config.yaml:19",
		"KW-CP-040 kubelet-config.yaml:23",
		"KW-CP-041 kubelet-config.yaml:20",
		"KW-CP-042 kube-proxy-config.yaml:52",
		"KW-CP-044 audit-policy.yaml:5",
		"KW-CP-045 audit-policy.yaml:6",
		"KW-CP-046 audit-policy.yaml:5",  // pods/proxy: no rule matches
		"KW-CP-046 audit-policy.yaml:5",  // services/proxy: no rule matches
		"KW-CP-046 audit-policy.yaml:10", // pods/exec at None
		"KW-CP-046 audit-policy.yaml:10", // pods/attach at None
		"KW-CP-047 audit-policy.yaml:3",
		"KW-CP-048 encryption-config.yaml:10",
		"KW-CP-050 encryption-config.yaml:14",
	},
	"weak-legacy": {
		"KW-CP-001 authentication-config.yaml:5",
		"KW-CP-004 authorization-config.yaml:7",
		"KW-CP-005 kube-apiserver.yaml:25", // Node,Webhook
		"KW-CP-006 kube-apiserver.yaml:15", // legacy --admission-control
		"KW-CP-007 kube-apiserver.yaml:15", // ServiceAccount
		"KW-CP-008 kube-apiserver.yaml:15", // EventRateLimit
		"KW-CP-008 kube-apiserver.yaml:15", // DenyServiceExternalIPs
		"KW-CP-019 kube-controller-manager.yaml:31",
		"KW-CP-023 kube-scheduler.yaml:16", // inside sh -c
		"KW-CP-025 etcd.yaml:35",           // ETCD_CLIENT_CERT_AUTH=false
		"KW-CP-036 kubelet-config.yaml:2",
		"KW-CP-043 audit-policy.yaml:6",
		"KW-CP-049 encryption-config.yaml:8", // kms v1
	},
	"weak-authz": {
		"KW-CP-004 kube-apiserver.yaml:14", // no mode, no config: AlwaysAllow
		"KW-CP-005 authorization-config.yaml:5",
	},
}

var (
	cisOnce   sync.Once
	cisLinter *engine.Linter
	cisErr    error
)

func cis(t *testing.T) *engine.Linter {
	t.Helper()
	cisOnce.Do(func() { cisLinter, cisErr = engine.New(engine.Options{Profile: "cis"}) })
	require.NoError(t, cisErr)
	return cisLinter
}

// cpFindings lists "rule file:line" of the CP findings, file relative to base, sorted.
func cpFindings(t *testing.T, res *engine.Result, base string) []string {
	t.Helper()
	var out []string
	for _, f := range res.Findings {
		if !strings.HasPrefix(f.Rule.ID, "KW-CP-") {
			continue
		}
		rel, err := filepath.Rel(base, f.Location.File)
		require.NoError(t, err)
		out = append(out, f.Rule.ID+" "+filepath.ToSlash(rel)+":"+strconv.Itoa(f.Location.Line))
	}
	sort.Strings(out)
	return out
}

func sortedCopy(s []string) []string {
	out := append([]string(nil), s...)
	sort.Strings(out)
	return out
}

func TestControlPlaneFixtures(t *testing.T) {
	for dir, want := range cpExpected {
		t.Run(dir, func(t *testing.T) {
			p := filepath.Join(cpRoot, dir)
			res := cis(t).Lint(context.Background(), []string{p})
			require.Empty(t, res.Errors)
			require.NotZero(t, res.Objects)
			assert.Equal(t, sortedCopy(want), cpFindings(t, res, p))
		})
	}
}

func TestControlPlaneHardenedIsClean(t *testing.T) {
	p := filepath.Join(cpRoot, "hardened")
	res := cis(t).Lint(context.Background(), []string{p})
	require.Empty(t, res.Errors)
	assert.Equal(t, 9, res.Objects)
	assert.Empty(t, cpFindings(t, res, p))
}

// Every CP rule is in the cis profile and fires in some weak folder.
func TestControlPlaneWeakFixturesFireEveryRule(t *testing.T) {
	active := map[string]bool{}
	for _, r := range cis(t).Active() {
		active[r.ID] = true
	}
	fired := map[string]bool{}
	for dir, want := range cpExpected {
		if !strings.HasPrefix(dir, "weak") {
			continue
		}
		for _, w := range want {
			fired[strings.Fields(w)[0]] = true
		}
	}
	n := 0
	for _, r := range cis(t).Library().Rules {
		if !strings.HasPrefix(r.ID, "KW-CP-") {
			continue
		}
		n++
		assert.True(t, active[r.ID], "%s is not in the cis profile", r.ID)
		assert.True(t, fired[r.ID], "%s fires in no weak fixture", r.ID)
	}
	assert.Equal(t, 50, n)
}

// Linted together (kubeward lint --profile cis testdata/controlplane/weak*),
// the weak folders give the same CP findings as one by one: objects of the same
// name in several folders must not hide one another's findings.
func TestControlPlaneWeakFoldersTogether(t *testing.T) {
	var paths, want []string
	for dir, w := range cpExpected {
		if !strings.HasPrefix(dir, "weak") {
			continue
		}
		paths = append(paths, filepath.Join(cpRoot, dir))
		for _, x := range w {
			want = append(want, strings.Replace(x, " ", " "+dir+"/", 1))
		}
	}
	res := cis(t).Lint(context.Background(), paths)
	require.Empty(t, res.Errors)
	assert.Equal(t, sortedCopy(want), cpFindings(t, res, cpRoot))
}

var secretLine = regexp.MustCompile(`(?m)^\s*secret:\s*(\S+)\s*$`)

// Key material in an EncryptionConfiguration is reported, but no report ever
// prints a key.
func TestControlPlaneMessagesNeverPrintKeys(t *testing.T) {
	var keys []string
	err := filepath.WalkDir(cpRoot, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		for _, m := range secretLine.FindAllStringSubmatch(string(b), -1) {
			keys = append(keys, m[1])
		}
		return nil
	})
	require.NoError(t, err)
	require.GreaterOrEqual(t, len(keys), 2)
	l, err := engine.New(engine.Options{Complete: true})
	require.NoError(t, err)
	res := l.Lint(context.Background(), []string{cpRoot})
	require.Empty(t, res.Errors)
	keyFindings := 0
	for _, f := range res.Findings {
		if f.Rule.ID == "KW-CP-050" {
			keyFindings++
		}
		for _, k := range keys {
			assert.NotContains(t, f.Message, k, "%s at %s:%d", f.Rule.ID, f.Location.File, f.Location.Line)
			assert.NotContains(t, f.Location.Path, k)
		}
	}
	assert.Equal(t, 2, keyFindings, "one KW-CP-050 per key (default and weak)")
}
