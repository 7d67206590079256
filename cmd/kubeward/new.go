package main

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/kubeward/kubeward/engine/scaffold"
)

func newNewCommand() *cobra.Command {
	cmd := &cobra.Command{
		Use:     "new",
		Short:   "Create the starting point of a policy (new rule)",
		Example: `  kubeward new rule ACME-001 --kind Deployment --dir my-policies`,
		Args:    cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return usageError("say what to create: 'kubeward new rule ID --kind KIND'")
		},
	}
	cmd.AddCommand(newNewRuleCommand())
	return cmd
}

func newNewRuleCommand() *cobra.Command {
	var opts scaffold.Options
	var dir string
	cmd := &cobra.Command{
		Use:   "rule RULE-ID --kind KIND",
		Short: "Write a new rule, its unit tests and a fixture suite, which pass kubeward test",
		Long: `Rule writes, in --dir (the current folder by default), for the id ACME-001:

  acme_001.rego                     the rule, with its full METADATA (profile acme)
  acme_001_test.rego                a passing and a failing unit test
  suites/acme_001/<kind>.yaml       a fixture suite: an object the rule passes
  suites/acme_001/expected.yaml     and one it reports

The generated rule checks that objects of the kind carry an owner label: it
passes 'kubeward test DIR' as written, and is there to be replaced by your
check. Nothing is written when one of the files already exists.`,
		Example: `  kubeward new rule ACME-001 --kind Deployment --dir my-policies
  kubeward new rule ACME-002 --kind Certificate --api-version cert-manager.io/v1`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if opts.Kind == "" {
				return usageError("--kind is required: the kind the rule applies to (Deployment)")
			}
			opts.ID = args[0]
			files, err := scaffold.Rule(opts)
			if err != nil {
				return usageError("%v", err)
			}
			written, err := scaffold.Write(dir, files)
			if err != nil {
				return &exitCode{code: exitError, err: err}
			}
			var b strings.Builder
			for _, p := range written {
				fmt.Fprintf(&b, "wrote %s\n", p)
			}
			fmt.Fprintf(&b, "next: kubeward test %s\n", dir)
			_, err = fmt.Fprint(cmd.OutOrStdout(), b.String())
			return err
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&opts.Kind, "kind", "", "kind the rule applies to (Deployment, Pod, …)")
	fl.StringVar(&opts.APIVersion, "api-version", "", "apiVersion of the kind in the fixtures, for kinds kubeward does not know (a custom resource)")
	fl.StringVar(&dir, "dir", ".", "policy folder to write the rule in (created if missing)")
	return cmd
}
