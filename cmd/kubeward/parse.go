package main

import (
	"bytes"
	"errors"
	"strings"

	"github.com/spf13/cobra"

	"github.com/kubeward/kubeward/engine"
	"github.com/kubeward/kubeward/engine/load"
	"github.com/kubeward/kubeward/engine/policy"
	"github.com/kubeward/kubeward/engine/report"
	"github.com/kubeward/kubeward/engine/source/helm"
)

func newParseCommand() *cobra.Command {
	var (
		format      string
		positions   bool
		strictInput bool
		chart       helm.Options
	)
	cmd := &cobra.Command{
		Use:   "parse [PATH|-]...",
		Short: "Show the objects of the input exactly as rules receive them, with their positions",
		Long: `Parse reads its inputs as lint does (charts rendered, kustomizations built,
Lists expanded item by item, live-cluster fields such as status and
managedFields removed) and prints every object as rules receive it as input,
with the file, line and column it starts at. --positions adds where each of
its fields is written: the line a rule's "path" points to.

Exit status: 0 when every input was read, 2 on errors (printed on standard
error; the objects that were read are still printed).`,
		Example: `  kubeward parse deploy.yaml
  kubeward parse ./chart --values prod.yaml --set image.tag=1.2.3
  kubeward parse overlays/prod/ -o json
  kubeward parse deploy.yaml --positions`,
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) == 0 {
				return usageError("no input: give files, folders, or - for standard input\nRun 'kubeward parse --help' for usage.")
			}
			if !contains(report.ParsedFormats, format) {
				return usageError("unknown --output %q (one of %s)", format, strings.Join(report.ParsedFormats, ", "))
			}
			linter, err := engine.New(engine.Options{
				Policy:      policy.Options{NoBuiltin: true},
				Limits:      load.DefaultLimits(),
				Stdin:       cmd.InOrStdin(),
				StrictInput: strictInput,
				Renderers:   renderersFor(chart),
				Namespace:   chart.Namespace,
			})
			if err != nil {
				return &exitCode{code: exitError, err: err}
			}
			res := linter.Parse(cmd.Context(), args)
			var buf bytes.Buffer
			if err := report.WriteParsed(&buf, format, res.Objects, positions); err != nil {
				return &exitCode{code: exitError, err: err}
			}
			if _, err := cmd.OutOrStdout().Write(buf.Bytes()); err != nil {
				return &exitCode{code: exitError, err: err}
			}
			if len(res.Errors) > 0 {
				errs := make([]error, len(res.Errors))
				for i, e := range res.Errors {
					errs[i] = e
				}
				return &exitCode{code: exitError, err: errors.Join(errs...)}
			}
			if len(res.Objects) == 0 {
				return &exitCode{code: exitError, err: errors.New("no Kubernetes objects in " + strings.Join(args, ", "))}
			}
			return nil
		},
	}
	fl := cmd.Flags()
	fl.StringVarP(&format, "output", "o", "yaml", "output format: "+strings.Join(report.ParsedFormats, ", "))
	fl.BoolVar(&positions, "positions", false, "add the line and column of every field of every object")
	fl.BoolVar(&strictInput, "strict-input", false, "a file with no Kubernetes object in it is an error, not skipped")
	addChartFlags(fl, &chart, inputNamespaceHelp)
	return cmd
}
