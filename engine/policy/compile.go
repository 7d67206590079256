package policy

import (
	"errors"
	"sort"
	"strings"
	"sync"

	"github.com/open-policy-agent/opa/v1/ast"
)

// Denied builtins: rules judge the objects they are given and nothing else.
// These reach the network, the environment or the host, so a policy (a user's,
// or one from a bundle) that calls them is refused when it is compiled.
var deniedBuiltins = map[string]bool{
	"http.send":          true,
	"net.lookup_ip_addr": true,
	"opa.runtime":        true,
}

// Capabilities are OPA's capabilities minus the denied builtins, with no
// network access. The value is shared (OPA decodes its capabilities from JSON
// on every call, a few milliseconds a short run paid several times): callers
// must not modify it.
func Capabilities() *ast.Capabilities { return capabilities() }

var capabilities = sync.OnceValue(func() *ast.Capabilities {
	caps := ast.CapabilitiesForThisVersion()
	builtins := caps.Builtins[:0:0]
	for _, b := range caps.Builtins {
		if !deniedBuiltins[b.Name] {
			builtins = append(builtins, b)
		}
	}
	caps.Builtins = builtins
	caps.AllowNet = []string{}
	return caps
})

// Compile compiles every module of the library, with every check.
func (l *Library) Compile() (*ast.Compiler, error) {
	modules, err := l.Modules()
	if err != nil {
		return nil, err
	}
	return compile(modules, false, l.print)
}

// Trusted reports whether every module is from the bundled library, whose
// tests compile it whole with every check.
func (l *Library) Trusted() bool {
	for _, b := range l.bundled {
		if !b {
			return false
		}
	}
	return true
}

// CompileRules compiles what the given rules need: every module that is not a
// rule (shared helpers) plus the rules' own modules. Compiling is most of a
// short run's time, and a run over a few kinds needs a fraction of the
// library. For a trusted library the checking stages are skipped: they find
// mistakes, and the tests already compile the library with all of them.
func (l *Library) CompileRules(rules []*Rule, always ...string) (*ast.Compiler, error) {
	names, err := l.closure(rules, always)
	if err != nil {
		return nil, err
	}
	// The compiler rewrites the modules it is given. Those it takes from the
	// cache are parsed again if another rule set needs them: copying every
	// module for every compile cost more than a short run can spare, and most
	// runs compile once.
	modules, err := l.parsedTaken(names)
	if err != nil {
		return nil, err
	}
	return compileOwned(modules, l.Trusted(), l.print)
}

// CompileRuleSets compiles each rule set as CompileRules would, side by side,
// parsing the modules they have in common once: each set after the first that
// needs a module gets a copy of it (a compiler rewrites what it is given, and
// copying a module costs a tenth of parsing it). A short run splits its rules
// in sets to compile on every core, and the helpers the sets share used to be
// parsed once per set.
func (l *Library) CompileRuleSets(sets [][]*Rule, always ...string) ([]*ast.Compiler, error) {
	closures := make([][]string, len(sets))
	var union []string
	seen := map[string]bool{}
	for i, rules := range sets {
		names, err := l.closure(rules, always)
		if err != nil {
			return nil, err
		}
		closures[i] = names
		for _, n := range names {
			if !seen[n] {
				seen[n] = true
				union = append(union, n)
			}
		}
	}
	parsed, err := l.parsedTaken(union)
	if err != nil {
		return nil, err
	}
	given := map[string]bool{}
	modules := make([]map[string]*ast.Module, len(sets))
	for i, names := range closures {
		modules[i] = make(map[string]*ast.Module, len(names))
		for _, n := range names {
			if given[n] {
				modules[i][n] = parsed[n].Copy()
				continue
			}
			given[n] = true
			modules[i][n] = parsed[n]
		}
	}
	out := make([]*ast.Compiler, len(sets))
	errs := make([]error, len(sets))
	var wg sync.WaitGroup
	for i := range sets {
		wg.Go(func() { out[i], errs[i] = compileOwned(modules[i], l.Trusted(), l.print) })
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	return out, nil
}

// closure is the modules the rules need: their own, the modules (of the
// same package or) imported by them, transitively, and the always ones. For a
// library that is not trusted, every module that is not a rule is included:
// a user's rule may reach a helper without importing it.
func (l *Library) closure(rules []*Rule, always []string) ([]string, error) {
	ruleFiles := map[string]bool{}
	for _, r := range l.Rules {
		ruleFiles[r.File] = true
	}
	if !l.Trusted() {
		var names []string
		want := map[string]bool{}
		for _, r := range rules {
			want[r.File] = true
		}
		for name := range l.sources {
			if !ruleFiles[name] || want[name] {
				names = append(names, name)
			}
		}
		return names, nil
	}
	deps := l.deps
	if deps == nil {
		modules, err := l.Modules()
		if err != nil {
			return nil, err
		}
		deps = map[string]moduleDeps{}
		for name, m := range modules {
			deps[name] = depsOf(m)
		}
	}
	byPackage := map[string][]string{}
	for name, d := range deps {
		byPackage[d.Package] = append(byPackage[d.Package], name)
	}
	seen := map[string]bool{}
	var queue []string
	add := func(name string) {
		if _, ok := deps[name]; ok && !seen[name] {
			seen[name] = true
			queue = append(queue, name)
		}
	}
	for _, r := range rules {
		add(r.File)
	}
	for _, a := range always {
		add(a)
	}
	for len(queue) > 0 {
		d := deps[queue[0]]
		queue = queue[1:]
		for _, same := range byPackage[d.Package] {
			add(same)
		}
		for _, imp := range d.Imports {
			for _, name := range byPackage[imp] {
				add(name)
			}
		}
	}
	names := make([]string, 0, len(seen))
	for name := range seen {
		names = append(names, name)
	}
	sort.Strings(names)
	return names, nil
}

// checkStages only report mistakes; they change nothing evaluation uses.
var checkStages = []ast.StageID{
	ast.StageCheckUnusedImports, ast.StageCheckKeywordOverrides, ast.StageCheckDuplicateImports,
	ast.StageCheckVoidCalls, ast.StageCheckRuleConflicts, ast.StageCheckUndefinedFuncs,
	ast.StageCheckRecursion, ast.StageCheckTypes, ast.StageCheckUnsafeBuiltins,
	ast.StageCheckDeprecatedBuiltins, ast.StageBuildRequiredCapabilities,
}

func compile(modules map[string]*ast.Module, trusted, print bool) (*ast.Compiler, error) {
	// The compiler rewrites what it compiles: give it copies so that the
	// library can be compiled again for other rule sets.
	copies := make(map[string]*ast.Module, len(modules))
	for name, m := range modules {
		copies[name] = m.Copy()
	}
	return compileOwned(copies, trusted, print)
}

// compileOwned compiles modules nobody else holds.
func compileOwned(modules map[string]*ast.Module, trusted, print bool) (*ast.Compiler, error) {
	c := ast.NewCompiler().
		WithCapabilities(Capabilities()).
		WithEnablePrintStatements(print)
	if trusted {
		c = c.WithSkipStages(checkStages...)
	}
	c.Compile(modules)
	if c.Failed() {
		return nil, compileErrors(c.Errors)
	}
	return c, nil
}

func compileErrors(errs ast.Errors) Errors {
	out := make(Errors, 0, len(errs))
	for _, e := range errs {
		pe := &Error{Message: e.Message}
		if e.Location != nil {
			pe.File, pe.Line, pe.Column = e.Location.File, e.Location.Row, e.Location.Col
		}
		if name, ok := strings.CutPrefix(e.Message, "undefined function "); ok && deniedBuiltins[name] {
			pe.Message = name + " is not allowed: kubeward policies judge the objects they are given and cannot reach the network, the environment or the host"
		} else if e.Code == ast.TypeErr || e.Code == ast.CompileErr {
			pe.Message = e.Code + ": " + e.Message
		}
		out = append(out, pe)
	}
	return out
}

// CompileError turns a compiler's errors (as OPA's test runner returns them)
// into Errors naming file:line:column; other errors are returned as they are.
func CompileError(err error) error {
	var es ast.Errors
	if errors.As(err, &es) {
		return compileErrors(es)
	}
	return err
}
