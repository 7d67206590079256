package lint

import (
	"encoding/json"
	"errors"
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/kubeward/kubeward/engine"
	"github.com/kubeward/kubeward/engine/config"
	"github.com/kubeward/kubeward/engine/confine"
	"github.com/kubeward/kubeward/engine/policy"
)

// This file is how a .kubeward.yaml applies to a run: the CLI and Run both
// call it, so that a Go caller gets what `kubeward lint` does.

// FindConfig reads the configuration file, or, when file is "", the first
// .kubeward.yaml found walking up from start (the first input path; "."
// when there is none) to the repository's root. It returns nil when there is
// none. A discovered file it does not use (someone else's, a link out of its
// folder) is a warning.
func FindConfig(file, start string, maxFileSize int64) (*config.Config, []engine.Warning, error) {
	var warnings []engine.Warning
	if file == "" {
		if start == "" {
			start = "."
		}
		found, ignored, err := config.Discover(start)
		for _, e := range ignored {
			warnings = append(warnings, engine.Warning{File: e.File, Line: e.Line, Message: e.Message})
		}
		if err != nil || found == "" {
			return nil, warnings, err
		}
		file = found
	}
	cfg, err := config.Load(file, maxFileSize)
	return cfg, warnings, err
}

// Settings are the run settings a configuration gives defaults for.
type Settings struct {
	Profile, FailOn, Format, MinSeverity string
}

// ApplyDefaults fills the settings the caller did not give (given reports
// whether it gave one, by its CLI flag name: profile, fail-on, format,
// min-severity) from cfg: caller > configuration > defaults.
func ApplyDefaults(s *Settings, cfg *config.Config, given func(name string) bool) {
	if cfg == nil {
		return
	}
	set := func(name string, dst *string, v string) {
		if v != "" && !given(name) {
			*dst = v
		}
	}
	set("profile", &s.Profile, cfg.Profile)
	set("fail-on", &s.FailOn, cfg.FailOn)
	set("format", &s.Format, cfg.Format)
	set("min-severity", &s.MinSeverity, cfg.MinSeverity)
}

// PolicyOptions adds the configuration's policies and parameters to opts.
// Parameters are merged before opts' data files, so those win.
func PolicyOptions(opts policy.Options, cfg *config.Config) (policy.Options, error) {
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

// RuleOptions sets what the configuration switches off in opts: the rules
// it disables (and the file:line that did), and the input files it
// excludes.
func RuleOptions(opts *engine.Options, cfg *config.Config) {
	if cfg == nil {
		return
	}
	opts.Disabled, opts.Exclude = cfg.Disabled(), cfg.Excluded
	opts.DisabledBy = map[string]string{}
	for _, id := range opts.Disabled {
		opts.DisabledBy[id] = fmt.Sprintf("%s:%d", cfg.File, cfg.Rules[id].Line)
	}
}

// ApplyConfig filters res with the configuration: it adds what was refused
// to be read as errors, warnings (those given first, then the run's, then
// rules: entries naming no loaded rule), then applies severity overrides,
// ignores and exceptions (engine.ApplyConfig) as of now.
func ApplyConfig(res *engine.Result, cfg *config.Config, lib *policy.Library, warnings []engine.Warning, now time.Time) {
	refusedReads(cfg, lib, res)
	res.Warnings = append(append(warnings, res.Warnings...), unknownRules(cfg, lib)...)
	engine.ApplyConfig(res, cfg, now)
}

// ApplyBaseline reports only the findings res has that the baseline file
// does not record. A baseline that cannot be read is an error of the run:
// the report still shows what was found, none of it hidden by a baseline
// that was not read. One that cannot be parsed is returned.
func ApplyBaseline(res *engine.Result, file string, maxFileSize int64) error {
	content, err := confine.ReadFile(file, maxFileSize)
	if err != nil {
		e := engine.Error{File: file, Message: err.Error()}
		var ce *confine.Error
		if errors.As(err, &ce) {
			e = engine.Error{File: ce.Path, Message: ce.Reason}
		}
		e.Message += " (the baseline is not applied)"
		e.Stage, e.Code, e.Err = engine.StageFilter, engine.CodeBaseline, err
		res.Errors = append(res.Errors, e)
		return nil
	}
	b, err := engine.ParseBaseline(file, content)
	if err != nil {
		return err
	}
	engine.ApplyBaseline(res, b, file)
	return nil
}

// HideBelow drops the findings below min ("" keeps all) and counts them.
// What is hidden is not reported in any format and does not count for
// failing: a run that shows nothing does not fail on what it hid.
func HideBelow(res *engine.Result, min string) {
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
// They are errors, and the rest was still evaluated.
func refusedReads(cfg *config.Config, lib *policy.Library, res *engine.Result) {
	n := len(res.Errors)
	if cfg != nil {
		for _, e := range cfg.Refused {
			res.Errors = append(res.Errors, engine.Error{Stage: engine.StageFilter, Code: engine.CodeRefused, File: e.File, Line: e.Line, Message: e.Message})
		}
	}
	if lib != nil {
		for _, e := range lib.Refused {
			res.Errors = append(res.Errors, engine.Error{Stage: engine.StagePolicy, Code: engine.CodeRefused, File: e.File, Line: e.Line, Message: e.Message})
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
