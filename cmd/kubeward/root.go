package main

import (
	"io"
	"os"
	"runtime/pprof"

	"github.com/spf13/cobra"
)

// stopProfile ends a --cpuprofile; run calls it whatever the command returned.
var stopProfile func()

func newRootCommand(stdin io.Reader, stdout, stderr io.Writer) *cobra.Command {
	root := &cobra.Command{
		Use:   "kubeward",
		Short: "Policy-as-code linter for Kubernetes manifests, Helm output and cluster exports",
		Long: `kubeward checks Kubernetes objects against a bundled, tested library of Rego
policies (Pod Security Standards, pod and workload hygiene, images, …) and your
own rules, and reports each problem once, at the file, line and column of the
field that causes it.`,
		Example: `  kubeward lint deploy/
  helm template my-chart | kubeward lint -
  kubeward lint --profile pss-restricted --format sarif -o kubeward.sarif manifests/`,
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	root.SetIn(stdin)
	root.SetOut(stdout)
	root.SetErr(stderr)
	root.SetFlagErrorFunc(flagError)
	// Mistyped commands get "Did you mean this?" from cobra within two edits.
	root.SuggestionsMinimumDistance = 2
	// Our completion command replaces cobra's default one (it has examples).
	root.CompletionOptions.DisableDefaultCmd = true
	// --cpuprofile is hidden: it is for finding where a run's time goes.
	var profile string
	root.PersistentFlags().StringVar(&profile, "cpuprofile", "", "write a CPU profile to this file")
	_ = root.PersistentFlags().MarkHidden("cpuprofile")
	root.PersistentPreRunE = func(*cobra.Command, []string) error {
		if profile == "" {
			return nil
		}
		f, err := os.Create(profile)
		if err != nil {
			return usageError("--cpuprofile: %v", err)
		}
		if err := pprof.StartCPUProfile(f); err != nil {
			return usageError("--cpuprofile: %v", err)
		}
		stopProfile = func() { pprof.StopCPUProfile(); f.Close() }
		return nil
	}
	root.AddCommand(
		newLintCommand(),
		newParseCommand(),
		newRulesCommand(),
		newExplainCommand(),
		newVersionCommand(),
		newDocCommand(),
		newTestCommand(),
		newNewCommand(),
		newBundleCommand(),
		newCompletionCommand(),
	)
	registerValueCompletions(root)
	helpExample(root)
	return root
}
