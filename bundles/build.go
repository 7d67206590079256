package bundles

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path"
	"path/filepath"
	"slices"
	"sort"
	"strings"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/bundle"

	"github.com/kubeward/kubeward/engine/policy"
)

// BuildOptions say what goes into a bundle.
type BuildOptions struct {
	// Dirs are policy folders (or files), read like --policy folders.
	Dirs []string
	// Revision is written into the manifest.
	Revision string
	// SkipTests leaves the Rego tests of Dirs unrun.
	SkipTests bool
	// NoBuiltin marks the bundle as a whole library: its tests run without
	// kubeward's built-in library, and `lint --bundle` leaves the built-in
	// library out (manifest metadata kubeward.builtin: false).
	NoBuiltin bool
	// Sign, when set, signs the bundle.
	Sign *SignOptions
	// RegoVersion is the Rego version the folders' policies are written in
	// (v1 when unset). The manifest records it, so that lint loads the
	// bundle's modules in it whatever its own --rego-version.
	RegoVersion ast.RegoVersion
}

// BuildResult is what a build made.
type BuildResult struct {
	Archive *Archive
	Rules   int
	Tests   int
}

// Build reads the folders, checks the policies against the contract (and
// compiles them), runs their tests, and returns the bundle.
func Build(ctx context.Context, opts BuildOptions) (*BuildResult, error) {
	if len(opts.Dirs) == 0 {
		return nil, fmt.Errorf("no policy folder to build")
	}
	var rego []dirFile
	var tests []policy.File
	data := map[string]any{}
	seen := map[string]string{}
	for _, dir := range opts.Dirs {
		files, err := readPolicyDir(dir)
		if err != nil {
			return nil, err
		}
		for _, f := range files {
			if prev, dup := seen[f.Name]; dup {
				return nil, fmt.Errorf("%s and %s would both be %s in the bundle: give folders with different names", prev, f.source, f.Name)
			}
			seen[f.Name] = f.source
			switch {
			case strings.HasSuffix(f.Name, "_test.rego"):
				tests = append(tests, policy.File{Name: f.source, Content: f.Content})
			case strings.HasSuffix(f.Name, ".rego"):
				rego = append(rego, f)
			default:
				// kubeward merges every data file at data's root; a bundle has
				// one data.json at its root holding the same document.
				if err := mergeDataFile(data, f.source, f.Content); err != nil {
					return nil, err
				}
			}
		}
	}
	if len(rego) == 0 {
		return nil, fmt.Errorf("no Rego policy in %s", strings.Join(opts.Dirs, ", "))
	}
	lib, err := checkPolicies(rego, tests, data, opts.NoBuiltin, opts.RegoVersion)
	if err != nil {
		return nil, err
	}
	res := &BuildResult{}
	for _, r := range lib.Rules {
		if !r.Bundled {
			res.Rules++
		}
	}
	if !opts.SkipTests {
		n, err := RunTests(ctx, lib)
		if err != nil {
			return nil, err
		}
		res.Tests = n
	}

	b := bundle.Bundle{Data: data}
	b.Manifest.Revision = opts.Revision
	roots := rootsOf(lib, rego, data)
	b.Manifest.Roots = &roots
	version := opts.RegoVersion
	if version == ast.RegoUndefined {
		version = ast.RegoV1
	}
	b.Manifest.SetRegoVersion(version)
	if opts.NoBuiltin {
		b.Manifest.Metadata = map[string]any{"kubeward": map[string]any{"builtin": false}}
	}
	for _, f := range rego {
		b.Modules = append(b.Modules, bundle.ModuleFile{URL: "/" + f.Name, Path: "/" + f.Name, Raw: f.Content})
	}
	// OPA's writer lays the bundle out; modules keep their bytes (no reformatting).
	var buf bytes.Buffer
	if err := bundle.NewWriter(&buf).DisableFormat(true).Write(b); err != nil {
		return nil, fmt.Errorf("writing the bundle: %w", err)
	}
	a, err := ReadArchive(buf.Bytes())
	if err != nil {
		return nil, err
	}
	if opts.Sign != nil {
		if a, err = Sign(a, *opts.Sign); err != nil {
			return nil, err
		}
	}
	res.Archive = a
	return res, nil
}

// checkPolicies loads the bundle's policies beside the built-in library (as
// lint will) with their tests, and compiles them: a bundle that lint would
// refuse is not built.
func checkPolicies(rego []dirFile, tests []policy.File, data map[string]any, noBuiltin bool, version ast.RegoVersion) (*policy.Library, error) {
	js, err := json.Marshal(data)
	if err != nil {
		return nil, err
	}
	var files []policy.File
	for _, f := range rego {
		files = append(files, policy.File{Name: f.source, Content: f.Content})
	}
	files = append(files, tests...)
	files = append(files, policy.File{Name: "data.json", Content: js})
	lib, err := policy.Load(policy.Options{NoBuiltin: noBuiltin, Files: files, RegoVersion: version})
	if err != nil {
		return nil, err
	}
	if _, err := lib.Compile(); err != nil {
		return nil, err
	}
	return lib, nil
}

type dirFile struct {
	Name    string // path in the bundle
	source  string // path on disk
	Content []byte
}

// readPolicyDir reads a folder's Rego files (tests included) and data files,
// named in the bundle by the folder's own name and their path under it.
func readPolicyDir(dir string) ([]dirFile, error) {
	info, err := os.Stat(dir)
	if err != nil {
		return nil, fmt.Errorf("cannot read policy folder: %w", err)
	}
	abs, err := filepath.Abs(dir)
	if err != nil {
		return nil, err
	}
	prefix := filepath.Base(abs)
	var out []dirFile
	add := func(p, rel string) error {
		if !strings.HasSuffix(p, ".rego") && !isDataFile(p) {
			return nil
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return fmt.Errorf("cannot read: %w", err)
		}
		out = append(out, dirFile{Name: path.Join(prefix, filepath.ToSlash(rel)), source: p, Content: b})
		return nil
	}
	if !info.IsDir() {
		return out, add(dir, "")
	}
	err = filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if p != dir && strings.HasPrefix(d.Name(), ".") {
				return fs.SkipDir
			}
			return nil
		}
		rel, err := filepath.Rel(dir, p)
		if err != nil {
			return err
		}
		// The built-in library's rule index is generated, not data.
		if rel == policy.IndexFile {
			return nil
		}
		return add(p, rel)
	})
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out, err
}

func isDataFile(name string) bool {
	switch strings.ToLower(path.Ext(name)) {
	case ".json", ".yaml", ".yml":
		return true
	}
	return false
}

// mergeDataFile merges a YAML or JSON mapping into data, as policy.Load does.
func mergeDataFile(data map[string]any, name string, content []byte) error {
	lib, err := policy.Load(policy.Options{NoBuiltin: true, Files: []policy.File{{Name: name, Content: content}}})
	if err != nil {
		return err
	}
	mergeMaps(data, lib.Data)
	return nil
}

func mergeMaps(dst, src map[string]any) {
	for k, v := range src {
		if sm, ok := v.(map[string]any); ok {
			if dm, ok := dst[k].(map[string]any); ok {
				mergeMaps(dm, sm)
				continue
			}
		}
		dst[k] = v
	}
}

// rootsOf are the bundle's roots: the first segment of every package and of
// every data key, so that OPA accepts the bundle and can tell it apart from
// others.
func rootsOf(lib *policy.Library, rego []dirFile, data map[string]any) []string {
	set := map[string]bool{}
	modules, err := lib.Modules()
	if err == nil {
		for _, f := range rego {
			if m := modules[f.source]; m != nil {
				pkg := strings.TrimPrefix(m.Package.Path.String(), "data.")
				seg, _, _ := strings.Cut(pkg, ".")
				set[seg] = true
			}
		}
	}
	for k := range data {
		set[k] = true
	}
	return slices.Sorted(maps.Keys(set))
}
