package helm_test

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kubeward/kubeward/engine"
	"github.com/kubeward/kubeward/engine/load"
	"github.com/kubeward/kubeward/engine/source/helm"
)

var charts = filepath.Join("..", "..", "..", "testdata", "charts")

// helmBinary builds the Helm CLI of the version in go.mod (a `tool` of the
// module) once per machine, into the user cache, and returns its path
// (KUBEWARD_HELM names one built already).
func helmBinary(t *testing.T) string {
	t.Helper()
	if bin := os.Getenv("KUBEWARD_HELM"); bin != "" {
		return bin // a Helm CLI already built from the module proxy
	}
	if testing.Short() {
		t.Skip("-short: not building the Helm CLI (set KUBEWARD_HELM to use one)")
	}
	out, err := exec.Command("go", "list", "-m", "-f", "{{.Version}}", "helm.sh/helm/v4").Output()
	require.NoError(t, err)
	cache, err := os.UserCacheDir()
	if err != nil {
		cache = os.TempDir()
	}
	bin := filepath.Join(cache, "kubeward-test", "helm-"+string(bytes.TrimSpace(out)))
	if _, err := os.Stat(bin); err == nil {
		return bin
	}
	build := exec.Command("go", "build", "-o", bin, "helm.sh/helm/v4/cmd/helm")
	if msg, err := build.CombinedOutput(); err != nil {
		t.Fatalf("building the Helm CLI: %v\n%s", err, msg)
	}
	return bin
}

// key is what must agree between the two ways of linting a chart.
func keys(res *engine.Result) []string {
	var out []string
	for _, f := range res.Findings {
		o := f.Object
		out = append(out, f.Rule.ID+" "+o.Kind+" "+o.Namespace+"/"+o.Name+" "+f.Location.Template)
	}
	sort.Strings(out)
	return out
}

// TestRenderMatchesHelmTemplate: a chart rendered in-process and the same
// chart piped in from `helm template` give the same findings.
func TestRenderMatchesHelmTemplate(t *testing.T) {
	bin := helmBinary(t)
	cases := map[string]struct {
		kw   helm.Options
		args []string
	}{
		"defaults": {},
		"values and dependency": {
			kw:   helm.Options{ValuesFiles: []string{filepath.Join(charts, "web", "values-prod.yaml")}, ReleaseName: "shop", Namespace: "shop"},
			args: []string{"shop", "--values", filepath.Join(charts, "web", "values-prod.yaml"), "--namespace", "shop"},
		},
		"set": {
			kw:   helm.Options{Set: []string{"agent.privileged=true", "cache.enabled=true"}, SetString: []string{"image.tag=2"}},
			args: []string{"--set", "agent.privileged=true,cache.enabled=true", "--set-string", "image.tag=2"},
		},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			ctx := context.Background()
			l, err := engine.New(engine.Options{Renderers: []load.Renderer{helm.Renderer(c.kw)}, Namespace: c.kw.Namespace})
			require.NoError(t, err)
			inProcess := l.Lint(ctx, []string{filepath.Join(charts, "web")})
			require.Empty(t, inProcess.Errors)

			args := append([]string{"template"}, c.args...)
			args = append(args, filepath.Join(charts, "web"))
			out, err := exec.Command(bin, args...).Output()
			require.NoError(t, err)
			// Piped output is applied into the same namespace (kubeward lint - -n).
			piped, err := engine.New(engine.Options{Stdin: bytes.NewReader(out), Namespace: c.kw.Namespace})
			require.NoError(t, err)
			viaCLI := piped.Lint(ctx, []string{"-"})
			require.Empty(t, viaCLI.Errors)

			require.NotEmpty(t, keys(inProcess))
			assert.Equal(t, keys(viaCLI), keys(inProcess))
			assert.Equal(t, viaCLI.Objects, inProcess.Objects)
		})
	}
}

// TestCorpusRenderedCharts lints the `helm template` output of the shared
// corpus (KUBEWARD_CORPUS): every chart loads and evaluates without errors.
func TestCorpusRenderedCharts(t *testing.T) {
	dir := os.Getenv("KUBEWARD_CORPUS")
	if dir == "" {
		dir = filepath.Join("..", "..", "..", "..", "shared", "corpus")
	} else if !filepath.IsAbs(dir) {
		dir = filepath.Join("..", "..", "..", dir)
	}
	dir = filepath.Join(dir, "helm")
	if _, err := os.Stat(dir); err != nil {
		t.Skipf("corpus not found at %s (set KUBEWARD_CORPUS): skipping", dir)
	}
	l, err := engine.New(engine.Options{})
	require.NoError(t, err)
	start := time.Now()
	res := l.Lint(context.Background(), []string{dir})
	for _, e := range res.Errors {
		t.Errorf("error on the corpus: %s", e.Error())
	}
	t.Logf("%d charts, %d objects, %d findings, %d errors in %s", res.Files, res.Objects, len(res.Findings), len(res.Errors), time.Since(start).Round(time.Millisecond))
}

// TestValuesMatchHelmTemplate: kubeward's own values, dependency, schema
// and kubeVersion handling (values.go, deps.go, schema.go) renders what
// `helm template` renders. The fixture templates write what they see
// (testdata/charts/README.md), so equal objects mean equal values.
func TestValuesMatchHelmTemplate(t *testing.T) {
	bin := helmBinary(t)
	fixtures := filepath.Join("testdata", "charts")
	umbrella := filepath.Join(fixtures, "umbrella")
	override := filepath.Join(umbrella, "values-override.yaml")
	cases := []struct {
		name, chart string
		kw          helm.Options
		args        []string
		// fails: both must refuse the chart, with an error containing each of these.
		fails []string
	}{
		{name: "umbrella defaults", chart: umbrella},
		{
			name: "umbrella nulls, tags, sections", chart: umbrella,
			kw:   helm.Options{ValuesFiles: []string{override}, ReleaseName: "rel", Namespace: "ns"},
			args: []string{"rel", "--values", override, "--namespace", "ns"},
		},
		{
			name: "umbrella alias on, subchart keys set", chart: umbrella,
			kw:   helm.Options{Set: []string{"second.enabled=true", "child.replicas=7", "second.labels.extra=x", "global.env=qa", "child.dropped=null", "exporter.config.level=user"}},
			args: []string{"--set", "second.enabled=true,child.replicas=7,second.labels.extra=x,global.env=qa,child.dropped=null,exporter.config.level=user"},
		},
		{
			name: "umbrella condition falls back to a global", chart: umbrella,
			kw:   helm.Options{Set: []string{"global.childEnabled=false", "tags.optional=true", "extra.x=null"}},
			args: []string{"--set", "global.childEnabled=false,tags.optional=true,extra.x=null"},
		},
		{
			name: "umbrella nested condition off, explicit condition wins", chart: umbrella,
			kw:   helm.Options{Set: []string{"child.grandchild.enabled=false", "child.enabled=true", "global.childEnabled=false"}, SetString: []string{"global.shared.zone=9"}},
			args: []string{"--set", "child.grandchild.enabled=false,child.enabled=true,global.childEnabled=false", "--set-string", "global.shared.zone=9"},
		},
		{
			name: "umbrella subchart section not a map", chart: umbrella,
			kw:    helm.Options{Set: []string{"child=x"}},
			args:  []string{"--set", "child=x"},
			fails: []string{"child"},
		},
		{name: "schema valid", chart: filepath.Join(fixtures, "schema")},
		{
			name: "schema violated at the top", chart: filepath.Join(fixtures, "schema"),
			kw:    helm.Options{SetString: []string{"replicaCount=two"}},
			args:  []string{"--set-string", "replicaCount=two"},
			fails: []string{"schema:", "replicaCount"},
		},
		{
			name: "schema violated in a subchart", chart: filepath.Join(fixtures, "schema"),
			kw:    helm.Options{Set: []string{"db.port=70000", "image=null"}},
			args:  []string{"--set", "db.port=70000,image=null"},
			fails: []string{"db:", "port", "schema:", "image"},
		},
		{
			name: "kubeVersion met", chart: filepath.Join(fixtures, "kubeversion"),
			kw:   helm.Options{KubeVersion: "1.32.1"},
			args: []string{"--kube-version", "1.32.1"},
		},
		{
			name: "kubeVersion not met", chart: filepath.Join(fixtures, "kubeversion"),
			kw:    helm.Options{KubeVersion: "1.30.0"},
			args:  []string{"--kube-version", "1.30.0"},
			fails: []string{"kubeVersion", ">= 1.31.0-0", "v1.30.0"},
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			// Helm's default Kubernetes version is v1.20.0 in test binaries
			// and follows client-go's version in others (the CLI): name one.
			if c.kw.KubeVersion == "" {
				c.kw.KubeVersion = "1.33.0"
				c.args = append(c.args, "--kube-version", "1.33.0")
			}
			objs, errs := helm.Source{Options: c.kw}.Render(context.Background(), c.chart, load.DefaultLimits())

			cmd := exec.Command(bin, append(append([]string{"template"}, c.args...), c.chart)...)
			var stderr bytes.Buffer
			cmd.Stderr = &stderr
			out, err := cmd.Output()

			if c.fails != nil {
				require.Error(t, err, "helm template must fail:\n%s", out)
				require.Len(t, errs, 1)
				for _, want := range c.fails {
					assert.Contains(t, stderr.String(), want, "helm's error")
					assert.Contains(t, errs[0].Message, want, "kubeward's error")
				}
				return
			}
			require.NoError(t, err, stderr.String())
			require.Empty(t, errs)
			viaCLI, perrs := load.Parse("helm-template.yaml", out, load.DefaultLimits())
			require.Empty(t, perrs)
			require.NotEmpty(t, viaCLI)
			want, got := rendered(viaCLI), rendered(objs)
			for name, w := range want {
				assert.Equal(t, w, got[name], name)
			}
			assert.Len(t, got, len(want), "objects rendered")
		})
	}
}

// rendered keys each object's content by its name (the template's path).
func rendered(objs []*load.Object) map[string]string {
	out := map[string]string{}
	for _, o := range objs {
		out[o.Name] = o.Value.String()
	}
	return out
}
