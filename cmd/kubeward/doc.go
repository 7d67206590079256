package main

import (
	"fmt"
	"os"
	"path/filepath"

	"github.com/spf13/cobra"

	"github.com/kubeward/kubeward/engine/atomicfile"
	"github.com/kubeward/kubeward/engine/docs"
	"github.com/kubeward/kubeward/engine/policy"
)

func newDocCommand() *cobra.Command {
	var outDir string
	cmd := &cobra.Command{
		Use:   "doc [POLICY_DIR]...",
		Short: "Write a markdown page per rule, generated from the rules' METADATA",
		Long: `Doc renders one markdown page per rule (and a README.md index) from the rules'
METADATA annotations. Without arguments it documents the bundled library (this is
how docs/rules/ is made); with policy folders it documents those folders' rules.`,
		Example: `  kubeward doc --output-dir docs/rules
  kubeward doc ./my-policies --output-dir ./my-policies/docs`,
		RunE: func(cmd *cobra.Command, args []string) error {
			lib, err := policy.Load(policy.Options{NoBuiltin: len(args) > 0, PolicyDirs: args})
			if err != nil {
				return &exitCode{code: exitError, err: err}
			}
			pages := docs.Pages(lib.Rules)
			if err := os.MkdirAll(outDir, 0o755); err != nil {
				return &exitCode{code: exitError, err: err}
			}
			for name, content := range pages {
				if err := atomicfile.Write(filepath.Join(outDir, name), []byte(content), 0o644); err != nil {
					return &exitCode{code: exitError, err: err}
				}
			}
			fmt.Fprintf(cmd.ErrOrStderr(), "kubeward: wrote %d pages to %s\n", len(pages), outDir)
			return nil
		},
	}
	cmd.Flags().StringVarP(&outDir, "output-dir", "o", "docs/rules", "folder to write the pages to")
	return cmd
}
