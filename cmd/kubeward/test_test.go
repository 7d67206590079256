package main

import (
	"encoding/json"
	"encoding/xml"
	"os"
	"path/filepath"
	"regexp"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// guideDir is the example of docs/writing-policies.md.
var guideDir = filepath.Join("..", "..", "testdata", "guide", "my-policies")

// writeFiles writes name -> content under a new temporary folder.
func writeFiles(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, content := range files {
		p := filepath.Join(dir, name)
		require.NoError(t, os.MkdirAll(filepath.Dir(p), 0o755))
		require.NoError(t, os.WriteFile(p, []byte(content), 0o644))
	}
	return dir
}

const labelRule = `# METADATA
# title: Owner label
# custom:
#   id: T-001
#   severity: low
package kubeward.rules.t.owner

deny contains {"msg": "no owner label", "path": ["metadata", "labels"]} if {
	not input.metadata.labels.owner
}

deny contains {"msg": "owner must not be root", "path": ["metadata", "labels", "owner"]} if {
	input.metadata.labels.owner == "root"
}
`

// labelTests has one passing and one failing test; the failing one prints.
const labelTests = `package kubeward.rules.t.owner_test

import data.kubeward.rules.t.owner

test_missing_label_denied if {
	count(owner.deny) == 1 with input as {"metadata": {}}
}

test_owner_allowed if {
	print("checking the owner label")
	count(owner.deny) == 0 with input as {"metadata": {"labels": {}}}
}
`

func TestTestCommandRunsRegoTests(t *testing.T) {
	dir := writeFiles(t, map[string]string{"owner.rego": labelRule, "owner_test.rego": labelTests})

	r := kw(t, "test", dir)
	assert.Equal(t, exitFindings, r.code, r.stdout+r.stderr)
	assert.Contains(t, r.stdout, "data.kubeward.rules.t.owner_test.test_owner_allowed: FAIL")
	assert.Contains(t, r.stdout, "checking the owner label", "print output of a failing test is shown")
	assert.Contains(t, r.stdout, "PASS: 1/2")
	assert.Contains(t, r.stdout, "FAIL: 1/2")
	assert.NotContains(t, r.stdout, "test_missing_label_denied", "passing tests are listed only with --verbose")

	r = kw(t, "test", dir, "--run", "missing_label")
	assert.Equal(t, exitClean, r.code, r.stdout+r.stderr)
	assert.Contains(t, r.stdout, "PASS: 1/1")

	r = kw(t, "test", dir, "--verbose")
	assert.Equal(t, exitFindings, r.code)
	assert.Contains(t, r.stdout, "test_missing_label_denied: PASS")
	assert.Contains(t, r.stdout, "FAILURES")
	assert.Regexp(t, `\| Eval not input\.metadata\.labels\.owner`, r.stdout, "the trace of the failure")

	r = kw(t, "test", dir, "--run", "no_such_test")
	assert.Equal(t, exitError, r.code)
	assert.Contains(t, r.stderr, `no tests found in `+dir+` matching --run "no_such_test"`)
}

func TestTestCommandFormats(t *testing.T) {
	dir := writeFiles(t, map[string]string{"owner.rego": labelRule, "owner_test.rego": labelTests})

	r := kw(t, "test", dir, "--format", "json")
	assert.Equal(t, exitFindings, r.code)
	var rep struct {
		Summary struct {
			Tests, TestsFailed int
			Passed             bool
		}
		Tests []struct {
			Name, File, Result, Output string
			Line                       int
		}
	}
	require.NoError(t, json.Unmarshal([]byte(r.stdout), &rep), r.stdout)
	assert.Equal(t, 2, rep.Summary.Tests)
	assert.Equal(t, 1, rep.Summary.TestsFailed)
	assert.False(t, rep.Summary.Passed)
	require.Len(t, rep.Tests, 2)
	assert.Equal(t, "test_missing_label_denied", rep.Tests[0].Name)
	assert.Equal(t, "pass", rep.Tests[0].Result)
	assert.Equal(t, 5, rep.Tests[0].Line)
	assert.Equal(t, filepath.Join(dir, "owner_test.rego"), rep.Tests[0].File)
	assert.Equal(t, "fail", rep.Tests[1].Result)
	assert.Contains(t, rep.Tests[1].Output, "checking the owner label")

	r = kw(t, "test", dir, guideDir, "--format", "junit")
	assert.Equal(t, exitFindings, r.code)
	var ju struct {
		Tests    int `xml:"tests,attr"`
		Failures int `xml:"failures,attr"`
		Suites   []struct {
			Name  string `xml:"name,attr"`
			Cases []struct {
				Name    string `xml:"name,attr"`
				Failure *struct {
					Message string `xml:"message,attr"`
				} `xml:"failure"`
			} `xml:"testcase"`
		} `xml:"testsuite"`
	}
	require.NoError(t, xml.Unmarshal([]byte(r.stdout), &ju), r.stdout)
	assert.Equal(t, 6, ju.Tests, "2 + 3 Rego tests and the guide's suite")
	assert.Equal(t, 1, ju.Failures)
	require.Len(t, ju.Suites, 2)
	assert.Equal(t, "rego", ju.Suites[0].Name)
	assert.Equal(t, "fixtures", ju.Suites[1].Name)
	assert.Nil(t, ju.Suites[1].Cases[0].Failure)

	r = kw(t, "test", dir, "--format", "yaml")
	assert.Equal(t, exitError, r.code)
	assert.Contains(t, r.stderr, `unknown --format "yaml"`)
}

func TestTestCommandCoverage(t *testing.T) {
	dir := writeFiles(t, map[string]string{"owner.rego": labelRule, "owner_test.rego": labelTests})

	r := kw(t, "test", guideDir, "--coverage-min", "100")
	assert.Equal(t, exitClean, r.code, r.stdout+r.stderr)
	assert.Contains(t, r.stdout, "registry.rego: 100.0% (10/10 lines)")
	assert.Contains(t, r.stdout, "total: 100.0% (10/10 lines)")

	// The owner rule's second deny is never reached: its lines are not covered.
	r = kw(t, "test", dir, "--run", "missing_label", "--coverage", "--format", "json")
	assert.Equal(t, exitClean, r.code, r.stdout+r.stderr)
	var rep struct {
		Coverage struct {
			Percent float64
			Files   []struct {
				File       string
				NotCovered []string
			}
		}
	}
	require.NoError(t, json.Unmarshal([]byte(r.stdout), &rep))
	require.Len(t, rep.Coverage.Files, 1, "tests are not counted")
	assert.Equal(t, filepath.Join(dir, "owner.rego"), rep.Coverage.Files[0].File)
	assert.Equal(t, []string{"12-13"}, rep.Coverage.Files[0].NotCovered)
	assert.Less(t, rep.Coverage.Percent, 80.0)

	r = kw(t, "test", dir, "--run", "missing_label", "--coverage-min", "80")
	assert.Equal(t, exitFindings, r.code)
	assert.Regexp(t, `coverage \d+\.\d% is under --coverage-min 80`, r.stderr)
}

func TestTestCommandErrors(t *testing.T) {
	dir := writeFiles(t, map[string]string{
		"ok_test.rego": "package t_test\n\ntest_ok if true\n",
		"bad.rego":     "package t\n\nallow if {\n\tinput.x ==\n}\n",
	})
	r := kw(t, "test", dir)
	assert.Equal(t, exitError, r.code)
	assert.Regexp(t, regexp.QuoteMeta(filepath.Join(dir, "bad.rego"))+`:\d+:\d+: `, r.stderr, "a syntax error names file:line:col")

	dir = writeFiles(t, map[string]string{
		"net_test.rego": "package t_test\n\ntest_net if http.send({\"method\": \"GET\", \"url\": \"http://x\"}).status_code == 200\n",
	})
	r = kw(t, "test", dir)
	assert.Equal(t, exitError, r.code)
	assert.Contains(t, r.stderr, filepath.Join(dir, "net_test.rego")+":3:")
	assert.Contains(t, r.stderr, "http.send is not allowed")

	r = kw(t, "test", filepath.Join(t.TempDir(), "missing"))
	assert.Equal(t, exitError, r.code)
	assert.Contains(t, r.stderr, "cannot read policy folder: no such file or directory")

	r = kw(t, "test", writeFiles(t, map[string]string{"rule.rego": labelRule}))
	assert.Equal(t, exitError, r.code)
	assert.Contains(t, r.stderr, "no tests found in ")
}

func TestTestCommandFixtureSuites(t *testing.T) {
	deployment := `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: shop
  labels: {owner: root}
spec: {}
`
	dir := writeFiles(t, map[string]string{
		"owner.rego":                  labelRule,
		"suites/root/deployment.yaml": deployment,
		"suites/root/expected.yaml":   "description: root may not own things\nfindings:\n  - {rule: T-001, object: Deployment shop/web, line: 6}\n",
	})
	r := kw(t, "test", dir, "--verbose")
	assert.Equal(t, exitClean, r.code, r.stdout+r.stderr)
	assert.Contains(t, r.stdout, filepath.Join(dir, "suites", "root")+": PASS (root may not own things)")
	assert.Contains(t, r.stdout, "SUITES PASS: 1/1")

	// The suite's manifests are input, never policy data: lint --policy on
	// the folder does not read them.
	r = kw(t, "lint", "--policy", dir, filepath.Join(dir, "suites", "root", "deployment.yaml"))
	assert.Equal(t, exitFindings, r.code, r.stderr)

	require.NoError(t, os.WriteFile(filepath.Join(dir, "suites", "root", "expected.yaml"),
		[]byte("findings:\n  - {rule: T-001, object: Deployment shop/api}\n"), 0o644))
	r = kw(t, "test", dir)
	assert.Equal(t, exitFindings, r.code)
	assert.Contains(t, r.stdout, filepath.Join(dir, "suites", "root")+": FAIL\n"+
		"  - missing:    T-001 on Deployment shop/api\n"+
		"  + unexpected: T-001 on Deployment shop/web in deployment.yaml at line 6\n")
	assert.Contains(t, r.stdout, "SUITES FAIL: 1/1")
}

// TestTestCommandBundledLibrary runs the bundled library's own tests from its
// folder: the files on disk are tested, not the embedded copy (which would be
// loaded twice).
func TestTestCommandBundledLibrary(t *testing.T) {
	if testing.Short() {
		t.Skip("runs every test of the library")
	}
	r := kw(t, "test", filepath.Join("..", "..", "policies"), "--coverage")
	assert.Equal(t, exitClean, r.code, r.stderr)
	assert.Regexp(t, `(?m)^PASS: (\d+)/(\d+)$`, r.stdout)
	assert.NotContains(t, r.stdout, "FAIL")
	assert.Regexp(t, `(?m)^  total: \d+\.\d% \(\d+/\d+ lines\)$`, r.stdout)
	assert.Contains(t, r.stdout, filepath.Join("..", "..", "policies", "lib", "pods.rego")+": ")
}

// TestTestCommandTimeout: a test that would run for minutes is stopped at
// --timeout and counts as failed, the others still run.
func TestTestCommandTimeout(t *testing.T) {
	dir := writeFiles(t, map[string]string{"slow_test.rego": `package t_test

test_fast if true

test_slow if {
	count([x | some x in numbers.range(1, 100000000); x % 7 == 0]) > 0
}
`})
	r := kw(t, "test", dir, "--timeout", "200ms", "--format", "json")
	assert.Equal(t, exitFindings, r.code, r.stderr)
	var rep struct {
		Tests []struct{ Name, Result, Error string }
	}
	require.NoError(t, json.Unmarshal([]byte(r.stdout), &rep), r.stdout)
	require.Len(t, rep.Tests, 2)
	assert.Equal(t, "pass", rep.Tests[0].Result)
	assert.Equal(t, "error", rep.Tests[1].Result)
	assert.Contains(t, rep.Tests[1].Error, "timed out")
}
