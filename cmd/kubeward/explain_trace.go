package main

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/kubeward/kubeward/engine"
	"github.com/kubeward/kubeward/engine/load"
	"github.com/kubeward/kubeward/engine/policy"
	"github.com/kubeward/kubeward/engine/source/helm"
)

// explainInput is explain's --input: evaluate the rule on an object of a
// file, with --trace the steps of the evaluation.
type explainInput struct {
	file   string
	object string
	trace  bool
	chart  helm.Options
}

func (e *explainInput) add(cmd *cobra.Command) {
	fl := cmd.Flags()
	fl.StringVar(&e.file, "input", "", "evaluate the rule on an object of this file (or chart, or kustomization), read as lint reads it, and say whether it fired")
	fl.StringVar(&e.object, "object", "", "with --input: the object to evaluate, as Kind/name or Kind/namespace/name (default: the first the rule applies to)")
	fl.BoolVar(&e.trace, "trace", false, "with --input: show the evaluation trace of the rule's file, step by step")
	addChartFlags(fl, &e.chart, inputNamespaceHelp)
}

// run evaluates the rule on the chosen object and prints the trace and the
// verdict, the verdict last.
func (e *explainInput) run(cmd *cobra.Command, id string, opts policy.Options) error {
	linter, err := engine.New(engine.Options{Policy: opts, Stdin: cmd.InOrStdin(), Limits: load.DefaultLimits(), Renderers: renderersFor(e.chart), Namespace: e.chart.Namespace})
	if err != nil {
		return &exitCode{code: exitError, err: err}
	}
	r := linter.Library().Rule(id)
	if r == nil {
		return usageError("no rule %q; 'kubeward rules' lists them", id)
	}
	res := linter.Parse(cmd.Context(), []string{e.file})
	if len(res.Errors) > 0 {
		return &exitCode{code: exitError, err: res.Errors[0]}
	}
	target, err := e.pick(r, res.Objects)
	if err != nil {
		return err
	}
	t, err := linter.Trace(cmd.Context(), r.ID, res.Objects, target)
	if err != nil {
		return &exitCode{code: exitError, err: err}
	}
	var b strings.Builder
	start := target.Start()
	fmt.Fprintf(&b, "%s on %s (%s:%d)\n", r.ID, objectName(target.Ref()), target.Source.File, start.Line)
	if e.trace {
		fmt.Fprintf(&b, "\nTrace (%s):\n%s\n", r.File, t.Steps)
	}
	for _, f := range t.Findings {
		// A rendered chart's lines are the template's, without a column.
		at := fmt.Sprintf("%s:%d", f.Location.File, f.Location.Line)
		if f.Location.Column > 0 {
			at += fmt.Sprintf(":%d", f.Location.Column)
		}
		fmt.Fprintf(&b, "%s: %s\n", at, f.Message)
	}
	fmt.Fprintln(&b, t.Verdict)
	_, err = fmt.Fprint(cmd.OutOrStdout(), b.String())
	return err
}

// pick is the object --object names, else the first the rule applies to,
// else the first.
func (e *explainInput) pick(r *policy.Rule, objs []*load.Object) (*load.Object, error) {
	if len(objs) == 0 {
		return nil, &exitCode{code: exitError, err: fmt.Errorf("%s: no Kubernetes object", e.file)}
	}
	if e.object != "" {
		var names []string
		for _, o := range objs {
			name := objectName(o.Ref())
			if strings.EqualFold(name, e.object) {
				return o, nil
			}
			names = append(names, name)
		}
		return nil, usageError("--object %s is not in %s (it holds %s)", e.object, e.file, strings.Join(names, ", "))
	}
	for _, o := range objs {
		if r.AppliesTo(o.Kind) {
			return o, nil
		}
	}
	return objs[0], nil
}
