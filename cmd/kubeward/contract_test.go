package main

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const contractHead = `# METADATA
# title: Replicas
# custom:
#   id: ACME-REPLICAS
#   severity: medium
package kubeward.rules.acme.replicas

`

func deployments(t *testing.T, n int) []string {
	t.Helper()
	files := map[string]string{}
	var paths []string
	for i := range n {
		name := "web" + string(rune('a'+i))
		files[name+".yaml"] = "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: " + name + "\nspec:\n  replicas: 1\n"
	}
	dir := writeFiles(t, files)
	for name := range files {
		paths = append(paths, filepath.Join(dir, name))
	}
	return paths
}

// TestPolicyContractAtLoad: what a rule returns is checked against the
// policy contract where the source says it, so that a path written as a
// dotted string (or a msg that is no string) is refused at load, at its
// file:line, before any object is read.
func TestPolicyContractAtLoad(t *testing.T) {
	objs := deployments(t, 1)
	cases := map[string]struct {
		rule  string
		where string
		says  string
	}{
		"path string in the head": {
			rule:  "deny contains {\"msg\": \"too few replicas\", \"path\": \"spec.replicas\"} if {\n\tinput.spec.replicas < 2\n}\n",
			where: "replicas.rego:8:", says: `deny returns a path that is a string: the policy contract wants an array of keys and indexes, e.g. ["spec", "replicas"]`,
		},
		"path string assigned in the body": {
			rule:  "deny contains result if {\n\tinput.spec.replicas < 2\n\tresult := {\"msg\": \"too few replicas\", \"path\": \"spec.replicas\"}\n}\n",
			where: "replicas.rego:10:", says: "deny returns a path that is a string",
		},
		"msg a number": {
			rule:  "deny contains {\"msg\": 2, \"path\": [\"spec\", \"replicas\"]} if {\n\tinput.spec.replicas < 2\n}\n",
			where: "replicas.rego:8:", says: "deny returns a msg that is a number, not a string",
		},
		"no msg": {
			rule:  "deny contains {\"path\": [\"spec\", \"replicas\"]} if {\n\tinput.spec.replicas < 2\n}\n",
			where: "replicas.rego:8:", says: "deny returns an object without msg",
		},
		"fractional index": {
			rule:  "deny contains {\"msg\": \"x\", \"path\": [\"spec\", 0.5]} if {\n\tinput.spec.replicas < 2\n}\n",
			where: "replicas.rego:8:", says: "deny returns a path with the step 0.5, which is not an integer index",
		},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			dir := writeFiles(t, map[string]string{"acme/replicas.rego": contractHead + c.rule})
			r := kw(t, "lint", "--policy", filepath.Join(dir, "acme"), objs[0])
			assert.Equal(t, exitError, r.code, r.stdout)
			assert.Contains(t, r.stderr, filepath.Join(dir, "acme", c.where))
			assert.Contains(t, r.stderr, c.says)
			assert.Empty(t, r.stdout, "refused at load: no object was evaluated")
		})
	}

	// conftest rules have no path in their contract, but a msg.
	dir := writeFiles(t, map[string]string{"p/main.rego": "package main\n\nwarn contains {\"msg\": [\"x\"]} if {\n\tinput.kind == \"Deployment\"\n}\n"})
	r := kw(t, "lint", "--policy", filepath.Join(dir, "p"), "--profile", "conftest", objs[0])
	assert.Equal(t, exitError, r.code, r.stdout)
	assert.Contains(t, r.stderr, filepath.Join(dir, "p", "main.rego")+":3:")
	assert.Contains(t, r.stderr, "warn returns a msg that is an array, not a string")

	// A right one loads and runs.
	dir = writeFiles(t, map[string]string{"acme/replicas.rego": contractHead + "deny contains {\"msg\": \"too few replicas\", \"path\": [\"spec\", \"replicas\"]} if {\n\tinput.spec.replicas < 2\n}\n"})
	r = kw(t, "lint", "--policy", filepath.Join(dir, "acme"), "--profile", "all", "--format", "json", objs[0])
	require.Equal(t, exitFindings, r.code, r.stderr)
	found := findingsOf(decodeReport(t, r.stdout), "ACME-REPLICAS")
	require.Len(t, found, 1)
	assert.Equal(t, "spec.replicas", found[0].Location.Path)
}

// TestPolicyContractOncePerRule: a contract error only evaluation can see
// (a path computed as a string) names the rule once for the run, with the
// number of other objects it was met on, not once per object.
func TestPolicyContractOncePerRule(t *testing.T) {
	objs := deployments(t, 4)
	dir := writeFiles(t, map[string]string{"acme/replicas.rego": contractHead +
		"deny contains {\"msg\": \"too few replicas\", \"path\": p} if {\n\tinput.spec.replicas < 2\n\tp := concat(\".\", [\"spec\", \"replicas\"])\n}\n"})
	args := append([]string{"lint", "--no-builtin", "--policy", filepath.Join(dir, "acme"), "--format", "json"}, objs...)
	r := kw(t, args...)
	assert.Equal(t, exitError, r.code, r.stderr)
	rep := decodeReport(t, r.stdout)
	require.Len(t, rep.Errors, 1, r.stdout)
	msg := rep.Errors[0].Message
	assert.Equal(t, 1, strings.Count(msg, "ACME-REPLICAS"), msg)
	assert.Contains(t, msg, filepath.Join(dir, "acme", "replicas.rego")+":1")
	assert.Contains(t, msg, "breaks the policy contract on Deployment default/web")
	assert.Contains(t, msg, "a deny member's path is not an array (and on 3 more objects)")
}
