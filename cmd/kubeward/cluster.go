package main

import (
	"context"
	"fmt"
	"io"
	"os"

	"github.com/spf13/cobra"
	"golang.org/x/term"

	"github.com/kubeward/kubeward/engine"
	"github.com/kubeward/kubeward/engine/source/cluster"
)

// checkSourceFlags refuses combinations that mean nothing.
func checkSourceFlags(f *lintFlags, args []string) error {
	s := &f.sources
	if s.cluster && len(args) > 0 {
		return usageError("--cluster reads the cluster: give no paths with it")
	}
	if !s.cluster && (s.kubeconfig != "" || s.context != "" || s.allNamespaces || len(s.kinds) > 0) {
		return usageError("--kubeconfig, --context, --all-namespaces and --kinds need --cluster")
	}
	if s.allNamespaces && s.helm.Namespace != "" {
		return usageError("--namespace and --all-namespaces exclude each other")
	}
	return nil
}

// lintInputs lints the paths, or the live cluster with --cluster.
func lintInputs(ctx context.Context, cmd *cobra.Command, f *lintFlags, linter *engine.Linter, args []string) (*engine.Result, error) {
	s := &f.sources
	if !s.cluster {
		return linter.Lint(ctx, args), nil
	}
	opts := cluster.Options{
		Kubeconfig:    s.kubeconfig,
		Context:       s.context,
		Namespace:     s.helm.Namespace,
		AllNamespaces: s.allNamespaces,
		Kinds:         s.kinds,
	}
	if p := progressWriter(cmd.ErrOrStderr(), s.quiet); p != nil {
		opts.Progress = func(done, total int, resource string, objects int) {
			fmt.Fprintf(p, "\r\033[Kkubeward: reading the cluster: %d/%d kinds, %s (%d objects)", done, total, resource, objects)
			if done == total {
				fmt.Fprintln(p)
			}
		}
	}
	return linter.LintReader(ctx, cluster.Source{Options: opts})
}

// progressWriter is stderr when it is a terminal and progress is wanted.
func progressWriter(w io.Writer, quiet bool) io.Writer {
	if quiet {
		return nil
	}
	f, ok := w.(*os.File)
	if !ok || !term.IsTerminal(int(f.Fd())) {
		return nil
	}
	return f
}
