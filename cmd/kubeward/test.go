package main

import (
	"bytes"
	"fmt"
	"os"
	"os/signal"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/kubeward/kubeward/engine/atomicfile"
	"github.com/kubeward/kubeward/engine/harness"
	"github.com/kubeward/kubeward/engine/load"
	"github.com/kubeward/kubeward/engine/report"
	kwlint "github.com/kubeward/kubeward/lint"
)

type testFlags struct {
	run         string
	verbose     bool
	format      string
	output      string
	coverage    bool
	coverageMin float64
	timeout     time.Duration
	conftestNS  []string
	allNS       bool
	regoVersion string
	config      string
}

func newTestCommand() *cobra.Command {
	f := &testFlags{}
	cmd := &cobra.Command{
		Use:   "test [DIR]...",
		Short: "Run the Rego unit tests and fixture suites of policy folders",
		Long: `Test runs, in each folder (the current one by default):

  - the Rego unit tests: every test_ rule of its .rego files, as 'opa test'
    does, with the bundled helpers (data.kubeward.lib) importable and the same
    restricted builtins as lint;
  - the fixture suites: every folder holding an expected.yaml is linted by the
    real engine with the folders' policies, and must produce exactly the
    findings it lists.

Exit status: 0 when everything passed, 1 when a test or suite failed (or the
coverage is under --coverage-min), 2 on errors: a policy that does not parse
or compile (file:line:column), an unreadable folder, or nothing to test.`,
		Example: `  kubeward test ./my-policies
  kubeward test ./my-policies --run deny_latest --verbose
  kubeward test ./my-policies --coverage --coverage-min 80
  kubeward test ./my-policies --format junit -o kubeward-tests.xml`,
		RunE: func(cmd *cobra.Command, args []string) error {
			return runTest(cmd, args, f)
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&f.run, "run", "", "run only the tests (data.pkg.test_x) and suites (folder) matching this regular expression")
	fl.BoolVarP(&f.verbose, "verbose", "v", false, "list every test and suite, with the trace of failing tests")
	fl.StringVarP(&f.format, "format", "f", "text", "output format: "+strings.Join(harness.Formats, ", "))
	fl.StringVarP(&f.output, "output", "o", "", "write the report to this file instead of standard output")
	fl.BoolVar(&f.coverage, "coverage", false, "report the lines of the policies the tests evaluated, per file and in total")
	fl.Float64Var(&f.coverageMin, "coverage-min", 0, "fail (exit 1) when the total coverage is under this percentage (implies --coverage)")
	fl.DurationVar(&f.timeout, "timeout", harness.DefaultTimeout, "time limit for one Rego test")
	fl.StringArrayVar(&f.conftestNS, "policy-namespace", nil, "conftest package read besides main, for the fixture suites (repeatable)")
	fl.BoolVar(&f.allNS, "all-policy-namespaces", false, "read every package of the folders as a conftest namespace, for the fixture suites (conftest's --all-namespaces)")
	addRegoVersionFlag(fl, &f.regoVersion)
	fl.StringVar(&f.config, "config", "", "configuration file whose regoVersion: applies (default: the first .kubeward.yaml found from the first folder upwards)")
	return cmd
}

func runTest(cmd *cobra.Command, dirs []string, f *testFlags) error {
	if !contains(harness.Formats, f.format) {
		return usageError("unknown --format %q (one of %s)", f.format, strings.Join(harness.Formats, ", "))
	}
	if f.coverageMin < 0 || f.coverageMin > 100 {
		return usageError("--coverage-min must be between 0 and 100")
	}
	if len(dirs) == 0 {
		dirs = []string{"."}
	}
	// The configuration lint reads for these folders says which Rego they
	// are written in: test must parse them the same way.
	cfg, warnings, err := kwlint.FindConfig(f.config, dirs[0], load.DefaultLimits().MaxFileSize)
	if err != nil {
		return &exitCode{code: exitError, err: err}
	}
	for _, w := range warnings {
		where := w.File
		if w.Line > 0 {
			where = fmt.Sprintf("%s:%d", w.File, w.Line)
		}
		fmt.Fprintf(cmd.ErrOrStderr(), "kubeward: warning: %s\n", report.SafeLine(where+": "+w.Message))
	}
	regoVersion, err := regoVersionOf(cmd, f.regoVersion, cfg)
	if err != nil {
		return err
	}
	ctx, stop := signal.NotifyContext(cmd.Context(), os.Interrupt)
	defer stop()
	res, err := harness.Run(ctx, harness.Options{
		RegoVersion:           regoVersion,
		Dirs:                  dirs,
		Run:                   f.run,
		Verbose:               f.verbose,
		Coverage:              f.coverage || f.coverageMin > 0,
		Timeout:               f.timeout,
		ConftestNamespaces:    f.conftestNS,
		AllConftestNamespaces: f.allNS,
	})
	if err != nil {
		return &exitCode{code: exitError, err: err}
	}
	var buf bytes.Buffer
	if err := harness.Write(&buf, f.format, res, f.verbose); err != nil {
		return &exitCode{code: exitError, err: err}
	}
	if f.output != "" {
		if err := atomicfile.Write(f.output, buf.Bytes(), 0o644); err != nil {
			return &exitCode{code: exitError, err: fmt.Errorf("writing the report: %w", err)}
		}
	} else if _, err := cmd.OutOrStdout().Write(buf.Bytes()); err != nil {
		return &exitCode{code: exitError, err: err}
	}
	if !res.Passed() {
		return &exitCode{code: exitFindings}
	}
	if f.coverageMin > 0 && res.Coverage.Percent < f.coverageMin {
		return &exitCode{code: exitFindings, err: fmt.Errorf("coverage %.1f%% is under --coverage-min %g", res.Coverage.Percent, f.coverageMin)}
	}
	return nil
}
