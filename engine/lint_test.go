package engine_test

import (
	"context"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kubeward/kubeward/engine"
	"github.com/kubeward/kubeward/engine/load"
	"github.com/kubeward/kubeward/engine/policy"
)

var (
	bundledOnce   sync.Once
	bundledLinter *engine.Linter
	bundledErr    error
)

// bundled is one Linter with the whole library, shared by the tests: it is
// safe for concurrent use, which these tests also exercise.
func bundled(t *testing.T) *engine.Linter {
	t.Helper()
	bundledOnce.Do(func() { bundledLinter, bundledErr = engine.New(engine.Options{}) })
	require.NoError(t, bundledErr)
	return bundledLinter
}

func writeFile(t *testing.T, dir, name, text string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	require.NoError(t, os.MkdirAll(filepath.Dir(p), 0o755))
	require.NoError(t, os.WriteFile(p, []byte(text), 0o644))
	return p
}

func byRule(res *engine.Result, id string) []engine.Finding {
	var out []engine.Finding
	for _, f := range res.Findings {
		if f.Rule.ID == id {
			out = append(out, f)
		}
	}
	return out
}

const privilegedDeployment = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: shop
spec:
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
        - name: app
          image: registry.example.com/web:1.4.2
          securityContext:
            privileged: true
`

func TestFindingPointsAtTheField(t *testing.T) {
	dir := t.TempDir()
	p := writeFile(t, dir, "deploy.yaml", privilegedDeployment)
	res := bundled(t).Lint(context.Background(), []string{p})
	require.Empty(t, res.Errors)
	got := byRule(res, "KW-PSS-007")
	require.Len(t, got, 1)
	f := got[0]
	assert.Equal(t, engine.Location{File: p, Line: 17, Column: 13,
		Path: "spec.template.spec.containers[0].securityContext.privileged"}, f.Location)
	assert.Equal(t, load.Ref{APIVersion: "apps/v1", Kind: "Deployment", Namespace: "shop", Name: "web"}, f.Object)
	assert.Equal(t, "critical", f.Severity)
	assert.Equal(t, `container "app" sets securityContext.privileged=true; remove it or set it to false.`, f.Message)
}

func TestClusterExportReportsOnTheOwnerOnly(t *testing.T) {
	res := bundled(t).Lint(context.Background(), []string{"../testdata/cluster/deployment-export.yaml"})
	require.Empty(t, res.Errors)
	assert.Equal(t, 1, res.Objects)
	assert.Equal(t, 4, res.Owned, "the ReplicaSet and its three Pods")
	for _, f := range res.Findings {
		assert.Equal(t, "Deployment", f.Object.Kind, "finding %s on %v", f.Rule.ID, f.Object)
	}
	priv := byRule(res, "KW-PSS-007")
	require.Len(t, priv, 1)
	assert.Equal(t, 38, priv[0].Location.Line)
}

func TestOwnerInAnotherFileStillDeduplicates(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "a-deploy.yaml", privilegedDeployment)
	writeFile(t, dir, "b-rs.yaml", `apiVersion: apps/v1
kind: ReplicaSet
metadata:
  name: web-1
  namespace: shop
  ownerReferences: [{apiVersion: apps/v1, kind: Deployment, name: web, controller: true}]
spec:
  template:
    spec:
      containers: [{name: app, image: x, securityContext: {privileged: true}}]
`)
	res := bundled(t).Lint(context.Background(), []string{dir})
	assert.Len(t, byRule(res, "KW-PSS-007"), 1)
	assert.Equal(t, 1, res.Owned)
}

func TestSameFileTwiceIsOneProblem(t *testing.T) {
	p := writeFile(t, t.TempDir(), "deploy.yaml", privilegedDeployment)
	res := bundled(t).Lint(context.Background(), []string{p, p})
	assert.Len(t, byRule(res, "KW-PSS-007"), 1)
}

func TestErrorsDoNotStopOtherFiles(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "a.yaml", "apiVersion: v1\nkind: Pod\nmetadata: {name: a\n")
	writeFile(t, dir, "b.yaml", privilegedDeployment)
	res := bundled(t).Lint(context.Background(), []string{dir, filepath.Join(dir, "missing")})
	assert.Len(t, res.Errors, 2)
	assert.Len(t, byRule(res, "KW-PSS-007"), 1)
}

func TestProfilesSelectRules(t *testing.T) {
	l, err := engine.New(engine.Options{Profile: "pss-baseline"})
	require.NoError(t, err)
	for _, r := range l.Active() {
		assert.Contains(t, r.Profiles, "pss-baseline", r.ID)
		assert.True(t, strings.HasPrefix(r.ID, "KW-PSS-"), r.ID)
	}
	_, err = engine.New(engine.Options{Profile: "nope"})
	require.ErrorContains(t, err, `unknown profile "nope"`)
}

func TestUserPolicyWithLibraryHelpers(t *testing.T) {
	l, err := engine.New(engine.Options{Policy: policy.Options{PolicyDirs: []string{"../testdata/policies/custom"}}})
	require.NoError(t, err)
	dir := t.TempDir()
	p := writeFile(t, dir, "d.yaml", strings.Replace(privilegedDeployment, "privileged: true", "runAsUser: 0", 1))
	res := l.Lint(context.Background(), []string{p})
	require.Empty(t, res.Errors)
	got := byRule(res, "ACME-001")
	require.Len(t, got, 2)
	assert.Equal(t, "medium", got[0].Severity)
	assert.Equal(t, `container "app" runs as root (runAsUser 0); use a non-zero UID.`, got[1].Message)
	assert.Equal(t, 17, got[1].Location.Line)
	// Profiles named by user rules become selectable.
	l2, err := engine.New(engine.Options{Profile: "acme", Policy: policy.Options{PolicyDirs: []string{"../testdata/policies/custom"}}})
	require.NoError(t, err)
	require.Len(t, l2.Active(), 1)
}

func TestPolicyContractErrors(t *testing.T) {
	cases := map[string]string{
		"bad-id":       `../testdata/policies/bad-id/rule.rego:1: rule package kubeward.rules.bad.no_id: METADATA custom.id is missing`,
		"bad-severity": `../testdata/policies/bad-severity/rule.rego:1: rule BAD-002: custom.severity "urgent" is not one of critical, high, medium, low, info`,
		"network":      `../testdata/policies/network/rule.rego:9:2: http.send is not allowed`,
		"missing":      `../testdata/policies/missing: cannot read policy folder: no such file or directory`,
	}
	for dir, want := range cases {
		t.Run(dir, func(t *testing.T) {
			_, err := engine.New(engine.Options{Policy: policy.Options{PolicyDirs: []string{"../testdata/policies/" + dir}}})
			require.Error(t, err)
			assert.Contains(t, err.Error(), want)
		})
	}
}

func TestRuntimeErrorNamesTheRuleAndKeepsOtherFindings(t *testing.T) {
	l, err := engine.New(engine.Options{Policy: policy.Options{PolicyDirs: []string{"../testdata/policies/conflict"}}})
	require.NoError(t, err)
	p := writeFile(t, t.TempDir(), "d.yaml", privilegedDeployment)
	res := l.Lint(context.Background(), []string{p})
	require.Len(t, res.Errors, 1)
	assert.Contains(t, res.Errors[0].Message, "rule BAD-005 failed on Deployment shop/web:")
	assert.Contains(t, res.Errors[0].Message, "eval_conflict_error")
	assert.Equal(t, 1, res.Errors[0].Line)
	assert.Len(t, byRule(res, "KW-PSS-007"), 1)
}

func TestRunawayRuleIsStopped(t *testing.T) {
	l, err := engine.New(engine.Options{
		Timeout: 200 * time.Millisecond,
		Policy:  policy.Options{PolicyDirs: []string{"../testdata/policies/runaway"}},
	})
	require.NoError(t, err)
	dir := t.TempDir()
	p := writeFile(t, dir, "cm.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c, namespace: a}\n")
	start := time.Now()
	res := l.Lint(context.Background(), []string{p})
	require.Len(t, res.Errors, 1)
	assert.Equal(t, "rule BAD-004 failed on ConfigMap a/c: timed out after 200ms (limit --timeout)", res.Errors[0].Message)
	assert.Less(t, time.Since(start), 20*time.Second)
}

func TestConcurrentLints(t *testing.T) {
	l := bundled(t)
	p := writeFile(t, t.TempDir(), "d.yaml", privilegedDeployment)
	var wg sync.WaitGroup
	for i := 0; i < 8; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			res := l.Lint(context.Background(), []string{p})
			assert.Len(t, byRule(res, "KW-PSS-007"), 1)
		}()
	}
	wg.Wait()
}

// Every bundled rule's METADATA example triggers the rule, through the whole
// engine (with --complete for rules that need it), under a profile where the
// rule is active (an overridden rule is not active under "all").
func TestEveryRuleExampleTriggersItsRule(t *testing.T) {
	linters := map[string]*engine.Linter{}
	dataDir := t.TempDir()
	linterFor := func(r *policy.Rule) *engine.Linter {
		for _, p := range append([]string{policy.ProfileAll}, r.Profiles...) {
			key := p + "\x00" + r.ExampleData
			l, ok := linters[key]
			if !ok {
				opts := engine.Options{Complete: true, Profile: p}
				if r.ExampleData != "" {
					// Parameterised rules are silent with the defaults.
					opts.Policy.DataFiles = []string{writeFile(t, dataDir, r.ID+".data.yaml", r.ExampleData)}
				}
				var err error
				l, err = engine.New(opts)
				require.NoError(t, err)
				linters[key] = l
			}
			for _, a := range l.Active() {
				if a.ID == r.ID {
					return l
				}
			}
		}
		t.Fatalf("%s is active under no profile", r.ID)
		return nil
	}
	dir := t.TempDir()
	withExample := 0
	for _, r := range bundled(t).Library().Rules {
		ex := policy.Example(r)
		if ex == "" {
			continue
		}
		withExample++
		t.Run(r.ID, func(t *testing.T) {
			p := writeFile(t, dir, r.ID+".yaml", ex)
			res := linterFor(r).Lint(context.Background(), []string{p})
			require.Empty(t, res.Errors)
			assert.NotEmpty(t, byRule(res, r.ID), "the example of %s does not trigger it", r.ID)
		})
	}
	assert.Positive(t, withExample)
}

var usesComplete = regexp.MustCompile(`inventory\.complete|assumeComplete`)

// requiresComplete is what the report uses to say which rules were skipped;
// it is derived from the refs a rule reads (engine/policy), and this reads
// the bundled rules' source another way to check that derivation.
func TestRequiresCompleteMatchesTheCode(t *testing.T) {
	for _, r := range bundled(t).Library().Rules {
		src, err := os.ReadFile(filepath.Join("..", r.File))
		require.NoError(t, err)
		flag, _ := r.Custom["requiresComplete"].(bool)
		assert.Equal(t, usesComplete.Match(src), flag, "%s (%s): requiresComplete", r.ID, r.File)
	}
}

func TestIncompleteRunNamesSkippedRules(t *testing.T) {
	res := bundled(t).LintObjects(context.Background(), nil)
	for _, r := range res.SkippedIncomplete {
		assert.Equal(t, true, r.Custom["requiresComplete"])
	}
	complete, err := engine.New(engine.Options{Complete: true})
	require.NoError(t, err)
	assert.Empty(t, complete.LintObjects(context.Background(), nil).SkippedIncomplete)
}

// A rule that needs complete input is not evaluated without it, as the
// report says: this one would fire on every Deployment if it ran.
func TestIncompleteRunDoesNotEvaluateRulesNeedingCompleteInput(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "policy/absent.rego", `# METADATA
# title: Always
# description: Fires on every Deployment, but only in a complete run.
# custom:
#   id: ACME-COMPLETE
#   severity: low
#   kinds: [Deployment]
#   requiresComplete: true
#   remediation: None.
package kubeward.rules.acme.always

deny contains {"msg": "always", "path": ["metadata"]}
`)
	manifest := writeFile(t, dir, "d.yaml", privilegedDeployment)
	for _, complete := range []bool{false, true} {
		l, err := engine.New(engine.Options{Complete: complete, Policy: policy.Options{NoBuiltin: true, PolicyDirs: []string{filepath.Join(dir, "policy")}}})
		require.NoError(t, err)
		res := l.Lint(context.Background(), []string{manifest})
		require.Empty(t, res.Errors)
		if complete {
			assert.Len(t, byRule(res, "ACME-COMPLETE"), 1)
			assert.Empty(t, res.SkippedIncomplete)
			continue
		}
		assert.Empty(t, byRule(res, "ACME-COMPLETE"))
		require.Len(t, res.SkippedIncomplete, 1)
		assert.Equal(t, "ACME-COMPLETE", res.SkippedIncomplete[0].ID)
	}
}

func policyNone() policy.Options { return policy.Options{NoBuiltin: true} }

func TestDataFileOverridesRuleParameters(t *testing.T) {
	dir := t.TempDir()
	p := writeFile(t, dir, "d.yaml", privilegedDeployment)
	// Default: no allowed-registry list, so IMG-006 is silent.
	assert.Empty(t, byRule(bundled(t).Lint(context.Background(), []string{p}), "KW-IMG-006"))

	params := writeFile(t, dir, "params.yaml", "kubeward:\n  config:\n    allowedRegistries: [ghcr.io/acme]\n")
	l, err := engine.New(engine.Options{Policy: policy.Options{DataFiles: []string{params}}})
	require.NoError(t, err)
	got := byRule(l.Lint(context.Background(), []string{p}), "KW-IMG-006")
	require.Len(t, got, 1)
	assert.Contains(t, got[0].Message, "registry.example.com/web")

	bad := writeFile(t, dir, "bad.yaml", "- not a mapping\n")
	_, err = engine.New(engine.Options{Policy: policy.Options{DataFiles: []string{bad}}})
	assert.ErrorContains(t, err, "bad.yaml: a data file must hold a mapping at its top level")
}

// A field of the wrong type is a KW-SCH-002 finding at the field (the API
// server would refuse the object), and the object is still evaluated for
// everything else; with schema validation off it is an error, as before.
func TestWrongFieldTypeIsReportedAndTheObjectStillEvaluated(t *testing.T) {
	text := strings.Replace(privilegedDeployment, "privileged: true", "privileged: \"yes\"\n            runAsUser: 0", 1)
	p := writeFile(t, t.TempDir(), "d.yaml", text)
	res := bundled(t).Lint(context.Background(), []string{p})
	require.Empty(t, res.Errors)
	got := byRule(res, "KW-SCH-002")
	require.Len(t, got, 1)
	assert.Equal(t, engine.Location{File: p, Line: 17, Column: 13, Path: "spec.template.spec.containers[0].securityContext.privileged"}, got[0].Location)
	assert.Equal(t, `privileged must be a boolean, found a string ("yes")`, got[0].Message)
	assert.Empty(t, byRule(res, "KW-PSS-007"))
	assert.Len(t, byRule(res, "KW-PSS-018"), 1, "the rest of the object is still checked")

	l, err := engine.New(engine.Options{NoSchema: true})
	require.NoError(t, err)
	res = l.Lint(context.Background(), []string{p})
	require.Len(t, res.Errors, 1)
	assert.Equal(t, engine.Error{Stage: engine.StageLoad, File: p, Line: 17, Column: 13,
		Message: "invalid Deployment: spec.template.spec.containers[0].securityContext.privileged must be a boolean, found a string"}, res.Errors[0])
	assert.Empty(t, byRule(res, "KW-SCH-002"))
	assert.Len(t, byRule(res, "KW-PSS-018"), 1, "the rest of the object is still checked")
}

// TestOneLinterCompilesSeveralKindSets: each set of kinds compiles its own
// subset of the library, and a compile takes the parsed modules it is given,
// so a later subset that shares helper modules parses them again; the first
// subset, kept, still gives the same findings.
func TestOneLinterCompilesSeveralKindSets(t *testing.T) {
	dir := t.TempDir()
	deploy := writeFile(t, dir, "deploy.yaml", privilegedDeployment)
	role := writeFile(t, dir, "role.yaml", `apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata: {name: reader, namespace: shop}
rules:
  - apiGroups: [""]
    resources: [secrets]
    verbs: [get, list]
`)
	l, err := engine.New(engine.Options{})
	require.NoError(t, err)
	ctx := context.Background()
	first := l.Lint(ctx, []string{deploy})
	require.Empty(t, first.Errors)
	require.Len(t, byRule(first, "KW-PSS-007"), 1)

	res := l.Lint(ctx, []string{role})
	require.Empty(t, res.Errors)
	require.Len(t, byRule(res, "KW-RBAC-005"), 1)

	res = l.Lint(ctx, []string{deploy, role})
	require.Empty(t, res.Errors)
	assert.Len(t, byRule(res, "KW-PSS-007"), 1)
	assert.Len(t, byRule(res, "KW-RBAC-005"), 1)

	again := l.Lint(ctx, []string{deploy})
	assert.Equal(t, first.Findings, again.Findings)

	// The library still lists its modules after compiles took them.
	modules, err := l.Library().Modules()
	require.NoError(t, err)
	assert.Contains(t, modules, "policies/lib/inventory.rego")
}

// A short run is compiled and evaluated in one part per worker; the findings
// must be those of one part, whatever the number of parts and wherever the
// rules are cut.
func TestPartsGiveTheSameFindings(t *testing.T) {
	files, err := filepath.Glob("../testdata/examples/*.yaml")
	require.NoError(t, err)
	require.NotEmpty(t, files)
	lint := func(workers int, file string) *engine.Result {
		l, err := engine.New(engine.Options{Workers: workers})
		require.NoError(t, err)
		return l.Lint(context.Background(), []string{file})
	}
	total := 0
	for _, file := range files {
		one := lint(1, file)
		total += len(one.Findings)
		for _, workers := range []int{2, 3, 7} {
			many := lint(workers, file)
			assert.Equal(t, one.Findings, many.Findings, "%s with %d workers", file, workers)
			assert.Equal(t, one.Errors, many.Errors, "%s with %d workers", file, workers)
			assert.Equal(t, one.Objects, many.Objects)
		}
	}
	assert.Greater(t, total, 10, "the examples have findings to compare")
}

// TestOwnedPodComparedByContainerName: a sidecar injected before the
// template's container shifts its index; the template's container is still
// recognised by its name, and only the sidecar's finding is the Pod's. The
// ReplicaSet, a copy of the template, reports nothing.
func TestOwnedPodComparedByContainerName(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "export.yaml", privilegedDeployment+`---
apiVersion: apps/v1
kind: ReplicaSet
metadata:
  name: web-1
  namespace: shop
  ownerReferences: [{apiVersion: apps/v1, kind: Deployment, name: web, controller: true, uid: u1}]
spec:
  selector:
    matchLabels: {app: web, pod-template-hash: "1"}
  template:
    metadata:
      labels: {app: web, pod-template-hash: "1"}
    spec:
      containers:
        - name: app
          image: registry.example.com/web:1.4.2
          securityContext:
            privileged: true
---
apiVersion: v1
kind: Pod
metadata:
  name: web-1-a
  namespace: shop
  labels: {app: web, pod-template-hash: "1"}
  ownerReferences: [{apiVersion: apps/v1, kind: ReplicaSet, name: web-1, controller: true, uid: u2}]
spec:
  containers:
    - name: sidecar
      image: registry.example.com/web:1.4.2
      securityContext:
        privileged: true
    - name: app
      image: registry.example.com/web:1.4.2
      securityContext:
        privileged: true
`)
	res := bundled(t).Lint(context.Background(), []string{dir})
	require.Empty(t, res.Errors)
	priv := byRule(res, "KW-PSS-007")
	require.Len(t, priv, 2)
	var onPod []engine.Finding
	for _, f := range res.Findings {
		assert.NotEqual(t, "ReplicaSet", f.Object.Kind, f.Rule.ID)
		if f.Object.Kind == "Pod" {
			onPod = append(onPod, f)
			assert.Contains(t, f.Message, `container "sidecar"`, f.Rule.ID)
			assert.Equal(t, "spec.containers[0]", f.Location.Path[:len("spec.containers[0]")], f.Rule.ID)
		}
	}
	assert.NotEmpty(t, onPod)
	assert.Equal(t, 2, res.Owned)
}
