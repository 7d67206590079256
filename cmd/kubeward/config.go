package main

import (
	"fmt"
	"time"

	"github.com/spf13/cobra"

	"github.com/kubeward/kubeward/engine"
	"github.com/kubeward/kubeward/engine/atomicfile"
	"github.com/kubeward/kubeward/engine/config"
	"github.com/kubeward/kubeward/engine/policy"
	"github.com/kubeward/kubeward/engine/report"
	kwlint "github.com/kubeward/kubeward/lint"
)

// How a configuration applies is the lint package's (lint.Run does the
// same for Go callers); this file turns flags into its calls.

// now is the clock exceptions' expiry dates are compared with; tests set it.
var now = time.Now

// loadConfig finds and reads .kubeward.yaml: --config FILE, or the first one
// found walking up from the first input path (the working folder for
// --cluster) to the repository's root. It returns nil when there is none. A
// discovered file it does not use (someone else's, a link out of its folder)
// becomes a warning in f.configWarnings.
func loadConfig(f *lintFlags, args []string) (*config.Config, error) {
	start := "." // a live-cluster scan has no input path
	if len(args) > 0 {
		start = args[0]
	}
	cfg, warnings, err := kwlint.FindConfig(f.config, start, f.limits.MaxFileSize)
	f.configWarnings = append(f.configWarnings, warnings...)
	return cfg, err
}

// applyConfigDefaults fills the settings the command line did not give from
// the configuration: flags > config file > defaults.
func applyConfigDefaults(cmd *cobra.Command, f *lintFlags, cfg *config.Config) {
	s := kwlint.Settings{Profile: f.profile, FailOn: f.failOn, Format: f.format, MinSeverity: f.minSeverity}
	kwlint.ApplyDefaults(&s, cfg, cmd.Flags().Changed)
	f.profile, f.failOn, f.format, f.minSeverity = s.Profile, s.FailOn, s.Format, s.MinSeverity
}

// configPolicyOptions adds the configuration's policies and parameters to what
// the flags ask for. Parameters are merged before --data files, so --data wins.
func configPolicyOptions(opts policy.Options, cfg *config.Config) (policy.Options, error) {
	return kwlint.PolicyOptions(opts, cfg)
}

// configBundles are the bundles .kubeward.yaml names (paths resolved against
// its folder); they load after the --bundle ones, with the same verification.
func configBundles(cfg *config.Config) []string {
	if cfg == nil {
		return nil
	}
	return cfg.Bundles
}

// filterResult runs the config filter and the baseline on res, and writes
// the baseline when asked. Warnings also go to stderr: they must be seen
// whatever the report format.
func filterResult(cmd *cobra.Command, f *lintFlags, cfg *config.Config, lib *policy.Library, res *engine.Result) error {
	kwlint.ApplyConfig(res, cfg, lib, f.configWarnings, now())
	for _, w := range res.Warnings {
		where := w.File
		if w.Line > 0 {
			where = fmt.Sprintf("%s:%d", w.File, w.Line)
		}
		fmt.Fprintf(cmd.ErrOrStderr(), "kubeward: warning: %s\n", report.SafeLine(where+": "+w.Message))
	}
	if f.writeBaseline != "" {
		b, err := engine.NewBaseline(res).Marshal(f.writeBaseline)
		if err == nil {
			err = atomicfile.Write(f.writeBaseline, b, 0o644)
		}
		if err != nil {
			return fmt.Errorf("writing the baseline: %w", err)
		}
		fmt.Fprintf(cmd.ErrOrStderr(), "kubeward: wrote %d findings to the baseline %s\n", len(res.Findings), f.writeBaseline)
	}
	if f.baseline != "" {
		if err := kwlint.ApplyBaseline(res, f.baseline, f.limits.MaxFileSize); err != nil {
			return err
		}
	}
	// Last: a baseline written above records every finding, whatever is shown.
	kwlint.HideBelow(res, f.minSeverity)
	return nil
}
