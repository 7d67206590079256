package main

import (
	"fmt"
	"net"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The kustomizations of these tests are hostile: each is linted together
// with the privileged Deployment fixture, whose finding must still be
// reported (the rest of the input is evaluated), with exit 2 and the exact
// error, at the kustomization's file and line.

// writeKustomizeTree writes files (relative path -> content) beneath dir.
func writeKustomizeTree(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, data := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		require.NoError(t, os.MkdirAll(filepath.Dir(p), 0o755))
		require.NoError(t, os.WriteFile(p, []byte(data), 0o644))
	}
}

// lintHostileKustomization lints dir with the privileged fixture and checks the exit code,
// that the fixture's finding is there, and that each error line is.
func lintHostileKustomization(t *testing.T, dir string, errorLines ...string) cliResult {
	t.Helper()
	r := kw(t, "lint", dir, privilegedFile)
	assert.Equal(t, 2, r.code, "stdout:\n%s\nstderr:\n%s", r.stdout, r.stderr)
	assert.Contains(t, r.stdout, privilegedLine, "the other input is still evaluated")
	for _, l := range errorLines {
		assert.Contains(t, r.stdout, l+"\n")
	}
	return r
}

const refusedRemote = " refused: kubeward builds kustomizations without the network or git; vendor it and refer to the local copy"

func TestUntrustedKustomizeRemoteReferencesAreRefusedInEveryField(t *testing.T) {
	cases := []struct {
		name  string
		files map[string]string
		want  string // file:line:col: error: message, the file relative to the kustomization
	}{
		{"upper-case URL", map[string]string{"kustomization.yaml": "resources:\n- HTTPS://evil.example/x.yaml\n"},
			`kustomization.yaml:2:3: error: remote resource "HTTPS://evil.example/x.yaml"`},
		{"git:: base", map[string]string{"kustomization.yaml": "bases:\n- git::https://evil.example/repo.git//deploy\n"},
			`kustomization.yaml:2:3: error: remote base "git::https://evil.example/repo.git//deploy"`},
		{"scp-like component", map[string]string{"kustomization.yaml": "components:\n- deploy@evil.example:org/repo.git\n"},
			`kustomization.yaml:2:3: error: remote component "deploy@evil.example:org/repo.git"`},
		{"patches path", map[string]string{"kustomization.yaml": "patches:\n- path: https://evil.example/p.yaml\n"},
			`kustomization.yaml:2:9: error: remote patch "https://evil.example/p.yaml"`},
		{"patchesStrategicMerge", map[string]string{"kustomization.yaml": "patchesStrategicMerge:\n- Http://evil.example/p.yaml\n"},
			`kustomization.yaml:2:3: error: remote patch "Http://evil.example/p.yaml"`},
		{"patchesJson6902", map[string]string{"kustomization.yaml": "patchesJson6902:\n- target:\n    kind: Deployment\n    name: x\n  path: ssh://git@evil.example/p.yaml\n"},
			`kustomization.yaml:5:9: error: remote patch "ssh://git@evil.example/p.yaml"`},
		{"crds", map[string]string{"kustomization.yaml": "crds:\n- github.com/org/repo/crd.yaml\n"},
			`kustomization.yaml:2:3: error: remote CRD file "github.com/org/repo/crd.yaml"`},
		{"openapi", map[string]string{"kustomization.yaml": "openapi:\n  path: https://evil.example/schema.json\n"},
			`kustomization.yaml:2:9: error: remote OpenAPI schema "https://evil.example/schema.json"`},
		{"replacements", map[string]string{"kustomization.yaml": "replacements:\n- path: https://evil.example/r.yaml\n"},
			`kustomization.yaml:2:9: error: remote replacement "https://evil.example/r.yaml"`},
		{"transformers", map[string]string{"kustomization.yaml": "transformers:\n- https://evil.example/t.yaml\n"},
			`kustomization.yaml:2:3: error: remote transformer "https://evil.example/t.yaml"`},
		{"generators", map[string]string{"kustomization.yaml": "generators:\n- git@github.com:org/repo.git\n"},
			`kustomization.yaml:2:3: error: remote generator "git@github.com:org/repo.git"`},
		{"validators", map[string]string{"kustomization.yaml": "validators:\n- https://evil.example/v.yaml\n"},
			`kustomization.yaml:2:3: error: remote validator "https://evil.example/v.yaml"`},
		{"configMapGenerator files", map[string]string{"kustomization.yaml": "configMapGenerator:\n- name: c\n  files:\n  - key=https://evil.example/f\n"},
			`kustomization.yaml:4:5: error: remote generator file "https://evil.example/f"`},
		{"secretGenerator envs", map[string]string{"kustomization.yaml": "secretGenerator:\n- name: s\n  envs:\n  - HTTPS://evil.example/e.env\n"},
			`kustomization.yaml:4:5: error: remote generator file "HTTPS://evil.example/e.env"`},
		{"nested kustomization", map[string]string{
			"kustomization.yaml":     "resources:\n- sub\n",
			"sub/kustomization.yaml": "resources:\n- cm.yaml\n- https://evil.example/x.yaml\n",
			"sub/cm.yaml":            "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n",
		}, `sub/kustomization.yaml:3:3: error: remote resource "https://evil.example/x.yaml"`},
		{"builtin plugin configuration file", map[string]string{
			"kustomization.yaml": "transformers:\n- t.yaml\n",
			"t.yaml":             "apiVersion: builtin\nkind: PatchTransformer\nmetadata:\n  name: t\npath: https://evil.example/p.yaml\n",
		}, `t.yaml:5:7: error: remote patch "https://evil.example/p.yaml"`},
		{"inline builtin plugin configuration", map[string]string{
			"kustomization.yaml": "transformers:\n- |\n  apiVersion: builtin\n  kind: PatchTransformer\n  metadata:\n    name: t\n  path: HTTPS://evil.example/p.yaml\n",
		}, `kustomization.yaml:7: error: remote patch "HTTPS://evil.example/p.yaml"`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			writeKustomizeTree(t, dir, c.files)
			lintHostileKustomization(t, dir, dir+string(filepath.Separator)+c.want+refusedRemote)
		})
	}
}

// TestUntrustedKustomizeMakesNoConnection refers to a loopback listener by
// URL in every form kustomize would fetch or clone, in several fields: not
// one connection may reach it.
func TestUntrustedKustomizeMakesNoConnection(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	var accepted atomic.Int64
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			accepted.Add(1)
			c.Close()
		}
	}()
	addr := ln.Addr().String()
	dir := t.TempDir()
	refs := []struct{ field, line, what, ref string }{
		{"resources", "- %s", "resource", "http://" + addr + "/x.yaml"},
		{"bases", "- %s", "base", "HTTP://" + addr + "/base"},
		{"components", "- %s", "component", "git::http://" + addr + "/repo.git"},
		{"crds", "- %s", "CRD file", "ssh://git@" + addr + "/repo.git"},
		{"patches", "- path: %s", "patch", "https://" + addr + "/p.yaml"},
		{"openapi", "  path: %s", "OpenAPI schema", "HTTPS://" + addr + "/s.json"},
		{"transformers", "- %s", "transformer", "http://" + addr + "/t.yaml"},
	}
	var k strings.Builder
	var want []string
	for i, r := range refs {
		fmt.Fprintf(&k, "%s:\n"+r.line+"\n", r.field, r.ref)
		col := 3
		if strings.Contains(r.line, "path:") {
			col = 9
		}
		want = append(want, fmt.Sprintf("%s:%d:%d: error: remote %s %q%s", filepath.Join(dir, "kustomization.yaml"), 2*i+2, col, r.what, r.ref, refusedRemote))
	}
	writeKustomizeTree(t, dir, map[string]string{"kustomization.yaml": k.String()})
	lintHostileKustomization(t, dir, want...)
	// Alone, with nothing else refused: kustomize would fetch the patch.
	patchOnly := t.TempDir()
	writeKustomizeTree(t, patchOnly, map[string]string{
		"kustomization.yaml": "resources:\n- cm.yaml\npatches:\n- path: http://" + addr + "/p.yaml\n",
		"cm.yaml":            "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n",
	})
	lintHostileKustomization(t, patchOnly, filepath.Join(patchOnly, "kustomization.yaml")+`:4:9: error: remote patch "http://`+addr+`/p.yaml"`+refusedRemote)
	// A duplicate key: kustomize's parser (go-yaml v2) keeps the last, which
	// it would fetch; every entry of every duplicate is checked.
	dup := t.TempDir()
	writeKustomizeTree(t, dup, map[string]string{
		"kustomization.yaml": "resources:\n- cm.yaml\nresources:\n- http://" + addr + "/x.yaml\n",
		"cm.yaml":            "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n",
	})
	lintHostileKustomization(t, dup, filepath.Join(dup, "kustomization.yaml")+`:4:3: error: remote resource "http://`+addr+`/x.yaml"`+refusedRemote)
	require.NoError(t, ln.Close())
	wg.Wait()
	assert.Zero(t, accepted.Load(), "connections to the listener")
}

// TestUntrustedKustomizeStartsNoProcess puts fake git, ssh, helm and
// kustomize first on PATH, each leaving a mark when run.
func TestUntrustedKustomizeStartsNoProcess(t *testing.T) {
	bin := t.TempDir()
	marker := filepath.Join(t.TempDir(), "started")
	for _, tool := range []string{"git", "ssh", "helm", "kustomize"} {
		script := "#!/bin/sh\necho " + tool + " >> '" + marker + "'\nexit 1\n"
		require.NoError(t, os.WriteFile(filepath.Join(bin, tool), []byte(script), 0o755))
	}
	t.Setenv("PATH", bin)
	dir := t.TempDir()
	writeKustomizeTree(t, dir, map[string]string{
		"kustomization.yaml":       "components:\n- deploy@127.0.0.1:org/repo.git\ngenerators:\n- GitHub.com/org/repo//gen?ref=v1\n",
		"chart/kustomization.yaml": "helmCharts:\n- name: web\n  repo: https://127.0.0.1/charts\n",
	})
	kdir := filepath.Join(dir, "kustomization.yaml")
	r := lintHostileKustomization(t, dir,
		kdir+`:2:3: error: remote component "deploy@127.0.0.1:org/repo.git"`+refusedRemote,
		kdir+`:4:3: error: remote generator "GitHub.com/org/repo//gen?ref=v1"`+refusedRemote)
	r = kw(t, "lint", filepath.Join(dir, "chart"), privilegedFile)
	assert.Equal(t, 2, r.code)
	assert.Contains(t, r.stdout, filepath.Join(dir, "chart", "kustomization.yaml")+":1:1: error: helmCharts in a kustomization are not rendered")
	_, err := os.Stat(marker)
	assert.True(t, os.IsNotExist(err), "a process was started")
}

const outsideSecret = "kubeward-outside-secret"

// TestUntrustedKustomizeStaysInItsRoot: "..", absolute paths and links out
// of the named folder are refused before anything is read.
func TestUntrustedKustomizeStaysInItsRoot(t *testing.T) {
	top := t.TempDir()
	writeKustomizeTree(t, top, map[string]string{"secret.yaml": "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: " + outsideSecret + "\n"})
	cases := []struct {
		name, kustomization, want string
	}{
		{"dot-dot", "resources:\n- ../secret.yaml\n", `:2:3: error: resource "../secret.yaml" refused: it leads outside %[1]s, the folder kubeward builds this kustomization in`},
		{"absolute", "resources:\n- " + filepath.Join(top, "secret.yaml") + "\n", `:2:3: error: resource "` + filepath.Join(top, "secret.yaml") + `" refused: an absolute path; kubeward reads a kustomization's files only beneath %[1]s`},
		{"link", "resources:\n- link.yaml\n", `:2:3: error: resource "link.yaml" refused: %[1]s/link.yaml: is a symbolic link to ../secret.yaml, outside %[1]s`},
		{"generator file", "configMapGenerator:\n- name: c\n  files:\n  - k=../secret.yaml\n", `:4:5: error: generator file "../secret.yaml" refused: it leads outside %[1]s, the folder kubeward builds this kustomization in`},
		{"patch through a link", "resources:\n- cm.yaml\npatches:\n- path: link.yaml\n", `:4:9: error: patch "link.yaml" refused: %[1]s/link.yaml: is a symbolic link to ../secret.yaml, outside %[1]s`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dir := filepath.Join(top, c.name)
			writeKustomizeTree(t, dir, map[string]string{
				"kustomization.yaml": c.kustomization,
				"cm.yaml":            "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n",
			})
			require.NoError(t, os.Symlink("../secret.yaml", filepath.Join(dir, "link.yaml")))
			r := lintHostileKustomization(t, dir, filepath.Join(dir, "kustomization.yaml")+fmt.Sprintf(c.want, dir))
			assert.NotContains(t, r.stdout, outsideSecret)
		})
	}
}

// TestUntrustedKustomizeRootIsTheNamedInputOrItsRepository: an overlay
// reaches a base in a sibling folder when the folder holding both is named,
// or when it is in a git work tree; named alone outside a repository, it
// reaches nothing above itself.
func TestUntrustedKustomizeRootIsTheNamedInputOrItsRepository(t *testing.T) {
	repo := t.TempDir()
	writeKustomizeTree(t, repo, map[string]string{
		"base/kustomization.yaml":          "resources:\n- cm.yaml\n",
		"base/cm.yaml":                     "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n",
		"overlays/prod/kustomization.yaml": "namespace: prod\nresources:\n- ../../base\n",
	})
	overlay := filepath.Join(repo, "overlays", "prod")

	r := kw(t, "lint", repo, "--format", "json", "--fail-on", "none")
	require.Equal(t, 0, r.code, r.stdout)
	rep := decodeReport(t, r.stdout)
	assert.Empty(t, rep.Errors)
	assert.Equal(t, 2, rep.Summary.Objects, "the base, and the overlay's copy of it")

	r = kw(t, "lint", overlay, privilegedFile)
	assert.Equal(t, 2, r.code)
	assert.Contains(t, r.stdout, filepath.Join(overlay, "kustomization.yaml")+`:3:3: error: resource "../../base" refused: it leads outside `+overlay+", the folder kubeward builds this kustomization in\n")
	assert.Contains(t, r.stdout, privilegedLine)

	require.NoError(t, os.Mkdir(filepath.Join(repo, ".git"), 0o755))
	r = kw(t, "lint", overlay, "--format", "json", "--fail-on", "none")
	require.Equal(t, 0, r.code, r.stdout)
	rep = decodeReport(t, r.stdout)
	assert.Empty(t, rep.Errors)
	assert.Equal(t, 1, rep.Summary.Objects)
}

func TestUntrustedKustomizeAliasBombIsRefusedBeforeKustomize(t *testing.T) {
	bomb := "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: bomb\ndata:\n"
	prev := `["lol","lol","lol","lol","lol","lol","lol","lol","lol"]`
	for i, name := range "abcdefghi" {
		bomb += fmt.Sprintf("  %c: &%c %s\n", name, name, prev)
		if i < 8 {
			prev = "[" + strings.Repeat(fmt.Sprintf("*%c,", name), 8) + fmt.Sprintf("*%c]", name)
		}
	}
	dir := t.TempDir()
	writeKustomizeTree(t, dir, map[string]string{
		"kustomization.yaml":      "resources:\n- bomb.yaml\n",
		"bomb.yaml":               bomb,
		"self/kustomization.yaml": "commonAnnotations: &a\n  x: *a\n",
	})
	lintHostileKustomization(t, dir,
		filepath.Join(dir, "bomb.yaml")+":1:1: error: document has more than 2000000 values after expanding aliases (limit --max-nodes); kustomize was not run on it")
	lintHostileKustomization(t, filepath.Join(dir, "self"),
		filepath.Join(dir, "self", "kustomization.yaml")+":1:20: error: an alias refers to the node that contains it, which would expand for ever; kustomize was not run on it")
}

func TestUntrustedKustomizeLongMergedListIsRefused(t *testing.T) {
	var deploy, patch strings.Builder
	deploy.WriteString("apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: big\nspec:\n  selector:\n    matchLabels: {app: big}\n  template:\n    metadata:\n      labels: {app: big}\n    spec:\n      containers:\n")
	for i := 0; i < 1001; i++ {
		fmt.Fprintf(&deploy, "      - name: c%d\n        image: nginx:%d\n", i, i)
	}
	patch.WriteString("apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: big\nspec:\n  template:\n    spec:\n      containers:\n      - name: c5\n        image: busybox\n")
	dir := t.TempDir()
	writeKustomizeTree(t, dir, map[string]string{
		"kustomization.yaml": "resources:\n- deploy.yaml\npatches:\n- path: patch.yaml\n",
		"deploy.yaml":        deploy.String(),
		"patch.yaml":         patch.String(),
	})
	lintHostileKustomization(t, dir, filepath.Join(dir, "deploy.yaml")+`:12:7: error: list "containers" has 1001 entries and a patch of this kustomization merges into "containers" lists; kubeward refuses lists of more than 1000 entries there (kustomize's strategic merge takes time that grows with the square of a list's length)`)
}

func TestUntrustedKustomizeRenderLimits(t *testing.T) {
	dir := t.TempDir()
	writeKustomizeTree(t, dir, map[string]string{
		"kustomization.yaml": "resources:\n- cm.yaml\n",
		"cm.yaml":            "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n  x: " + strings.Repeat("y", 2000) + "\n",
	})
	kfile := filepath.Join(dir, "kustomization.yaml")
	r := kw(t, "lint", dir, privilegedFile, "--max-rendered-bytes", "1000")
	assert.Equal(t, 2, r.code)
	assert.Contains(t, r.stdout, kfile+": error: kustomize output is larger than the 1000 bytes limit (--max-rendered-bytes); nothing of it is linted\n")
	assert.Contains(t, r.stdout, privilegedLine)

	r = kw(t, "lint", dir, privilegedFile, "--render-timeout", "1ns")
	assert.Equal(t, 2, r.code)
	assert.Contains(t, r.stdout, kfile+": error: kustomize build did not finish within 1ns (limit --render-timeout); nothing of it is linted\n")
	assert.Contains(t, r.stdout, privilegedLine)
}

// TestUntrustedKustomizeUnparsableKustomizationIsNotBuilt: kustomize reads
// kustomizations with another YAML parser than the one that checks them;
// what the check cannot parse is not handed over.
func TestUntrustedKustomizeUnparsableKustomizationIsNotBuilt(t *testing.T) {
	dir := t.TempDir()
	writeKustomizeTree(t, dir, map[string]string{"kustomization.yaml": "resources:\n- cm.yaml\n\tbad: [\n"})
	r := lintHostileKustomization(t, dir)
	assert.Contains(t, r.stdout, filepath.Join(dir, "kustomization.yaml")+": error: does not parse as YAML, so it cannot be checked and kustomize is not run on it: yaml: line ")
}
