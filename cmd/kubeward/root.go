package main

import (
	"io"
	"os"
	"runtime/pprof"

	"github.com/spf13/cobra"
)

// stopProfile ends a --cpuprofile and writes a --memprofile; run calls it
// whatever the command returned.
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
	// --cpuprofile and --memprofile are hidden: they are for finding where a
	// run's time and memory go.
	var profile, memProfile string
	root.PersistentFlags().StringVar(&profile, "cpuprofile", "", "write a CPU profile to this file")
	root.PersistentFlags().StringVar(&memProfile, "memprofile", "", "write a heap profile to this file when the command ends")
	_ = root.PersistentFlags().MarkHidden("cpuprofile")
	_ = root.PersistentFlags().MarkHidden("memprofile")
	root.PersistentPreRunE = func(*cobra.Command, []string) error {
		if profile == "" && memProfile == "" {
			// stopProfile is the process's: tests run commands concurrently
			// and never profile.
			return nil
		}
		var stops []func()
		stopProfile = func() {
			for _, stop := range stops {
				stop()
			}
		}
		if memProfile != "" {
			f, err := os.Create(memProfile)
			if err != nil {
				return usageError("--memprofile: %v", err)
			}
			// The heap as the last collection left it: late in a long run,
			// close to its peak (a collection forced here would see the
			// findings already released).
			stops = append(stops, func() { _ = pprof.Lookup("heap").WriteTo(f, 0); f.Close() })
		}
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
		stops = append([]func(){func() { pprof.StopCPUProfile(); f.Close() }}, stops...)
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
