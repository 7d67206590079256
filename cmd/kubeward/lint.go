package main

import (
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"time"

	"github.com/spf13/cobra"
	"golang.org/x/term"

	"github.com/kubeward/kubeward/engine"
	"github.com/kubeward/kubeward/engine/load"
	"github.com/kubeward/kubeward/engine/policy"
	"github.com/kubeward/kubeward/engine/report"
	kwlint "github.com/kubeward/kubeward/lint"
)

type lintFlags struct {
	profile  string
	policies []string
	data     []string
	// conftestNS are conftest packages read besides "main". Not --namespace:
	// -n/--namespace is the Kubernetes namespace, as in kubectl.
	conftestNS []string
	// allNS reads every package of the --policy folders as conftest's
	// --all-namespaces does; that name is kubectl's -A here.
	allNS bool
	// combine gives conftest rules one input holding every document.
	combine bool
	// regoVersion is the Rego version of the user's policies ("" = v1).
	regoVersion string
	complete    bool
	// format is the report format when --format is not given (the
	// configuration's, or text); formats are the --format values as given,
	// and outputs what planOutputs made of them.
	format      string
	formats     []string
	outputs     []reportOutput
	output      string
	failOn      string
	minSeverity string
	strictInput bool
	allowEmpty  bool
	color       string
	timeout     time.Duration
	limits      load.Limits
	workers     int
	streamAfter int64
	// parseOnly reads and checks the input and evaluates no rule: the floor
	// that make bench compares a whole run with.
	parseOnly bool
	// noSchema and crds configure schema validation (KW-SCH rules).
	noSchema bool
	crds     []string
	cacheDir string
	noCache  bool

	config         string
	configWarnings []engine.Warning // discovered configurations not used
	showSuppressed bool
	baseline       string
	writeBaseline  string
	bundle         bundleFlags
	sources        sourceFlags

	// print shows the rules' print() output on stderr (print.go).
	print bool
}

func newLintCommand() *cobra.Command {
	f := &lintFlags{}
	limits := load.DefaultLimits()
	cmd := &cobra.Command{
		Use:   "lint [PATH|-]...",
		Short: "Check manifests against the policy library",
		Long: `Lint reads Kubernetes objects from files, folders (recursively: .yaml, .yml,
.json) and standard input ("-"), evaluates every active rule on every object and
reports the findings. A folder with Chart.yaml (or a .tgz chart) is rendered
as 'helm template' would; a folder with kustomization.yaml is built as
'kustomize build' would; --cluster reads a live cluster instead of paths.

Exit status: 0 when nothing at or above --fail-on was found, 1 when something
was, 2 on errors (unreadable or invalid input, bad flags, a --bundle that
fails verification). Errors win over findings, and an error in one file never
stops the others from being checked.`,
		Example: `  kubeward lint deploy.yaml
  kubeward lint manifests/ --profile pss-baseline
  helm template ./chart | kubeward lint - --format sarif --output kubeward.sarif
  kubectl get deploy,rs,pods -o yaml | kubeward lint -
  kubeward lint ./chart --values prod.yaml --set image.tag=1.2.3
  kubeward lint overlays/prod/
  kubeward lint --cluster --context prod -A
  kubeward lint --fail-on high --format json manifests/
  kubeward lint --bundle oci://registry.example.com/policies/acme:v1 --verification-key acme.pub deploy/
  kubeward lint --format html --output report.html manifests/
  kubeward lint --policy policy/ --profile conftest --rego-version v0 --combine deploy/`,
		RunE: func(cmd *cobra.Command, args []string) error {
			return runLint(cmd, args, f)
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&f.profile, "profile", policy.ProfileAll, "rule profile: all, pss-baseline, pss-restricted, …")
	fl.StringArrayVar(&f.policies, "policy", nil, "folder of your own Rego policies (repeatable)")
	fl.StringArrayVar(&f.conftestNS, "policy-namespace", nil, "conftest package read from --policy folders besides main (repeatable; conftest's --namespace)")
	fl.BoolVar(&f.allNS, "all-policy-namespaces", false, "read every package of the --policy folders as a conftest namespace (conftest's --all-namespaces)")
	fl.BoolVar(&f.combine, "combine", false, "conftest rules see one input holding every document, an array of {path, contents} (conftest's --combine)")
	addRegoVersionFlag(fl, &f.regoVersion)
	fl.StringArrayVar(&f.data, "data", nil, "YAML or JSON data file merged into data, e.g. rule parameters under kubeward.config (repeatable)")
	fl.BoolVar(&f.complete, "complete", false, "the input is the whole picture: run rules that fire because something is absent")
	f.format = "text"
	fl.StringArrayVarP(&f.formats, "format", "f", []string{"text"}, "report format: "+strings.Join(report.Formats, ", ")+"; FORMAT=FILE writes that report to FILE (repeatable: one evaluation, several reports)")
	fl.StringVarP(&f.output, "output", "o", "", "write the report of the --format without a file to this file instead of standard output")
	fl.StringVar(&f.failOn, "fail-on", "low", "lowest severity that makes the exit status 1: critical, high, medium, low, info, none")
	fl.StringVar(&f.minSeverity, "min-severity", "", "hide findings below this severity in every format (they do not count for --fail-on): critical, high, medium, low, info")
	fl.BoolVar(&f.noSchema, "no-schema", false, "do not validate objects against the Kubernetes API schema and CRDs (the KW-SCH rules)")
	fl.StringArrayVar(&f.crds, "crd", nil, "file or folder of CustomResourceDefinitions that custom resources are validated against, besides those in the input (repeatable)")
	fl.BoolVar(&f.strictInput, "strict-input", false, "a file with no Kubernetes object in it (compose, package.json, a values file) is an error, not skipped")
	fl.BoolVar(&f.allowEmpty, "allow-empty", false, "exit 0, not 2, when the inputs hold no Kubernetes object at all")
	fl.StringVar(&f.color, "color", "auto", "colour in text output: auto, always, never")
	fl.DurationVar(&f.timeout, "timeout", engine.DefaultTimeout, "time limit for evaluating one object")
	fl.Int64Var(&f.limits.MaxFileSize, "max-file-size", limits.MaxFileSize, "largest input file, in bytes")
	fl.IntVar(&f.limits.MaxDepth, "max-depth", limits.MaxDepth, "deepest nesting of a document")
	fl.IntVar(&f.limits.MaxNodes, "max-nodes", limits.MaxNodes, "most values in one file, over all its documents, aliases expanded")
	fl.DurationVar(&f.limits.RenderTimeout, "render-timeout", limits.RenderTimeout, "time limit for rendering one chart or building one kustomization")
	fl.Int64Var(&f.limits.MaxRenderedBytes, "max-rendered-bytes", limits.MaxRenderedBytes, "most bytes one chart or kustomization may render to")
	fl.Int64Var(&f.streamAfter, "stream-after", engine.DefaultStreamAfter, "bytes of input files held whole in memory; files read past it are parsed again when evaluated, to bound memory (-1: hold everything)")
	fl.IntVar(&f.workers, "workers", 0, "objects evaluated at once (0: one per CPU)")
	fl.StringVar(&f.cacheDir, "cache-dir", "", "where results of runs over unchanged files are kept (default $KUBEWARD_CACHE_DIR, else the user cache folder)")
	fl.BoolVar(&f.noCache, "no-cache", false, "neither use nor store cached results")
	fl.BoolVar(&f.parseOnly, "parse-only", false, "read and parse the input, evaluate no rule (for benchmarks)")
	_ = fl.MarkHidden("parse-only")
	fl.StringVar(&f.config, "config", "", "configuration file (default: the first .kubeward.yaml found from the first input path upwards)")
	fl.BoolVar(&f.showSuppressed, "show-suppressed", false, "list suppressed findings and what suppressed them")
	fl.StringVar(&f.baseline, "baseline", "", "report only findings not recorded in this baseline file")
	fl.StringVar(&f.writeBaseline, "write-baseline", "", "record the current findings in this baseline file (.json, or .yaml/.yml)")
	f.bundle.add(cmd)
	addSourceFlags(fl, &f.sources)
	addPrintFlag(fl, f)
	return cmd
}

func runLint(cmd *cobra.Command, args []string, f *lintFlags) error {
	if err := checkSourceFlags(f, args); err != nil {
		return err
	}
	if len(args) == 0 && !f.sources.cluster {
		return usageError("no input: give files, folders, or - for standard input\nRun 'kubeward lint --help' for usage.")
	}
	cfg, err := loadConfig(f, args)
	if err != nil {
		return &exitCode{code: exitError, err: err}
	}
	applyConfigDefaults(cmd, f, cfg)
	if f.outputs, err = planOutputs(cmd, f, cfg); err != nil {
		return err
	}
	if err := checkOutputs(f, args, cfg); err != nil {
		return err
	}
	cfgBundles := configBundles(cfg)
	regoVersion, err := regoVersionOf(cmd, f.regoVersion, cfg)
	if err != nil {
		return err
	}
	policyOpts, err := configPolicyOptions(policy.Options{PolicyDirs: f.policies, DataFiles: f.data, ConftestNamespaces: f.conftestNS,
		AllConftestNamespaces: f.allNS, RegoVersion: regoVersion, MaxFileSize: f.limits.MaxFileSize, SkipRefused: true}, cfg)
	if err != nil {
		return &exitCode{code: exitError, err: err}
	}
	var fromConfig engine.Options
	kwlint.RuleOptions(&fromConfig, cfg)
	disabled, disabledBy, exclude := fromConfig.Disabled, fromConfig.DisabledBy, fromConfig.Exclude
	if f.failOn != "none" && policy.SeverityRank(f.failOn) < 0 {
		return usageError("unknown --fail-on %q (one of %s, none)", f.failOn, strings.Join(policy.Severities, ", "))
	}
	if f.minSeverity != "" && policy.SeverityRank(f.minSeverity) < 0 {
		if cfg != nil && cfg.MinSeverity == f.minSeverity && !cmd.Flags().Changed("min-severity") {
			return usageError("%s:%d: minSeverity %q is not a severity (one of %s)", cfg.File, cfg.Lines["minSeverity"], f.minSeverity, strings.Join(policy.Severities, ", "))
		}
		return usageError("unknown --min-severity %q (one of %s)", f.minSeverity, strings.Join(policy.Severities, ", "))
	}
	if !contains([]string{"auto", "always", "never"}, f.color) {
		return usageError("unknown --color %q (one of auto, always, never)", f.color)
	}
	if f.limits.MaxFileSize <= 0 || f.limits.MaxDepth <= 0 || f.limits.MaxNodes <= 0 || f.limits.RenderTimeout <= 0 || f.limits.MaxRenderedBytes <= 0 {
		return usageError("--max-file-size, --max-depth, --max-nodes, --render-timeout and --max-rendered-bytes must be positive")
	}
	ctx, stop := signal.NotifyContext(cmd.Context(), os.Interrupt)
	defer stop()

	if f.streamAfter == 0 || f.streamAfter < -1 {
		return usageError("--stream-after must be positive, or -1 to hold the whole input")
	}
	if f.parseOnly {
		policyOpts = policy.Options{NoBuiltin: true}
		// The floor is one read of every file.
		f.streamAfter = -1
	} else {
		f.bundle.config = cfgBundles
		if cfg != nil {
			f.bundle.configFile = cfg.File
		}
		if err := f.bundle.load(cmd, &policyOpts); err != nil {
			return err
		}
	}
	linter, err := engine.New(engine.Options{
		Policy:      policyOpts,
		Profile:     f.profile,
		Disabled:    disabled,
		DisabledBy:  disabledBy,
		Exclude:     exclude,
		Complete:    f.complete || f.sources.cluster,
		StrictInput: f.strictInput,
		AllowEmpty:  f.allowEmpty,
		Timeout:     f.timeout,
		Limits:      f.limits,
		Workers:     f.workers,
		Stdin:       cmd.InOrStdin(),
		StreamAfter: f.streamAfter,
		Combine:     f.combine,
		Renderers:   f.sources.renderers(),
		Namespace:   f.sources.helm.Namespace,
		KubeVersion: f.sources.helm.KubeVersion,
		NoSchema:    f.noSchema || f.parseOnly,
		CRDs:        f.crds,
		CacheDir:    resultCacheDir(f),
		Progress:    objectProgress(cmd, f),
		Print:       rulePrinter(cmd.ErrOrStderr(), f.print),
	})
	if err != nil {
		return &exitCode{code: exitError, err: err}
	}
	res, err := lintInputs(ctx, cmd, f, linter, args)
	if err != nil {
		return &exitCode{code: exitError, err: err}
	}
	if f.parseOnly {
		res.RulesOff = nil // no rule is meant to run: nothing was switched off
	}
	if err := filterResult(cmd, f, cfg, linter.Library(), res); err != nil {
		return &exitCode{code: exitError, err: err}
	}
	if err := writeReports(cmd, f, res); err != nil {
		return &exitCode{code: exitError, err: err}
	}
	completeNote(cmd, f, res)
	switch {
	case len(res.Errors) > 0:
		return &exitCode{code: exitError}
	case f.failOn != "none" && res.Count(f.failOn) > 0:
		return &exitCode{code: exitFindings}
	}
	return nil
}

// completeNote says on a terminal, in one line of stderr, that rules
// needing --complete did not run: in the report it was the same two lines
// at the end of every run, and a script or a -o file has the JSON's
// summary.skippedIncomplete. -q/--quiet turns it off.
func completeNote(cmd *cobra.Command, f *lintFlags, res *engine.Result) {
	// With no object, no rule could have fired: there is nothing to say.
	if f.sources.quiet || f.parseOnly || res.Objects == 0 || !isTerminal(cmd.ErrOrStderr()) {
		return
	}
	if line := report.SkippedIncompleteNote(res); line != "" {
		fmt.Fprintln(cmd.ErrOrStderr(), line)
	}
}

// isTerminal is a seam: tests replace it to see what a terminal gets.
var isTerminal = func(w io.Writer) bool {
	file, ok := w.(*os.File)
	return ok && term.IsTerminal(int(file.Fd()))
}

// objectProgress shows how far evaluation is, on a terminal, for runs long
// enough to wait for (-q/--quiet turns it off).
func objectProgress(cmd *cobra.Command, f *lintFlags) func(done, total int) {
	p := progressWriter(cmd.ErrOrStderr(), f.sources.quiet)
	if p == nil {
		return nil
	}
	return func(done, total int) {
		if total < progressMinObjects {
			return
		}
		fmt.Fprintf(p, "\r\033[Kkubeward: evaluated %d/%d objects", done, total)
		if done == total {
			fmt.Fprint(p, "\r\033[K")
		}
	}
}

// progressMinObjects is the smallest run that shows progress: a short run
// would only flicker.
const progressMinObjects = 500

// resultCacheDir is where lint keeps results, "" for none.
func resultCacheDir(f *lintFlags) string {
	if f.noCache || f.parseOnly || os.Getenv("KUBEWARD_NO_CACHE") != "" {
		return ""
	}
	if f.cacheDir != "" {
		return f.cacheDir
	}
	return cacheRoot()
}

// cacheRoot is kubeward's cache folder: $KUBEWARD_CACHE_DIR, else
// kubeward/ in the user cache folder ("" when there is none).
func cacheRoot() string {
	if d := os.Getenv("KUBEWARD_CACHE_DIR"); d != "" {
		return d
	}
	d, err := os.UserCacheDir()
	if err != nil {
		return ""
	}
	return filepath.Join(d, "kubeward")
}

func useColor(mode string, out io.Writer, output string) bool {
	switch mode {
	case "always":
		return true
	case "never":
		return false
	}
	if output != "" || os.Getenv("NO_COLOR") != "" {
		return false
	}
	file, ok := out.(*os.File)
	return ok && term.IsTerminal(int(file.Fd()))
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}
