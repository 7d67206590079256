package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/kubeward/kubeward/engine"
	"github.com/kubeward/kubeward/engine/atomicfile"
	"github.com/kubeward/kubeward/engine/config"
	"github.com/kubeward/kubeward/engine/confine"
	"github.com/kubeward/kubeward/engine/policy"
	"github.com/kubeward/kubeward/engine/report"
)

// now is the clock exceptions' expiry dates are compared with; tests set it.
var now = time.Now

// loadConfig finds and reads .kubeward.yaml: --config FILE, or the first one
// found walking up from the first input path (the working folder for
// --cluster) to the repository's root. It returns nil when there is none. A
// discovered file it does not use (someone else's, a link out of its folder)
// becomes a warning in f.configWarnings.
func loadConfig(f *lintFlags, args []string) (*config.Config, error) {
	file := f.config
	if file == "" {
		start := "." // a live-cluster scan has no input path
		if len(args) > 0 {
			start = args[0]
		}
		found, ignored, err := config.Discover(start)
		for _, e := range ignored {
			f.configWarnings = append(f.configWarnings, engine.Warning{File: e.File, Line: e.Line, Message: e.Message})
		}
		if err != nil || found == "" {
			return nil, err
		}
		file = found
	}
	return config.Load(file, f.limits.MaxFileSize)
}

// applyConfigDefaults fills the settings the command line did not give from
// the configuration: flags > config file > defaults.
func applyConfigDefaults(cmd *cobra.Command, f *lintFlags, cfg *config.Config) {
	if cfg == nil {
		return
	}
	set := func(flag string, dst *string, v string) {
		if v != "" && !cmd.Flags().Changed(flag) {
			*dst = v
		}
	}
	set("profile", &f.profile, cfg.Profile)
	set("fail-on", &f.failOn, cfg.FailOn)
	set("format", &f.format, cfg.Format)
	set("min-severity", &f.minSeverity, cfg.MinSeverity)
}

// configPolicyOptions adds the configuration's policies and parameters to what
// the flags ask for. Parameters are merged before --data files, so --data wins.
func configPolicyOptions(opts policy.Options, cfg *config.Config) (policy.Options, error) {
	if cfg == nil {
		return opts, nil
	}
	opts.PolicyDirs = append(append([]string(nil), cfg.Policies...), opts.PolicyDirs...)
	if len(cfg.Parameters) > 0 {
		b, err := json.Marshal(map[string]any{"kubeward": map[string]any{"config": cfg.Parameters}})
		if err != nil {
			return opts, fmt.Errorf("%s: parameters: %w", cfg.File, err)
		}
		opts.Files = append(opts.Files, policy.File{Name: cfg.File + " (parameters).json", Content: b})
	}
	return opts, nil
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
	refusedReads(f, cfg, lib, res)
	res.Warnings = append(append(f.configWarnings, res.Warnings...), unknownRules(cfg, lib)...)
	engine.ApplyConfig(res, cfg, now())
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
		content, err := confine.ReadFile(f.baseline, f.limits.MaxFileSize)
		if err != nil {
			// An error of the run (exit 2): the report still shows what was
			// found, none of it hidden by a baseline that was not read.
			e := engine.Error{File: f.baseline, Message: err.Error()}
			var ce *confine.Error
			if errors.As(err, &ce) {
				e = engine.Error{File: ce.Path, Message: ce.Reason}
			}
			e.Message += " (the baseline is not applied)"
			res.Errors = append(res.Errors, e)
			return nil
		}
		b, err := engine.ParseBaseline(f.baseline, content)
		if err != nil {
			return err
		}
		engine.ApplyBaseline(res, b, f.baseline)
	}
	// Last: a baseline written above records every finding, whatever is shown.
	hideBelow(res, f.minSeverity)
	return nil
}

// hideBelow drops the findings below min ("" keeps all) and counts them.
// What is hidden is not reported in any format and does not count for
// --fail-on: a run that shows nothing does not fail on what it hid.
func hideBelow(res *engine.Result, min string) {
	rank := policy.SeverityRank(min)
	if min == "" || rank < 0 {
		return
	}
	kept := res.Findings[:0]
	for _, fd := range res.Findings {
		if policy.SeverityRank(fd.Severity) > rank {
			res.Hidden++
			continue
		}
		kept = append(kept, fd)
	}
	res.Findings = kept
	res.MinSeverity = min
}

// unknownRules warns about rules: entries that name no loaded rule (a typo
// would otherwise silently do nothing). Which rules exist depends on the
// policies loaded, so this is checked after loading, not when parsing.
func unknownRules(cfg *config.Config, lib *policy.Library) []engine.Warning {
	if cfg == nil || lib == nil {
		return nil
	}
	known := map[string]bool{}
	for _, r := range lib.Rules {
		known[strings.ToUpper(r.ID)] = true
	}
	var out []engine.Warning
	for id, r := range cfg.Rules {
		if !known[id] {
			out = append(out, engine.Warning{File: cfg.File, Line: r.Line, Message: fmt.Sprintf("rules: no loaded rule has the id %s", id)})
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Line < out[j].Line })
	return out
}

// refusedReads adds to the run's errors what was left out so that nothing
// outside the repository or its folders is read: configuration paths that
// leave the repository, and policy or data files the read model refused.
// They are errors (exit 2), and the rest was still evaluated.
func refusedReads(f *lintFlags, cfg *config.Config, lib *policy.Library, res *engine.Result) {
	n := len(res.Errors)
	if cfg != nil {
		for _, e := range cfg.Refused {
			res.Errors = append(res.Errors, engine.Error{File: e.File, Line: e.Line, Message: e.Message})
		}
	}
	if lib != nil {
		for _, e := range lib.Refused {
			res.Errors = append(res.Errors, engine.Error{File: e.File, Line: e.Line, Message: e.Message})
		}
	}
	if len(res.Errors) > n {
		sort.SliceStable(res.Errors, func(i, j int) bool {
			a, b := res.Errors[i], res.Errors[j]
			if a.File != b.File {
				return a.File < b.File
			}
			return a.Line < b.Line
		})
	}
}
