package main

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/kubeward/kubeward/engine/policy"
)

func newExplainCommand() *cobra.Command {
	var dirs []string
	var bundle bundleFlags
	var input explainInput
	cmd := &cobra.Command{
		Use:   "explain RULE-ID",
		Short: "Show what a rule checks, why, how to fix it, and an example",
		Example: `  kubeward explain KW-PSS-007
  kubeward explain kw-pss-007 --policy ./my-policies
  kubeward explain TEAM-001 --bundle team.tar.gz --verification-key team.pub
  kubeward explain ACME-001 --policy ./my-policies --input deploy.yaml --trace`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts := policy.Options{PolicyDirs: dirs}
			if err := bundle.load(cmd, &opts); err != nil {
				return err
			}
			if input.file != "" {
				return input.run(cmd, args[0], opts)
			}
			if input.trace || input.object != "" {
				return usageError("--trace and --object need --input FILE: the object to evaluate the rule on")
			}
			lib, err := policy.Load(opts)
			if err != nil {
				return &exitCode{code: exitError, err: err}
			}
			r := lib.Rule(args[0])
			if r == nil {
				return usageError("no rule %q; 'kubeward rules' lists them", args[0])
			}
			var b strings.Builder
			fmt.Fprintf(&b, "%s: %s\n", r.ID, r.Title)
			fmt.Fprintf(&b, "severity: %s    profiles: %s\n", r.Severity, strings.Join(append([]string{"all"}, r.Profiles...), ", "))
			if len(r.Kinds) > 0 {
				fmt.Fprintf(&b, "kinds: %s\n", strings.Join(r.Kinds, ", "))
			}
			if len(r.Overrides) > 0 {
				fmt.Fprintf(&b, "overrides: %s\n", strings.Join(r.Overrides, ", "))
			}
			fmt.Fprintf(&b, "policy: %s (%s)\n", r.File, r.Package)
			section := func(title, body string) {
				if strings.TrimSpace(body) != "" {
					fmt.Fprintf(&b, "\n%s\n%s\n", title, indent(strings.TrimSpace(body)))
				}
			}
			section("Why:", r.Description)
			section("Remediation:", r.Remediation)
			if ex := policy.Example(r); ex != "" {
				if r.ExampleData != "" {
					section("Example parameters (--data FILE):", r.ExampleData)
				}
				section("Example (triggers the rule):", ex)
			}
			if len(r.References) > 0 {
				section("References:", "- "+strings.Join(r.References, "\n- "))
			}
			_, err = fmt.Fprint(cmd.OutOrStdout(), b.String())
			return err
		},
	}
	cmd.Flags().StringArrayVar(&dirs, "policy", nil, "folder of your own Rego policies to include (repeatable)")
	bundle.add(cmd)
	input.add(cmd)
	return cmd
}

func indent(s string) string {
	return "  " + strings.ReplaceAll(s, "\n", "\n  ")
}
