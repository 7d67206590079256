// Package kustomize builds a kustomization in-process, as `kustomize build`
// does, and loads the objects it writes, each named after the resource file
// it came from, with every field placed (line and column) in the file that
// last wrote it: the resource, a patch, or the kustomization (generators,
// inline patches, images and namespace), found by structure (place.go).
//
// Library: sigs.k8s.io/kustomize/api v0.21.2 (krusty), the library kubectl
// and kustomize build with; v0.21.3 needs a newer Go than the project's.
// Origins come from kustomize's own origin annotations (buildMetadata:
// [originAnnotations], switched on for the root kustomization as it is read)
// and the annotation is removed before rules see the object.
//
// A kustomization may come from anyone, so kustomize runs on a read-only file
// system over a confine.Root (confinedFS): the input path named on the
// command line, or the git work tree holding it. Every file is inspected as
// it is read, before kustomize parses it: remote references (in every field
// that takes a path), absolute paths, paths and links that leave the root,
// Helm charts and documents over the node or depth limits are refused, named
// at their file and line. Only builtin plugins run (no exec, Go or function
// plugins, no helm); the build is bounded by Limits.RenderTimeout and its
// output by Limits.MaxRenderedBytes.
package kustomize

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"

	"sigs.k8s.io/kustomize/api/konfig"
	"sigs.k8s.io/kustomize/api/krusty"
	"sigs.k8s.io/kustomize/api/resmap"
	"sigs.k8s.io/kustomize/api/resource"
	"sigs.k8s.io/kustomize/api/types"
	"sigs.k8s.io/kustomize/kyaml/filesys"

	"github.com/kubeward/kubeward/engine/confine"
	"github.com/kubeward/kubeward/engine/load"
	"github.com/kubeward/kubeward/engine/source/linemap"
)

// Source builds kustomizations; it is a load.Renderer.
type Source struct{}

// File returns the kustomization file of dir, or "".
func File(dir string) string {
	for _, name := range konfig.RecognizedKustomizationFileNames() {
		p := filepath.Join(dir, name)
		if info, err := os.Stat(p); err == nil && !info.IsDir() {
			return p
		}
	}
	return ""
}

// Claims implements load.Renderer: a folder with a kustomization file.
func (Source) Claims(path string, dir bool) bool { return dir && File(path) != "" }

// options are kustomize's with nothing that reaches past the file system:
// files only beneath each kustomization's folder (bases may be elsewhere in
// the root), builtin plugins only, statically linked (no Go plugin, exec or
// container function is loaded), no helm.
func options() *krusty.Options {
	o := krusty.MakeDefaultOptions()
	o.LoadRestrictions = types.LoadRestrictionsRootOnly
	o.PluginConfig = types.DisabledPluginConfig()
	o.PluginConfig.HelmConfig = types.HelmConfig{}
	o.PluginConfig.FnpLoadingOptions = types.FnPluginLoadingOptions{}
	o.AddManagedbyLabel = false
	return o
}

// Render implements load.Renderer.
func (Source) Render(ctx context.Context, dir string, limits load.Limits) ([]*load.Object, []load.Error) {
	limits = limits.WithDefaults()
	kfile := File(dir)
	if kfile == "" {
		return nil, []load.Error{{File: dir, Message: "no kustomization file"}}
	}
	// The time limit is the build's (walk and kustomize), not the linting
	// of its output's objects, which the run's context bounds.
	buildCtx, cancel := context.WithTimeout(ctx, limits.RenderTimeout)
	defer cancel()
	fsys, dirRel, err := openFS(buildCtx, load.InputRoot(ctx), dir, kfile, limits)
	if err != nil {
		return nil, []load.Error{{File: kfile, Message: "kustomize build: " + err.Error()}}
	}
	// Closing the root also makes an abandoned build's next read fail.
	defer fsys.root.Close()
	fsys.walk(dirRel, map[string]bool{})
	if errs := fsys.refused(); len(errs) > 0 {
		return nil, errs
	}
	if buildCtx.Err() != nil {
		return nil, []load.Error{{File: kfile, Message: stopped(buildCtx, limits)}}
	}
	m, err := build(buildCtx, fsys, fsys.abs(dirRel))
	if err == nil && buildCtx.Err() != nil {
		err = buildCtx.Err() // its reads were cut short: the output may be too
	}
	if err != nil {
		if errs := fsys.refused(); len(errs) > 0 {
			return nil, errs
		}
		if buildCtx.Err() != nil {
			return nil, []load.Error{{File: kfile, Message: stopped(buildCtx, limits)}}
		}
		return nil, []load.Error{{File: kfile, Message: "kustomize build: " + err.Error()}}
	}
	return objects(ctx, m, dir, dirRel, kfile, fsys, limits)
}

// openFS opens the root of the kustomization in dir (input: the path named
// on the command line) and returns the file system kustomize builds on, and
// dir relative to its root.
func openFS(ctx context.Context, input, dir, kfile string, limits load.Limits) (*confinedFS, string, error) {
	rootName := rootFor(input, dir)
	root, err := confine.Open(rootName, limits.MaxFileSize)
	if err != nil {
		return nil, "", err
	}
	real, err := filepath.EvalSymlinks(rootName)
	if err == nil {
		real, err = filepath.Abs(real)
	}
	absDir, err2 := filepath.Abs(dir)
	absRoot, err3 := filepath.Abs(rootName)
	if err = errors.Join(err, err2, err3); err != nil {
		root.Close()
		return nil, "", err
	}
	dirRel, err := filepath.Rel(absRoot, absDir)
	if err != nil {
		root.Close()
		return nil, "", err
	}
	dirRel = filepath.ToSlash(dirRel)
	// Files beneath the kustomization's folder are named from it, as given.
	return &confinedFS{ctx: ctx, root: root, real: real, name: rootName, limits: limits,
		input: dir, inputRel: dirRel, rootKust: path.Join(dirRel, filepath.Base(kfile))}, dirRel, nil
}

// build runs kustomize in a goroutine, so that a build that does not end
// (kustomize takes no context) does not hold the run: on timeout or
// cancellation it is abandoned. It then stops at its next file read (the file
// system checks the context, and its root is closed), or when its current
// step ends; the input limits (file size, nodes, merged list length) bound
// how long a step can take. A panic in kustomize is an error, not a crash.
func build(ctx context.Context, fsys filesys.FileSystem, dir string) (resmap.ResMap, error) {
	type result struct {
		m   resmap.ResMap
		err error
	}
	done := make(chan result, 1)
	go func() {
		defer func() {
			if p := recover(); p != nil {
				done <- result{err: fmt.Errorf("kustomize failed: %v", p)}
			}
		}()
		m, err := krusty.MakeKustomizer(options()).Run(fsys, dir)
		done <- result{m, err}
	}()
	select {
	case r := <-done:
		return r.m, r.err
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}

// stopped says why a build was abandoned.
func stopped(ctx context.Context, limits load.Limits) string {
	if errors.Is(ctx.Err(), context.DeadlineExceeded) {
		return fmt.Sprintf("kustomize build did not finish within %s (limit --render-timeout); nothing of it is linted", limits.RenderTimeout)
	}
	return "not built: " + ctx.Err().Error()
}

// objects turns kustomize's output into objects named after their files.
func objects(ctx context.Context, m resmap.ResMap, dir, dirRel, kfile string, fsys *confinedFS, limits load.Limits) ([]*load.Object, []load.Error) {
	type built struct {
		res       *resource.Resource
		file      string // as messages name it
		rel       string // relative to the root, to read it again for lines
		generated bool   // by a generator of the kustomization rel
		loc       *locator
	}
	var all []built
	for _, r := range m.Resources() {
		b := built{res: r, file: kfile}
		if o, err := r.GetOrigin(); err == nil && o != nil {
			p := o.Path
			if p == "" {
				p, b.generated = o.ConfiguredIn, true
			}
			if p != "" {
				b.file = filepath.Join(dir, filepath.FromSlash(p))
				b.rel = path.Clean(path.Join(dirRel, p))
			}
		}
		all = append(all, b)
	}
	if err := m.RemoveOriginAnnotations(); err != nil {
		return nil, []load.Error{{File: kfile, Message: "kustomize build: " + err.Error()}}
	}
	pl := newPlacer(fsys, dirRel)
	for i := range all {
		all[i].loc = pl.locator(all[i].res, all[i].rel, all[i].generated)
	}
	outs := make([][]byte, len(all))
	var total int64
	for i, b := range all {
		out, err := b.res.AsYAML()
		if err != nil {
			return nil, []load.Error{{File: b.file, Message: "kustomize output: " + err.Error()}}
		}
		total += int64(len(out))
		if total > limits.MaxRenderedBytes {
			return nil, []load.Error{{File: kfile, Message: fmt.Sprintf("kustomize output is larger than the %s limit (--max-rendered-bytes); nothing of it is linted", confine.HumanBytes(limits.MaxRenderedBytes))}}
		}
		outs[i] = out
	}
	var objs []*load.Object
	var errs []load.Error
	for i, b := range all {
		if ctx.Err() != nil {
			return objs, append(errs, load.Error{File: kfile, Message: "not built: " + ctx.Err().Error()})
		}
		o, e := load.Parse(b.file, outs[i], limits)
		if b.loc != nil && len(o) == 1 {
			o[0].Locate(b.loc.position)
		} else {
			// Not found by structure: kustomize's text aligned with the
			// file's, which is exact only for a file with sorted keys.
			lines := lineMapper(fsys.root, b.rel, outs[i])
			for _, obj := range o {
				obj.MapLines(lines)
			}
		}
		for i := range e {
			e[i].Line, e[i].Column = 0, 0
			e[i].Message = "built by " + kfile + ": " + e[i].Message
		}
		objs = append(objs, o...)
		errs = append(errs, e...)
	}
	return objs, errs
}

// lineMapper maps the lines kustomize wrote to those of the resource file.
// A generated object (its file is a kustomization) gets no lines.
func lineMapper(root *confine.Root, rel string, out []byte) func(int) int {
	none := func(int) int { return 0 }
	if rel == "" || isKustomizationFile(rel) {
		return none
	}
	src, err := root.ReadFile(rel)
	if err != nil {
		return none
	}
	return linemap.Align(string(src), string(out))
}

// rootFor is the folder a kustomization in dir may read beneath, as
// messages name it: the input path named on the command line (Load's
// InputRoot; dir itself when there is none), widened to the top of the git
// work tree that holds it, so that an overlay named on its own still reaches
// its base. Nothing above that is read: not a parent of a folder that is not
// in a repository, not a parent of the repository.
func rootFor(input, dir string) string {
	absDir, err1 := filepath.Abs(dir)
	absInput, err2 := filepath.Abs(input)
	if input == "" || err1 != nil || err2 != nil || !confine.Within(absInput, absDir) {
		input, absInput = dir, absDir
	}
	// A link named on the command line is read as named; where its target
	// sits is not looked at.
	if li, err := os.Lstat(input); err != nil || li.Mode()&fs.ModeSymlink != 0 {
		return filepath.Clean(input)
	}
	top := gitTop(absInput)
	if top == "" {
		return filepath.Clean(input)
	}
	if filepath.IsAbs(input) {
		return top
	}
	wd, err := os.Getwd()
	if err != nil {
		return top
	}
	if rel, err := filepath.Rel(wd, top); err == nil {
		return rel
	}
	return top
}

// gitTop is the nearest folder at or above abs holding .git (a folder, or a
// file for a worktree or submodule), or "".
func gitTop(abs string) string {
	for d := abs; ; d = filepath.Dir(d) {
		if _, err := os.Lstat(filepath.Join(d, ".git")); err == nil {
			return d
		}
		if filepath.Dir(d) == d {
			return ""
		}
	}
}
