package main

import (
	"github.com/spf13/cobra"

	"github.com/kubeward/kubeward/engine/policy"
	"github.com/kubeward/kubeward/engine/report"
)

// newCompletionCommand replaces cobra's default completion command so that it
// carries examples like every other command; the scripts are cobra's own.
func newCompletionCommand() *cobra.Command {
	var noDescriptions bool
	cmd := &cobra.Command{
		Use:   "completion bash|zsh|fish|powershell",
		Short: "Print a shell completion script",
		Long: `Completion prints a script that makes your shell complete kubeward's commands,
flags and flag values. Load it once per session, or install it where your shell
reads completions at start-up.`,
		Example: `  source <(kubeward completion bash)
  kubeward completion bash > /etc/bash_completion.d/kubeward
  kubeward completion zsh > "${fpath[1]}/_kubeward"
  kubeward completion fish > ~/.config/fish/completions/kubeward.fish
  kubeward completion powershell | Out-String | Invoke-Expression`,
		ValidArgs: []string{"bash", "zsh", "fish", "powershell"},
		Args:      cobra.MatchAll(cobra.ExactArgs(1), cobra.OnlyValidArgs),
		RunE: func(cmd *cobra.Command, args []string) error {
			root, out := cmd.Root(), cmd.OutOrStdout()
			switch args[0] {
			case "bash":
				return root.GenBashCompletionV2(out, !noDescriptions)
			case "zsh":
				if noDescriptions {
					return root.GenZshCompletionNoDesc(out)
				}
				return root.GenZshCompletion(out)
			case "fish":
				return root.GenFishCompletion(out, !noDescriptions)
			default:
				return root.GenPowerShellCompletionWithDesc(out)
			}
		},
	}
	cmd.Flags().BoolVar(&noDescriptions, "no-descriptions", false, "complete without the commands' and flags' descriptions (bash, zsh, fish)")
	return cmd
}

// registerValueCompletions lets shells complete the values of the flags that
// take one of a fixed set.
func registerValueCompletions(root *cobra.Command) {
	fixed := func(values ...string) cobra.CompletionFunc {
		return cobra.FixedCompletions(values, cobra.ShellCompDirectiveNoFileComp)
	}
	for _, c := range root.Commands() {
		switch c.Name() {
		case "lint":
			_ = c.RegisterFlagCompletionFunc("format", fixed(report.Formats...))
			_ = c.RegisterFlagCompletionFunc("fail-on", fixed(append(append([]string{}, policy.Severities...), "none")...))
			_ = c.RegisterFlagCompletionFunc("color", fixed("auto", "always", "never"))
		case "rules":
			_ = c.RegisterFlagCompletionFunc("format", fixed("text", "json", "markdown"))
		}
	}
}
