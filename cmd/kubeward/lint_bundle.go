package main

import (
	"fmt"
	"time"

	"github.com/spf13/cobra"

	"github.com/kubeward/kubeward/bundles"
	"github.com/kubeward/kubeward/engine/policy"
	"github.com/kubeward/kubeward/engine/report"
)

// bundleFlags are lint's bundle flags.
type bundleFlags struct {
	sources []string
	// config are the bundles the configuration file names (configFile):
	// they load after the --bundle ones and must be verified.
	config     []string
	configFile string

	key       string
	insecure  bool
	noBuiltin bool
	plainHTTP bool
	timeout   time.Duration
}

func (b *bundleFlags) add(cmd *cobra.Command) {
	fl := cmd.Flags()
	fl.StringArrayVar(&b.sources, "bundle", nil, "policy bundle to load beside the built-in library: a .tar.gz file or oci://registry/repository:tag (repeatable)")
	fl.StringVar(&b.key, "verification-key", "", "PEM public key the bundles must be signed with")
	fl.BoolVar(&b.insecure, "insecure-skip-verify", false, "load bundles without verifying their signature (a warning is printed)")
	fl.BoolVar(&b.noBuiltin, "no-builtin", false, "leave the built-in library out: use only --policy and --bundle rules")
	fl.BoolVar(&b.plainHTTP, "plain-http", false, "allow plain http to the registry of an oci:// bundle")
	addRegistryTimeout(cmd, &b.timeout)
}

// load verifies and reads the bundles into the policy options. A bundle that
// fails verification stops the run (exit 2) before any of its Rego is parsed.
func (b *bundleFlags) load(cmd *cobra.Command, opts *policy.Options) error {
	opts.NoBuiltin = b.noBuiltin
	if b.noBuiltin {
		opts.NoBuiltinBy = "--no-builtin"
	}
	if len(b.sources)+len(b.config) == 0 {
		if b.key != "" || b.insecure {
			return usageError("--verification-key and --insecure-skip-verify apply to --bundle, which is not given")
		}
		return nil
	}
	lo := bundles.LoadOptions{KeyFile: b.key, InsecureSkipVerify: b.insecure, NoBuiltin: b.noBuiltin, Remote: bundles.RemoteOptions{PlainHTTP: b.plainHTTP, Timeout: b.timeout}}
	for i, src := range append(append([]string(nil), b.sources...), b.config...) {
		lo := lo
		if i >= len(b.sources) {
			lo.RequireVerification, lo.NamedBy = true, b.configFile
		}
		l, err := bundles.Load(cmd.Context(), src, lo)
		if err != nil {
			return &exitCode{code: exitError, err: err}
		}
		for _, w := range l.Warnings {
			fmt.Fprintln(cmd.ErrOrStderr(), "kubeward: warning: "+report.SafeLine(w))
		}
		opts.Files = append(opts.Files, l.Files...)
		if l.NoBuiltin && !opts.NoBuiltin {
			opts.NoBuiltin, opts.NoBuiltinBy = true, "the manifest of bundle "+src+" (builtin: false)"
		}
	}
	return nil
}
