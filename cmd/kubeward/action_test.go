package main

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"sigs.k8s.io/yaml"
)

// The GitHub Action (action.yml) installs kubeward and runs
// scripts/action.sh; these tests run that script as the action does, with
// INPUT_* variables, on this machine.

type actionRun struct {
	code         int
	out          string
	dir          string // the working directory (the workspace)
	githubOutput string
}

func runAction(t *testing.T, env map[string]string) actionRun {
	t.Helper()
	bash, err := exec.LookPath("bash")
	if err != nil {
		t.Skip("bash is not installed: the action's script is not checked")
	}
	script, err := filepath.Abs(filepath.Join("..", "..", "scripts", "action.sh"))
	require.NoError(t, err)
	binDir, _ := kubewardBinary(t)
	dir := t.TempDir()
	outputs := filepath.Join(t.TempDir(), "github-output")
	cmd := exec.Command(bash, script)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "PATH="+binDir+string(os.PathListSeparator)+os.Getenv("PATH"), "GITHUB_OUTPUT="+outputs)
	for k, v := range env {
		cmd.Env = append(cmd.Env, k+"="+v)
	}
	out, err := cmd.CombinedOutput()
	code := 0
	if ee, ok := err.(*exec.ExitError); ok {
		code = ee.ExitCode()
	} else {
		require.NoError(t, err)
	}
	gh, _ := os.ReadFile(outputs)
	return actionRun{code: code, out: string(out), dir: dir, githubOutput: string(gh)}
}

func abs(t *testing.T, p string) string {
	t.Helper()
	a, err := filepath.Abs(p)
	require.NoError(t, err)
	return a
}

func TestActionWritesSARIF(t *testing.T) {
	t.Parallel()
	priv, clean := abs(t, privilegedFile), abs(t, fixture("restricted-pod.yaml"))
	r := runAction(t, map[string]string{
		"INPUT_PATH":    priv + "\n" + clean,
		"INPUT_PROFILE": "pss-restricted",
		"INPUT_FAIL_ON": "high",
	})
	assert.Equal(t, exitFindings, r.code, r.out)
	assert.Contains(t, r.out, "+ kubeward lint --format text --format sarif=kubeward.sarif --profile pss-restricted --fail-on high "+priv+" "+clean+"\n")
	// The text report is in the log, from the same run that wrote SARIF.
	assert.Contains(t, r.out, ":20:13: CRITICAL KW-PSS-007 ")
	assert.Contains(t, r.out, "wrote sarif report to kubeward.sarif")

	raw, err := os.ReadFile(filepath.Join(r.dir, "kubeward.sarif"))
	require.NoError(t, err, r.out)
	var log struct {
		Version string `json:"version"`
		Runs    []struct {
			Results []struct {
				RuleID string `json:"ruleId"`
			} `json:"results"`
		} `json:"runs"`
	}
	require.NoError(t, json.Unmarshal(raw, &log))
	assert.Equal(t, "2.1.0", log.Version)
	require.Len(t, log.Runs, 1)
	var ids []string
	for _, res := range log.Runs[0].Results {
		ids = append(ids, res.RuleID)
	}
	assert.Contains(t, ids, "KW-PSS-007")
	assert.Equal(t, "report=kubeward.sarif\nexit-code=1\n", r.githubOutput)
}

func TestActionFailOnNonePasses(t *testing.T) {
	t.Parallel()
	r := runAction(t, map[string]string{
		"INPUT_PATH":    abs(t, privilegedFile),
		"INPUT_FAIL_ON": "none",
		"INPUT_OUTPUT":  "report.sarif",
	})
	assert.Equal(t, exitClean, r.code, r.out)
	assert.FileExists(t, filepath.Join(r.dir, "report.sarif"))
	assert.Contains(t, r.githubOutput, "exit-code=0\n")
}

// The command line, exactly: the script's arguments as kubeward receives them.
func TestActionCommandLine(t *testing.T) {
	t.Parallel()
	recorder := filepath.Join(t.TempDir(), "record")
	argv := filepath.Join(t.TempDir(), "argv")
	require.NoError(t, os.WriteFile(recorder, []byte("#!/bin/sh\nprintf '%s\\n' \"$@\" > '"+argv+"'\nexit 2\n"), 0o755))
	r := runAction(t, map[string]string{
		"KUBEWARD":      recorder,
		"INPUT_PATH":    "deploy/  charts/web.yaml\n*.yaml",
		"INPUT_FORMAT":  "json",
		"INPUT_CONFIG":  ".kubeward.yaml",
		"INPUT_OUTPUT":  "",
		"INPUT_ARGS":    "--complete --policy policies/",
		"INPUT_PROFILE": "",
	})
	assert.Equal(t, exitError, r.code, "kubeward's exit status is the step's")
	got, err := os.ReadFile(argv)
	require.NoError(t, err, r.out)
	assert.Equal(t, []string{
		"lint", "--format", "json", "--config", ".kubeward.yaml",
		"--complete", "--policy", "policies/",
		"deploy/", "charts/web.yaml", "*.yaml", // no glob expansion
	}, strings.Split(strings.TrimSuffix(string(got), "\n"), "\n"))
	assert.Equal(t, "exit-code=2\n", r.githubOutput, "no report without an output file")
}

// action.yml hands every input of the lint step to the script as INPUT_*,
// and the script reads each of them.
func TestActionDefinition(t *testing.T) {
	t.Parallel()
	raw, err := os.ReadFile(filepath.Join("..", "..", "action.yml"))
	require.NoError(t, err)
	var action struct {
		Inputs map[string]struct {
			Default string `json:"default"`
		} `json:"inputs"`
		Runs struct {
			Using string `json:"using"`
			Steps []struct {
				ID  string            `json:"id"`
				Env map[string]string `json:"env"`
				Run string            `json:"run"`
			} `json:"steps"`
		} `json:"runs"`
	}
	require.NoError(t, yaml.Unmarshal(raw, &action))
	assert.Equal(t, "composite", action.Runs.Using)
	assert.Equal(t, "sarif", action.Inputs["format"].Default)
	assert.Equal(t, "kubeward.sarif", action.Inputs["output"].Default)
	for _, in := range []string{"path", "profile", "format", "fail-on", "config", "output", "version"} {
		assert.Contains(t, action.Inputs, in)
	}
	script, err := os.ReadFile(filepath.Join("..", "..", "scripts", "action.sh"))
	require.NoError(t, err)
	var lint map[string]string
	for _, s := range action.Runs.Steps {
		if s.ID == "lint" {
			lint = s.Env
			assert.Contains(t, s.Run, "scripts/action.sh")
		}
	}
	require.NotNil(t, lint, "a step with id lint")
	for name := range action.Inputs {
		if name == "version" || name == "go-version" {
			continue // used by the install step
		}
		env := "INPUT_" + strings.ToUpper(strings.ReplaceAll(name, "-", "_"))
		assert.Equal(t, "${{ inputs."+name+" }}", lint[env], env)
		assert.Contains(t, string(script), env)
	}
}
