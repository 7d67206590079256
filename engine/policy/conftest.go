package policy

import (
	"fmt"
	"path"
	"regexp"
	"sort"
	"strings"

	"github.com/open-policy-agent/opa/v1/ast"
)

// ConftestNamespace is the package conftest reads by default; kubeward reads
// it too, so that a conftest policy folder runs unchanged with --policy.
const ConftestNamespace = "main"

// ConftestProfile holds every conftest-style rule (`--profile conftest`).
const ConftestProfile = "conftest"

// conftestRuleName is what conftest evaluates in a namespace: deny, violation
// and warn, and their deny_*/violation_*/warn_* forms, with conftest's own
// pattern (deny__x and deny_x_ are not rules to it, so not to kubeward).
var conftestRuleName = regexp.MustCompile(`^(deny|violation|warn)(_[a-zA-Z0-9]+)*$`)

// conftestRules makes one rule per (package, rule name) of the user's modules
// in the conftest namespaces. Such packages carry no METADATA contract: their
// id is derived from where they live (conftest.<package>.<rule>), which is
// stable while the messages they build change with every input.
func (l *Library) conftestRules(namespaces []string, all bool) ([]*Rule, Errors) {
	want := conftestNamespaces(namespaces, all)
	names := make([]string, 0, len(l.modules))
	for name := range l.modules {
		if !l.bundled[name] && !strings.HasSuffix(name, "_test.rego") {
			names = append(names, name)
		}
	}
	sort.Strings(names) // the first file defining a rule is where it is said to live
	exceptions := conftestExceptions(l.modules, names, want)
	byKey := map[string]*Rule{}
	var out []*Rule
	var errs Errors
	for _, name := range names {
		m := l.modules[name]
		pkg := strings.TrimPrefix(m.Package.Path.String(), "data.")
		if !want(pkg) {
			continue
		}
		errs = append(errs, checkResults(l.sources[name], m, conftestRuleName.MatchString, false)...)
		for _, r := range m.Rules {
			if len(r.Head.Reference) != 1 {
				continue
			}
			v, ok := r.Head.Reference[0].Value.(ast.Var)
			if !ok || !conftestRuleName.MatchString(string(v)) {
				continue
			}
			entry := string(v)
			key := pkg + "." + entry
			if byKey[key] != nil {
				continue
			}
			severity := "high"
			if strings.HasPrefix(entry, "warn") {
				severity = "low"
			}
			rule := &Rule{
				ID:          "conftest." + key,
				Title:       fmt.Sprintf("conftest rule %s in package %s", entry, pkg),
				Description: "A conftest-style rule: its messages are reported as findings at the start of the object.",
				Severity:    severity,
				Profiles:    []string{ConftestProfile},
				Package:     pkg,
				File:        name,
				Conftest:    true,
				Entry:       entry,
			}
			if r.Location != nil {
				rule.Line = r.Location.Row
			}
			if ex, ok := exceptions[pkg]; ok {
				rule.ExceptionFile, rule.ExceptionLine = ex.file, ex.line
				rule.ExceptionName = ExceptionName(entry)
			}
			byKey[key] = rule
			out = append(out, rule)
		}
	}
	return out, errs
}

type exceptionAt struct {
	file string
	line int
}

// conftestExceptions finds, per conftest package, the first file and line
// defining its exception rule: conftest reads exceptions of the rule's own
// package only.
func conftestExceptions(modules map[string]*ast.Module, names []string, want func(string) bool) map[string]exceptionAt {
	out := map[string]exceptionAt{}
	for _, name := range names {
		m := modules[name]
		pkg := strings.TrimPrefix(m.Package.Path.String(), "data.")
		if !want(pkg) {
			continue
		}
		if _, ok := out[pkg]; ok {
			continue
		}
		for _, r := range m.Rules {
			if len(r.Head.Reference) != 1 {
				continue
			}
			if v, ok := r.Head.Reference[0].Value.(ast.Var); ok && v == "exception" {
				at := exceptionAt{file: name}
				if r.Location != nil {
					at.line = r.Location.Row
				}
				out[pkg] = at
				break
			}
		}
	}
	return out
}

// ExceptionName is the name conftest (v0.71) looks for in the exception set
// to skip a rule: the rule's name without its deny_, violation_ or warn_
// prefix, and "" for a bare deny, violation or warn, so that an exception
// naming "" excepts those.
func ExceptionName(entry string) string {
	if entry == "deny" || entry == "violation" || entry == "warn" {
		return ""
	}
	for _, p := range []string{"deny_", "violation_", "warn_"} {
		if rest, ok := strings.CutPrefix(entry, p); ok {
			return rest
		}
	}
	return entry
}

// conftestNamespaces says which packages are read as conftest policies:
// main, the named ones (a name with *, ? or [ is a glob over whole package
// names, as conftest's --namespace takes it), or, with all, every package
// but kubeward's own rules.
func conftestNamespaces(namespaces []string, all bool) func(string) bool {
	exact := map[string]bool{ConftestNamespace: true}
	var globs []string
	for _, ns := range namespaces {
		ns = strings.TrimPrefix(ns, "data.")
		if strings.ContainsAny(ns, "*?[") {
			globs = append(globs, ns)
		} else {
			exact[ns] = true
		}
	}
	return func(pkg string) bool {
		if all {
			return !strings.HasPrefix(pkg+".", RulesPrefix)
		}
		if exact[pkg] {
			return true
		}
		for _, g := range globs {
			if ok, _ := path.Match(g, pkg); ok {
				return true
			}
		}
		return false
	}
}

// EntryRule is the Rego rule whose set holds the rule's findings: deny for
// kubeward rules, the conftest rule's own name otherwise.
func (r *Rule) EntryRule() string {
	if r.Entry != "" {
		return r.Entry
	}
	return "deny"
}
