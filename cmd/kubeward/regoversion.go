package main

import (
	"strings"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/kubeward/kubeward/engine/config"
	"github.com/kubeward/kubeward/engine/policy"
)

// addRegoVersionFlag is --rego-version, for every command that loads a
// user's policies. The default is empty so that .kubeward.yaml's
// regoVersion: applies when the flag is not given.
func addRegoVersionFlag(fl *pflag.FlagSet, dst *string) {
	fl.StringVar(dst, "rego-version", "", "Rego version your policies are written in: "+strings.Join(policy.RegoVersions, ", ")+" (default v1; the bundled rules stay v1)")
}

// regoVersionOf is the flag's version, else the configuration's, else v1.
func regoVersionOf(cmd *cobra.Command, flag string, cfg *config.Config) (ast.RegoVersion, error) {
	if !cmd.Flags().Changed("rego-version") && cfg != nil && cfg.RegoVersion != "" {
		// Parse has checked it, with its line.
		v, _ := policy.ParseRegoVersion(cfg.RegoVersion)
		return v, nil
	}
	v, err := policy.ParseRegoVersion(flag)
	if err != nil {
		return v, usageError("--rego-version: %v", err)
	}
	return v, nil
}
