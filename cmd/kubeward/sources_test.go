package main

import (
	"archive/tar"
	"compress/gzip"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Charts and kustomizations live in testdata/charts and testdata/kustomize
// (see the README in each).

func chartPath(parts ...string) string {
	return filepath.Join(append([]string{"..", "..", "testdata", "charts"}, parts...)...)
}

// objectsWith returns "Kind/name" of the objects rule id found something in.
func objectsWith(rep jsonReport, id string) []string {
	var out []string
	for _, f := range findingsOf(rep, id) {
		out = append(out, f.Object.Kind+"/"+f.Object.Name)
	}
	sort.Strings(out)
	return out
}

func TestHelmChartDefaults(t *testing.T) {
	r := kw(t, "lint", chartPath("web"), "--format", "json", "--fail-on", "none")
	require.Equal(t, 0, r.code, r.stderr)
	rep := decodeReport(t, r.stdout)
	assert.Equal(t, 3, rep.Summary.Objects, "Deployment, DaemonSet, Service; the cache dependency is off")
	assert.Empty(t, findingsOf(rep, "KW-PSS-007"), "agent.privileged is false by default")
	assert.Equal(t, []string{"Deployment/release-name-web"}, objectsWith(rep, "KW-WRK-008"), "one replica")
	for _, f := range rep.Findings {
		assert.True(t, strings.HasPrefix(f.Location.Template, "web/templates/"), f.Location.Template)
		assert.Equal(t, filepath.Join(chartPath(), filepath.FromSlash(f.Location.Template)), f.Location.File)
	}
}

func TestHelmValuesFileAndVendoredDependency(t *testing.T) {
	r := kw(t, "lint", chartPath("web"), "--values", chartPath("web", "values-prod.yaml"),
		"--release-name", "shop", "--format", "json", "--fail-on", "none")
	require.Equal(t, 0, r.code, r.stderr)
	rep := decodeReport(t, r.stdout)
	assert.Equal(t, 4, rep.Summary.Objects, "the vendored cache chart is enabled by values-prod.yaml")
	// replicaCount: 3 from the values file silences the single-replica rule on the Deployment.
	assert.Equal(t, []string{"StatefulSet/shop-cache"}, objectsWith(rep, "KW-WRK-008"))
	host := findingsOf(rep, "KW-PSS-003")
	require.Len(t, host, 1)
	assert.Equal(t, "web/charts/cache/templates/statefulset.yaml", host[0].Location.Template)
	assert.Equal(t, chartPath("web", "charts", "cache", "templates", "statefulset.yaml"), host[0].Location.File)
	assert.Equal(t, 15, host[0].Location.Line, "hostNetwork: {{ .Values.hostNetwork }}")
}

func TestHelmPrivilegedTemplateIsNamed(t *testing.T) {
	for name, flags := range map[string][]string{
		"values file": {"--values", chartPath("web", "values-prod.yaml")},
		"set":         {"--set", "agent.privileged=true"},
	} {
		t.Run(name, func(t *testing.T) {
			args := append([]string{"lint", chartPath("web"), "--format", "json"}, flags...)
			r := kw(t, args...)
			require.Equal(t, 1, r.code, r.stderr)
			priv := findingsOf(decodeReport(t, r.stdout), "KW-PSS-007")
			require.Len(t, priv, 1)
			assert.Equal(t, "DaemonSet", priv[0].Object.Kind)
			assert.Equal(t, "web/templates/agent.yaml", priv[0].Location.Template)
			assert.Equal(t, chartPath("web", "templates", "agent.yaml"), priv[0].Location.File)
			assert.Equal(t, 22, priv[0].Location.Line, "the `privileged: true` line of the template")
		})
	}
}

func TestHelmSetStringAndNamespace(t *testing.T) {
	// --set-string keeps "true" a string; the template's `if` takes any
	// non-empty string. -n is .Release.Namespace, which the Service uses.
	r := kw(t, "lint", chartPath("web"), "--set-string", "agent.privileged=true", "-n", "shop", "--format", "json")
	rep := decodeReport(t, r.stdout)
	require.Len(t, findingsOf(rep, "KW-PSS-007"), 1, r.stdout)
	var namespaces []string
	for _, f := range rep.Findings {
		if f.Object.Kind == "Service" {
			namespaces = append(namespaces, f.Object.Namespace)
		}
	}
	require.NotEmpty(t, namespaces, "a Service rule fires on the chart's Service")
	assert.Equal(t, "shop", namespaces[0])
}

func TestHelmMissingDependencyIsNamed(t *testing.T) {
	r := kw(t, "lint", chartPath("missing-dep"))
	assert.Equal(t, 2, r.code)
	assert.Contains(t, r.stdout, chartPath("missing-dep")+": error: dependencies in Chart.yaml missing from charts/: db")
}

func TestHelmSchemaViolationIsNamed(t *testing.T) {
	// A fixture of engine/source/helm (its README): values.schema.json at the
	// top and in subchart db.
	chart := filepath.Join("..", "..", "engine", "source", "helm", "testdata", "charts", "schema")
	r := kw(t, "lint", chart, "--set", "db.port=70000")
	assert.Equal(t, 2, r.code)
	assert.Contains(t, r.stdout, "values don't meet the specifications of the schema(s) in the following chart(s):")
	assert.Contains(t, r.stdout, "db:")
	assert.Contains(t, r.stdout, "/port")
}

func TestHelmChartFoldersAreRenderedWhenWalking(t *testing.T) {
	// The folder holds two charts: templates are never read as plain YAML
	// (they would not parse), each chart is rendered once.
	r := kw(t, "lint", chartPath(), "--format", "json", "--fail-on", "none")
	rep := decodeReport(t, r.stdout)
	require.Len(t, rep.Errors, 1, r.stdout)
	assert.Contains(t, rep.Errors[0].Message, "missing from charts/: db")
	assert.Equal(t, 3, rep.Summary.Objects)
}

func TestHelmChartArchive(t *testing.T) {
	tgz := filepath.Join(t.TempDir(), "web-0.1.0.tgz")
	writeChartArchive(t, chartPath("web"), "web", tgz)
	r := kw(t, "lint", tgz, "--set", "agent.privileged=true", "--format", "json")
	require.Equal(t, 1, r.code, r.stdout)
	priv := findingsOf(decodeReport(t, r.stdout), "KW-PSS-007")
	require.Len(t, priv, 1)
	assert.Equal(t, "web/templates/agent.yaml", priv[0].Location.Template)
	assert.Equal(t, filepath.Join(tgz, "templates", "agent.yaml"), priv[0].Location.File)
}

// writeChartArchive packs dir as `helm package` does: every file under name/.
func writeChartArchive(t *testing.T, dir, name, out string) {
	t.Helper()
	f, err := os.Create(out)
	require.NoError(t, err)
	gz := gzip.NewWriter(f)
	tw := tar.NewWriter(gz)
	require.NoError(t, filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		if err := tw.WriteHeader(&tar.Header{Name: name + "/" + filepath.ToSlash(rel), Mode: 0o644, Size: int64(len(data))}); err != nil {
			return err
		}
		_, err = tw.Write(data)
		return err
	}))
	require.NoError(t, tw.Close())
	require.NoError(t, gz.Close())
	require.NoError(t, f.Close())
}

func kustomizePath(parts ...string) string {
	return filepath.Join(append([]string{"..", "..", "testdata", "kustomize"}, parts...)...)
}

func TestKustomizePatchNamesThePatchFile(t *testing.T) {
	r := kw(t, "lint", kustomizePath("overlays", "prod"), "--format", "json")
	require.Equal(t, 1, r.code, r.stderr)
	rep := decodeReport(t, r.stdout)
	assert.Equal(t, 3, rep.Summary.Objects, "Deployment, Service, generated ConfigMap")
	priv := findingsOf(rep, "KW-PSS-007")
	require.Len(t, priv, 1, r.stdout)
	assert.Equal(t, kustomizePath("overlays", "prod", "patch-privileged.yaml"), priv[0].Location.File, "the patch that set it")
	assert.Equal(t, "prod", priv[0].Object.Namespace, "the overlay's namespace")
	assert.Equal(t, 11, priv[0].Location.Line)
	assert.Equal(t, 13, priv[0].Location.Column)
	for _, f := range rep.Findings {
		assert.NotContains(t, f.Message, "config.kubernetes.io/origin")
	}
}

func TestKustomizeBaseIsClean(t *testing.T) {
	r := kw(t, "lint", kustomizePath("base"), "--format", "json", "--fail-on", "none")
	require.Equal(t, 0, r.code, r.stderr)
	rep := decodeReport(t, r.stdout)
	assert.Empty(t, findingsOf(rep, "KW-PSS-007"))
	for _, f := range rep.Findings {
		assert.Contains(t, []string{kustomizePath("base", "deployment.yaml"), kustomizePath("base", "service.yaml")}, f.Location.File)
	}
}

func TestKustomizeRefusesRemoteAndHelm(t *testing.T) {
	r := kw(t, "lint", kustomizePath("overlays", "remote"))
	assert.Equal(t, 2, r.code)
	assert.Contains(t, r.stdout, kustomizePath("overlays", "remote", "kustomization.yaml")+`:3:5: error: remote resource "https://github.com/example/manifests//deploy?ref=v1.0.0" refused`)
	r = kw(t, "lint", kustomizePath("overlays", "helm"))
	assert.Equal(t, 2, r.code)
	assert.Contains(t, r.stdout, kustomizePath("overlays", "helm", "kustomization.yaml")+":1:1: error: helmCharts in a kustomization are not rendered")
}

// -n's help mentions --cluster only where there is one: lint, not parse
// or explain (issue 25).
func TestNamespaceHelpPerCommand(t *testing.T) {
	nLine := func(args ...string) string {
		r := kw(t, args...)
		require.Equal(t, exitClean, r.code, r.stderr)
		for _, l := range strings.Split(r.stdout, "\n") {
			if strings.Contains(l, "-n, --namespace") {
				return l
			}
		}
		t.Fatalf("%v: no -n in the help:\n%s", args, r.stdout)
		return ""
	}
	assert.Contains(t, nLine("lint", "--help"), "--cluster")
	for _, cmd := range []string{"parse", "explain"} {
		l := nLine(cmd, "--help")
		assert.NotContains(t, l, "--cluster", cmd)
		assert.Contains(t, l, "the release namespace of charts", cmd)
	}
}
