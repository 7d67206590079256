// Package kustomize builds a kustomization in-process, as `kustomize build`
// does, and loads the objects it writes, each named after the resource file
// it came from.
//
// Library: sigs.k8s.io/kustomize/api v0.21.2 (krusty), the library kubectl
// and kustomize build with; v0.21.3 needs a newer Go than the project's.
// Origins come from kustomize's own origin annotations (buildMetadata:
// [originAnnotations], switched on for the root kustomization as it is read)
// and the annotation is removed before rules see the object. Nothing is
// fetched: remote resources and bases (URLs, git references) and Helm chart
// inflation are refused before building, naming the kustomization file.
package kustomize

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"sigs.k8s.io/kustomize/api/konfig"
	"sigs.k8s.io/kustomize/api/krusty"
	"sigs.k8s.io/kustomize/api/resource"
	"sigs.k8s.io/kustomize/api/types"
	"sigs.k8s.io/kustomize/kyaml/filesys"
	sigsyaml "sigs.k8s.io/yaml"

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

// Render implements load.Renderer.
func (Source) Render(ctx context.Context, dir string, limits load.Limits) ([]*load.Object, []load.Error) {
	kfile := File(dir)
	if err := refuseRemote(dir, map[string]bool{}); err != nil {
		return nil, []load.Error{*err}
	}
	fs := originTracking{FileSystem: filesys.MakeFsOnDisk(), root: kfile}
	opts := krusty.MakeDefaultOptions()
	m, err := krusty.MakeKustomizer(opts).Run(fs, dir)
	if err != nil {
		return nil, []load.Error{{File: kfile, Message: "kustomize build: " + err.Error()}}
	}
	type built struct {
		res  *resource.Resource
		file string
	}
	var all []built
	for _, r := range m.Resources() {
		file := kfile
		if o, err := r.GetOrigin(); err == nil && o != nil {
			switch {
			case o.Path != "":
				file = filepath.Join(dir, filepath.FromSlash(o.Path))
			case o.ConfiguredIn != "":
				file = filepath.Join(dir, filepath.FromSlash(o.ConfiguredIn))
			}
		}
		all = append(all, built{r, file})
	}
	if err := m.RemoveOriginAnnotations(); err != nil {
		return nil, []load.Error{{File: kfile, Message: "kustomize build: " + err.Error()}}
	}
	var objs []*load.Object
	var errs []load.Error
	for _, b := range all {
		if ctx.Err() != nil {
			return objs, append(errs, load.Error{File: kfile, Message: "not built: " + ctx.Err().Error()})
		}
		out, err := b.res.AsYAML()
		if err != nil {
			errs = append(errs, load.Error{File: b.file, Message: "kustomize output: " + err.Error()})
			continue
		}
		o, e := load.Parse(b.file, out, limits)
		lines := lineMapper(b.file, out)
		for _, obj := range o {
			obj.MapLines(lines)
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
func lineMapper(file string, out []byte) func(int) int {
	none := func(int) int { return 0 }
	if File(filepath.Dir(file)) == file {
		return none
	}
	src, err := os.ReadFile(file)
	if err != nil {
		return none
	}
	return linemap.Align(string(src), string(out))
}

// originTracking reads the root kustomization with originAnnotations added
// to its buildMetadata, so that every resource says which file it came from.
type originTracking struct {
	filesys.FileSystem
	root string
}

func (f originTracking) ReadFile(path string) ([]byte, error) {
	data, err := f.FileSystem.ReadFile(path)
	if err != nil || !sameFile(path, f.root) {
		return data, err
	}
	var k map[string]any
	if err := sigsyaml.Unmarshal(data, &k); err != nil || k == nil {
		return data, nil // kustomize reports the problem itself
	}
	meta, _ := k["buildMetadata"].([]any)
	for _, m := range meta {
		if m == types.OriginAnnotations {
			return data, nil
		}
	}
	k["buildMetadata"] = append(meta, types.OriginAnnotations)
	return sigsyaml.Marshal(k)
}

func sameFile(a, b string) bool {
	aa, err1 := filepath.Abs(a)
	bb, err2 := filepath.Abs(b)
	return err1 == nil && err2 == nil && aa == bb
}

// kustomization is the part of a kustomization file that can reach the network.
type kustomization struct {
	Resources  []string `json:"resources"`
	Bases      []string `json:"bases"`
	Components []string `json:"components"`
	HelmCharts []struct {
		Name string `json:"name"`
	} `json:"helmCharts"`
	HelmChartInflationGenerator []any `json:"helmChartInflationGenerator"`
}

// refuseRemote walks the kustomization tree from dir and fails at the first
// remote reference or Helm chart, naming the kustomization file.
func refuseRemote(dir string, seen map[string]bool) *load.Error {
	kfile := File(dir)
	if kfile == "" || seen[kfile] {
		return nil
	}
	seen[kfile] = true
	data, err := os.ReadFile(kfile)
	if err != nil {
		return &load.Error{File: kfile, Message: err.Error()}
	}
	var k kustomization
	if err := sigsyaml.Unmarshal(data, &k); err != nil {
		return nil // kustomize reports it, with more context
	}
	if len(k.HelmCharts) > 0 || len(k.HelmChartInflationGenerator) > 0 {
		return &load.Error{File: kfile, Message: "helmCharts in a kustomization are not rendered (kubeward does not run helm or fetch charts); lint the chart itself or the kustomize output piped in"}
	}
	for _, list := range [][]string{k.Resources, k.Bases, k.Components} {
		for _, r := range list {
			local := filepath.Join(dir, filepath.FromSlash(r))
			if _, err := os.Stat(local); err == nil {
				if info, _ := os.Stat(local); info.IsDir() {
					if e := refuseRemote(local, seen); e != nil {
						return e
					}
				}
				continue
			}
			if isRemote(r) {
				return &load.Error{File: kfile, Message: fmt.Sprintf("remote resource %q refused: kubeward builds kustomizations without the network; vendor it and refer to the local copy", r)}
			}
		}
	}
	return nil
}

func isRemote(ref string) bool {
	for _, p := range []string{"http://", "https://", "git@", "ssh://", "git::", "github.com/", "gitlab.com/", "bitbucket.org/", "file://"} {
		if strings.HasPrefix(ref, p) {
			return true
		}
	}
	return strings.Contains(ref, "?ref=") || strings.Contains(ref, ".git//") || strings.Contains(ref, "?version=")
}
