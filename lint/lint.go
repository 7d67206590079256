package lint

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/kubeward/kubeward/engine"
	"github.com/kubeward/kubeward/engine/config"
	"github.com/kubeward/kubeward/engine/load"
	"github.com/kubeward/kubeward/engine/policy"
	"github.com/kubeward/kubeward/engine/source"
)

// Config says what one Run lints and how. The zero value of a field is the
// CLI's default.
type Config struct {
	// Paths are files, folders (walked for .yaml, .yml and .json) and "-"
	// (Stdin), as `kubeward lint` takes them.
	Paths []string
	// Documents are YAML or JSON documents held in memory (several in one,
	// split by "---", or a List), linted instead of Paths.
	Documents []Document
	// Objects are Kubernetes objects held in memory, linted instead of Paths:
	// map[string]any, or any value encoding/json turns into one (a typed
	// k8s.io/api object with its apiVersion and kind set, an unstructured
	// object's content). Findings name them "object[N]" (N from 0).
	Objects []any
	// Stdin is read for the path "-" (os.Stdin when nil).
	Stdin io.Reader
	// Reader, when set, is read instead of Paths: a live cluster
	// (cluster.Source from engine/source/cluster).
	Reader source.Reader

	// Sources turn inputs that are not plain YAML into objects: give
	// helm.Renderer(…) and kustomize.Renderer() (engine/source/…) to lint
	// charts and kustomizations as the CLI does. With none, a chart folder
	// is walked as plain files, and the program links neither Helm nor
	// Kustomize.
	Sources []source.Renderer
	// Namespace is where objects that name none are placed ("" =
	// "default"), as kubectl's -n; give a chart's renderer the same one.
	Namespace string

	// ConfigFile is the .kubeward.yaml applied; with DiscoverConfig and no
	// ConfigFile, the first found walking up from the first path to the
	// repository's root is, as the CLI does without --config.
	ConfigFile     string
	DiscoverConfig bool

	// Profile selects rules (the configuration's, else "all").
	Profile string
	// FailOn is the lowest severity Result.Failed counts (the
	// configuration's, else "low"; "none": findings never fail).
	FailOn string
	// MinSeverity hides findings below it (the configuration's, else none).
	MinSeverity string
	// Policies are folders of your own Rego policies; Data are YAML or JSON
	// data files merged into data (after the configuration's parameters).
	Policies, Data []string
	// Complete declares the input the whole picture (--complete).
	Complete bool
	// StrictInput makes a file with no Kubernetes object an error.
	StrictInput bool
	// AllowEmpty accepts inputs that hold no Kubernetes object.
	AllowEmpty bool
	// Baseline, when set, reports only findings this baseline file does
	// not record (--baseline).
	Baseline string
	// Timeout bounds the evaluation of one object (engine.DefaultTimeout).
	Timeout time.Duration
	// Limits bound what reading one input may cost (load.DefaultLimits for
	// the fields left 0).
	Limits load.Limits
	// Workers is how many objects are evaluated at once (all cores when 0).
	Workers int
	// Now is the clock exceptions' expiry dates are compared with
	// (time.Now when nil).
	Now func() time.Time
}

// Document is a YAML or JSON document held in memory; Name is how findings
// and errors name it, as a file's path.
type Document struct {
	Name    string
	Content []byte
}

// Result is what a run found: engine.Result's findings, errors, warnings
// and counts, with what the configuration settled.
type Result struct {
	engine.Result
	// Config is the configuration applied (nil when none).
	Config *config.Config
	// FailOn is the threshold in effect (Config.FailOn, the
	// configuration's, or "low").
	FailOn string
	// Library are the loaded rules, active or not.
	Library *policy.Library
}

// Failed reports what the CLI's exit status would: an error, or a finding
// at or above FailOn.
func (r *Result) Failed() bool {
	return len(r.Errors) > 0 || r.FailOn != "none" && r.Count(r.FailOn) > 0
}

// Run lints what c names, applies the configuration and the baseline, and
// returns what was found. Problems with the input or with evaluating it are
// in Result.Errors (the rest is still linted); the error returned (an
// *Error) is a run that could not start: a bad configuration or setting,
// policies that do not load.
func Run(ctx context.Context, c Config) (*Result, error) {
	c.Limits = c.Limits.WithDefaults()
	if c.Now == nil {
		c.Now = time.Now
	}
	inputs := 0
	for _, given := range []bool{len(c.Paths) > 0, len(c.Documents)+len(c.Objects) > 0, c.Reader != nil} {
		if given {
			inputs++
		}
	}
	if inputs != 1 {
		return nil, &Error{Stage: StageLoad, Code: "input", Message: "give Paths, Documents and Objects, or a Reader: exactly one kind of input"}
	}

	var cfg *config.Config
	var warnings []engine.Warning
	if c.ConfigFile != "" || c.DiscoverConfig {
		start := "."
		if len(c.Paths) > 0 {
			start = c.Paths[0]
		}
		var err error
		cfg, warnings, err = FindConfig(c.ConfigFile, start, c.Limits.MaxFileSize)
		if err != nil {
			return nil, configError("", 0, err)
		}
	}
	s := Settings{Profile: c.Profile, FailOn: c.FailOn, MinSeverity: c.MinSeverity}
	ApplyDefaults(&s, cfg, func(name string) bool {
		return name == "profile" && c.Profile != "" || name == "fail-on" && c.FailOn != "" || name == "min-severity" && c.MinSeverity != ""
	})
	if s.Profile == "" {
		s.Profile = policy.ProfileAll
	}
	if s.FailOn == "" {
		s.FailOn = "low" // the CLI's --fail-on default
	}
	if err := checkSettings(s, cfg); err != nil {
		return nil, err
	}
	if cfg != nil && len(cfg.Bundles) > 0 {
		// Verifying a bundle needs its keys and a registry client: the CLI's.
		return nil, configError(cfg.File, cfg.Lines["bundles"], errors.New("bundles: lint.Run does not load bundles; use `kubeward lint`, or Policies with the bundle's folder"))
	}

	popts, err := PolicyOptions(policy.Options{PolicyDirs: c.Policies, DataFiles: c.Data, MaxFileSize: c.Limits.MaxFileSize, SkipRefused: true}, cfg)
	if err != nil {
		return nil, configError(cfg.File, 0, err)
	}
	opts := engine.Options{
		Policy: popts, Profile: s.Profile, Complete: c.Complete || c.Reader != nil,
		StrictInput: c.StrictInput, AllowEmpty: c.AllowEmpty, Timeout: c.Timeout, Limits: c.Limits,
		Workers: c.Workers, Stdin: c.Stdin, Renderers: c.Sources, Namespace: c.Namespace,
	}
	RuleOptions(&opts, cfg)
	linter, err := engine.New(opts)
	if err != nil {
		return nil, &Error{Stage: StagePolicy, Code: engine.CodeCompile, Message: err.Error(), Err: err}
	}

	res, err := lintInputs(ctx, linter, c)
	if err != nil {
		return nil, err
	}
	ApplyConfig(res, cfg, linter.Library(), warnings, c.Now())
	if c.Baseline != "" {
		if err := ApplyBaseline(res, c.Baseline, c.Limits.MaxFileSize); err != nil {
			return nil, &Error{Stage: StageFilter, Code: engine.CodeBaseline, File: c.Baseline, Message: err.Error(), Err: err}
		}
	}
	HideBelow(res, s.MinSeverity)
	return &Result{Result: *res, Config: cfg, FailOn: s.FailOn, Library: linter.Library()}, nil
}

// checkSettings refuses a severity that is none, naming the configuration's
// line when it came from there.
func checkSettings(s Settings, cfg *config.Config) error {
	check := func(v, key, what string, extra ...string) error {
		if v == "" || policy.SeverityRank(v) >= 0 || len(extra) > 0 && v == extra[0] {
			return nil
		}
		err := fmt.Errorf("%s %q is not a severity (one of %s)", what, v, strings.Join(append(append([]string(nil), policy.Severities...), extra...), ", "))
		if cfg != nil && cfg.Lines[key] > 0 && (key == "failOn" && cfg.FailOn == v || key == "minSeverity" && cfg.MinSeverity == v) {
			return configError(cfg.File, cfg.Lines[key], err)
		}
		return configError("", 0, err)
	}
	if err := check(s.FailOn, "failOn", "failOn", "none"); err != nil {
		return err
	}
	return check(s.MinSeverity, "minSeverity", "minSeverity")
}
