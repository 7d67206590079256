// Package helm renders a Helm chart in-process, as `helm template` does
// (client only: no cluster, install not upgrade, CRDs in crds/ left out,
// hooks and test templates included), and loads what each template writes.
//
// Library: helm.sh/helm/v4 (v4.3.2). The issue names the v3 SDK; v4 renders
// v2 charts the same way, is the maintained line, and builds with the k8s.io
// modules at v0.37.2 that kubeward already uses (v3.21 brings v0.36). Only the
// chart loader, the values types, strvals and the template engine are used,
// not pkg/action: that keeps the install/upgrade machinery (and its cluster
// client, storage drivers, registry client) out of the binary. Values,
// dependencies, values.schema.json and kubeVersion are handled in this
// package (values.go, deps.go, schema.go) rather than by Helm's chart util
// packages, whose JSON-Schema library costs ≈18 ms at every start (issue 11).
package helm

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"

	"helm.sh/helm/v4/pkg/chart/common"
	chart "helm.sh/helm/v4/pkg/chart/v2"
	"helm.sh/helm/v4/pkg/strvals"
	sigsyaml "sigs.k8s.io/yaml"

	"github.com/kubeward/kubeward/engine/confine"
	"github.com/kubeward/kubeward/engine/load"
	"github.com/kubeward/kubeward/engine/source/linemap"
)

// DefaultReleaseName is the release name `helm template` uses when none is given.
const DefaultReleaseName = "release-name"

// Options are the flags of `helm template` that kubeward supports.
type Options struct {
	// ValuesFiles are merged in order, later ones winning (helm -f/--values).
	ValuesFiles []string
	// Set and SetString are key=value pairs (helm --set, --set-string), applied after the files.
	Set, SetString []string
	// ReleaseName is .Release.Name (DefaultReleaseName when empty).
	ReleaseName string
	// Namespace is .Release.Namespace ("default" when empty).
	Namespace string
	// KubeVersion is .Capabilities.KubeVersion (Helm's default when empty).
	KubeVersion string
	// APIVersions are added to .Capabilities.APIVersions.
	APIVersions []string
}

// Source renders charts with fixed options; it is a load.Renderer.
type Source struct{ Options Options }

// IsChart reports whether path is a chart: a folder with Chart.yaml or a
// .tgz archive.
func IsChart(path string, dir bool) bool {
	if !dir {
		return strings.HasSuffix(path, ".tgz") || strings.HasSuffix(path, ".tar.gz")
	}
	_, err := os.Stat(filepath.Join(path, "Chart.yaml"))
	return err == nil
}

// Claims implements load.Renderer.
func (s Source) Claims(path string, dir bool) bool { return IsChart(path, dir) }

// Render implements load.Renderer.
func (s Source) Render(ctx context.Context, chartPath string, limits load.Limits) ([]*load.Object, []load.Error) {
	limits = limits.WithDefaults()
	files, err := s.Options.render(ctx, chartPath, limits)
	if err != nil {
		return nil, []load.Error{errorOf(chartPath, err)}
	}
	var objs []*load.Object
	var errs []load.Error
	for _, f := range files {
		if ctx.Err() != nil {
			return objs, append(errs, load.Error{File: chartPath, Message: "not rendered: " + ctx.Err().Error()})
		}
		if len(bytes.TrimSpace(f.output)) == 0 || onlyComments(f.output) {
			continue // a template that renders nothing, as `helm template` skips it
		}
		o, e := load.Parse(f.file, f.output, limits)
		if f.origins.marked() {
			for _, obj := range o {
				obj.Source.Template = f.template
				obj.MapPositions(f.origins.at)
			}
			for i := range e {
				e[i].Message = fmt.Sprintf("rendered %s: %s", f.template, e[i].Message)
				p := f.origins.at(load.Position{Line: e[i].Line, Column: e[i].Column})
				e[i].Line, e[i].Column = p.Line, p.Column
			}
		} else {
			// No markers: the template was not instrumented (it does not
			// parse as text/template alone); its lines are aligned instead.
			lines := linemap.Align(string(f.source), string(f.output))
			for _, obj := range o {
				obj.Source.Template = f.template
				obj.MapLines(lines)
			}
			for i := range e {
				e[i].Message = fmt.Sprintf("rendered %s: %s", f.template, e[i].Message)
				e[i].Line = lines(e[i].Line)
				e[i].Column = 0
			}
		}
		objs = append(objs, o...)
		errs = append(errs, e...)
	}
	return objs, errs
}

// rendered is what one template wrote.
type rendered struct {
	template string // as helm names it: <chart>/templates/x.yaml, <chart>/charts/<dep>/templates/x.yaml
	file     string // where findings point: the template under the chart folder given
	source   []byte // the template's text
	output   []byte // markers removed
	origins  *origins
}

// fileError is a refusal that names a file of the chart other than the
// chart itself (its values.schema.json, say).
type fileError struct{ File, Message string }

func (e *fileError) Error() string { return e.File + ": " + e.Message }

// errorOf reports err against the file it names, if it names one.
func errorOf(chartPath string, err error) load.Error {
	var fe *fileError
	if errors.As(err, &fe) {
		return load.Error{File: fe.File, Message: fe.Message}
	}
	var ce *confine.Error
	if errors.As(err, &ce) {
		return load.Error{File: ce.Path, Message: ce.Reason}
	}
	return load.Error{File: chartPath, Message: err.Error()}
}

func (o Options) render(ctx context.Context, chartPath string, limits load.Limits) ([]rendered, error) {
	info, err := os.Stat(chartPath)
	if err != nil {
		return nil, &confine.Error{Path: chartPath, Reason: "cannot read the chart", Err: err}
	}
	ch, err := loadChart(chartPath, info.IsDir(), limits)
	if err != nil {
		return nil, err
	}
	if err := checkDependencies(ch); err != nil {
		return nil, err
	}
	if err := checkSchemaRefs(ch, chartPath); err != nil {
		return nil, err
	}
	vals, err := o.values(limits.MaxFileSize)
	if err != nil {
		return nil, err
	}
	if err := processDependencies(ch, vals); err != nil {
		return nil, fmt.Errorf("chart dependencies: %w", err)
	}
	caps := common.DefaultCapabilities.Copy()
	if o.KubeVersion != "" {
		kv, err := common.ParseKubeVersion(o.KubeVersion)
		if err != nil {
			return nil, fmt.Errorf("--kube-version: %w", err)
		}
		caps.KubeVersion = *kv
	}
	caps.APIVersions = append(caps.APIVersions, o.APIVersions...)
	opts := common.ReleaseOptions{Name: o.ReleaseName, Namespace: o.Namespace, Revision: 1, IsInstall: true}
	if opts.Name == "" {
		opts.Name = DefaultReleaseName
	}
	if opts.Namespace == "" {
		opts.Namespace = "default"
	}
	top, err := renderValues(ch, vals, opts, caps)
	if err != nil {
		return nil, err // names itself: "values don't meet the specifications…"
	}
	// After the values, as helm: a chart failing both reports its values.
	if ch.Metadata.KubeVersion != "" && !versionMatches(ch.Metadata.KubeVersion, caps.KubeVersion.String()) {
		return nil, fmt.Errorf("chart requires kubeVersion %s, which is incompatible with Kubernetes %s (--kube-version)", ch.Metadata.KubeVersion, caps.KubeVersion.Version)
	}
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("not rendered: %w", err)
	}
	sources := map[string][]byte{}
	collectTemplates(ch, sources) // as written: what findings are mapped back to
	ids := make(map[string]int, len(sources))
	for _, name := range sortedKeys(sources) {
		ids[name] = len(ids)
	}
	instrumentCharts(ch, ids)
	out, err := renderBounded(ctx, ch, top, limits.RenderTimeout, limits.MaxRenderedBytes)
	if err != nil {
		return nil, err
	}
	names := make([]string, 0, len(out))
	for name := range out {
		if strings.HasSuffix(name, "NOTES.txt") {
			continue
		}
		names = append(names, name)
	}
	sort.Strings(names)
	var files []rendered
	for _, name := range names {
		id, ok := ids[name]
		if !ok {
			id = -1
		}
		text, origins := unmark(out[name], id)
		files = append(files, rendered{
			template: name,
			file:     fileOf(chartPath, name),
			source:   sources[name],
			output:   []byte(text),
			origins:  origins,
		})
	}
	return files, nil
}

func sortedKeys(m map[string][]byte) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// fileOf names the template on disk: the chart name that starts every
// template name is the folder given (or, for an archive, the archive).
func fileOf(chartPath, template string) string {
	_, rest, _ := strings.Cut(template, "/")
	return filepath.Join(chartPath, filepath.FromSlash(rest))
}

// collectTemplates indexes every template of the chart and its
// dependencies by the name the engine gives its output.
func collectTemplates(ch *chart.Chart, into map[string][]byte) {
	for _, t := range ch.Templates {
		into[path.Join(ch.ChartFullPath(), t.Name)] = t.Data
	}
	for _, d := range ch.Dependencies() {
		collectTemplates(d, into)
	}
}

// checkDependencies fails, naming them, when dependencies of Chart.yaml are
// not vendored in charts/ (helm template refuses them too; kubeward never
// downloads them).
func checkDependencies(ch *chart.Chart) error {
	have := map[string]bool{}
	for _, d := range ch.Dependencies() {
		have[d.Name()] = true
	}
	var missing []string
	for _, d := range ch.Metadata.Dependencies {
		if !have[d.Name] {
			missing = append(missing, d.Name)
		}
	}
	if len(missing) > 0 {
		return fmt.Errorf("dependencies in Chart.yaml missing from charts/: %s (run `helm dependency build`)", strings.Join(missing, ", "))
	}
	return nil
}

// values merges the values files and --set flags the way helm does.
func (o Options) values(maxFile int64) (map[string]any, error) {
	base := map[string]any{}
	for _, f := range o.ValuesFiles {
		data, err := confine.ReadFile(f, maxFile)
		if err != nil {
			return nil, fmt.Errorf("values file: %w", err)
		}
		cur := map[string]any{}
		if err := sigsyaml.Unmarshal(data, &cur); err != nil {
			return nil, fmt.Errorf("values file %s: %w", f, err)
		}
		base = merge(base, cur)
	}
	for _, s := range o.Set {
		if err := strvals.ParseInto(s, base); err != nil {
			return nil, fmt.Errorf("--set %s: %w", s, err)
		}
	}
	for _, s := range o.SetString {
		if err := strvals.ParseIntoString(s, base); err != nil {
			return nil, fmt.Errorf("--set-string %s: %w", s, err)
		}
	}
	return base, nil
}

// merge is helm's values-file merge: maps merge key by key, anything else
// in b replaces a's.
func merge(a, b map[string]any) map[string]any {
	out := make(map[string]any, len(a))
	for k, v := range a {
		out[k] = v
	}
	for k, v := range b {
		if bm, ok := v.(map[string]any); ok {
			if am, ok := out[k].(map[string]any); ok {
				out[k] = merge(am, bm)
				continue
			}
		}
		out[k] = v
	}
	return out
}

func onlyComments(b []byte) bool {
	for _, line := range bytes.Split(b, []byte("\n")) {
		t := bytes.TrimSpace(line)
		if len(t) > 0 && t[0] != '#' && !bytes.Equal(t, []byte("---")) {
			return false
		}
	}
	return true
}
