package main

import (
	"io"

	"github.com/spf13/cobra"
)

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
	root.SetFlagErrorFunc(func(c *cobra.Command, err error) error {
		return usageError("%v\nRun '%s --help' for usage.", err, c.CommandPath())
	})
	root.AddCommand(
		newLintCommand(),
		newRulesCommand(),
		newExplainCommand(),
		newVersionCommand(),
		newDocCommand(),
	)
	return root
}
