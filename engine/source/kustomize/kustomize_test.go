package kustomize

import (
	"context"
	"errors"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"sigs.k8s.io/kustomize/kyaml/filesys"

	"github.com/kubeward/kubeward/engine/confine"
	"github.com/kubeward/kubeward/engine/load"
)

func TestRenderCancelledContextBuildsNothing(t *testing.T) {
	dir := filepath.Join("..", "..", "..", "testdata", "kustomize", "base")
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	objs, errs := Source{}.Render(ctx, dir, load.Limits{})
	if len(objs) != 0 {
		t.Fatalf("objects built after cancellation: %d", len(objs))
	}
	want := []load.Error{{File: filepath.Join(dir, "kustomization.yaml"), Message: "not built: context canceled"}}
	if len(errs) != 1 || errs[0] != want[0] {
		t.Fatalf("errors = %v, want %v", errs, want)
	}
}

func TestFileSystemRefusesWrites(t *testing.T) {
	dir := t.TempDir()
	root, err := confine.Open(dir, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer root.Close()
	fsys := &confinedFS{ctx: context.Background(), root: root, real: dir, name: dir}
	target := filepath.Join(dir, "x")
	for name, err := range map[string]error{
		"WriteFile": fsys.WriteFile(target, []byte("x")),
		"Mkdir":     fsys.Mkdir(target),
		"MkdirAll":  fsys.MkdirAll(target),
		"RemoveAll": fsys.RemoveAll(dir),
	} {
		if !errors.Is(err, errReadOnly) {
			t.Errorf("%s: err = %v, want read-only", name, err)
		}
	}
	if _, err := fsys.Create(target); !errors.Is(err, errReadOnly) {
		t.Errorf("Create: err = %v, want read-only", err)
	}
	if _, err := os.Stat(target); !os.IsNotExist(err) {
		t.Errorf("%s was written", target)
	}
	if _, err := os.Stat(dir); err != nil {
		t.Errorf("RemoveAll removed the root: %v", err)
	}
}

func TestIsRemoteCoversKustomizeRemoteForms(t *testing.T) {
	for _, ref := range []string{
		"https://example.com/x.yaml", "HTTPS://example.com/x.yaml", "Http://example.com/x", "http:example.com/x",
		"git::https://example.com/repo.git", "GIT::ssh://example.com/repo", "ssh://git@example.com/repo",
		"file:///etc/repo", "git@github.com:org/repo.git", "deploy@host:org/repo", "Deploy@host:repo",
		"github.com/org/repo//deploy?ref=v1", "GitHub.com:org/repo", "gitlab.com/org/repo", " https://example.com/x",
		"example.com:org/repo", "base?ref=main",
	} {
		if !isRemote(ref) {
			t.Errorf("isRemote(%q) = false", ref)
		}
	}
	for _, ref := range []string{"../base", "deploy.yaml", "overlays/prod", "./x.yaml", "a-b/c_d.yaml", "github.com.yaml"} {
		if isRemote(ref) {
			t.Errorf("isRemote(%q) = true", ref)
		}
	}
}

// recordingFS remembers every path kustomize asks its file system for.
type recordingFS struct {
	filesys.FileSystem
	mu    sync.Mutex
	paths []string
}

func (r *recordingFS) note(p string) {
	r.mu.Lock()
	r.paths = append(r.paths, p)
	r.mu.Unlock()
}

func (r *recordingFS) ReadFile(p string) ([]byte, error) { r.note(p); return r.FileSystem.ReadFile(p) }
func (r *recordingFS) Exists(p string) bool              { r.note(p); return r.FileSystem.Exists(p) }
func (r *recordingFS) IsDir(p string) bool               { r.note(p); return r.FileSystem.IsDir(p) }
func (r *recordingFS) ReadDir(p string) ([]string, error) {
	r.note(p)
	return r.FileSystem.ReadDir(p)
}
func (r *recordingFS) CleanedAbs(p string) (filesys.ConfirmedDir, string, error) {
	r.note(p)
	return r.FileSystem.CleanedAbs(p)
}
func (r *recordingFS) Open(p string) (filesys.File, error) { r.note(p); return r.FileSystem.Open(p) }
func (r *recordingFS) Glob(p string) ([]string, error)     { r.note(p); return r.FileSystem.Glob(p) }

// refusingTransport counts HTTP requests and makes none.
type refusingTransport struct {
	n    atomic.Int64
	last atomic.Value
}

func (t *refusingTransport) RoundTrip(r *http.Request) (*http.Response, error) {
	t.n.Add(1)
	t.last.Store(r.URL.String())
	return nil, errors.New("network refused by the test")
}

const outsideSecret = "kubeward-outside-secret"

// FuzzKustomize builds arbitrary kustomizations (with a resource, a base, a
// link out of the root and a file outside it) and checks that nothing is
// asked of the file system outside the root, nothing outside is read into
// the output, no HTTP request is made, no git, ssh or helm is started, and
// nothing panics.
func FuzzKustomize(f *testing.F) {
	seeds := [][2]string{
		{"resources:\n- res.yaml\n", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n"},
		{"resources:\n- ../base\n- res.yaml\npatches:\n- path: res.yaml\n", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: d\ndata:\n  x: y\n"},
		{"resources:\n- HTTPS://127.0.0.1:1/x.yaml\n", ""},
		{"resources:\n- git::https://127.0.0.1:1/r.git\n", ""},
		{"components:\n- deploy@127.0.0.1:org/repo\n", ""},
		{"resources:\n- link.yaml\n", ""},
		{"resources:\n- ../../outside.yaml\n", ""},
		{"resources:\n- /etc/hostname\n", ""},
		{"patches:\n- path: http://127.0.0.1:1/p.yaml\nresources:\n- res.yaml\n", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n"},
		{"transformers:\n- t.yaml\nresources:\n- res.yaml\n", "apiVersion: builtin\nkind: PatchTransformer\nmetadata:\n  name: t\npath: https://127.0.0.1:1/p\n"},
		{"openapi:\n  path: https://127.0.0.1:1/s.json\n", ""},
		{"configMapGenerator:\n- name: c\n  files:\n  - k=../../outside.yaml\n", ""},
		{"resources:\n- res.yaml\n", "a: &a [x, x, x, x]\nb: &b [*a, *a, *a, *a]\nc: &c [*b, *b, *b, *b]\nd: [*c, *c, *c, *c, *c]\n"},
		{"resources:\n- res.yaml\n", "a: &a [*a]\n"},
	}
	for _, s := range seeds {
		f.Add(s[0], s[1])
	}
	bin := f.TempDir()
	marker := filepath.Join(f.TempDir(), "started")
	for _, tool := range []string{"git", "ssh", "helm", "kustomize"} {
		script := "#!/bin/sh\necho " + tool + " >> '" + marker + "'\nexit 1\n"
		if err := os.WriteFile(filepath.Join(bin, tool), []byte(script), 0o755); err != nil {
			f.Fatal(err)
		}
	}
	f.Setenv("PATH", bin)
	transport := &refusingTransport{}
	saved := http.DefaultTransport
	http.DefaultTransport = transport
	f.Cleanup(func() { http.DefaultTransport = saved })

	f.Fuzz(func(t *testing.T, kustomization, res string) {
		requests := transport.n.Load()
		dir := t.TempDir()
		root := filepath.Join(dir, "root")
		k := filepath.Join(root, "k")
		files := map[string]string{
			filepath.Join(dir, "outside.yaml"):                "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: " + outsideSecret + "\n",
			filepath.Join(k, "kustomization.yaml"):            kustomization,
			filepath.Join(k, "res.yaml"):                      res,
			filepath.Join(k, "t.yaml"):                        res,
			filepath.Join(root, "base", "kustomization.yaml"): "resources:\n- d.yaml\n",
			filepath.Join(root, "base", "d.yaml"):             "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: d\n",
		}
		for p, data := range files {
			if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		if err := os.Symlink(filepath.Join("..", "..", "outside.yaml"), filepath.Join(k, "link.yaml")); err != nil {
			t.Fatal(err)
		}
		limits := load.Limits{MaxNodes: 5000, MaxFileSize: 1 << 20, RenderTimeout: 5 * time.Second, MaxRenderedBytes: 1 << 20}.WithDefaults()
		ctx, cancel := context.WithTimeout(context.Background(), limits.RenderTimeout)
		defer cancel()

		fsys, dirRel, err := openFS(ctx, root, k, filepath.Join(k, "kustomization.yaml"), limits)
		if err != nil {
			t.Fatal(err)
		}
		defer fsys.root.Close()
		fsys.walk(dirRel, map[string]bool{})
		if len(fsys.refused()) == 0 {
			rec := &recordingFS{FileSystem: fsys}
			m, _ := build(ctx, rec, fsys.abs(dirRel))
			rec.mu.Lock()
			for _, p := range rec.paths {
				if !confine.Within(fsys.real, p) {
					t.Errorf("kustomize asked for %s, outside the root %s", p, fsys.real)
				}
			}
			rec.mu.Unlock()
			if m != nil {
				for _, r := range m.Resources() {
					if out, err := r.AsYAML(); err == nil && strings.Contains(string(out), outsideSecret) {
						t.Errorf("the output holds a file outside the root:\n%s", out)
					}
				}
			}
		}
		// The whole source, as the loader runs it, must not panic either.
		objs, _ := Source{}.Render(context.Background(), k, limits)
		for _, o := range objs {
			if o.Name == outsideSecret {
				t.Errorf("an object was read from outside the root")
			}
		}
		if n := transport.n.Load() - requests; n > 0 {
			t.Fatalf("%d HTTP requests made, the last to %v", n, transport.last.Load())
		}
		if data, err := os.ReadFile(marker); err == nil {
			t.Fatalf("a process was started: %s", data)
		}
	})
}
