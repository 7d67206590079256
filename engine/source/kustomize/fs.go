package kustomize

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"path/filepath"
	"sort"
	"strings"
	"sync"

	yaml "go.yaml.in/yaml/v3"
	"sigs.k8s.io/kustomize/api/konfig"
	"sigs.k8s.io/kustomize/api/types"
	"sigs.k8s.io/kustomize/kyaml/filesys"
	sigsyaml "sigs.k8s.io/yaml"

	"github.com/kubeward/kubeward/engine/confine"
	"github.com/kubeward/kubeward/engine/load"
)

// confinedFS is the only file system kustomize sees: a read-only view of one
// confine.Root. Every file is read whole, through the root (regular files
// beneath it, size-limited), and inspected before kustomize gets its bytes:
// a kustomization or builtin plugin configuration that names anything remote
// or outside the root, and a document over the node or depth limits, is
// refused there. Kustomize only learns of a path by reading a file through
// ReadFile, so what it never gets it cannot fetch, clone or open.
type confinedFS struct {
	ctx  context.Context
	root *confine.Root
	real string // the root's folder, absolute, links resolved: what kustomize is given
	name string // the root's folder as messages name it
	// input is the path named on the command line and inputRel the same
	// relative to the root: files beneath it are named from it, as the user
	// named them.
	input, inputRel string
	limits          load.Limits
	// rootKust is the root kustomization (relative to the root), read with
	// origin annotations switched on.
	rootKust string

	mu sync.Mutex
	// errs are the refusals so far: kustomize wraps or drops the errors its
	// file system returns (a missing kustomization is tried under three
	// names), so the reason is kept here, with its file and line.
	errs []load.Error
	seen map[string]bool
	// mergedKeys are the keys under which a strategic-merge patch of the
	// build has a list ("*": any key); nil until the tree has been walked.
	mergedKeys map[string]bool
}

var _ filesys.FileSystem = (*confinedFS)(nil)

// errReadOnly is returned for every write: building never needs one.
var errReadOnly = errors.New("kubeward's kustomize file system is read-only")

// refuse records e (once) and returns it as an error.
func (f *confinedFS) refuse(e load.Error) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.seen == nil {
		f.seen = map[string]bool{}
	}
	if !f.seen[e.Error()] {
		f.seen[e.Error()] = true
		f.errs = append(f.errs, e)
	}
	return e
}

// refused returns the refusals recorded so far, in file and line order.
func (f *confinedFS) refused() []load.Error {
	f.mu.Lock()
	defer f.mu.Unlock()
	errs := append([]load.Error(nil), f.errs...)
	sort.SliceStable(errs, func(i, j int) bool {
		if errs[i].File != errs[j].File {
			return errs[i].File < errs[j].File
		}
		return errs[i].Line < errs[j].Line
	})
	return errs
}

// userPath names rel (relative to the root, slash-separated) for messages.
func (f *confinedFS) userPath(rel string) string {
	if f.input != "" && confine.Within(f.inputRel, rel) {
		if r, err := filepath.Rel(f.inputRel, rel); err == nil {
			return filepath.Join(f.input, filepath.FromSlash(r))
		}
	}
	return filepath.Join(f.name, filepath.FromSlash(rel))
}

// abs is rel as kustomize sees it.
func (f *confinedFS) abs(rel string) string {
	return filepath.Join(f.real, filepath.FromSlash(rel))
}

// rel turns a path kustomize asks for into one relative to the root, or
// refuses it when it leaves the root lexically.
func (f *confinedFS) rel(p string) (string, error) {
	if !filepath.IsAbs(p) {
		abs, err := filepath.Abs(p)
		if err != nil {
			return "", fmt.Errorf("%s: %w", p, err)
		}
		p = abs
	}
	r, err := filepath.Rel(f.real, filepath.Clean(p))
	if err != nil || r == ".." || strings.HasPrefix(r, ".."+string(filepath.Separator)) {
		return "", &confine.Error{Path: p, Reason: "is outside " + f.name, Err: confine.ErrOutside}
	}
	return filepath.ToSlash(r), nil
}

// refusal turns a confine error into a recorded refusal; a missing file is
// not one (kustomize probes for files).
func (f *confinedFS) refusal(err error) error {
	var ce *confine.Error
	if errors.As(err, &ce) && !errors.Is(err, fs.ErrNotExist) {
		return f.refuse(load.Error{File: ce.Path, Message: ce.Reason})
	}
	return err
}

// ReadFile reads and inspects one file.
func (f *confinedFS) ReadFile(p string) ([]byte, error) {
	if err := f.ctx.Err(); err != nil {
		return nil, err
	}
	rel, err := f.rel(p)
	if err != nil {
		return nil, f.refusal(err)
	}
	data, _, err := f.read(rel)
	if err != nil {
		return nil, err
	}
	if rel == f.rootKust {
		return withOrigins(data), nil
	}
	return data, nil
}

// read reads rel through the root and inspects it, returning its documents
// (nil when it is not YAML).
func (f *confinedFS) read(rel string) ([]byte, []*yaml.Node, error) {
	data, err := f.root.ReadFile(rel)
	if err != nil {
		return nil, nil, f.refusal(err)
	}
	docs, errs := f.inspect(rel, data)
	for _, e := range errs {
		f.refuse(e)
	}
	if len(errs) > 0 {
		return nil, nil, errs[0]
	}
	return data, docs, nil
}

// withOrigins adds originAnnotations to a kustomization's buildMetadata, so
// that every resource says which file it came from.
func withOrigins(data []byte) []byte {
	var k map[string]any
	if err := sigsyaml.Unmarshal(data, &k); err != nil || k == nil {
		return data // kustomize reports the problem itself
	}
	meta, _ := k["buildMetadata"].([]any)
	for _, m := range meta {
		if m == types.OriginAnnotations {
			return data
		}
	}
	k["buildMetadata"] = append(meta, types.OriginAnnotations)
	out, err := sigsyaml.Marshal(k)
	if err != nil {
		return data
	}
	return out
}

// CleanedAbs resolves links as kustomize's own file system does (its
// root-only load restriction compares resolved folders), but only links
// that stay beneath the root.
func (f *confinedFS) CleanedAbs(p string) (filesys.ConfirmedDir, string, error) {
	if err := f.ctx.Err(); err != nil {
		return "", "", err
	}
	rel, err := f.rel(p)
	if err != nil {
		return "", "", f.refusal(err)
	}
	info, err := f.root.Stat(rel)
	if err != nil {
		return "", "", f.refusal(err)
	}
	resolved, err := filepath.EvalSymlinks(f.abs(rel))
	if err != nil {
		return "", "", fmt.Errorf("%s: %w", f.userPath(rel), err)
	}
	if !confine.Within(f.real, resolved) {
		return "", "", f.refuse(load.Error{File: f.userPath(rel), Message: "leads outside " + f.name})
	}
	if info.IsDir() {
		return filesys.ConfirmedDir(resolved), "", nil
	}
	return filesys.ConfirmedDir(filepath.Dir(resolved)), filepath.Base(resolved), nil
}

func (f *confinedFS) stat(p string) (fs.FileInfo, bool) {
	if f.ctx.Err() != nil {
		return nil, false
	}
	rel, err := f.rel(p)
	if err != nil {
		return nil, false
	}
	info, err := f.root.Stat(rel)
	return info, err == nil
}

// Exists reports whether p is beneath the root and there.
func (f *confinedFS) Exists(p string) bool {
	_, ok := f.stat(p)
	return ok
}

// IsDir reports whether p is a folder beneath the root.
func (f *confinedFS) IsDir(p string) bool {
	info, ok := f.stat(p)
	return ok && info.IsDir()
}

// ReadDir lists a folder beneath the root.
func (f *confinedFS) ReadDir(p string) ([]string, error) {
	if err := f.ctx.Err(); err != nil {
		return nil, err
	}
	rel, err := f.rel(p)
	if err != nil {
		return nil, f.refusal(err)
	}
	entries, err := f.root.ReadDir(rel)
	if err != nil {
		return nil, f.refusal(err)
	}
	names := make([]string, len(entries))
	for i, e := range entries {
		names[i] = e.Name()
	}
	return names, nil
}

// Glob matches file names in one folder beneath the root (kustomize's build
// does not glob; this keeps the interface whole without walking the disk).
func (f *confinedFS) Glob(pattern string) ([]string, error) {
	dir, base := filepath.Split(pattern)
	if strings.ContainsAny(dir, "*?[\\") {
		return nil, fmt.Errorf("%s: patterns in folder names are not supported", pattern)
	}
	names, err := f.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	var out []string
	for _, n := range names {
		if ok, err := path.Match(base, n); err != nil {
			return nil, err
		} else if ok && (!strings.HasPrefix(n, ".") || strings.HasPrefix(base, ".")) {
			out = append(out, filepath.Join(dir, n))
		}
	}
	return out, nil
}

// Open is refused: kustomize's build reads files whole (ReadFile), which is
// where they are limited and inspected.
func (f *confinedFS) Open(p string) (filesys.File, error) {
	return nil, fmt.Errorf("%s: open: kubeward's kustomize file system only reads whole files", p)
}

// Walk is refused for the same reason as Open.
func (f *confinedFS) Walk(p string, _ filepath.WalkFunc) error {
	return fmt.Errorf("%s: walk: not supported by kubeward's kustomize file system", p)
}

func (f *confinedFS) Create(p string) (filesys.File, error) {
	return nil, fmt.Errorf("%s: %w", p, errReadOnly)
}
func (f *confinedFS) Mkdir(p string) error     { return fmt.Errorf("%s: %w", p, errReadOnly) }
func (f *confinedFS) MkdirAll(p string) error  { return fmt.Errorf("%s: %w", p, errReadOnly) }
func (f *confinedFS) RemoveAll(p string) error { return fmt.Errorf("%s: %w", p, errReadOnly) }
func (f *confinedFS) WriteFile(p string, _ []byte) error {
	return fmt.Errorf("%s: %w", p, errReadOnly)
}

// isKustomizationFile reports whether kustomize reads a file of this name as
// a kustomization.
func isKustomizationFile(rel string) bool {
	base := path.Base(rel)
	for _, n := range konfig.RecognizedKustomizationFileNames() {
		if base == n {
			return true
		}
	}
	return false
}
