package main

import (
	"encoding/json"
	"fmt"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/kubeward/kubeward/engine/docs"
	"github.com/kubeward/kubeward/engine/policy"
)

func newRulesCommand() *cobra.Command {
	var profile, format, regoVersion string
	var dirs []string
	var bundle bundleFlags
	cmd := &cobra.Command{
		Use:   "rules",
		Short: "List the rules of the library (and of your policy folders)",
		Example: `  kubeward rules
  kubeward rules --profile pss-restricted
  kubeward rules --format markdown > RULES.md
  kubeward rules --policy ./my-policies --format json
  kubeward rules --bundle team.tar.gz --verification-key team.pub`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			version, err := regoVersionOf(cmd, regoVersion, nil)
			if err != nil {
				return err
			}
			opts := policy.Options{PolicyDirs: dirs, RegoVersion: version}
			if err := bundle.load(cmd, &opts); err != nil {
				return err
			}
			lib, err := policy.Load(opts)
			if err != nil {
				return &exitCode{code: exitError, err: err}
			}
			rules, err := policy.Select(lib.Rules, profile)
			if err != nil {
				return usageError("%v", err)
			}
			out := cmd.OutOrStdout()
			switch format {
			case "text":
				w := tabwriter.NewWriter(out, 0, 0, 2, ' ', 0)
				// A benchmark profile shows the benchmark's ids of each rule.
				bench := benchmarkPrefix[profile]
				if bench != "" {
					fmt.Fprintf(w, "ID\tSEVERITY\tTITLE\t%s\n", strings.ToUpper(profile))
				} else {
					fmt.Fprintln(w, "ID\tSEVERITY\tTITLE\tPROFILES")
				}
				for _, r := range rules {
					last := strings.Join(r.Profiles, ",")
					if bench != "" {
						last = strings.Join(referencesWithPrefix(r, bench), ", ")
					}
					fmt.Fprintf(w, "%s\t%s\t%s\t%s\n", r.ID, r.Severity, r.Title, last)
				}
				if err := w.Flush(); err != nil {
					return err
				}
				fmt.Fprintf(out, "%d rules\n", len(rules))
			case "json":
				enc := json.NewEncoder(out)
				enc.SetIndent("", "  ")
				return enc.Encode(rules)
			case "markdown":
				fmt.Fprint(out, docs.Index(rules, false))
			default:
				return usageError("unknown --format %q (one of text, json, markdown)", format)
			}
			return nil
		},
	}
	cmd.Flags().StringVar(&profile, "profile", policy.ProfileAll, "list only the rules of this profile")
	cmd.Flags().StringVarP(&format, "format", "f", "text", "output format: text, json, markdown")
	cmd.Flags().StringArrayVar(&dirs, "policy", nil, "folder of your own Rego policies to include (repeatable)")
	addRegoVersionFlag(cmd.Flags(), &regoVersion)
	bundle.add(cmd)
	return cmd
}

// benchmarkPrefix maps a benchmark's profile to the prefix of its ids in the
// rules' references.
var benchmarkPrefix = map[string]string{"cis": "CIS ", "nsa": "NSA "}

func referencesWithPrefix(r *policy.Rule, prefix string) []string {
	var out []string
	for _, ref := range r.References {
		if strings.HasPrefix(ref, prefix) {
			out = append(out, strings.TrimPrefix(ref, prefix))
		}
	}
	return out
}
