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
			l, err := engine.New(engine.Options{Helm: c.kw})
			require.NoError(t, err)
			inProcess := l.Lint(ctx, []string{filepath.Join(charts, "web")})
			require.Empty(t, inProcess.Errors)

			args := append([]string{"template"}, c.args...)
			args = append(args, filepath.Join(charts, "web"))
			out, err := exec.Command(bin, args...).Output()
			require.NoError(t, err)
			piped, err := engine.New(engine.Options{Stdin: bytes.NewReader(out)})
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
