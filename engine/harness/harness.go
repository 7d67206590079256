// Package harness is the policy test harness behind `kubeward test`: it runs
// the Rego unit tests (test_ rules) of policy folders with OPA's test runner,
// under the same restricted capabilities as lint and with the bundled
// data.kubeward.lib importable, measures their coverage, and runs the
// fixture suites (folders with an expected.yaml) through the real engine.
package harness

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"time"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/cover"
	"github.com/open-policy-agent/opa/v1/storage/inmem"
	"github.com/open-policy-agent/opa/v1/tester"
	"github.com/open-policy-agent/opa/v1/topdown"

	"github.com/kubeward/kubeward/engine/policy"
	"github.com/kubeward/kubeward/engine/suite"
)

// Options say what to test and how.
type Options struct {
	// Dirs are policy folders (or files); their tests and suites are run.
	Dirs []string
	// Run selects tests whose full name (data.pkg.test_x) or suites whose
	// folder matches this regular expression.
	Run string
	// Verbose keeps the evaluation trace of failing tests.
	Verbose bool
	// Coverage measures which lines of the policies the tests evaluated.
	Coverage bool
	// Timeout bounds one Rego test (DefaultTimeout when 0).
	Timeout time.Duration
	// ConftestNamespaces are passed to the suites' lint runs.
	ConftestNamespaces []string
	// AllConftestNamespaces reads every package of the folders as a conftest
	// namespace in the suites' lint runs, as lint's --all-policy-namespaces.
	AllConftestNamespaces bool
	// RegoVersion is the Rego version the folders' policies and tests are
	// written in (v1 when unset); the bundled helpers stay v1.
	RegoVersion ast.RegoVersion
}

// DefaultTimeout bounds one Rego test, like lint's per-object limit.
const DefaultTimeout = 10 * time.Second

// Result is the outcome of a test run.
type Result struct {
	// Tests are the Rego tests, by file and line.
	Tests []*tester.Result
	// Suites are the fixture suites, by folder.
	Suites []*suite.Result
	// Coverage is set when it was asked for.
	Coverage *Coverage
}

// Failed counts failing (or erroring) Rego tests and failing suites.
func (r *Result) Failed() (tests, suites int) {
	for _, t := range r.Tests {
		if t.Fail || t.Error != nil {
			tests++
		}
	}
	for _, s := range r.Suites {
		if !s.Passed() {
			suites++
		}
	}
	return tests, suites
}

// Passed reports whether every test and suite passed.
func (r *Result) Passed() bool {
	t, s := r.Failed()
	return t == 0 && s == 0
}

// ErrNoTests is returned when the folders hold nothing to run: a wrong path
// in CI must not pass silently.
var ErrNoTests = errors.New("no tests found")

// Run runs the tests and suites of opts.Dirs. An error means the run could
// not happen (unreadable folder, a policy that does not parse or compile,
// nothing to test); failing tests are in the Result.
func Run(ctx context.Context, opts Options) (*Result, error) {
	var filter *regexp.Regexp
	if opts.Run != "" {
		var err error
		if filter, err = regexp.Compile(opts.Run); err != nil {
			return nil, fmt.Errorf("--run: %w", err)
		}
	}
	files, err := readDirs(opts.Dirs)
	if err != nil {
		return nil, err
	}
	lib, shadowed, err := load(files, opts)
	if err != nil {
		return nil, err
	}
	res := &Result{}
	// One tracer for the Rego tests and the suites' lint runs: a line is
	// covered when either evaluated it.
	var cov *cover.Cover
	if opts.Coverage {
		cov = cover.New()
	}
	if hasTests(lib) {
		if err := runRego(ctx, lib, opts, res, cov); err != nil {
			return nil, err
		}
	}
	var dirs []string
	for _, d := range opts.Dirs {
		found, err := findSuites(d)
		if err != nil {
			return nil, err
		}
		dirs = append(dirs, found...)
	}
	for _, dir := range dirs {
		if filter != nil && !filter.MatchString(filepath.ToSlash(dir)) {
			continue
		}
		var tracer topdown.QueryTracer
		if cov != nil {
			tracer = cov
		}
		res.Suites = append(res.Suites, suite.RunTraced(ctx, dir, policy.Options{
			// The folders that are the bundled library itself replace it.
			NoBuiltin:             shadowed,
			PolicyDirs:            opts.Dirs,
			ConftestNamespaces:    opts.ConftestNamespaces,
			AllConftestNamespaces: opts.AllConftestNamespaces,
			RegoVersion:           opts.RegoVersion,
			EmptyDirsOK:           true, // a folder of suites only tests the bundled library
		}, tracer))
	}
	if cov != nil {
		modules, err := lib.Modules()
		if err != nil {
			return nil, err
		}
		res.Coverage = coverageOf(cov.Report(modules), lib, modules)
	}
	if len(res.Tests) == 0 && len(res.Suites) == 0 {
		where := strings.Join(opts.Dirs, ", ")
		if filter != nil {
			return nil, fmt.Errorf("%w in %s matching --run %q", ErrNoTests, where, opts.Run)
		}
		return nil, fmt.Errorf("%w in %s: no test_ rules in .rego files and no fixture suite (a folder with %s)", ErrNoTests, where, suite.ExpectedFile)
	}
	return res, nil
}

// readDirs reads the Rego files (tests included) and data files under dirs.
// Fixture-suite folders hold manifests, not data, and are left out.
func readDirs(dirs []string) ([]policy.File, error) {
	var files []policy.File
	var errs policy.Errors
	for _, dir := range dirs {
		info, err := os.Stat(dir)
		if err != nil {
			errs = append(errs, &policy.Error{File: dir, Message: "cannot read policy folder: " + policy.DescribeError(err)})
			continue
		}
		add := func(p string) {
			if !strings.HasSuffix(p, ".rego") && !policy.IsDataFile(p) {
				return
			}
			b, err := os.ReadFile(p)
			if err != nil {
				errs = append(errs, &policy.Error{File: p, Message: "cannot read: " + policy.DescribeError(err)})
				return
			}
			files = append(files, policy.File{Name: p, Content: b})
		}
		if !info.IsDir() {
			add(dir)
			continue
		}
		err = filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
			switch {
			case err != nil:
				errs = append(errs, &policy.Error{File: p, Message: policy.DescribeError(err)})
				return nil
			case d.IsDir() && p != dir && (strings.HasPrefix(d.Name(), ".") || policy.IsSuiteDir(p)):
				return fs.SkipDir
			case d.IsDir() && policy.IsSuiteDir(p):
				return fs.SkipDir // the folder given is itself a suite
			case !d.IsDir():
				add(p)
			}
			return nil
		})
		if err != nil {
			errs = append(errs, &policy.Error{File: dir, Message: policy.DescribeError(err)})
		}
	}
	if len(errs) > 0 {
		return nil, errs
	}
	return files, nil
}

func findSuites(dir string) ([]string, error) {
	if info, err := os.Stat(dir); err != nil || !info.IsDir() {
		return nil, nil // a file: readDirs has said what was wrong, if anything
	}
	dirs, err := suite.Find(dir)
	if err != nil {
		return nil, fmt.Errorf("looking for fixture suites in %s: %w", dir, err)
	}
	return dirs, nil
}

// load loads the user's files plus the bundled helpers (data.kubeward.lib)
// and data, so that user tests can import the stable helper API. A bundled
// package the folders already define is not loaded again: `kubeward test
// policies/` tests the files on disk, not the embedded copy. shadowed reports
// that case, so that the suites use the folders instead of the bundled library.
func load(user []policy.File, opts Options) (*policy.Library, bool, error) {
	defined := map[string]bool{}
	for _, f := range user {
		if pkg := packageOf(f.Content); pkg != "" {
			defined[pkg] = true
		}
	}
	bundled, err := policy.BundledFiles(false)
	if err != nil {
		return nil, false, fmt.Errorf("reading the bundled library: %w", err)
	}
	files := user
	shadowed := false
	for _, f := range bundled {
		switch {
		case policy.IsDataFile(f.Name):
			files = append(files, f)
		case strings.HasPrefix(f.Name, "policies/lib/"):
			if defined[packageOf(f.Content)] {
				shadowed = true
				continue
			}
			files = append(files, f)
		}
	}
	lib, err := policy.Load(policy.Options{NoBuiltin: true, Files: files, ConftestNamespaces: opts.ConftestNamespaces,
		AllConftestNamespaces: opts.AllConftestNamespaces, RegoVersion: opts.RegoVersion})
	if err != nil {
		return nil, false, err
	}
	return lib, shadowed, nil
}

// packageOf reads a Rego file's package clause, without parsing the file.
func packageOf(src []byte) string {
	sc := bufio.NewScanner(bytes.NewReader(src))
	sc.Buffer(make([]byte, 64*1024), len(src)+1)
	for sc.Scan() {
		if rest, ok := strings.CutPrefix(strings.TrimSpace(sc.Text()), "package "); ok {
			return strings.TrimSpace(rest)
		}
	}
	return ""
}

// hasTests reports whether a user (not bundled) module defines a test_ rule.
func hasTests(lib *policy.Library) bool {
	modules, err := lib.Modules()
	if err != nil {
		return false
	}
	for name, m := range modules {
		if !lib.IsBundled(name) {
			for _, r := range m.Rules {
				if strings.HasPrefix(r.Head.Ref()[0].Value.String(), "test_") {
					return true
				}
			}
		}
	}
	return false
}

// RegoTests runs the Rego tests of a library already loaded (a bundle being
// built), the way Run runs those of folders: lint's capabilities, the
// library's data, opts.Timeout per test. opts.Dirs is not read.
func RegoTests(ctx context.Context, lib *policy.Library, opts Options) ([]*tester.Result, error) {
	res := &Result{}
	if err := runRego(ctx, lib, opts, res, nil); err != nil {
		return nil, err
	}
	return res.Tests, nil
}

// runRego runs the Rego tests of lib; cov, when not nil, traces them.
func runRego(ctx context.Context, lib *policy.Library, opts Options, res *Result, cov *cover.Cover) error {
	modules, err := lib.Modules()
	if err != nil {
		return err
	}
	store := inmem.NewFromObject(lib.Data)
	txn, err := store.NewTransaction(ctx)
	if err != nil {
		return err
	}
	defer store.Abort(ctx, txn)
	timeout := opts.Timeout
	if timeout <= 0 {
		timeout = DefaultTimeout
	}
	compiler := ast.NewCompiler().
		WithCapabilities(policy.Capabilities()).
		WithEnablePrintStatements(true)
	runner := tester.NewRunner().
		SetCompiler(compiler).
		SetStore(store).
		SetModules(modules).
		SetTimeout(timeout).
		CapturePrintOutput(true).
		EnableTracing(opts.Verbose).
		RaiseBuiltinErrors(true).
		Filter(opts.Run)
	if cov != nil {
		// Plain coverage (which expressions ran): OPA's supplementary runs
		// re-evaluate every test to explain misses, which we do not report.
		runner.SetCoverageQueryTracer(cov).SetCoverageRuns(nil)
	}
	ch, err := runner.RunTests(ctx, txn)
	if err != nil {
		return policy.CompileError(err)
	}
	for r := range ch {
		res.Tests = append(res.Tests, r)
	}
	sort.Slice(res.Tests, func(i, j int) bool {
		a, b := res.Tests[i], res.Tests[j]
		if a.Location.File != b.Location.File {
			return a.Location.File < b.Location.File
		}
		if a.Location.Row != b.Location.Row {
			return a.Location.Row < b.Location.Row
		}
		return a.Name < b.Name
	})
	return nil
}
