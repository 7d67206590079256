package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestCompletionBashLoads(t *testing.T) {
	t.Parallel()
	bash, err := exec.LookPath("bash")
	if err != nil {
		t.Skip("bash is not installed: cannot check that the script parses")
	}
	r := kw(t, "completion", "bash")
	require.Equal(t, exitClean, r.code, r.stderr)
	require.Contains(t, r.stdout, "__start_kubeward")
	script := filepath.Join(t.TempDir(), "kubeward.bash")
	require.NoError(t, os.WriteFile(script, []byte(r.stdout), 0o644))
	out, err := exec.Command(bash, "-n", script).CombinedOutput()
	require.NoError(t, err, "bash -n: %s", out)
	// Sourcing it registers the completion function for kubeward.
	out, err = exec.Command(bash, "-c", "source "+script+" && complete -p kubeward").CombinedOutput()
	require.NoError(t, err, "%s", out)
	assert.Contains(t, string(out), "__start_kubeward")
}

func TestCompletionShells(t *testing.T) {
	t.Parallel()
	marks := map[string]string{
		"zsh":        "#compdef kubeward",
		"fish":       "complete -c kubeward",
		"powershell": "Register-ArgumentCompleter",
	}
	for shell, mark := range marks {
		t.Run(shell, func(t *testing.T) {
			t.Parallel()
			r := kw(t, "completion", shell)
			require.Equal(t, exitClean, r.code, r.stderr)
			assert.Contains(t, r.stdout, mark)
		})
	}
	r := kw(t, "completion", "tcsh")
	assert.Equal(t, exitError, r.code)
	assert.Contains(t, r.stderr, `invalid argument "tcsh"`)
}

// The scripts ask the binary for candidates through cobra's hidden __complete
// command; flag values with a fixed set are completed.
func TestCompletionOfFlagValues(t *testing.T) {
	t.Parallel()
	r := kw(t, "__complete", "lint", "--format", "")
	require.Equal(t, exitClean, r.code, r.stderr)
	for _, f := range []string{"text", "json", "sarif", "junit", "github"} {
		assert.Contains(t, r.stdout, f+"\n")
	}
	r = kw(t, "__complete", "li")
	assert.Contains(t, r.stdout, "lint\t")
}

func TestUnknownFlagSuggestsTheRightOne(t *testing.T) {
	t.Parallel()
	cases := []struct {
		args    []string
		suggest string
	}{
		{[]string{"lint", fixture("configmap.yaml"), "--fial-on", "high"}, "--fail-on"},
		{[]string{"lint", fixture("configmap.yaml"), "--profle", "all"}, "--profile"},
		{[]string{"lint", fixture("configmap.yaml"), "--out", "x"}, "--output"},
		{[]string{"rules", "--frmat", "json"}, "--format"},
	}
	for _, c := range cases {
		t.Run(c.args[len(c.args)-2], func(t *testing.T) {
			t.Parallel()
			r := kw(t, c.args...)
			assert.Equal(t, exitError, r.code)
			assert.Contains(t, r.stderr, "unknown flag: "+c.args[len(c.args)-2])
			assert.Contains(t, r.stderr, "Did you mean this?\n\t"+c.suggest+"\n")
			assert.Empty(t, r.stdout)
		})
	}
	// Nothing close: no suggestion, still a usage error.
	r := kw(t, "lint", fixture("configmap.yaml"), "--zzzzzzzz")
	assert.Equal(t, exitError, r.code)
	assert.NotContains(t, r.stderr, "Did you mean")
}

func TestUnknownCommandSuggestsTheRightOne(t *testing.T) {
	t.Parallel()
	r := kw(t, "lnt", "x.yaml")
	assert.Equal(t, exitError, r.code)
	assert.Contains(t, r.stderr, `unknown command "lnt"`)
	assert.Contains(t, r.stderr, "Did you mean this?\n\tlint\n")
}

// Every command a user can see has a summary and an example, and every flag
// says what it does.
func TestEveryCommandAndFlagIsDocumented(t *testing.T) {
	t.Parallel()
	root := newRootCommand(strings.NewReader(""), &strings.Builder{}, &strings.Builder{})
	helpExample(root)
	var walk func(c *cobra.Command)
	walk = func(c *cobra.Command) {
		if c.Hidden {
			return
		}
		assert.NotEmpty(t, c.Short, "%s has no short help", c.CommandPath())
		assert.NotEmpty(t, c.Example, "%s has no example", c.CommandPath())
		for _, ex := range strings.Split(c.Example, "\n") {
			assert.Contains(t, ex, root.Name(), "%s: an example line names the program: %q", c.CommandPath(), ex)
		}
		c.LocalFlags().VisitAll(func(f *pflag.Flag) {
			if !f.Hidden {
				assert.NotEmpty(t, f.Usage, "%s --%s has no help", c.CommandPath(), f.Name)
			}
		})
		for _, sub := range c.Commands() {
			walk(sub)
		}
	}
	walk(root)
}
