package lint_test

import (
	"bytes"
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kubeward/kubeward/engine"
	"github.com/kubeward/kubeward/engine/load"
	"github.com/kubeward/kubeward/engine/report"
	"github.com/kubeward/kubeward/engine/source"
	"github.com/kubeward/kubeward/engine/source/helm"
	"github.com/kubeward/kubeward/engine/source/kustomize"
	"github.com/kubeward/kubeward/lint"
)

var chart = filepath.Join("..", "testdata", "charts", "web")

// Charts are rendered only by the sources the caller gives: without them a
// chart folder is plain files (its templates are not YAML), with them it is
// what `helm template` gives, positions mapped to the templates.
func TestSourcesArePluggable(t *testing.T) {
	plain, err := lint.Run(context.Background(), lint.Config{Paths: []string{chart}})
	require.NoError(t, err)
	require.NotEmpty(t, plain.Errors, "templates read as YAML")
	for _, e := range plain.Errors {
		assert.Equal(t, lint.StageLoad, e.Stage, "%v", e)
	}

	rendered, err := lint.Run(context.Background(), lint.Config{
		Paths:   []string{chart},
		Sources: []source.Renderer{helm.Renderer(helm.Options{}), kustomize.Renderer()},
	})
	require.NoError(t, err)
	assert.Empty(t, rendered.Errors)
	require.NotEmpty(t, rendered.Findings)
	templates := map[string]bool{}
	for _, f := range rendered.Findings {
		templates[f.Location.Template] = true
	}
	assert.True(t, templates["web/templates/deployment.yaml"], "findings name the templates: %v", templates)
}

// A program that lints plain files through the facade links none of Helm,
// Kustomize or client-go (go list, as the docs say to check it).
func TestPlainFilesLinkNoSource(t *testing.T) {
	goTool, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go command")
	}
	for _, pkg := range []string{".", "../examples/plainfiles", "../engine", "../engine/report"} {
		out, err := exec.Command(goTool, "list", "-deps", pkg).CombinedOutput()
		require.NoError(t, err, "%s", out)
		for _, dep := range strings.Fields(string(out)) {
			for _, heavy := range []string{"helm.sh/", "sigs.k8s.io/kustomize/", "k8s.io/client-go/"} {
				assert.False(t, strings.HasPrefix(dep, heavy), "%s links %s", pkg, dep)
			}
		}
	}
}

// reader is a source that is no path: what a live-cluster read returns.
type reader struct{ asked []string }

func (r *reader) Read(_ context.Context, kinds []string, _ load.Limits) ([]*load.Object, []load.Error, error) {
	r.asked = kinds
	objs, errs := load.Parse("cluster://test/shop/pods", []byte(`apiVersion: v1
kind: Pod
metadata: {name: debug, namespace: shop}
spec:
  hostPID: true
  containers: [{name: sh, image: busybox:1.36}]
`), load.Limits{})
	return objs, append(errs, load.Error{File: "cluster://test/shop/secrets", Message: "forbidden"}), nil
}

// A Reader is linted as complete input, asked for the kinds the rules
// read; what it could not read is an error of the source stage.
func TestRunReader(t *testing.T) {
	r := &reader{}
	res, err := lint.Run(context.Background(), lint.Config{Reader: r, MinSeverity: "high"})
	require.NoError(t, err)
	assert.Contains(t, r.asked, "Pod")
	assert.Contains(t, r.asked, "NetworkPolicy", "cross-resource rules read it")
	ids := map[string]bool{}
	for _, f := range res.Findings {
		ids[f.Rule.ID] = true
	}
	assert.True(t, ids["KW-PSS-003"], "hostPID: %v", ids)
	require.Len(t, res.Errors, 1)
	assert.Equal(t, lint.StageSource, res.Errors[0].Stage)
	assert.Equal(t, "cluster://test/shop/secrets: forbidden", res.Errors[0].Error())
}

// Errors with no file name their stage, in the Go API and in every report
// format, where the fake files "(policies)", "(input)" and "(run)" were.
func TestErrorsNameTheirStage(t *testing.T) {
	empty := t.TempDir()
	res, err := lint.Run(context.Background(), lint.Config{Paths: []string{empty}})
	require.NoError(t, err)
	require.Len(t, res.Errors, 1)
	e := res.Errors[0]
	assert.Equal(t, lint.StageLoad, e.Stage)
	assert.Equal(t, engine.CodeEmpty, e.Code)
	assert.Empty(t, e.File)
	assert.True(t, strings.HasPrefix(e.Error(), "(load): no Kubernetes objects in "), e.Error())
	assert.True(t, res.Failed())

	for format, want := range map[string]string{
		"json":   `"file": "",`,
		"text":   "(load): error: no Kubernetes objects",
		"github": "::error::(load): no Kubernetes objects",
		"junit":  `<testsuite name="(load)"`,
		"sarif":  `"text": "(load): no Kubernetes objects`,
	} {
		var buf bytes.Buffer
		require.NoError(t, report.Write(&buf, format, &res.Result, report.Options{}))
		assert.Contains(t, buf.String(), want, format)
		if format == "json" {
			assert.Contains(t, buf.String(), `"stage": "load"`)
			assert.Contains(t, buf.String(), `"code": "empty-input"`)
		}
	}

	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	res, err = lint.Run(ctx, lint.Config{Paths: []string{"testdata/app/deploy.yaml"}})
	require.NoError(t, err)
	var stopped *lint.Error
	for i := range res.Errors {
		if res.Errors[i].Code == engine.CodeInterrupted {
			stopped = &res.Errors[i]
		}
	}
	require.NotNil(t, stopped, "%v", res.Errors)
	assert.Equal(t, lint.StageEvaluate, stopped.Stage)
	assert.ErrorIs(t, *stopped, context.Canceled)
}

// A run that cannot start returns one *lint.Error naming its stage and,
// for the configuration, its file and line.
func TestRunErrors(t *testing.T) {
	dir := t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(dir, "broken.rego"), []byte("package kubeward.broken\n\ndeny contains msg if {\n"), 0o644))
	_, err := lint.Run(context.Background(), lint.Config{Paths: []string{"testdata/app"}, Policies: []string{dir}})
	var le *lint.Error
	require.True(t, errors.As(err, &le), "%T %v", err, err)
	assert.Equal(t, lint.StagePolicy, le.Stage)
	assert.NotNil(t, errors.Unwrap(le))

	cfg := filepath.Join(t.TempDir(), ".kubeward.yaml")
	require.NoError(t, os.WriteFile(cfg, []byte("profile: all\nbundles: [x.tar.gz]\n"), 0o644))
	_, err = lint.Run(context.Background(), lint.Config{Paths: []string{"testdata/app"}, ConfigFile: cfg})
	require.True(t, errors.As(err, &le), "%T %v", err, err)
	assert.Equal(t, lint.StageFilter, le.Stage)
	assert.Equal(t, cfg, le.File)
	assert.Equal(t, 2, le.Line)

	require.NoError(t, os.WriteFile(cfg, []byte("failOn: hihg\n"), 0o644))
	_, err = lint.Run(context.Background(), lint.Config{Paths: []string{"testdata/app"}, ConfigFile: cfg})
	require.True(t, errors.As(err, &le), "%T %v", err, err)
	assert.Equal(t, cfg, le.File)
	assert.Equal(t, 1, le.Line)

	_, err = lint.Run(context.Background(), lint.Config{Paths: []string{"testdata/app"}, FailOn: "hihg"})
	require.True(t, errors.As(err, &le), "%T %v", err, err)
	assert.Contains(t, le.Error(), `failOn "hihg" is not a severity`)

	_, err = lint.Run(context.Background(), lint.Config{Paths: []string{"testdata/app"}, Objects: []any{map[string]any{}}})
	require.True(t, errors.As(err, &le), "%T %v", err, err)
	assert.Equal(t, lint.StageLoad, le.Stage)
}

// Write writes the CLI's formats; what it cannot write is an error of the
// report stage.
func TestWrite(t *testing.T) {
	res, err := lint.Run(context.Background(), lint.Config{Paths: []string{"testdata/app/deploy.yaml"}, MinSeverity: "critical"})
	require.NoError(t, err)
	var buf bytes.Buffer
	require.NoError(t, lint.Write(&buf, "text", res, report.Options{}))
	assert.Contains(t, buf.String(), "testdata/app/deploy.yaml:18:13: CRITICAL KW-PSS-007")

	err = lint.Write(&buf, "yaml", res, report.Options{})
	var le *lint.Error
	require.True(t, errors.As(err, &le), "%T %v", err, err)
	assert.Equal(t, lint.StageReport, le.Stage)
}
