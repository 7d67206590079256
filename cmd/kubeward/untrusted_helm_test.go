package main

import (
	"archive/tar"
	"bytes"
	"compress/gzip"
	"fmt"
	"net"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// A hostile chart, linted together with a plain manifest: each case must be
// an error naming the file (exit 2), the manifest must still be evaluated,
// and nothing the chart pointed at may show in any output.

// helmSecretToken stands for the bytes of a file outside the chart.
const helmSecretToken = "KUBEWARD-SECRET-TOKEN-5b1e"

// outsideChartSecret writes a file holding helmSecretToken in a folder of its own,
// outside every chart, and returns its path.
func outsideChartSecret(t *testing.T, name string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	require.NoError(t, os.WriteFile(p, []byte("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: leak}\ndata: {token: "+helmSecretToken+"}\n"), 0o644))
	return p
}

// hostileChart writes a chart named evil under a fresh folder with files
// (name -> content) and returns the chart's folder.
func hostileChart(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "evil")
	files["Chart.yaml"] = "apiVersion: v2\nname: evil\nversion: 0.1.0\n"
	for name, content := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		require.NoError(t, os.MkdirAll(filepath.Dir(p), 0o755))
		require.NoError(t, os.WriteFile(p, []byte(content), 0o644))
	}
	return dir
}

// lintHostileChart lints input beside the privileged manifest and checks what
// every case shares; it returns the report.
func lintHostileChart(t *testing.T, input string, flags ...string) jsonReport {
	t.Helper()
	args := append([]string{"lint", input, privilegedFile, "--format", "json"}, flags...)
	r := kw(t, args...)
	require.Equal(t, 2, r.code, "stdout:\n%s\nstderr:\n%s", r.stdout, r.stderr)
	assert.NotContains(t, r.stdout, helmSecretToken)
	assert.NotContains(t, r.stderr, helmSecretToken)
	rep := decodeReport(t, r.stdout)
	priv := findingsOf(rep, "KW-PSS-007")
	require.Len(t, priv, 1, "the plain manifest is still evaluated")
	assert.Equal(t, privilegedFile, priv[0].Location.File)
	return rep
}

// onlyChartError returns the one error of the report.
func onlyChartError(t *testing.T, rep jsonReport) (file, message string) {
	t.Helper()
	require.Len(t, rep.Errors, 1, "%+v", rep.Errors)
	return rep.Errors[0].File, rep.Errors[0].Message
}

const configMapTemplate = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ok\n"

func TestUntrustedHelmSymlinkedTemplateIsRefused(t *testing.T) {
	secret := outsideChartSecret(t, "secret.yaml")
	chart := hostileChart(t, map[string]string{"templates/cm.yaml": configMapTemplate})
	link := filepath.Join(chart, "templates", "leak.yaml")
	require.NoError(t, os.Symlink(secret, link))
	file, msg := onlyChartError(t, lintHostileChart(t, chart))
	assert.Equal(t, link, file)
	assert.Equal(t, "is a symbolic link to "+secret+", outside "+chart, msg)
}

func TestUntrustedHelmSymlinkedValuesIsRefused(t *testing.T) {
	secret := outsideChartSecret(t, "values.yaml")
	chart := hostileChart(t, map[string]string{"templates/cm.yaml": configMapTemplate + "data:\n  v: {{ toJson .Values | quote }}\n"})
	link := filepath.Join(chart, "values.yaml")
	require.NoError(t, os.Symlink(secret, link))
	file, msg := onlyChartError(t, lintHostileChart(t, chart))
	assert.Equal(t, link, file)
	assert.Equal(t, "is a symbolic link to "+secret+", outside "+chart, msg)
}

func TestUntrustedHelmLinkInsideTheChartIsFollowed(t *testing.T) {
	chart := hostileChart(t, map[string]string{"shared/cm.yaml": configMapTemplate})
	require.NoError(t, os.Symlink(filepath.Join("..", "shared", "cm.yaml"), filepath.Join(chart, "templates-cm.yaml")))
	require.NoError(t, os.MkdirAll(filepath.Join(chart, "templates"), 0o755))
	require.NoError(t, os.Rename(filepath.Join(chart, "templates-cm.yaml"), filepath.Join(chart, "templates", "cm.yaml")))
	r := kw(t, "lint", chart, "--format", "json", "--fail-on", "none")
	require.Equal(t, 0, r.code, r.stdout+r.stderr)
	assert.Equal(t, 1, decodeReport(t, r.stdout).Summary.Objects)
}

func TestUntrustedHelmValuesFlagLimits(t *testing.T) {
	chart := hostileChart(t, map[string]string{"templates/cm.yaml": configMapTemplate})
	big := filepath.Join(t.TempDir(), "big.yaml")
	require.NoError(t, os.WriteFile(big, []byte("a: "+strings.Repeat("x", 4096)+"\n# "+helmSecretToken+"\n"), 0o644))
	file, msg := onlyChartError(t, lintHostileChart(t, chart, "--values", big, "--max-file-size", "2048"))
	assert.Equal(t, big, file)
	assert.Equal(t, "is 4.0 KiB, larger than the 2 KiB limit", msg)
}

func TestUntrustedHelmSchemaRefOutsideTheChartIsRefused(t *testing.T) {
	for name, ref := range map[string]string{
		"relative": "../../secret.json",
		"absolute": "/SECRET",
		"file URL": "file:///SECRET",
	} {
		t.Run(name, func(t *testing.T) {
			secret := outsideChartSecret(t, "secret.json")
			chart := hostileChart(t, map[string]string{"templates/cm.yaml": configMapTemplate})
			// ../../secret.json from the chart is the secret's folder's file.
			ref := strings.ReplaceAll(ref, "/SECRET", secret)
			if name == "relative" {
				require.NoError(t, os.Rename(filepath.Dir(chart), filepath.Join(filepath.Dir(secret), "sub")))
				chart = filepath.Join(filepath.Dir(secret), "sub", "evil")
			}
			schema := fmt.Sprintf(`{"type": "object", "properties": {"a": {"$ref": %q}}}`, ref)
			require.NoError(t, os.WriteFile(filepath.Join(chart, "values.schema.json"), []byte(schema), 0o644))
			file, msg := onlyChartError(t, lintHostileChart(t, chart))
			assert.Equal(t, filepath.Join(chart, "values.schema.json"), file)
			why := map[string]string{"relative": "outside the chart", "absolute": "an absolute path", "file URL": "a URL"}[name]
			assert.Equal(t, fmt.Sprintf("$ref %q refused: %s; kubeward follows references only to the chart's own files", ref, why), msg)
		})
	}
}

func TestUntrustedHelmSchemaRefInsideTheChartIsFollowed(t *testing.T) {
	chart := hostileChart(t, map[string]string{
		"templates/cm.yaml":  configMapTemplate,
		"values.yaml":        "replicas: many\n",
		"values.schema.json": `{"type": "object", "properties": {"replicas": {"$ref": "schemas/count.json"}}}`,
		"schemas/count.json": `{"type": "integer"}`,
	})
	r := kw(t, "lint", chart, "--format", "json")
	require.Equal(t, 2, r.code, r.stdout+r.stderr)
	file, msg := onlyChartError(t, decodeReport(t, r.stdout))
	assert.Equal(t, chart, file)
	assert.Contains(t, msg, "- at '/replicas': Invalid type. Expected: integer, given: string")
}

// loopback is a listener on 127.0.0.1 that counts the connections it gets
// (and answers none of them: a server that hangs).
func loopback(t *testing.T) (addr string, connections *atomic.Int64) {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	connections = new(atomic.Int64)
	go func() {
		for {
			c, err := l.Accept()
			if err != nil {
				return
			}
			connections.Add(1)
			t.Cleanup(func() { c.Close() })
		}
	}()
	t.Cleanup(func() { l.Close() })
	return l.Addr().String(), connections
}

func TestUntrustedHelmSchemaRefToTheNetworkIsRefused(t *testing.T) {
	addr, connections := loopback(t)
	t.Run("URL", func(t *testing.T) {
		ref := "http://" + addr + "/schema.json"
		chart := hostileChart(t, map[string]string{
			"templates/cm.yaml":  configMapTemplate,
			"values.schema.json": fmt.Sprintf(`{"$ref": %q}`, ref),
		})
		file, msg := onlyChartError(t, lintHostileChart(t, chart))
		assert.Equal(t, filepath.Join(chart, "values.schema.json"), file)
		assert.Equal(t, fmt.Sprintf("$ref %q refused: a URL; kubeward follows references only to the chart's own files", ref), msg)
	})
	t.Run("relative to a network $id", func(t *testing.T) {
		chart := hostileChart(t, map[string]string{
			"templates/cm.yaml":  configMapTemplate,
			"values.schema.json": fmt.Sprintf(`{"$id": "http://%s/", "properties": {"a": {"$ref": "a.json"}}}`, addr),
		})
		file, msg := onlyChartError(t, lintHostileChart(t, chart))
		assert.Equal(t, chart, file)
		assert.Contains(t, msg, fmt.Sprintf("$ref http://%s/a.json refused: kubeward follows references only to the chart's own files", addr))
	})
	assert.Zero(t, connections.Load(), "no connection reached the listener")
}

func TestUntrustedHelmRenderingBombs(t *testing.T) {
	for name, c := range map[string]struct {
		template string
		flags    []string
		message  string
	}{
		"repeat": {
			template: `{{ repeat 100000000 "x" }}`,
			message:  `rendering stopped at evil/templates/bomb.yaml:1: repeat: output over the 64 MiB the chart may render (--max-rendered-bytes)`,
		},
		"until": {
			template: `{{ range until 100000000 }}x{{ end }}`,
			message:  `rendering stopped at evil/templates/bomb.yaml:1: until: output over the 64 MiB the chart may render (--max-rendered-bytes)`,
		},
		"untilStep": {
			template: `{{ range untilStep 0 1000000000 3 }}x{{ end }}`,
			message:  `rendering stopped at evil/templates/bomb.yaml:1: untilStep: output over the 64 MiB the chart may render (--max-rendered-bytes)`,
		},
		"seq": {
			template: `{{ seq 1000000000 }}`,
			message:  `rendering stopped at evil/templates/bomb.yaml:1: seq: output over the 64 MiB the chart may render (--max-rendered-bytes)`,
		},
		"huge output": {
			template: `{{ range 100000000 }}` + strings.Repeat("x", 100) + `{{ end }}`,
			flags:    []string{"--max-rendered-bytes", "1048576"},
			message:  `rendering stopped at evil/templates/bomb.yaml:1: output over the 1 MiB the chart may render (--max-rendered-bytes)`,
		},
		"recursive include": {
			template: `{{ define "a" }}{{ include "a" . }}{{ end }}{{ include "a" . }}`,
		},
		"doubling include": {
			// 2^40 calls, each within Helm's nesting limit: only time stops it.
			template: `{{ define "a" }}{{ if lt (len .) 40 }}{{ include "a" (append . 1) }}{{ include "a" (append . 1) }}{{ end }}{{ end }}{{ include "a" list }}`,
			flags:    []string{"--render-timeout", "1s"},
			message:  "rendering took longer than 1s (--render-timeout)",
		},
	} {
		t.Run(name, func(t *testing.T) {
			chart := hostileChart(t, map[string]string{"templates/bomb.yaml": c.template, "templates/cm.yaml": configMapTemplate})
			file, msg := onlyChartError(t, lintHostileChart(t, chart, c.flags...))
			assert.Equal(t, chart, file)
			if c.message == "" { // Helm's own nesting limit, its message shortened
				assert.True(t, strings.HasPrefix(msg, `rendering: template: evil/templates/bomb.yaml:1:`), msg)
				assert.True(t, strings.HasSuffix(msg, "rendering template has a nested reference name: a: unable to execute template"), msg)
				assert.Less(t, len(msg), 1000, msg)
				return
			}
			assert.Equal(t, c.message, msg)
		})
	}
}

func TestUntrustedHelmHasNoEnvironment(t *testing.T) {
	t.Setenv("KUBEWARD_TEST_SECRET", helmSecretToken)
	for fn, call := range map[string]string{"env": `env "KUBEWARD_TEST_SECRET"`, "expandenv": `expandenv "$KUBEWARD_TEST_SECRET"`} {
		t.Run(fn, func(t *testing.T) {
			chart := hostileChart(t, map[string]string{"templates/env.yaml": "{{ " + call + " }}"})
			file, msg := onlyChartError(t, lintHostileChart(t, chart))
			assert.Equal(t, chart, file)
			assert.Equal(t, fmt.Sprintf(`rendering: parse error at (evil/templates/env.yaml:1): function %q not defined`, fn), msg)
		})
	}
}

// tgz writes a gzipped tar of entries (name -> content, in order).
func tgz(t *testing.T, entries ...[2]string) string {
	t.Helper()
	var buf bytes.Buffer
	gz := gzip.NewWriter(&buf)
	tw := tar.NewWriter(gz)
	for _, e := range entries {
		require.NoError(t, tw.WriteHeader(&tar.Header{Name: e[0], Mode: 0o644, Size: int64(len(e[1])), Typeflag: tar.TypeReg}))
		_, err := tw.Write([]byte(e[1]))
		require.NoError(t, err)
	}
	require.NoError(t, tw.Close())
	require.NoError(t, gz.Close())
	p := filepath.Join(t.TempDir(), "evil-0.1.0.tgz")
	require.NoError(t, os.WriteFile(p, buf.Bytes(), 0o644))
	return p
}

var chartYAML = [2]string{"evil/Chart.yaml", "apiVersion: v2\nname: evil\nversion: 0.1.0\n"}

func TestUntrustedHelmArchiveTraversalIsRefused(t *testing.T) {
	for name, entry := range map[string]string{
		"parent":   "evil/templates/../../../../tmp/x.yaml",
		"dot-dot":  "../evil/templates/x.yaml",
		"absolute": "/etc/evil/templates/x.yaml",
	} {
		t.Run(name, func(t *testing.T) {
			archive := tgz(t, chartYAML, [2]string{entry, configMapTemplate})
			file, msg := onlyChartError(t, lintHostileChart(t, archive))
			assert.Equal(t, archive, file)
			want := fmt.Sprintf("%s: entry %q leaves the archive (\"..\")", archive, entry)
			if name == "absolute" {
				want = fmt.Sprintf("%s: entry %q has an absolute path", archive, entry)
			}
			assert.Equal(t, want, msg)
		})
	}
}

func TestUntrustedHelmArchiveLinkIsRefused(t *testing.T) {
	var buf bytes.Buffer
	gz := gzip.NewWriter(&buf)
	tw := tar.NewWriter(gz)
	require.NoError(t, tw.WriteHeader(&tar.Header{Name: chartYAML[0], Mode: 0o644, Size: int64(len(chartYAML[1]))}))
	_, err := tw.Write([]byte(chartYAML[1]))
	require.NoError(t, err)
	require.NoError(t, tw.WriteHeader(&tar.Header{Name: "evil/templates/leak.yaml", Typeflag: tar.TypeSymlink, Linkname: "/etc/passwd"}))
	require.NoError(t, tw.Close())
	require.NoError(t, gz.Close())
	archive := filepath.Join(t.TempDir(), "evil.tgz")
	require.NoError(t, os.WriteFile(archive, buf.Bytes(), 0o644))
	file, msg := onlyChartError(t, lintHostileChart(t, archive))
	assert.Equal(t, archive, file)
	assert.Equal(t, archive+`: entry "evil/templates/leak.yaml" is not a regular file (type '2'); chart archives hold only files`, msg)
}

func TestUntrustedHelmArchiveBombIsRefused(t *testing.T) {
	zeros := strings.Repeat("\x00", 4<<20) // 4 MiB of zeros: about 4 KiB compressed
	t.Run("one large entry", func(t *testing.T) {
		archive := tgz(t, chartYAML, [2]string{"evil/files/zeros", zeros})
		file, msg := onlyChartError(t, lintHostileChart(t, archive, "--max-file-size", "1048576"))
		assert.Equal(t, archive, file)
		assert.Equal(t, archive+"/files/zeros: is 4 MiB, larger than the 1 MiB limit (--max-file-size)", msg)
	})
	t.Run("many entries", func(t *testing.T) {
		entries := [][2]string{chartYAML}
		for i := range 3 {
			entries = append(entries, [2]string{fmt.Sprintf("evil/files/zeros%d", i), zeros})
		}
		archive := tgz(t, entries...)
		file, msg := onlyChartError(t, lintHostileChart(t, archive, "--max-rendered-bytes", "8388608"))
		assert.Equal(t, archive, file)
		assert.Equal(t, archive+"/files/zeros1: the chart's files exceed 8 MiB together (--max-rendered-bytes)", msg)
	})
	t.Run("nested archive", func(t *testing.T) {
		inner, err := os.ReadFile(tgz(t, [2]string{"sub/Chart.yaml", "apiVersion: v2\nname: sub\nversion: 0.1.0\n"}, [2]string{"sub/files/zeros", zeros}))
		require.NoError(t, err)
		archive := tgz(t, chartYAML, [2]string{"evil/charts/sub-0.1.0.tgz", string(inner)})
		file, msg := onlyChartError(t, lintHostileChart(t, archive, "--max-rendered-bytes", "2097152"))
		assert.Equal(t, archive, file)
		assert.Equal(t, archive+"/charts/sub-0.1.0.tgz/files/zeros: the chart's files exceed 2 MiB together (--max-rendered-bytes)", msg)
	})
}
